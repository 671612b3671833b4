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

    if name in MEMBER_EVENTS and user is not None:
        if name in ("follow", "unfollow"):
            chat = followers_chat(oa_id)
        elif group_id:
            chat = ChatRef(Platform.ZALO_OA, group_id, ChatKind.GROUP)
        else:
            return OAEvent(name, key, None)
        return OAEvent(name, key, MemberEvent(chat, user, MEMBER_EVENTS[name], at, source=SOURCES[name]))

    return OAEvent(name, key, None)


def _digest(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return "ev:" + hashlib.sha256(raw.encode()).hexdigest()[:40]
