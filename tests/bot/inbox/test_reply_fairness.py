"""Durable replies are sent per chat: a 429 or a slow pace in one chat never holds up another."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.adapters.telegram import TelegramService
from bot.store.db import Store
from bot.store.inbox import ReplyRow
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import FakeBotAPI, running_fake, too_many


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with running_fake() as f:
        yield f


@pytest.fixture
async def bot(tmp_path: Path, store: Store, fake: FakeBotAPI) -> AsyncIterator[TelegramService]:
    rt = build_runtime(sample_config(tmp_path, telegram={"base_url": fake.base_url, "poll_timeout": 1}), store=store)
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
    for _ in range(100):  # the private send's outcome is being recorded
        if await queued(bot) == 1:
            break
        await asyncio.sleep(0.02)
    assert await queued(bot) == 1  # the group's reply waits in the database for its own pause, not lost


async def queued(bot: TelegramService) -> int:
    async with bot.runtime.store.session() as s:
        q = select(func.count()).select_from(ReplyRow).where(ReplyRow.status == "queued")
        return int((await s.execute(q)).scalar_one())
