"""The real PTB application against a fake Bot API server on 127.0.0.1 (via base_url).

Feeds updates through getUpdates polling exactly as Telegram would and checks what the
bot sent back and what the store holds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.adapters.telegram import TelegramService
from bot.config import Config
from bot.model import Platform
from bot.store.db import Store
from bot.store.groups import find_group
from bot.store.inbox import ReplyRow
from bot.store.tables import Activity, Group, MemberEventRow, Membership
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import FakeBotAPI, running_fake

LEADER = u.user(2001, "Anh Sơn")
RESIDENT = u.user(5001, "Bà Năm")
GROUP_ID = -4001
SUPERGROUP_ID = -1001234567890123  # supergroup ids need BIGINT
SENTINEL = 9999


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with running_fake() as f:
        yield f


@pytest.fixture
def tg_config(tmp_path: Path, fake: FakeBotAPI) -> Config:
    return sample_config(tmp_path, telegram={"base_url": fake.base_url, "poll_timeout": 1})


@pytest.fixture
async def bot(tg_config: Config, store: Store, fake: FakeBotAPI) -> AsyncIterator[TelegramService]:
    rt = build_runtime(tg_config, store=store)
    await rt.open()
    service = TelegramService(rt, fake.token)
    await service.start()
    yield service
    await service.stop()


async def settle(fake: FakeBotAPI, bot: TelegramService) -> None:
    """Updates are processed in order: once a private /help is answered, all before it are done."""

    def sentinels() -> int:
        return sum(1 for m in fake.sent() if m["chat_id"] == SENTINEL)

    before = sentinels()
    fake.push(u.message(u.private(SENTINEL, "Ông Bảy"), u.user(SENTINEL, "Ông Bảy"), "/help"))
    for _ in range(1000):
        if sentinels() > before:
            break
        await asyncio.sleep(0.01)
    assert sentinels() > before, "the bot stopped answering"
    await bot.drain()
    await bot.runtime.dispatcher.flush()


async def count(store: Store, stmt) -> int:  # type: ignore[no-untyped-def]
    async with store.session() as s:
        return int((await s.execute(stmt)).scalar_one())


async def test_group_lifecycle_over_real_http(fake: FakeBotAPI, bot: TelegramService, store: Store) -> None:
    chat = u.group(GROUP_ID, "Nhóm Ấp Ngãi Hội 2")

    # The bot is added to the group: it records the group and greets it.
    fake.push(u.chat_member_update(chat, u.BOT, "left", "member", mine=True, by=LEADER))
    sent = await fake.wait_sent(1)
    assert sent[0]["chat_id"] == GROUP_ID
    assert "/ganap" in sent[0]["text"]

    # A resident joins: chat_member AND the service message arrive; counted once.
    fake.push(u.chat_member_update(chat, RESIDENT, "left", "member"))
    fake.push(u.message(chat, RESIDENT, new_chat_members=[RESIDENT]))
    # A resident cannot link the group; a leader can.
    fake.push(u.message(chat, RESIDENT, "/ganap NGAIHOI2"))
    fake.push(u.message(chat, LEADER, "/ganap@loaso_test_bot NGAIHOI2"))
    fake.push(u.message(chat, RESIDENT, "/help"))
    fake.push(u.message(chat, RESIDENT, "hôm nay trời đẹp quá"))  # chit-chat: counted, not answered
    await settle(fake, bot)

    texts = [m["text"] for m in fake.sent() if m["chat_id"] == GROUP_ID]
    assert any("chỉ dành cho tổ trưởng" in t for t in texts)
    assert any("Đã gắn nhóm này với Ấp Ngãi Hội 2" in t for t in texts)
    assert any("Các lệnh" in t and "/help" in t for t in texts)
    assert len(texts) == 4  # welcome, refusal, link, help — nothing for chit-chat

    async with store.session() as s:
        group = await find_group(s, Platform.TELEGRAM, GROUP_ID)
        assert group is not None and group.active and group.hamlet_code == "NGAIHOI2"
        group_pk = group.id
    joins = (
        select(func.count())
        .select_from(MemberEventRow)
        .where(MemberEventRow.group_id == group_pk, MemberEventRow.change == "joined")
    )
    assert await count(store, joins) == 1
    messages = select(func.coalesce(func.sum(Activity.messages), 0)).where(Activity.group_id == group_pk)
    assert (
        await count(store, messages) == 4
    )  # 3 from the resident, 1 from the leader; service messages are not activity

    # The resident leaves (both kinds of update again): one leave.
    fake.push(u.chat_member_update(chat, RESIDENT, "member", "left"))
    fake.push(u.message(chat, RESIDENT, left_chat_member=RESIDENT))
    # The group becomes a supergroup: history stays with the new id.
    fake.push(u.message(chat, LEADER, migrate_to_chat_id=SUPERGROUP_ID))
    super_chat = u.group(SUPERGROUP_ID, "Nhóm Ấp Ngãi Hội 2", kind="supergroup")
    fake.push(u.message(super_chat, LEADER, migrate_from_chat_id=GROUP_ID))
    fake.push(u.message(super_chat, RESIDENT, "/help"))
    await settle(fake, bot)

    leaves = (
        select(func.count())
        .select_from(MemberEventRow)
        .where(MemberEventRow.group_id == group_pk, MemberEventRow.change == "left")
    )
    assert await count(store, leaves) == 1
    async with store.session() as s:
        assert await find_group(s, Platform.TELEGRAM, GROUP_ID) is None
        moved = await find_group(s, Platform.TELEGRAM, SUPERGROUP_ID)
        assert moved is not None and moved.id == group_pk and moved.hamlet_code == "NGAIHOI2"
    assert await count(store, select(func.count()).select_from(Group)) == 1 + 0  # the private chat is no group
    assert await count(store, select(func.count()).select_from(MemberEventRow)) == 2
    assert any(m["chat_id"] == SUPERGROUP_ID for m in fake.sent())

    # The bot is kicked: the group is marked inactive.
    fake.push(u.chat_member_update(super_chat, u.BOT, "member", "kicked", mine=True, by=LEADER))
    await settle(fake, bot)
    async with store.session() as s:
        gone = await find_group(s, Platform.TELEGRAM, SUPERGROUP_ID)
        assert gone is not None and not gone.active
    active = select(func.count()).select_from(Membership).where(Membership.active.is_(True))
    assert await count(store, active) >= 1


async def test_malformed_updates_are_logged_and_skipped(
    fake: FakeBotAPI, bot: TelegramService, caplog: pytest.LogCaptureFixture
) -> None:
    fake.push({"update_id": 500, "message": {"message_id": "x", "chat": "nope"}})
    fake.push({"update_id": 501, "message": {"text": "no chat, no date"}})
    await settle(fake, bot)
    assert bot.rejected == 2
    assert sum("rejected malformed update" in r.message for r in caplog.records) == 2
    assert bot.healthy()


async def test_reply_follows_migration_and_retires_kicked_group(
    fake: FakeBotAPI, bot: TelegramService, store: Store
) -> None:
    from tests.fakes.telegram_api import KICKED, migrated, too_many

    chat = u.group(GROUP_ID)
    fake.push(u.chat_member_update(chat, u.BOT, "left", "member", mine=True, by=LEADER))
    await fake.wait_sent(1)
    # The next reply meets a 429, then the group's migration: it waits, moves, resends.
    fake.fail_with(GROUP_ID, too_many(1))
    fake.fail_with(GROUP_ID, migrated(SUPERGROUP_ID))
    fake.push(u.message(chat, RESIDENT, "/help"))
    await settle(fake, bot)
    assert any(m["chat_id"] == SUPERGROUP_ID for m in fake.sent())
    async with store.session() as s:
        assert (await find_group(s, Platform.TELEGRAM, SUPERGROUP_ID)) is not None
    # Kicked while replying: the group is retired, no retry loop.
    fake.fail_with(SUPERGROUP_ID, KICKED)
    fake.push(u.message(u.group(SUPERGROUP_ID, kind="supergroup"), RESIDENT, "/help"))
    await settle(fake, bot)
    async with store.session() as s:
        group = await find_group(s, Platform.TELEGRAM, SUPERGROUP_ID)
        assert group is not None and not group.active


class OneBatchService(TelegramService):
    """Stops polling right after one batch: the moment a shutdown can leave updates unconfirmed."""

    async def feed_raw(self, raw: object) -> bool:
        self._running = False
        return await super().feed_raw(raw)


async def test_handled_updates_are_confirmed_on_stop(tg_config: Config, store: Store, fake: FakeBotAPI) -> None:
    """After a restart Telegram must not send already handled updates again (a /man would count twice)."""
    rt = build_runtime(tg_config, store=store)
    await rt.open()
    first = OneBatchService(rt, fake.token)
    await first.start()
    fake.push(u.message(u.private(5001), RESIDENT, "/help"))
    await fake.wait_sent(1)
    assert fake.updates != []  # handled, but Telegram was never told
    await first.stop()
    assert fake.updates == []  # stop() confirmed it
    second = TelegramService(rt, fake.token)
    await second.start()
    fake.push(u.message(u.private(5001), RESIDENT, "/quyen"))
    await fake.wait_sent(2)
    await asyncio.sleep(0.2)
    await second.stop()
    assert len(fake.sent()) == 2  # /help was not answered twice


async def test_a_button_press_is_answered_at_once_and_its_message_is_durable(
    fake: FakeBotAPI, bot: TelegramService, store: Store
) -> None:
    chat = u.private(5002, "Chú Ba")
    fake.push(u.message(chat, u.user(5002, "Chú Ba"), "quên mật khẩu vneid thì làm sao?"))
    (answer,) = await fake.wait_sent(1)
    buttons = [b for row in answer["reply_markup"]["inline_keyboard"] for b in row]
    useful = next(b for b in buttons if b["callback_data"].endswith(":u"))
    fake.push(
        {
            "callback_query": {
                "id": "cb-77",
                "from": u.user(5002, "Chú Ba"),
                "chat_instance": "x",
                "data": useful["callback_data"],
                "message": {**u.message(chat, u.BOT, answer["text"])["message"], "message_id": 1},
            }
        }
    )
    (ack,) = await fake.wait_sent(1, method="answerCallbackQuery")
    assert ack["callback_query_id"] == "cb-77"
    await bot.drain()
    async with store.session() as s:  # what was answered went through the reply rows, all sent
        rows = (await s.execute(select(ReplyRow))).scalars().all()
    assert rows and all(r.status == "sent" for r in rows)
    assert len(rows) == len(fake.sent())
