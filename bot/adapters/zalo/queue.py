"""Events accepted by a Zalo webhook, handled one at a time in arrival order.

Zalo wants the webhook answered within 2 seconds, so handling happens after the 200.
One worker (not a task per event) keeps a person's join and leave, or a question and its
follow-up, in the order Zalo sent them, and keeps SQLite from juggling concurrent writers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class InOrder(Generic[T]):
    def __init__(self, handle: Callable[[T], Awaitable[None]]):
        self._handle = handle
        self._queue: asyncio.Queue[T] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None

    def put(self, item: T) -> None:
        self._queue.put_nowait(item)
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._run())

    def __len__(self) -> int:
        return self._queue.qsize()

    async def _run(self) -> None:
        while True:
            item = await self._queue.get()
            try:
                await self._handle(item)
            except Exception:
                log.exception("Zalo event handling failed")
            finally:
                self._queue.task_done()

    async def drain(self) -> None:
        """Wait until everything put so far has been handled."""
        await self._queue.join()

    async def close(self) -> None:
        await self.drain()
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None
