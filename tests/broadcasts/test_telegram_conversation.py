"""A leader writes a bulletin over Telegram (polling the fake Bot API), the bot restarts midway,
the leader confirms with the inline button, and the outbox sender delivers it to the group."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.telegram import TelegramService
from bot.config import Config
from bot.runtime import Runtime
from bot.store.db import Store
from bot.wiring import build_runtime
from broadcasts.sending import SenderService
from tests.broadcasts.helpers import add_groups, deliveries
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import FakeBotAPI, running_fake

LEADER = u.user(2001, "Anh Sơn")
RESIDENT = u.user(5001, "Bà Năm")
GROUP_ID = -4001


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with running_fake() as f:
        yield f


@pytest.fixture
def tg_config(tmp_path: Path, fake: FakeBotAPI) -> Config:
    return sample_config(tmp_path, telegram={"base_url": fake.base_url, "poll_timeout": 1})


async def start(config: Config, store: Store, fake: FakeBotAPI) -> tuple[Runtime, TelegramService]:
    rt = build_runtime(config, store=store)
    await rt.open()
    service = TelegramService(rt, fake.token)
    await service.start()
    return rt, service


async def ask(fake: FakeBotAPI, update: dict[str, Any], chat_id: int) -> dict[str, Any]:
    before = len([m for m in fake.sent() if m["chat_id"] == chat_id])
    fake.push(update)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        mine = [m for m in fake.sent() if m["chat_id"] == chat_id]
        if len(mine) > before:
            return mine[-1]
        await asyncio.sleep(0.01)
    raise AssertionError(f"no reply in chat {chat_id}")


def press(data: str, who: dict[str, Any]) -> dict[str, Any]:
    msg = u.message(u.private(who["id"]), u.BOT, "…")["message"]
    return {"callback_query": {"id": f"cb-{data}", "from": who, "message": msg, "chat_instance": "1", "data": data}}


async def test_bulletin_written_across_a_restart_and_delivered(
    tg_config: Config, store: Store, fake: FakeBotAPI
) -> None:
    rt, bot = await start(tg_config, store, fake)
    await add_groups(rt, [GROUP_ID], "NGAIHOI1")
    me = u.private(2001, "Anh Sơn")
    resident = await ask(fake, u.message(u.private(5001), RESIDENT, "/thongbao"), 5001)
    assert "chỉ dành cho tổ trưởng" in resident["text"]
    assert "nội dung" in (await ask(fake, u.message(me, LEADER, "/thongbao"), 2001))["text"]
    reply = await ask(fake, u.message(me, LEADER, "Mời bà con <họp> tối nay"), 2001)
    assert "Gửi tới đâu" in reply["text"] and "inline_keyboard" in str(reply.get("reply_markup"))
    await bot.stop()  # restart between two steps

    rt, bot = await start(tg_config, store, fake)
    sender = SenderService(rt)
    await sender.start()
    try:
        assert "Gửi lúc nào" in (await ask(fake, press("tb:commune:DAINGAI", LEADER), 2001))["text"]
        preview = await ask(fake, press("tb:now", LEADER), 2001)
        assert "Mời bà con <họp> tối nay" in preview["text"] and "(1 nhóm)" in preview["text"]
        assert "Đã đưa thông báo" in (await ask(fake, press("tb:yes", LEADER), 2001))["text"]
        for _ in range(500):  # the outbox sender polls once a second
            if [m for m in fake.sent() if m["chat_id"] == GROUP_ID]:
                break
            await asyncio.sleep(0.02)
        (delivered,) = [m for m in fake.sent() if m["chat_id"] == GROUP_ID]
        assert delivered["parse_mode"] == "HTML"
        assert "Mời bà con &lt;họp&gt; tối nay" in delivered["text"]
        assert sender.healthy()
        (row,) = await deliveries(rt)
        for _ in range(100):
            if row.status == "sent":
                break
            await asyncio.sleep(0.02)
            (row,) = await deliveries(rt)
        assert row.status == "sent" and row.platform_message_id
    finally:
        await sender.stop()
        await bot.stop()
