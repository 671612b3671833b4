"""Replies before bulletins on one platform account's flood budget.

The reply sender and the bulletin drainer of a platform account share ONE pacer object
(``broadcasts.limits.AccountPacer`` or whatever replaces it: only ``acquire``, ``pause``
and ``paused_for`` are used), so together they stay under the platform's rate. ``Lanes``
puts two doors in front of it: a bulletin send waits while replies are being sent, a reply
never waits for bulletins (at most for the one slot a bulletin already holds).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any, Protocol


class Pacer(Protocol):
    async def acquire(self, *args: Any, **kwargs: Any) -> Any: ...

    def pause(self, seconds: float) -> None: ...

    def paused_for(self, *args: Any) -> float: ...


class Lanes:
    def __init__(self, core: Pacer):
        self.core = core
        self._busy = 0  # reply batches in progress
        self._clear = asyncio.Event()
        self._clear.set()
        self.replies = Lane(self, urgent=True)
        self.bulletins = Lane(self, urgent=False)

    @contextlib.asynccontextmanager
    async def replying(self) -> AsyncIterator[None]:
        """While replies are being sent, bulletins wait for their turn."""
        self._busy += 1
        self._clear.clear()
        try:
            yield
        finally:
            self._busy -= 1
            if self._busy == 0:
                self._clear.set()

    @property
    def replies_waiting(self) -> bool:
        return self._busy > 0


class Lane:
    """The pacer as one kind of sender sees it: same interface, with priority."""

    def __init__(self, lanes: Lanes, *, urgent: bool):
        self._lanes = lanes
        self.urgent = urgent

    async def acquire(self, *args: Any, **kwargs: Any) -> Any:
        """A send slot; arguments (e.g. a chat, if the shared pacer paces per chat) go to the pacer."""
        if not self.urgent:
            while self._lanes.replies_waiting:
                await self._lanes._clear.wait()
        return await self._lanes.core.acquire(*args, **kwargs)

    def pause(self, seconds: float) -> None:
        self._lanes.core.pause(seconds)

    def paused_for(self, *args: Any) -> float:
        return self._lanes.core.paused_for(*args)

    def __getattr__(self, name: str) -> Any:  # interval, paused_until, … of the shared pacer
        return getattr(self._lanes.core, name)
