"""Run a job only while this process holds its lease, so exactly one process runs it.

``loaso run`` may be started several times against one PostgreSQL. Some jobs must still run
exactly once: the scheduler (firing is idempotent, but fetching twice is waste) and, with
polling, Telegram's getUpdates (two pollers on one token get 409 Conflict and split the
updates). Each process asks for the job's lease every ``RENEW_S``; the holder renews it, the
others wait. When the holder dies its lease runs out after ``TTL_S`` and the next asker takes
over; on a clean stop it is released at once. A holder that cannot renew (database down)
stops the job before its lease could have run out, so two never run it together.

SQLite is one process: the job simply runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable, Coroutine
from typing import Any

from bot.store import leases
from bot.store.db import Store

log = logging.getLogger(__name__)

TTL_S = 15.0  # a dead holder's job is taken over at most this long (plus RENEW_S) after it died
RENEW_S = 4.0  # how often the holder renews and the others ask
MARGIN_S = 3.0  # a holder that could not renew stops this long before its lease would end


def process_id() -> str:
    """``LOASO_SENDER_ID`` when set (a restarted process takes its leases back at once), else host:pid:random."""
    fixed = os.environ.get("LOASO_SENDER_ID", "").strip()
    return fixed or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Leased:
    """``await Leased(store, name, job).run()``: run ``job()`` whenever this process holds ``name``."""

    def __init__(
        self,
        store: Store,
        name: str,
        job: Callable[[], Coroutine[Any, Any, None]],
        *,
        holder: str | None = None,
        ttl: float = TTL_S,
        renew: float = RENEW_S,
    ):
        self.store = store
        self.name = name
        self.job = job
        self.holder = holder or process_id()
        self.ttl = ttl
        self.renew = renew
        self.held = False
        self.takeovers = 0  # times this process started the job
        self.decided = asyncio.Event()  # set once the first ask is answered (held or not)

    async def run(self) -> None:
        if self.store.is_sqlite:
            self.held = True
            self.decided.set()
            await self.job()
            return
        try:
            while True:
                got = await self._ask()
                self.held = got
                self.decided.set()
                if got:
                    await self._hold()
                await asyncio.sleep(self.renew)
        finally:
            self.held = False
            with contextlib.suppress(Exception):  # only deletes the row if it is still ours
                await asyncio.shield(leases.release(self.store, self.name, self.holder))

    async def _ask(self) -> bool:
        try:
            return await leases.acquire(self.store, self.name, self.holder, self.ttl)
        except Exception as exc:
            log.warning("lease %s: could not ask the database (%s)", self.name, type(exc).__name__)
            return False

    async def _hold(self) -> None:
        """Run the job while renewing; return when the lease is lost (the job is then stopped)."""
        self.held = True
        self.takeovers += 1
        valid_until = time.monotonic() + self.ttl
        log.info("lease %s: taken by %s; running it here", self.name, self.holder)
        task: asyncio.Task[None] = asyncio.create_task(self.job(), name=f"leased:{self.name}")
        try:
            while not task.done():
                await asyncio.wait([task], timeout=self.renew)
                if task.done():
                    break
                try:
                    still = await leases.acquire(self.store, self.name, self.holder, self.ttl)
                except Exception as exc:
                    log.warning("lease %s: could not renew (%s)", self.name, type(exc).__name__)
                    still = time.monotonic() < valid_until - MARGIN_S - self.renew
                else:
                    if still:
                        valid_until = time.monotonic() + self.ttl
                if not still:
                    log.warning("lease %s: lost; stopping it here", self.name)
                    break
        finally:
            if not task.done():
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
            self.held = False
        if task.done() and not task.cancelled() and task.exception() is not None:
            log.error("lease %s: the job failed", self.name, exc_info=task.exception())
