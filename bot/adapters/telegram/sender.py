"""Sending through PTB, with every Bot API error turned into a ``SendResult``."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import Bot, ChatPermissions, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.adapters.base import SendResult, SendStatus, split_text
from bot.model import Outbound, Platform

log = logging.getLogger(__name__)

# Telegram's own limit on one text message (telegram.constants.MessageLimit.MAX_TEXT_LENGTH).
MAX_TEXT = int(MessageLimit.MAX_TEXT_LENGTH)
# Bad requests that mean the chat is gone for good: stop sending there.
GONE_MARKERS = (
    "chat not found",
    "bot was kicked",
    "group chat was deactivated",
    "not enough rights to send",
    "have no rights to send",
    "bot is not a member",
    "user is deactivated",
    "peer_id_invalid",
)


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def classify(exc: TelegramError) -> SendResult:
    if isinstance(exc, RetryAfter):
        return SendResult(SendStatus.RETRY_AFTER, retry_after=_seconds(exc.retry_after), error=str(exc))
    if isinstance(exc, ChatMigrated):
        return SendResult(SendStatus.MIGRATED, new_chat_id=exc.new_chat_id, error=str(exc))
    if isinstance(exc, Forbidden):
        return SendResult(SendStatus.GONE, error=str(exc))
    if isinstance(exc, BadRequest):
        text = str(exc).lower()
        if any(marker in text for marker in GONE_MARKERS):
            return SendResult(SendStatus.GONE, error=str(exc))
        return SendResult(SendStatus.REJECTED, error=str(exc))
    if isinstance(exc, TimedOut | NetworkError):
        return SendResult(SendStatus.TRANSIENT, error=str(exc))
    return SendResult(SendStatus.TRANSIENT, error=str(exc))


def keyboard(out: Outbound) -> InlineKeyboardMarkup | None:
    if not out.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in out.buttons]
    )


class TelegramSender:
    platform = Platform.TELEGRAM

    def __init__(self, bot: Bot):
        self.bot = bot
        # The bot id (the public half of the token): the flood budget is per token, and this names it.
        self.account = bot.token.split(":", 1)[0]

    async def send(self, out: Outbound) -> SendResult:
        """Send (split at 4096 chars on paragraph boundaries); buttons go under the last part.

        An ``action`` is done instead: "delete" (deleteMessage) or "mute" (restrictChatMember
        without the right to send, for ``seconds``); both need the bot to be an admin with
        that right, otherwise Telegram refuses (``rejected``)."""
        if out.action == "delete" and out.target_message is not None:
            return await self._call(self.bot.delete_message, chat_id=out.chat.id, message_id=out.target_message)
        if out.action == "mute" and out.target_user is not None:
            until = datetime.now(UTC) + timedelta(seconds=max(out.seconds, 60))
            return await self._call(
                self.bot.restrict_chat_member,
                chat_id=out.chat.id,
                user_id=out.target_user,
                permissions=ChatPermissions.no_permissions(),
                until_date=until,
            )
        if out.action:
            return SendResult(SendStatus.REJECTED, error=f"unknown action {out.action}")
        parts = split_text(out.text, MAX_TEXT)
        ids: list[int] = []
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            reply = (
                ReplyParameters(out.reply_to, allow_sending_without_reply=True)  # type: ignore[arg-type]
                if out.reply_to is not None and i == 0
                else None
            )
            try:
                message = await self.bot.send_message(
                    chat_id=out.chat.id,
                    text=part,
                    parse_mode=ParseMode.HTML if out.html else None,
                    reply_markup=keyboard(out) if last else None,
                    reply_parameters=reply,
                    disable_web_page_preview=True,
                )
            except TelegramError as exc:
                result = classify(exc)
                if ids:  # some parts already went out: report them so they are not resent
                    return SendResult(result.status, tuple(ids), result.retry_after, result.new_chat_id, result.error)
                return result
            ids.append(message.message_id)
        return SendResult(SendStatus.SENT, tuple(ids))

    async def _call(self, method: Any, **kwargs: Any) -> SendResult:
        try:
            await method(**kwargs)
        except TelegramError as exc:
            return classify(exc)
        return SendResult(SendStatus.SENT)
