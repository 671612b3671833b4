"""Group safety end to end: the real PTB application against the fake Bot API on 127.0.0.1.

A scam in a hamlet group gets a calm reply, is deleted where the group allows it and the
bot is an admin, and the hamlet's leader is told privately who sent it; a suspicious
message is only recorded; an ordinary message is left alone. In a private chat a
resident gets the judgement. Newcomers are greeted once per batch, and watched.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.adapters.base import SendStatus
from bot.adapters.telegram import TelegramService
from bot.adapters.zalo_bot.sender import ZaloBotSender
from bot.config import Config
from bot.model import ChatKind, ChatRef, InboundMessage, Outbound, Platform, UserRef, parse_command
from bot.runtime import Runtime
from bot.safety_jobs import SafetyService
from bot.store import safety as safety_store
from bot.store.db import Store, utcnow
from bot.store.safety import SafetyFlag
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import FakeBotAPI, running_fake

LEADER = u.user(2001, "Anh Sơn")  # leader of commune DAINGAI in the sample config
RESIDENT = u.user(5001, "Bà Năm")
SCAMMER = u.user(6001, "Hỗ trợ VNeID")
GROUP_ID = -4101
CHAT = u.group(GROUP_ID, "Nhóm Ấp Ngãi Hội 1")
SENTINEL = 9999
SCAM = (
    "Cổng Dịch vụ công thông báo: hồ sơ định danh chưa hoàn tất, truy cập https://dichvucong-gov.vn.com/xacthuc"
    " trong 24h"
)


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


async def admin_group(fake: FakeBotAPI, bot: TelegramService, *, delete: bool) -> None:
    """The bot is an admin of a group linked to Ấp Ngãi Hội 1; the leader sets deleting on or off."""
    fake.push(u.chat_member_update(CHAT, u.BOT, "left", "administrator", mine=True, by=LEADER))
    fake.push(u.message(CHAT, LEADER, "/ganap NGAIHOI1"))
    fake.push(u.message(CHAT, LEADER, f"/antoan xoa {'bat' if delete else 'tat'}"))
    await settle(fake, bot)
    fake.calls.clear()


def group_texts(fake: FakeBotAPI) -> list[dict]:  # type: ignore[type-arg]
    return [m for m in fake.sent() if m["chat_id"] == GROUP_ID]


def warnings(fake: FakeBotAPI) -> list[dict]:  # type: ignore[type-arg]
    """The bot's scam warnings in the group (the FAQ may answer other messages)."""
    return [m for m in group_texts(fake) if "Bà con cẩn thận" in m["text"]]


async def flags(store: Store) -> list[SafetyFlag]:
    async with store.session() as s:
        return list((await s.execute(select(SafetyFlag).order_by(SafetyFlag.id))).scalars().all())


async def test_scam_is_answered_deleted_and_reported_to_the_leader(
    fake: FakeBotAPI, bot: TelegramService, store: Store
) -> None:
    await admin_group(fake, bot, delete=True)
    update = u.message(CHAT, SCAMMER, SCAM)
    scam_id = update["message"]["message_id"]
    fake.push(update)
    fake.push(u.message(CHAT, RESIDENT, "Nộp hồ sơ trên https://dichvucong.gov.vn nha bà con, hạn cuối thứ sáu"))
    fake.push(u.message(CHAT, RESIDENT, "Cô ơi mai họp ấp mấy giờ vậy cô"))
    await settle(fake, bot)

    (warning,) = warnings(fake)  # the official link and the chit-chat get none
    assert "lừa đảo" in warning["text"] and "giả làm" in warning["text"]
    assert "dichvucong-gov.vn.com" in warning["text"]  # why: the fake domain is named
    assert "Công an xã" in warning["text"] and "0901 234 501" in warning["text"]  # where to check
    assert "đã xoá" in warning["text"]
    (deleted,) = fake.sent("deleteMessage")
    assert int(deleted["chat_id"]) == GROUP_ID and int(deleted["message_id"]) == scam_id
    (alert,) = [m for m in fake.sent() if m["chat_id"] == 2001]
    assert "Hỗ trợ VNeID" in alert["text"] and "6001" in alert["text"] and "dichvucong-gov.vn.com" in alert["text"]

    (flag,) = await flags(store)
    assert (flag.verdict, flag.action, flag.kind) == ("scam", "deleted", "portal")
    assert flag.text == SCAM and flag.hamlet_code == "NGAIHOI1"


