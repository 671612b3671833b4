"""``ZaloBotSender``: sendMessage for replies and the outbox, plain text split at 2000 chars.

Zalo documents no rate limit for bots, so the outbox's conservative pace applies and a
429 is honoured (``retry_after``). 5xx and timeouts are ``transient``; a chat that no
longer exists or blocked the bot is ``gone``; other refusals are ``rejected``.
"""

from __future__ import annotations

import logging

from bot.adapters.base import SendResult, SendStatus, not_available, split_text
from bot.adapters.zalo.buttons import ButtonMemory, plain_text
from bot.adapters.zalo_bot.client import BOT_TEXT_LIMIT, ZaloBotClient, ZaloBotError
from bot.model import ChatId, Outbound, Platform
from bot.texts import Texts, default_texts

log = logging.getLogger(__name__)

DEFAULT_RETRY_AFTER = 30.0
GONE_HINTS = ("not found", "blocked", "not exist", "kicked", "removed")


def classify(exc: Exception, sent: tuple[ChatId, ...] = ()) -> SendResult:
    if not isinstance(exc, ZaloBotError):
        return SendResult(SendStatus.TRANSIENT, sent, error=type(exc).__name__)
    error = str(exc)[:300]
    if exc.http_status == 429 or exc.code == 429:
        return SendResult(SendStatus.RETRY_AFTER, sent, retry_after=exc.retry_after or DEFAULT_RETRY_AFTER, error=error)
    if exc.http_status is None or exc.http_status >= 500 or (exc.code or 0) >= 500:
        return SendResult(SendStatus.TRANSIENT, sent, error=error)
    if exc.code in (403, 404) or any(h in error.lower() for h in GONE_HINTS):
        return SendResult(SendStatus.GONE, sent, error=error)
    return SendResult(SendStatus.REJECTED, sent, error=error)


class ZaloBotSender:
    platform = Platform.ZALO_BOT

    def __init__(self, client: ZaloBotClient, texts: Texts | None = None):
        self.client = client
        self.texts = texts or default_texts()
        self.buttons = ButtonMemory()  # numbered choices offered in private chats

    async def send(self, out: Outbound) -> SendResult:
        if out.action:  # the Zalo Bot API cannot delete members' messages or mute them
            return not_available(out, self.platform)
        text = plain_text(out, self.texts, self.buttons)
        if not text:
            return SendResult(SendStatus.REJECTED, error="empty message")
        sent: list[ChatId] = []
        for part in split_text(text, BOT_TEXT_LIMIT):
            try:
                message_id = await self.client.send_message(str(out.chat.id), part)
            except Exception as exc:
                result = classify(exc, tuple(sent))
                log.warning("Zalo Bot send to %s failed: %s (%s)", out.chat.id, result.status.value, result.error)
                return result
            sent.append(message_id or "")
        return SendResult(SendStatus.SENT, tuple(sent))
