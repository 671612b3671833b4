"""Replies in per-chat lanes: a chat that has to wait never holds up another chat.

Before, every reply of a bot went through one queue and one worker that slept on each 429:
one resident flooding a group (20 msg/min there) made a private question wait minutes.
Here each chat has its own FIFO lane (so a chat's replies keep their order), and a few
workers take whichever chat is ready first. A chat that must wait — its own pace (≈1/s
private, 20/min group), a 429 for that chat, a transient error's backoff — is set aside
with a ready time; the workers serve the other chats meanwhile. The account's budget
(30 msg/s, shared with bulletins and other processes) is taken from the same ``FloodGate``
the outbox drainer uses, and only for the send itself.

``attempt(out)`` is the platform's: it sends once and says what to do next (``Step``).
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.model import ChatId, ChatKind, Outbound

log = logging.getLogger(__name__)

WORKERS = 4  # concurrent sends: enough to hide round trips
MAX_TRIES = 10  # per reply, over 429s, transient errors and migrations


class Gate(Protocol):
    """What the lanes need of ``broadcasts.gate.FloodGate``."""

    async def try_chat(self, chat: ChatId, kind: ChatKind = ChatKind.GROUP) -> float: ...

    async def acquire(self) -> None: ...

    def pause_chat(self, chat: ChatId, seconds: float, kind: ChatKind = ChatKind.GROUP) -> None: ...


@dataclass(frozen=True)
class Step:
    """The outcome of one attempt: done (sent or given up), or retry ``out`` after ``retry_in`` s."""

    done: bool
    retry_in: float = 0.0
    out: Outbound | None = None  # a changed message to retry (a migrated group's new id)
    chat_pause: float = 0.0  # a 429's retry_after: the gate pauses this chat (and maybe the account)


DONE = Step(True)


@dataclass
class _Item:
    out: Outbound
    tries: int = 0


class ReplyLanes:
    def __init__(
        self,
        attempt: Callable[[Outbound], Awaitable[Step]],
        gate: Gate,
        *,
        workers: int = WORKERS,
        on_done: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.attempt = attempt
        self.gate = gate
        self.workers = workers
        self.on_done = on_done  # called once per reply put, when it is finished (sent or given up)
        self.clock = clock
        self._lanes: dict[ChatId, deque[_Item]] = {}
        self._busy: set[ChatId] = set()  # chats a worker is serving or that wait in the heap
        self._ready: list[tuple[float, int, ChatId]] = []  # (ready at, seq, chat)
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.sent = 0
        self.given_up = 0

    def put(self, out: Outbound) -> None:
        chat = out.chat.id
        self._lanes.setdefault(chat, deque()).append(_Item(out))
        if chat not in self._busy:
            self._schedule(chat, self.clock())

    def pending(self) -> int:
        return sum(len(q) for q in self._lanes.values())

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._work(), name=f"replies-{i}") for i in range(self.workers)]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()

    def healthy(self) -> bool:
        return all(not t.done() for t in self._tasks)

    def _schedule(self, chat: ChatId, at: float) -> None:
        self._busy.add(chat)
        heapq.heappush(self._ready, (at, next(self._seq), chat))
        self._wake.set()

    async def _next_chat(self) -> ChatId:
        while True:
            if self._ready:
                at, _, chat = self._ready[0]
                wait = at - self.clock()
                if wait <= 0:
                    heapq.heappop(self._ready)
                    return chat
            else:
                wait = 3600.0
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), wait)
            except TimeoutError:
                pass

    async def _work(self) -> None:
        while True:
            chat = await self._next_chat()
            try:
                await self._serve(chat)
            except Exception:
                log.exception("replies: chat %s failed", chat)
                self._finish(chat, give_up=True)

    async def _serve(self, chat: ChatId) -> None:
        lane = self._lanes.get(chat)
        if not lane:
            self._busy.discard(chat)
            self._lanes.pop(chat, None)
            return
        item = lane[0]
        wait = await self.gate.try_chat(chat, item.out.chat.kind)
        if wait > 0:  # this chat's pace: serve the others meanwhile
            self._schedule(chat, self.clock() + wait)
            return
        await self.gate.acquire()
        item.tries += 1
        step = await self.attempt(item.out)
        if step.done:
            self.sent += 1
            self._finish(chat)
            return
        if step.chat_pause > 0:
            self.gate.pause_chat(chat, step.chat_pause, item.out.chat.kind)
        if item.tries >= MAX_TRIES:
            log.warning("replies: giving up on a reply to %s after %d tries", chat, item.tries)
            self._finish(chat, give_up=True)
            return
        if step.out is not None and step.out.chat.id != chat:  # migrated: the rest of the lane moves too
            moved = self._lanes.pop(chat)
            moved[0] = _Item(step.out, item.tries)
            self._busy.discard(chat)
            new = step.out.chat.id
            self._lanes.setdefault(new, deque()).extend(moved)
            if new not in self._busy:
                self._schedule(new, self.clock() + step.retry_in)
            return
        self._schedule(chat, self.clock() + step.retry_in)

    def _finish(self, chat: ChatId, give_up: bool = False) -> None:
        lane = self._lanes.get(chat)
        if lane:
            lane.popleft()
        if give_up:
            self.given_up += 1
        if self.on_done is not None:
            self.on_done()
        if lane:
            self._schedule(chat, self.clock())
        else:
            self._lanes.pop(chat, None)
            self._busy.discard(chat)
