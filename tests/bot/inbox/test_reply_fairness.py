"""Replies in per-chat lanes: a 429 or a slow pace in one chat never holds up another."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.lanes import DONE, ReplyLanes, Step
from bot.adapters.telegram import TelegramService
from bot.model import ChatKind, ChatRef, Outbound, Platform
from bot.runtime import Runtime
from bot.store.db import Store
from broadcasts.gate import LocalGate
from broadcasts.limits import LIMITS
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import FakeBotAPI, running_fake, too_many


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with running_fake() as f:
        yield f


@pytest.fixture
async def bot(tmp_path: Path, store: Store, fake: FakeBotAPI) -> AsyncIterator[TelegramService]:
    rt = Runtime.build(sample_config(tmp_path, telegram={"base_url": fake.base_url, "poll_timeout": 1}), store=store)
    await rt.open()
    service = TelegramService(rt, fake.token)
    await service.start()
    yield service
    await service.stop()


async def test_a_429_in_a_group_does_not_delay_a_private_answer(fake: FakeBotAPI, bot: TelegramService) -> None:
    group = u.group(-4301, "Ấp Ngãi Hội 1")
    fake.fail_with(-4301, too_many(30))  # the group is over its limit for 30 s
    fake.push(u.message(group, u.user(6101, "Anh Ba"), "/help"))
    await fake.wait_sent(1)  # the group's reply was tried and answered 429
    asked = time.monotonic()
    fake.push(u.message(u.private(6102, "Chị Hai"), u.user(6102, "Chị Hai"), "/help"))
    sent = await fake.wait_sent(2, within=5)
    assert sent[1]["chat_id"] == 6102
    assert time.monotonic() - asked < 3  # before: the one reply worker slept the whole 30 s
    for _ in range(100):  # the private send's answer is on its way back to us
        if bot.lanes.pending() == 1:
            break
        await asyncio.sleep(0.01)
    assert bot.lanes.pending() == 1  # the group's reply waits for its own pause, not lost


async def test_a_chat_keeps_its_order_and_others_overtake_it() -> None:
    tried: list[tuple[object, str]] = []
    script = {("g", "1"): Step(False, retry_in=0.3, chat_pause=0.3)}

    async def attempt(out: Outbound) -> Step:
        tried.append((out.chat.id, out.text))
        return script.pop((str(out.chat.id), out.text), DONE)

    lanes = ReplyLanes(attempt, LocalGate(LIMITS[Platform.SHELL]), workers=2)
    lanes.start()
    try:
        group, private = ChatRef(Platform.SHELL, "g"), ChatRef(Platform.SHELL, "p", ChatKind.PRIVATE)
        for text in ("1", "2"):
            lanes.put(Outbound(group, text))
        lanes.put(Outbound(private, "a"))
        for _ in range(200):
            if lanes.pending() == 0:
                break
            await asyncio.sleep(0.01)
    finally:
        await lanes.stop()
    assert [t for c, t in tried if c == "g"] == ["1", "1", "2"]  # retried in place, order kept
    assert tried.index(("p", "a")) < tried.index(("g", "2"))  # the private chat did not wait for the group
