"""What every platform adapter offers the rest of the bot: sending one message.

Replies and the broadcast outbox both send through a ``Sender``, which turns platform
errors into a ``SendResult`` the caller can act on without importing a platform library:
wait (``retry_after``), retry later (``transient``), stop for good (``gone``), resend to a
new id (``migrated``), or give up on this message (``rejected``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from bot.model import ChatId, Outbound, Platform


class SendStatus(enum.StrEnum):
    SENT = "sent"
    RETRY_AFTER = "retry_after"  # flood limit: pause this account for ``retry_after`` seconds
    TRANSIENT = "transient"  # 5xx, timeout, network: retry with backoff
    GONE = "gone"  # kicked, blocked, chat not found: mark the group inactive, never retry
    MIGRATED = "migrated"  # group became a supergroup: move to ``new_chat_id`` and resend
    REJECTED = "rejected"  # the platform refused this message (bad request): do not retry


@dataclass(frozen=True)
class SendResult:
    status: SendStatus
    message_ids: tuple[ChatId, ...] = ()
    retry_after: float = 0.0
    new_chat_id: ChatId | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is SendStatus.SENT


class Sender(Protocol):
    """One platform account able to send. Long texts are split by the sender at its limit.

    An ``Outbound`` with ``action`` set ("delete", "mute") is a moderation action, done by
    ``send`` too; a platform that cannot do it answers ``REJECTED`` (Zalo has no such API).
    """

    platform: Platform

    async def send(self, out: Outbound) -> SendResult: ...


def not_available(out: Outbound, platform: Platform) -> SendResult:
    """What a platform without moderation answers to an action."""
    return SendResult(SendStatus.REJECTED, error=f"{out.action} is not available on {platform.value}")


_SEPARATORS = ("\n\n", "\n", " ")


def split_text(text: str, limit: int, separators: tuple[str, ...] = _SEPARATORS) -> list[str]:
    """Split at paragraph boundaries, then lines, then words, so no part exceeds ``limit``."""
    if len(text) <= limit:
        return [text]
    if not separators:
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    sep, finer = separators[0], separators[1:]
    out: list[str] = []
    current = ""
    for piece in text.split(sep):
        candidate = f"{current}{sep}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            out.append(current)
        if len(piece) <= limit:
            current = piece
        else:
            sub = split_text(piece, limit, finer)
            out.extend(sub[:-1])
            current = sub[-1]
    if current:
        out.append(current)
    return out
