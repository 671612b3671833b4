"""Safety's background work in ``loaso run``: send due welcome batches, purge old flagged texts.

Welcomes are batched in the bot process's memory (``handlers.safety`` adds joins), so the
role that talks to platforms (``all``/``bot``) sends them, every ``TICK`` seconds, through
the platform senders. Flagged message texts are blanked after 30 days (Decree 13/2023:
keep only what a leader needs to review a flag) by the ``all``/``scheduler`` role, hourly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

from starlette.routing import BaseRoute

from bot.model import Outbound
from bot.runtime import Runtime
from bot.safety.welcome import WelcomeBatcher, greeting
from bot.store import safety as store
from bot.store.db import utcnow
from bot.store.tables import Group

log = logging.getLogger(__name__)

TICK = 15.0  # seconds between looks at the welcome batches
PURGE_EVERY = 3600.0  # seconds


class SafetyService:
    name = "safety"

    def __init__(self, runtime: Runtime, *, welcome: bool = True, purge: bool = True):
        self.runtime = runtime
        self.welcome = welcome
        self.purge = purge
        self._task: asyncio.Task[None] | None = None
        self._last_purge = 0.0

    async def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="safety")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def healthy(self) -> bool:
        return self._task is not None and not self._task.done()

    def routes(self) -> list[BaseRoute]:
        return []

    async def _loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                if self.welcome:
                    await self.send_welcomes()
                if self.purge and loop.time() - self._last_purge >= PURGE_EVERY:
                    self._last_purge = loop.time()
                    await self.purge_texts()
            except Exception:
                log.exception("safety: background work failed")
            await asyncio.sleep(TICK)

    async def send_welcomes(self, now: datetime | None = None) -> int:
        """Greet every batch whose window has closed; returns how many greetings went out."""
        batcher = self.runtime.router.state.get("safety.welcome")
        if not isinstance(batcher, WelcomeBatcher):
            return 0
        sent = 0
        for batch in batcher.due(now or utcnow()):
            async with self.runtime.store.session() as s:
                settings = await store.group_settings(s, batch.group_id)
                group = await s.get(Group, batch.group_id)
            if (settings is not None and not settings.welcome) or group is None or not group.active:
                continue
            hamlet = self.runtime.config.hamlet(group.hamlet_code) if group.hamlet_code else None
            text = greeting(
                self.runtime.texts, hamlet, settings.welcome_text if settings else None, batch.names, batch.more
            )
            sender = self.runtime.senders.get(batch.chat.platform)
            if sender is None:
                continue
            result = await sender.send(Outbound(batch.chat, text))
            if result.ok:
                sent += 1
            else:
                log.info("safety: welcome to %s not sent: %s", batch.chat.id, result.status.value)
        return sent

    async def purge_texts(self, now: datetime | None = None) -> int:
        async with self.runtime.store.session() as s:
            n = await store.purge_flag_texts(s, now or utcnow())
        if n:
            log.info("safety: blanked %d flagged message texts older than %d days", n, store.KEEP_TEXT_DAYS)
        return n
