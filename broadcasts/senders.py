"""Senders for CLI commands that deliver in-process (``loaso broadcast send --wait``).

Only senders are built here, never a platform service: a CLI process must not poll for
updates (that would steal them from a running ``loaso run``). Telegram needs
``TELEGRAM_BOT_TOKEN``; shell groups always get the local ``ShellSender``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.config import secret
from bot.model import Platform
from bot.runtime import Runtime
from broadcasts.drain import MAX_IN_FLIGHT
from broadcasts.shell_sender import ShellSender

log = logging.getLogger(__name__)

TELEGRAM_TOKEN_ENV = "TELEGRAM_BOT_TOKEN"

Closer = Callable[[], Awaitable[None]]


async def attach_senders(runtime: Runtime) -> list[Closer]:
    """Fill ``runtime.senders`` for every platform we can send on; returns what to close afterwards."""
    closers: list[Closer] = []
    token = secret(TELEGRAM_TOKEN_ENV)
    if token and Platform.TELEGRAM not in runtime.senders:
        from telegram import Bot
        from telegram.request import HTTPXRequest

        from bot.adapters.telegram.sender import TelegramSender

        request = HTTPXRequest(connection_pool_size=MAX_IN_FLIGHT * 2)
        bot = Bot(token, base_url=runtime.config.telegram.base_url, request=request)
        await bot.initialize()
        runtime.senders[Platform.TELEGRAM] = TelegramSender(bot)
        closers.append(bot.shutdown)
    runtime.senders.setdefault(Platform.SHELL, ShellSender())
    return closers


async def close_senders(closers: list[Closer]) -> None:
    for close in closers:
        try:
            await close()
        except Exception:
            log.exception("could not close a sender")
