"""Senders for CLI commands that deliver in-process (``loaso broadcast send --wait``).

Only senders are built here, never a platform service: a CLI process must not poll for
updates (that would steal them from a running ``loaso run``). Telegram needs
``TELEGRAM_BOT_TOKEN``; shell groups always get the local ``ShellSender``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

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
    closers.extend(await _zalo_senders(runtime))
    runtime.senders.setdefault(Platform.SHELL, ShellSender())
    return closers


async def _zalo_senders(runtime: Runtime) -> list[Closer]:
    from bot.adapters.zalo.secrets import MissingSecret
    from bot.adapters.zalo.services import attach_zalo_senders

    try:
        return await attach_zalo_senders(runtime)
    except MissingSecret as exc:
        log.error("Zalo groups cannot be sent to: %s", exc)
        return []


class SendOnlyService:
    """Senders without platform services, for ``--role sender`` and ``--role scheduler``:
    no polling (two processes polling one bot get Telegram 409 conflicts), but leaders can
    still be told when a source is down and the outbox can be drained."""

    name = "senders"

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._closers: list[Closer] = []
        self._started = False

    async def start(self) -> None:
        self._closers = await attach_senders(self.runtime)
        self._started = True

    async def stop(self) -> None:
        closers, self._closers = self._closers, []
        await close_senders(closers)

    def healthy(self) -> bool:
        return self._started

    def routes(self) -> list[Any]:
        return []


async def close_senders(closers: list[Closer]) -> None:
    for close in closers:
        try:
            await close()
        except Exception:
            log.exception("could not close a sender")
