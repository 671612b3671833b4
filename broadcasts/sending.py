"""The sender service: one outbox drainer per platform account that has a sender.

Several processes may run it against one PostgreSQL outbox (rows are leased with
``FOR UPDATE SKIP LOCKED``); they share each bot token's flood budget through the database
(``broadcasts.gate.SharedGate``), so together they stay under the platform's rate with no
static split. ``LOASO_SENDERS`` is ignored (one warning).
"""

from __future__ import annotations

import asyncio
import logging
import time

from starlette.routing import BaseRoute

from bot.model import Platform
from bot.runtime import Runtime
from broadcasts.drain import Drainer
from broadcasts.shell_sender import ShellSender

log = logging.getLogger(__name__)

STALL_S = 120.0  # a drainer that has not looped for this long is unhealthy


class SenderService:
    name = "outbox"

    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self.drainers: list[Drainer] = []
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        self._stop.clear()
        # Shell groups (made by `loaso shell`) have no network: their rows are written to stderr.
        self.runtime.senders.setdefault(Platform.SHELL, ShellSender())
        for platform, sender in self.runtime.senders.items():
            drainer = Drainer(self.runtime.store, sender)
            drainer.pacer = self.runtime.lanes(platform).bulletins  # type: ignore[assignment]  # replies first
            await drainer.reclaim()
            self.drainers.append(drainer)
            self._tasks.append(asyncio.create_task(drainer.run(self._stop), name=f"outbox:{platform.value}"))
            log.info("outbox sender for %s started (%s)", platform.value, drainer.owner)
        if not self.drainers:
            log.warning("outbox sender: no platform has a sender; bulletins stay queued")

    async def stop(self) -> None:
        self._stop.set()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=10)
        self._tasks.clear()

    def healthy(self) -> bool:
        now = time.monotonic()
        return all(not t.done() for t in self._tasks) and all(now - d.last_activity < STALL_S for d in self.drainers)

    def routes(self) -> list[BaseRoute]:
        return []
