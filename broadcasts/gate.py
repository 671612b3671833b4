"""The flood gate of a platform account: one budget for everything a bot token sends.

A ``FloodGate`` paces ONE platform account (a bot token) for everything that sends through
it: bulletins (the outbox drainer) and replies, with the buckets of ``broadcasts.limits``
(the account, each chat). A 429's ``retry_after`` pauses the chat that got it; a second chat
answered 429 moments later means the account itself is over its limit, and the whole account
pauses.

``LocalGate`` keeps the buckets in memory (SQLite: one process). ``SharedGate`` keeps them in
PostgreSQL rows (``bot.store.flood``), so every process using one token shares one budget
with no static split. ``gate_for(store, platform, account)`` returns the one gate of this
process for a platform account: the drainer and the reply sender must both use it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.model import ChatId, ChatKind, Platform
from bot.store import flood
from bot.store.db import Store
from broadcasts.limits import LIMITS, Pace, PlatformLimits, gcra

log = logging.getLogger(__name__)
T = TypeVar("T")

# A 429 on a second chat within this many seconds of one on another chat pauses the account.
ACCOUNT_STRIKE_WINDOW_S = 5.0
SWEEP_EVERY_S = 60.0  # idle chat buckets are dropped this often


@dataclass
class _Bucket:
    tat: float = 0.0
    paused_until: float = 0.0


@dataclass
class _Strikes:
    """Recent 429s by chat (monotonic times), to tell a chat's limit from the account's."""

    window: float = ACCOUNT_STRIKE_WINDOW_S
    last: dict[ChatId, float] = field(default_factory=dict)

    def hit(self, chat: ChatId, now: float) -> bool:
        """Record a 429 on ``chat``; True when another chat had one within the window."""
        self.last = {c: t for c, t in self.last.items() if now - t <= self.window}
        other = any(c != chat for c in self.last)
        self.last[chat] = now
        return other


class FloodGate:
    """One platform account's flood budget; see the module docstring. Subclasses store the buckets.

    The interface the drainer and the reply sender use:

    - ``await acquire()``: wait for an account slot (every message, every part);
    - ``await acquire(chat, kind)`` (or ``acquire_chat``): wait for the chat's slot, then the account's;
    - ``await try_chat(chat, kind)``: 0.0 and the chat's slot reserved, or the seconds to wait and
      nothing reserved (the outbox defers the row instead of holding a worker);
    - ``pause_chat(chat, retry_after, kind=GROUP)``: a 429 on one chat. That chat pauses, and the
      account too if another chat got a 429 moments ago;
    - ``pause(retry_after)``: the whole account pauses (a 429 known to be the account's);
    - ``paused_for(chat=None)``: seconds this process knows it must still wait.

    ``acquire``, ``pause(seconds)`` and ``paused_for()`` are the old ``AccountPacer``'s interface,
    so a wrapper written for it (e.g. a priority lane forwarding other attributes) keeps working.
    """

    def __init__(self, limits: PlatformLimits, *, clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self.clock = clock
        self.strikes = _Strikes()
        # What this process learnt from its own 429s (the shared gate also stores them).
        self._paused: dict[ChatId | None, float] = {}
        self.account_pauses = 0
        self.chat_pauses = 0

    async def _reserve(self, chat: ChatId | None, pace: Pace, block: bool) -> float:
        raise NotImplementedError

    def _store_pause(self, chat: ChatId | None, seconds: float) -> None:
        """Make a pause known beyond this process (the shared gate); nothing for the local one."""

    async def acquire(self, chat: ChatId | None = None, kind: ChatKind = ChatKind.GROUP) -> None:
        """An account slot; with ``chat``, first that chat's slot (waiting as long as it takes)."""
        if chat is not None:
            while True:
                wait = await self._reserve(chat, self.limits.chat(kind), True)
                if wait > 0:
                    await asyncio.sleep(wait)
                if self.paused_for(chat) <= 0:  # a 429 on the chat arrived while we waited: a later slot
                    break
        while True:
            wait = await self._reserve(None, self.limits.account, True)
            if wait > 0:
                await asyncio.sleep(wait)
            if self.paused_for() <= 0:  # a 429 arrived while we waited for this slot: take a later one
                return

    async def acquire_chat(self, chat: ChatId, kind: ChatKind = ChatKind.GROUP) -> None:
        await self.acquire(chat, kind)

    async def try_chat(self, chat: ChatId, kind: ChatKind = ChatKind.GROUP) -> float:
        local = self.paused_for(chat)
        if local > 0:
            return local
        return await self._reserve(chat, self.limits.chat(kind), False)

    def pause(self, seconds: float) -> None:
        """The whole account waits ``seconds`` (in every process sharing the gate)."""
        self._pause([None], max(seconds, 0.0))

    def pause_chat(self, chat: ChatId, seconds: float, kind: ChatKind = ChatKind.GROUP) -> None:
        """A 429 on ``chat``: it waits ``seconds``; a second chat's 429 within moments pauses the account."""
        scopes: list[ChatId | None] = [chat]
        if self.strikes.hit(chat, self.clock()):
            scopes.append(None)  # two chats at once: it is the account's limit
        self._pause(scopes, max(seconds, 0.0))

    def _pause(self, scopes: list[ChatId | None], seconds: float) -> None:
        now = self.clock()
        for scope in scopes:
            self._paused[scope] = max(self._paused.get(scope, 0.0), now + seconds)
            self._store_pause(scope, seconds)
            if scope is None:
                self.account_pauses += 1
            else:
                self.chat_pauses += 1

    def paused_for(self, chat: ChatId | None = None) -> float:
        """Seconds the chat (or, with no chat, the account) is still paused, as far as this process knows."""
        return max(0.0, self._paused.get(chat, 0.0) - self.clock())


class LocalGate(FloodGate):
    """Buckets in this process's memory: the whole budget for one process (SQLite)."""

    def __init__(self, limits: PlatformLimits, *, clock: Callable[[], float] = time.monotonic):
        super().__init__(limits, clock=clock)
        self._buckets: dict[ChatId | None, _Bucket] = {}
        self._swept = clock()

    async def _reserve(self, chat: ChatId | None, pace: Pace, block: bool) -> float:
        now = self.clock()
        if now - self._swept > SWEEP_EVERY_S:
            self._sweep(now)
        bucket = self._buckets.setdefault(chat, _Bucket())
        paused = max(bucket.paused_until, self._paused.get(chat, 0.0))
        wait, bucket.tat = gcra(bucket.tat, paused, now, pace, block=block)
        return wait

    def _store_pause(self, chat: ChatId | None, seconds: float) -> None:
        bucket = self._buckets.setdefault(chat, _Bucket())
        bucket.paused_until = max(bucket.paused_until, self.clock() + seconds)

    def _sweep(self, now: float) -> None:
        self._swept = now
        idle = [k for k, b in self._buckets.items() if k is not None and b.tat < now and b.paused_until < now]
        for key in idle:
            del self._buckets[key]
        self._paused = {k: t for k, t in self._paused.items() if t > now}


class SharedGate(FloodGate):
    """Buckets in PostgreSQL rows (``bot.store.flood``): every process on one token shares them.

    Each reservation is one atomic statement on the database clock, over one AUTOCOMMIT
    connection this gate keeps (≈0.1 ms a round trip on loopback, against ≈1 ms with a pool
    checkout each time); the caller then sleeps locally until its slot. A pause (429) is applied
    here at once and written for the others. The connection is closed with the store.
    """

    def __init__(self, store: Store, account: str, limits: PlatformLimits):
        super().__init__(limits)
        self.store = store
        self.account = account
        self._conn: AsyncConnection | None = None
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._swept = time.monotonic()
        store.on_close.append(self.close)

    def key(self, chat: ChatId | None) -> str:
        return self.account if chat is None else f"{self.account}:{chat}"

    async def _run(self, op: Callable[[AsyncConnection], Awaitable[T]]) -> T:
        async with self._lock:
            if self._conn is None:
                conn = await self.store.engine.connect()
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                # A reservation lost in a database crash costs nothing: do not wait for the WAL flush.
                await conn.exec_driver_sql("SET synchronous_commit TO off")
                self._conn = conn
            try:
                return await op(self._conn)
            except BaseException:
                conn, self._conn = self._conn, None  # a broken or cancelled connection: a fresh one next time
                with contextlib.suppress(Exception):
                    await asyncio.shield(conn.close())
                raise

    async def _reserve(self, chat: ChatId | None, pace: Pace, block: bool) -> float:
        if time.monotonic() - self._swept > SWEEP_EVERY_S:
            self._swept = time.monotonic()
            self._spawn(self._run(flood.sweep))
        key = self.key(chat)
        return await self._run(lambda c: flood.reserve(c, key, interval=pace.interval, burst=pace.burst, block=block))

    def _store_pause(self, chat: ChatId | None, seconds: float) -> None:
        key = self.key(chat)
        self._spawn(self._run(lambda c: flood.pause(c, key, seconds)))

    async def stored_pause(self, chat: ChatId | None = None) -> float:
        """Seconds left of the pause stored for ``chat`` (or the account), whoever set it."""
        key = self.key(chat)
        return await self._run(lambda c: flood.paused_for(c, key))

    async def close(self) -> None:
        for task in list(self._tasks):
            with contextlib.suppress(Exception):
                await task
        async with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            await conn.close()

    def _spawn(self, coro: Awaitable[object]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)  # type: ignore[arg-type]
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Future[object]) -> None:
        self._tasks.discard(task)  # type: ignore[arg-type]
        if not task.cancelled() and task.exception() is not None:
            log.warning("flood gate %s: could not write to the database: %r", self.account, task.exception())


_GATES: weakref.WeakKeyDictionary[Store, dict[str, FloodGate]] = weakref.WeakKeyDictionary()


def account_key(platform: Platform, account: str | None = None) -> str:
    """``telegram`` or ``telegram:123456`` (the bot id, the public half of a token): never a secret."""
    return f"{platform.value}:{account}" if account else platform.value


def gate_for(
    store: Store, platform: Platform, account: str | None = None, limits: PlatformLimits | None = None
) -> FloodGate:
    """THE gate of this process for one platform account: shared in PostgreSQL, local on SQLite.

    Every caller with the same store and account gets the same object, so the outbox drainer
    and the reply sender of one process draw on one budget (and, on PostgreSQL, with every
    other process on the token). ``limits`` overrides the platform's (tests, benchmarks) and
    then gives a gate of its own.
    """
    key = account_key(platform, account)
    if limits is not None:
        return LocalGate(limits) if store.is_sqlite else SharedGate(store, key, limits)
    gates = _GATES.setdefault(store, {})
    gate = gates.get(key)
    if gate is None:
        lim = LIMITS[platform]
        gate = gates[key] = LocalGate(lim) if store.is_sqlite else SharedGate(store, key, lim)
    return gate
