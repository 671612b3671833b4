"""The flood gate: a chat's 429 stays the chat's, and several processes on one bot token share
one budget (PostgreSQL rows, no static split).

Each ``SharedGate`` below stands for one process: its own object, its own memory, only the
database in common. The fake Bot API enforces Telegram's 30 msg/s and counts every 429.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.adapters.telegram.sender import TelegramSender
from bot.model import ChatKind, Platform
from bot.runtime import Runtime
from bot.store.db import Store
from broadcasts import gate as gate_module
from broadcasts import outbox
from broadcasts.drain import Drainer
from broadcasts.gate import LocalGate, SharedGate, gate_for
from broadcasts.limits import LIMITS
from tests.broadcasts.helpers import add_groups
from tests.fakes.flood import FloodPolicy
from tests.fakes.telegram_api import FakeBotAPI, running_fake


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()

    async def sleep(seconds: float) -> None:
        c.now += seconds

    monkeypatch.setattr(gate_module.asyncio, "sleep", sleep)
    return c


def postgres_only(store: Store) -> None:
    if store.is_sqlite:
        pytest.skip("one SQLite process paces in memory; sharing is PostgreSQL's")


@pytest.fixture
async def fake() -> AsyncIterator[tuple[FakeBotAPI, FloodPolicy]]:
    policy = FloodPolicy(server_error_rate=0.0)
    async with running_fake(policy=policy) as f:
        yield f, policy


@pytest.mark.postgres
async def test_two_drainers_on_one_token_never_exceed_the_shared_rate(
    runtime: Runtime, fake: tuple[FakeBotAPI, FloodPolicy]
) -> None:
    postgres_only(runtime.store)
    api, policy = fake
    chats = [-(5000 + i) for i in range(150)]  # 5 s at 30 msg/s: two unshared pacers would send 60/s
    await add_groups(runtime, chats)
    async with runtime.store.session() as s:
        q = await outbox.queue_bulletin(s, runtime.config, kind="custom", target="all", text="Họp dân")
    bots = [Bot(api.token, base_url=api.base_url, request=HTTPXRequest(connection_pool_size=8)) for _ in range(2)]
    drainers = []
    for i, bot in enumerate(bots):
        await bot.initialize()
        sender = TelegramSender(bot)
        gate = SharedGate(runtime.store, f"telegram:{sender.account}", LIMITS[Platform.TELEGRAM])  # one per process
        drainers.append(Drainer(runtime.store, sender, owner=f"p{i}", gate=gate))
    try:
        await asyncio.wait_for(asyncio.gather(*(d.drain(q.bulletin_id) for d in drainers)), 30)
    finally:
        for bot in bots:
            await bot.shutdown()
    assert policy.violations == 0  # not one 429 caused by us
    assert sorted(policy.accepted) == sorted(chats) and set(policy.accepted.values()) == {1}
    assert all(d.counters.sent > 20 for d in drainers)  # both really sent: the budget was shared, not split


@pytest.mark.postgres
async def test_shared_pause_holds_the_other_process(store: Store) -> None:
    postgres_only(store)
    from bot.store.schema import ensure_schema

    await ensure_schema(store)
    limits = LIMITS[Platform.TELEGRAM]
    a, b = SharedGate(store, "telegram:1", limits), SharedGate(store, "telegram:1", limits)
    assert await b.try_chat(-7, ChatKind.GROUP) == 0
    a.pause_chat(-8, 30)
    await asyncio.gather(*a._tasks)
    assert await b.try_chat(-8, ChatKind.GROUP) > 25  # b never saw the 429, the row told it
    assert await b.try_chat(-9, ChatKind.GROUP) == 0  # other chats go on
    assert await b.stored_pause(-8) > 25


def test_one_gate_per_process_and_account(config: object) -> None:
    sqlite = Store("sqlite+aiosqlite:///:memory:")
    g = gate_for(sqlite, Platform.TELEGRAM, "123")
    assert g is gate_for(sqlite, Platform.TELEGRAM, "123") and isinstance(g, LocalGate)
    assert g is not gate_for(sqlite, Platform.TELEGRAM, "456")


async def test_a_chat_429_pauses_that_chat_and_two_pause_the_account(clock: Clock) -> None:
    gate = LocalGate(LIMITS[Platform.TELEGRAM], clock=clock)
    gate.pause_chat(-1, 30)
    assert await gate.try_chat(-1) == pytest.approx(30)
    assert await gate.try_chat(-2) == 0  # another chat goes on
    start = clock.now
    await gate.acquire()
    assert clock.now == start  # and the account too
    gate.pause_chat(-3, 10)  # a second chat at once: the account's limit
    assert gate.paused_for() == pytest.approx(10)
    await gate.acquire()
    assert clock.now - start == pytest.approx(10)
    assert (gate.chat_pauses, gate.account_pauses) == (2, 1)


async def test_acquire_with_a_chat_waits_for_that_chats_pace(clock: Clock) -> None:
    gate = LocalGate(LIMITS[Platform.TELEGRAM], clock=clock)
    start = clock.now
    for _ in range(4):  # a private chat: a burst of 3, then one a second
        await gate.acquire(7, ChatKind.PRIVATE)
    assert clock.now - start == pytest.approx(1.0)
    t = clock.now
    await gate.acquire(8, ChatKind.PRIVATE)  # another chat does not wait for chat 7
    assert clock.now - t < 0.1
