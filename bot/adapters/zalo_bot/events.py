"""Zalo Bot Platform updates → the internal model (pure functions, no I/O).

An update has ``event_name`` (``message.text.received``, ``message.image.received``, …)
and ``message{from{id, display_name}, chat{id, chat_type}, text, message_id, date}`` with
``date`` in milliseconds. Only text messages are handled; ids stay strings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.adapters.zalo_oa.events import ms_to_utc
from bot.dispatcher import clean_text
from bot.model import ChatKind, ChatRef, InboundMessage, Media, MediaKind, Platform, UserRef, parse_command

TEXT_EVENT = "message.text.received"
# message.<kind>.received: what residents send instead of typing. Accounts of protected users
# (children, people who cannot read) arrive only as message.unsupported.received, with no content.
MEDIA_KINDS = {
    "image": MediaKind.IMAGE,
    "photo": MediaKind.IMAGE,
    "sticker": MediaKind.STICKER,
    "gif": MediaKind.STICKER,
    "voice": MediaKind.VOICE,
    "audio": MediaKind.VOICE,
    "video": MediaKind.VIDEO,
    "file": MediaKind.FILE,
    "location": MediaKind.LOCATION,
    "contact": MediaKind.CONTACT,
    "unsupported": MediaKind.UNSUPPORTED,
}
MENTIONS = ("@loaso", "@loa số", "loa số ơi", "loa so oi")


@dataclass(frozen=True)
class BotUpdate:
    name: str
    key: str  # dedupe key: the message_id when there is one
    message: InboundMessage | None  # None: not a text message (acknowledged, ignored)


def translate(update: dict[str, Any], *, now: datetime, names: tuple[str, ...] = ()) -> BotUpdate:
    message = _dict(update.get("message"))
    name = str(update.get("event_name") or (TEXT_EVENT if message.get("text") else "?"))
    message_id = _s(message.get("message_id"))
    message_id = clean_text(message_id) or None if message_id else None  # no NUL or control characters
    chat, sender = _dict(message.get("chat")), _dict(message.get("from"))
    chat_id, user_id = _s(chat.get("id")), _s(sender.get("id"))
    key = f"msg:{message_id}" if message_id else _digest(name, chat_id, user_id, message.get("date"))
    raw = message.get("text") if isinstance(message.get("text"), str) else message.get("caption")
    text = clean_text(raw) if isinstance(raw, str) else ""
    media = _media(name, message)
    if chat_id is None or user_id is None or (media is None and (name != TEXT_EVENT or not text)):
        return BotUpdate(name, key, None)
    private = str(chat.get("chat_type") or "PRIVATE").upper() == "PRIVATE"
    display = sender.get("display_name") or sender.get("name") or sender.get("first_name")
    display = clean_text(str(display)) if display else None
    user = UserRef(Platform.ZALO_BOT, user_id, str(display)[:128] if display else None, bool(sender.get("is_bot")))
    ref = ChatRef(Platform.ZALO_BOT, chat_id, ChatKind.PRIVATE if private else ChatKind.GROUP)
    lowered = text.lower()
    mentioned = private or any(m in lowered for m in (*MENTIONS, *(f"@{n.lower()}" for n in names if n)))
    inbound = InboundMessage(
        chat=ref,
        sender=user,
        text=text,
        at=ms_to_utc(message.get("date")) or now,
        message_id=message_id,
        mentions_bot=mentioned,
        command=parse_command(text) if media is None else None,
        media=media,
    )
    return BotUpdate(name, key, inbound)


def _media(name: str, message: dict[str, Any]) -> Media | None:
    if name == TEXT_EVENT or not name.startswith("message.") or not name.endswith(".received"):
        return None
    kind = MEDIA_KINDS.get(name.removeprefix("message.").removesuffix(".received"))
    if kind is None:
        return None
    url = next(
        (v for k in ("photo_url", "photo", "url") if isinstance(v := message.get(k), str) and v.startswith("http")),
        None,
    )
    return Media(kind, url)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _s(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _digest(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return "ev:" + hashlib.sha256(raw.encode()).hexdigest()[:40]