async def test_without_the_setting_the_bot_replies_to_the_message_and_keeps_it(
    fake: FakeBotAPI, bot: TelegramService, store: Store
) -> None:
    await admin_group(fake, bot, delete=False)
    doc = {"file_id": "f1", "file_unique_id": "u1", "file_name": "VNeID_moi.apk", "file_size": 1000}
    forwarded = {"type": "hidden_user", "sender_user_name": "Ai đó", "date": 1_700_000_000}
    update = u.message(CHAT, RESIDENT, document=doc, caption="cài cái này nha", forward_origin=forwarded)
    fake.push(update)
    await settle(fake, bot)
    (warning,) = warnings(fake)
    assert "VNeID_moi.apk" in warning["text"] and "đã xoá" not in warning["text"]
    assert warning["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert fake.sent("deleteMessage") == []
    assert [(f.verdict, f.action) for f in await flags(store)] == [("scam", "warned")]


async def test_a_resident_asking_about_a_scam_is_answered_not_deleted(
    fake: FakeBotAPI, bot: TelegramService, store: Store
) -> None:
    await admin_group(fake, bot, delete=True)
    update = u.message(CHAT, RESIDENT, f'Mọi người ơi tin này thật không ạ: "{SCAM}"')
    fake.push(update)
    await settle(fake, bot)
    (answer,) = group_texts(fake)
    assert answer["text"].startswith("⚠️ Đây là tin lừa đảo") and "dichvucong-gov.vn.com" in answer["text"]
    assert answer["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert fake.sent("deleteMessage") == []  # her question stays; she is not reported as its sender
    assert [m for m in fake.sent() if m["chat_id"] == 2001] == []
    assert [(f.verdict, f.action) for f in await flags(store)] == [("scam", "warned")]


async def test_suspicious_is_only_recorded_for_leaders(fake: FakeBotAPI, bot: TelegramService, store: Store) -> None:
    await admin_group(fake, bot, delete=True)
    fake.push(u.message(CHAT, RESIDENT, "Ảnh đám cưới nè mọi người bit.ly/3anhcuoi"))
    await settle(fake, bot)
    assert warnings(fake) == [] and fake.sent("deleteMessage") == []
    assert [m for m in fake.sent() if m["chat_id"] == 2001] == []
    assert [(f.verdict, f.action) for f in await flags(store)] == [("suspicious", "logged")]
    # The leader reviews flagged messages privately.
    fake.push(u.message(u.private(2001, "Anh Sơn"), LEADER, "/canhbao"))
    await settle(fake, bot)
    (listing,) = [m for m in fake.sent() if m["chat_id"] == 2001]
    assert "bit.ly/3anhcuoi" in listing["text"] and "đáng ngờ" in listing["text"]


async def test_private_chat_judgement(fake: FakeBotAPI, bot: TelegramService) -> None:
    me = u.private(5001, "Bà Năm")
    fake.push(u.message(me, RESIDENT, "cái này có phải lừa đảo không? https://vietcombank-xacthuc.com"))
    forwarded = {"type": "user", "sender_user": u.user(7001, "Lạ"), "date": 1_700_000_000}
    fake.push(
        u.message(
            me,
            RESIDENT,
            "Em ơi chị chuyển nhầm 2tr vào tk em, em ck lại giúp chị với, gấp lắm",
            forward_origin=forwarded,
        )
    )
    fake.push(u.message(me, RESIDENT, "Link này vào được không https://dichvucong.gov.vn"))
    await settle(fake, bot)
    replies = [m["text"] for m in fake.sent() if m["chat_id"] == 5001]
    assert len(replies) == 3
    assert "Đây là tin lừa đảo" in replies[0] and "Vietcombank" in replies[0]
    assert "Đây là tin lừa đảo" in replies[1] and "chuyển nhầm" in replies[1]
    assert "chưa thấy dấu hiệu lừa đảo" in replies[2] and "trang chính thức" in replies[2]


async def test_a_question_about_scams_without_a_message_goes_to_the_faq(fake: FakeBotAPI, bot: TelegramService) -> None:
    me = u.private(5001, "Bà Năm")
    fake.push(u.message(me, RESIDENT, "làm sao biết tin nhắn lừa đảo"))
    await settle(fake, bot)
    (reply,) = [m for m in fake.sent() if m["chat_id"] == 5001]
    assert "Đây là tin lừa đảo" not in reply["text"] and "chưa thấy dấu hiệu" not in reply["text"]
    assert reply.get("reply_markup")  # an FAQ answer carries its feedback buttons


async def test_a_plain_question_only_suspicious_to_the_judge_goes_to_the_faq(
    fake: FakeBotAPI, bot: TelegramService
) -> None:
    """Account and identity words make the judge wary, but a resident's own question is no pasted message."""
    me = u.private(5002, "Ông Sáu")
    fake.push(u.message(me, u.user(5002, "Ông Sáu"), "làm sao đăng ký tài khoản định danh điện tử VNeID"))
    await settle(fake, bot)
    (reply,) = [m for m in fake.sent() if m["chat_id"] == 5002]
    assert "đáng ngờ" not in reply["text"] and "VNeID" in reply["text"]


async def test_welcome_is_batched_and_can_be_turned_off(fake: FakeBotAPI, bot: TelegramService) -> None:
    await admin_group(fake, bot, delete=False)
    for uid, name in ((8001, "Út Mai"), (8002, "Tư Hùng"), (8003, "Sáu Lan")):
        who = u.user(uid, name)
        fake.push(u.chat_member_update(CHAT, who, "left", "member"))
        fake.push(u.message(CHAT, who, new_chat_members=[who]))
    await settle(fake, bot)
    jobs = SafetyService(bot.runtime)
    assert await jobs.send_welcomes(utcnow()) == 0  # the batch waits a few minutes for more joins
    assert await jobs.send_welcomes(utcnow() + timedelta(minutes=4)) == 1
    (greeting,) = group_texts(fake)
    assert all(n in greeting["text"] for n in ("Út Mai", "Tư Hùng", "Sáu Lan"))
    assert "Ấp Ngãi Hội 1" in greeting["text"] and "/trogiup" in greeting["text"]

    fake.push(u.message(CHAT, LEADER, "/chaomung sua Chào {ten}! Nhóm ấp chỉ đăng tin chung."))
    fake.push(u.message(CHAT, RESIDENT, "/chaomung tat"))  # residents may not change it
    await settle(fake, bot)
    who = u.user(8004, "Bảy Tâm")
    fake.push(u.message(CHAT, who, new_chat_members=[who]))
    await settle(fake, bot)
    fake.calls.clear()
    assert await jobs.send_welcomes(utcnow() + timedelta(minutes=4)) == 1
    assert group_texts(fake)[0]["text"] == "Chào Bảy Tâm! Nhóm ấp chỉ đăng tin chung."

    fake.push(u.message(CHAT, LEADER, "/chaomung tat"))
    fake.push(u.message(CHAT, who := u.user(8005, "Chín"), new_chat_members=[who]))
    await settle(fake, bot)
    assert await jobs.send_welcomes(utcnow() + timedelta(minutes=4)) == 0


async def test_newcomer_posting_links_is_flagged_and_muted(
    fake: FakeBotAPI, bot: TelegramService, store: Store
) -> None:
    await admin_group(fake, bot, delete=False)
    fake.push(u.message(CHAT, LEADER, "/antoan khoa bat"))
    newcomer = u.user(8101, "Shop Giá Rẻ")
    fake.push(u.chat_member_update(CHAT, newcomer, "left", "member"))
    fake.push(u.message(CHAT, newcomer, "Hàng giá rẻ xem tại https://shop-gia-re.com.vn/sp1"))
    fake.push(u.message(CHAT, newcomer, "Giảm giá sốc https://shop-gia-re.com.vn/sp2"))
    await settle(fake, bot)
    (mute,) = fake.sent("restrictChatMember")
    assert int(mute["user_id"]) == 8101 and int(mute["chat_id"]) == GROUP_ID
    (alert,) = [m for m in fake.sent() if m["chat_id"] == 2001]
    assert "Shop Giá Rẻ" in alert["text"] and "link" in alert["text"]
    assert [(f.verdict, f.kind, f.action) for f in await flags(store)] == [("flood", "links", "muted")]


async def test_flagged_texts_are_blanked_after_30_days(runtime: Runtime) -> None:
    now = datetime(2026, 12, 1, 8, 0)
    async with runtime.store.session() as s:
        for days in (31, 29):
            await safety_store.record_flag(
                s,
                at=now - timedelta(days=days),
                platform="telegram",
                group_id=None,
                person_id=None,
                hamlet_code="NGAIHOI1",
                verdict="scam",
                kind="bank",
                reasons=["lookalike"],
                action="warned",
                message_id="1",
                text=f"tin {days} ngày",
            )
    assert await SafetyService(runtime).purge_texts(now) == 1
    async with runtime.store.session() as s:
        rows = (await s.execute(select(SafetyFlag).order_by(SafetyFlag.at))).scalars().all()
        assert [r.text for r in rows] == [None, "tin 29 ngày"]
        counts = await safety_store.flag_counts(s, now - timedelta(days=60), now)
        assert counts == {("NGAIHOI1", "scam", "bank"): 2}  # counts stay after the text is gone


async def test_zalo_cannot_delete_and_says_so() -> None:
    sender = ZaloBotSender(client=None)  # type: ignore[arg-type]
    result = await sender.send(Outbound(ChatRef(Platform.ZALO_BOT, "g1"), "", action="delete", target_message="m1"))
    assert result.status is SendStatus.REJECTED and "not available" in (result.error or "")


async def test_thongke_counts_warnings_per_hamlet_and_type(runtime: Runtime) -> None:
    now = utcnow()
    async with runtime.store.session() as s:
        for verdict, kind in (("scam", "evn"), ("scam", "evn"), ("scam", "job"), ("suspicious", None)):
            await safety_store.record_flag(
                s,
                at=now - timedelta(days=1),
                platform="shell",
                group_id=None,
                person_id=None,
                hamlet_code="PHUHUU",
                verdict=verdict,
                kind=kind,
                reasons=["x"],
                action="warned",
                message_id=None,
                text="nội dung",
            )
    leader = UserRef(Platform.SHELL, 2001, "Anh Sơn")
    chat = ChatRef(Platform.SHELL, 2001, ChatKind.PRIVATE)
    (reply,) = await runtime.dispatcher.feed(
        InboundMessage(chat, leader, "/thongke", now, message_id=1, command=parse_command("/thongke"))
    )
    assert "3 tin lừa đảo, 1 tin đáng ngờ" in reply.text
    assert "tin của điện lực 2" in reply.text and "Ấp Phú Hữu: 3 lừa đảo" in reply.text
    assert "nội dung" not in reply.text
