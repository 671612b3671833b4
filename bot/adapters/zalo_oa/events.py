"""Zalo OA webhook payloads → the internal model (pure functions, no I/O).

Zalo ids are opaque strings and stay strings. A private conversation with the OA is
``ChatKind.PRIVATE`` with the user's id; an OA group (GMF) is ``ChatKind.GROUP`` with the
group's id. ``follow``/``unfollow`` are joins/leaves of the OA's *followers*, kept as a
pseudo-group ``followers:<oa_id>`` so membership figures and (where configured) follower
bulletins work like a group's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.dispatcher import clean_text
from bot.model import (
    ChatKind,
    ChatRef,
    Event,
    InboundMessage,
    Media,
    MediaKind,
    MemberChange,
    MemberEvent,
    Platform,
    UserRef,
    parse_command,
)

FOLLOWERS_PREFIX = "followers:"
# How residents call the bot in a group message (lower case, compared with NFC text).
MENTIONS = ("@loaso", "@loa số", "loa số ơi", "loa so oi")

TEXT_EVENTS = {"user_send_text", "user_send_group_text"}
# user_send_<kind> (private) and user_send_group_<kind>: what residents send instead of typing.
MEDIA_KINDS = {
    "image": MediaKind.IMAGE,
    "gif": MediaKind.STICKER,
    "sticker": MediaKind.STICKER,
    "audio": MediaKind.VOICE,
    "voice": MediaKind.VOICE,
    "video": MediaKind.VIDEO,
    "file": MediaKind.FILE,
    "location": MediaKind.LOCATION,
    "business_card": MediaKind.CONTACT,
}
MEMBER_EVENTS = {
    "follow": MemberChange.JOINED,
    "unfollow": MemberChange.LEFT,
    "user_join_group": MemberChange.JOINED,
    "user_out_group": MemberChange.LEFT,
}
SOURCES = {
    "follow": "zalo_follow",
    "unfollow": "zalo_follow",
    "user_join_group": "zalo_group",
    "user_out_group": "zalo_group",
}


@dataclass(frozen=True)
class OAEvent:
    name: str
    key: str  # dedupe key: the msg_id when there is one
    event: Event | None  # None: an event kind we do not handle (acknowledged, ignored)


def followers_chat(oa_id: str) -> ChatRef:
    return ChatRef(Platform.ZALO_OA, f"{FOLLOWERS_PREFIX}{oa_id}", ChatKind.GROUP, None)


def is_followers_chat(chat_id: object) -> bool:
    return isinstance(chat_id, str) and chat_id.startswith(FOLLOWERS_PREFIX)


def ms_to_utc(value: Any) -> datetime | None:
    try:
        ms = int(value)
    except (TypeError, ValueError):
        return None
    try:
        return datetime.fromtimestamp(ms / 1000, UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):
        return None


def _get(payload: dict[str, Any], path: str) -> str | None:
    node: Any = payload
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    if node is None or isinstance(node, dict | list):
        return None
    text = str(node).strip()
    return text or None


def _first(payload: dict[str, Any], *paths: str, exclude: str | None = None) -> str | None:
    for path in paths:
        value = _get(payload, path)
        if value and value != exclude:
            return value
    return None


def _mentions(text: str, names: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(m in lowered for m in (*MENTIONS, *names))


def translate(payload: dict[str, Any], *, oa_id: str, now: datetime, names: tuple[str, ...] = ()) -> OAEvent:
    """One webhook body → one event (or an ignored kind). Never raises on odd payloads."""
    name = _get(payload, "event_name") or "?"
    at = ms_to_utc(payload.get("timestamp")) or now
    user_id = _first(payload, "sender.id", "follower.id", "user_id", "user.id", exclude=oa_id)
    group_id = _first(payload, "recipient.group_id", "message.conversation_id", "group_id", "group.id")
    if group_id is None and "group" in name:
        group_id = _first(payload, "recipient.id", exclude=oa_id)
    msg_id = _get(payload, "message.msg_id") or _get(payload, "msg_id")
    msg_id = clean_text(msg_id) or None if msg_id else None  # a NUL or control character is no part of an id
    key = f"msg:{msg_id}" if msg_id else _digest(name, user_id, group_id, payload.get("timestamp"))
    user = UserRef(Platform.ZALO_OA, user_id) if user_id else None

    if name in TEXT_EVENTS and user is not None:
        text = clean_text(_get(payload, "message.text") or "")
        if not text:
            return OAEvent(name, key, None)
        if name == "user_send_text":
            chat = ChatRef(Platform.ZALO_OA, user.id, ChatKind.PRIVATE)
        elif group_id:
            chat = ChatRef(Platform.ZALO_OA, group_id, ChatKind.GROUP)
        else:
            return OAEvent(name, key, None)
        command = parse_command(text)
        mentioned = chat.is_private or _mentions(text, names)
        message = InboundMessage(chat, user, text, at, message_id=msg_id, mentions_bot=mentioned, command=command)
        return OAEvent(name, key, message)

    kind = _media_kind(name)
    if kind is not None and user is not None:
        where = _chat(name, user, group_id)
        if where is None:
            return OAEvent(name, key, None)
        chat = where
        text = clean_text(_get(payload, "message.text") or "")
        media = Media(kind, _attachment_url(payload))
        mentioned = chat.is_private or _mentions(text, names)
        message = InboundMessage(chat, user, text, at, message_id=msg_id, mentions_bot=mentioned, media=media)
        return OAEvent(name, key, message)

    if name in MEMBER_EVENTS and user is not None:
        if name in ("follow", "unfollow"):
            chat = followers_chat(oa_id)
        elif group_id:
            chat = ChatRef(Platform.ZALO_OA, group_id, ChatKind.GROUP)
        else:
            return OAEvent(name, key, None)
        return OAEvent(name, key, MemberEvent(chat, user, MEMBER_EVENTS[name], at, source=SOURCES[name]))

    return OAEvent(name, key, None)


def _media_kind(name: str) -> MediaKind | None:
    if not name.startswith("user_send_") or name in TEXT_EVENTS:
        return None
    return MEDIA_KINDS.get(name.removeprefix("user_send_").removeprefix("group_"))


def _chat(name: str, user: UserRef, group_id: str | None) -> ChatRef | None:
    if "_group_" not in name:
        return ChatRef(Platform.ZALO_OA, user.id, ChatKind.PRIVATE)
    return ChatRef(Platform.ZALO_OA, group_id, ChatKind.GROUP) if group_id else None


def _attachment_url(payload: dict[str, Any]) -> str | None:
    """The first attachment's URL (``message.attachments[0].payload.url``): Zalo's CDN, fetched on demand."""
    message = payload.get("message")
    attachments = message.get("attachments") if isinstance(message, dict) else None
    if not isinstance(attachments, list):
        return None
    for item in attachments:
        inner = item.get("payload") if isinstance(item, dict) else None
        if isinstance(inner, dict):
            url = inner.get("url") or inner.get("href")
            if isinstance(url, str) and url.startswith(("https://", "http://")):
                return url
    return None


def _digest(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return "ev:" + hashlib.sha256(raw.encode()).hexdigest()[:40]
