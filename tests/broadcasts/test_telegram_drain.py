"""End to end: the outbox drained through the real PTB sender into the fake Bot API on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.adapters.telegram.sender import TelegramSender
from bot.runtime import Runtime
from bot.store.groups import group_chat_id
from broadcasts import outbox
from broadcasts.waiter import drain_bulletin
from tests.broadcasts.helpers import add_groups, deliveries, group
from tests.fakes.telegram_api import KICKED, NOT_FOUND, SERVER_ERROR, FakeBotAPI, migrated, running_fake, too_many


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with running_fake() as f:
        yield f


@pytest.fixture
async def sender(fake: FakeBotAPI) -> AsyncIterator[TelegramSender]:
    bot = Bot(fake.token, base_url=fake.base_url, request=HTTPXRequest(connection_pool_size=8))
    await bot.initialize()
    yield TelegramSender(bot)
    await bot.shutdown()


async def test_every_error_class_through_the_real_sender(
    runtime: Runtime, fake: FakeBotAPI, sender: TelegramSender
) -> None:
    chats = [-101, -102, -103, -104, -105, -106]
    groups = await add_groups(runtime, chats)
    fake.fail_with(-101, too_many(1))
    fake.fail_with(-102, SERVER_ERROR, times=2)
    fake.fail_with(-103, KICKED)
    fake.fail_with(-104, NOT_FOUND)
    fake.fail_with(-105, migrated(-1009990001))
    async with runtime.store.session() as s:
        q = await outbox.queue_bulletin(
            s, runtime.config, kind="policy", target="all", text="<b>Họp dân</b> &amp; tiêm chủng", html=True
        )
    runtime.senders[sender.platform] = sender

    summary = await drain_bulletin(runtime, q.bulletin_id)  # type: ignore[arg-type]
    assert (summary.targets, summary.sent, summary.inactive, summary.migrated, summary.failed) == (6, 4, 2, 1, 0)
    assert summary.unsent == {}

    delivered = [m["chat_id"] for m in fake.sent()]
    # every chat that can receive got the bulletin exactly once (failed attempts are not deliveries)
    ok_chats = {-101, -102, -1009990001, -106}
    accepted = [c for c in delivered if c in ok_chats]
    assert sorted(set(accepted)) == sorted(ok_chats)
    assert all(m["parse_mode"] == "HTML" for m in fake.sent())
    rows = {r.group_id: r for r in await deliveries(runtime, q.bulletin_id)}
    assert rows[groups[1].id].attempts == 2  # two 5xx, then sent
    assert rows[groups[2].id].status == rows[groups[3].id].status == "inactive"
    assert not (await group(runtime, groups[2].id)).active
    assert group_chat_id(await group(runtime, groups[4].id)) == -1009990001


async def test_no_sender_for_a_platform_is_reported_not_dropped(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2])
    async with runtime.store.session() as s:
        q = await outbox.queue_bulletin(s, runtime.config, kind="custom", target="all", text="x")
    summary = await drain_bulletin(runtime, q.bulletin_id)  # type: ignore[arg-type]
    assert summary.unsent == {"telegram": 2} and summary.sent == 0
    assert [r.status for r in await deliveries(runtime)] == ["queued", "queued"]
