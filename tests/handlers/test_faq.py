"""The FAQ handler through the real dispatcher and store (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
import logging
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import PROJECT_ROOT
from bot.faq.live import _local
from bot.model import ButtonPress, ChatKind, ChatRef, InboundMessage, Outbound, Platform, UserRef, parse_command
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import ensure_group
from bot.store.questions import Question
from bot.store.readings import Forecast, SalinityReading
from tests.conftest import sample_config

GROUP = ChatRef(Platform.TELEGRAM, -1001234567, ChatKind.GROUP, "Nhóm Ấp Ngãi Hội 1")
RESIDENT = UserRef(Platform.TELEGRAM, 5001, "Bà Năm")
LEADER = UserRef(Platform.TELEGRAM, 2001, "Anh Sơn")  # leader of DAINGAI in the sample config
_ids = itertools.count(1)


def private(user: UserRef) -> ChatRef:
    return ChatRef(Platform.TELEGRAM, user.id, ChatKind.PRIVATE, user.display_name)


def message(
    text: str, chat: ChatRef = GROUP, user: UserRef = RESIDENT, *, mention: bool = False, reply: bool = False
) -> InboundMessage:
    return InboundMessage(
        chat,
        user,
        text,
        utcnow(),
        message_id=next(_ids),
        mentions_bot=mention,
        reply_to_bot=reply,
        command=parse_command(text, "loaso"),
    )


async def group(rt: Runtime, *, admin: bool, hamlet: str | None = "NGAIHOI1") -> None:
    async with rt.store.session() as s:
        g = await ensure_group(s, GROUP, utcnow())
        g.hamlet_code, g.bot_is_admin = hamlet, admin


async def questions(rt: Runtime) -> list[Question]:
    async with rt.store.session() as s:
        return list((await s.execute(select(Question).order_by(Question.id))).scalars())


def only(outs: list[Outbound]) -> Outbound:
    assert len(outs) == 1, outs
    return outs[0]


async def test_group_without_sees_all_answers_only_when_addressed(runtime: Runtime) -> None:
    await group(runtime, admin=False)
    feed = runtime.dispatcher.feed
    assert await feed(message("kich hoat vneid")) == []
    out = only(await feed(message("@loaso kich hoat vneid", mention=True)))
    assert "Kích hoạt" in out.text and out.reply_to is not None
    out = only(await feed(message("quen mk vneid roi", reply=True)))
    assert "Quên mật khẩu" in out.text
    out = only(await feed(message("/hoi tui hông nhớ mật khẩu vneid")))
    assert "Quên mật khẩu" in out.text
    topics = [q.topic for q in await questions(runtime)]
    assert topics == ["vneid.activate", "vneid.forgot_password", "vneid.forgot_password"]


async def test_group_with_sees_all_answers_confident_questions_and_ignores_chitchat(runtime: Runtime) -> None:
    await group(runtime, admin=True)
    feed = runtime.dispatcher.feed
    out = only(await feed(message("Kích hoạt VNeID sao vậy mọi người")))
    assert "Kích hoạt" in out.text
    chatter_list = (
        "ok cảm ơn",
        "chào cả nhà",
        "Cần bán xoài cát LH 0909123456",
        "ông Tư mới mua xe",
        "nhậu hông",
        "tui mới kích hoạt vneid xong rồi",  # about a topic, but not a question
    )
    for chatter in chatter_list:
        assert await feed(message(chatter)) == [], chatter
    # Only the answered question is kept: residents' chatter is never stored.
    assert [q.text for q in await questions(runtime)] == ["Kích hoạt VNeID sao vậy mọi người"]


async def test_unknown_when_addressed_says_so_with_team_contacts(runtime: Runtime) -> None:
    await group(runtime, admin=False)
    out = only(await runtime.dispatcher.feed(message("Loa Số ơi máy cày nhà tui hư rồi", mention=True)))
    assert "chưa biết" in out.text and "0901 234 501" in out.text and not out.buttons
    (q,) = await questions(runtime)
    assert (q.topic, q.answered, q.hamlet_code) == (None, False, "NGAIHOI1")


async def test_private_chat_answers_or_points_to_people(runtime: Runtime) -> None:
    feed = runtime.dispatcher.feed
    chat = private(RESIDENT)
    out = only(await feed(message("lam ly lich tu phap het bao nhieu tien", chat)))
    assert "200.000" in out.text and out.reply_to is None
    out = only(await feed(message("máy cày nhà tui hư rồi", chat)))
    assert "chưa biết" in out.text and "Bộ phận một cửa" in out.text
    out = only(await feed(message("cảm ơn nha", chat)))
    assert "Loa Số đây" in out.text


async def test_feedback_buttons_are_recorded(runtime: Runtime) -> None:
    await group(runtime, admin=True)
    feed = runtime.dispatcher.feed
    out = only(await feed(message("quen mat khau vneid")))
    data = [b.data for row in out.buttons for b in row]
    useful, not_useful = data[0], data[1]
    assert useful.startswith("fb:") and useful.endswith(":u") and not_useful.endswith(":n")
    assert any(d.startswith("faq:") for d in data[2:])  # follow-up topics
    press = only(await feed(ButtonPress(GROUP, RESIDENT, not_useful, utcnow(), callback_id="cb1")))
    assert press.text == "" and press.answer_callback
    (q,) = await questions(runtime)
    assert q.feedback == "not_useful" and q.feedback_at is not None
    assert await feed(ButtonPress(GROUP, RESIDENT, "fb:999999:u", utcnow())) == []
    assert await feed(ButtonPress(GROUP, RESIDENT, "fb:bad", utcnow())) == []


async def test_follow_up_button_answers_that_topic(runtime: Runtime) -> None:
    await group(runtime, admin=True)
    out = only(await runtime.dispatcher.feed(ButtonPress(GROUP, RESIDENT, "faq:vneid.hotline", utcnow())))
    assert "1900 0368" in out.text and out.buttons


async def test_leader_lists_unanswered_and_not_useful(runtime: Runtime) -> None:
    await group(runtime, admin=False)
    feed = runtime.dispatcher.feed
    await feed(message("máy cày nhà tui hư rồi", mention=True))
    await feed(message("máy cày nhà tui hư rồi", mention=True))
    out = only(await feed(message("/hoi quen mat khau vneid")))
    await feed(ButtonPress(GROUP, RESIDENT, out.buttons[0][1].data, utcnow()))
    await feed(message("/hoi kich hoat vneid"))  # answered, no complaint: not listed

    refused = only(await feed(message("/chuatraloi", private(RESIDENT), RESIDENT)))
    assert "chỉ dành cho tổ trưởng" in refused.text
    listing = only(await feed(message("/chuatraloi 7", private(LEADER), LEADER)))
    assert "máy cày nhà tui hư rồi" in listing.text and "(2 lần)" in listing.text
    assert "quen mat khau vneid" in listing.text and "vneid.forgot_password" in listing.text
    assert "kich hoat vneid" not in listing.text
    assert "Xã Đại Ngãi" in listing.text
    usage = only(await feed(message("/chuatraloi abc", private(LEADER), LEADER)))
    assert "/chuatraloi [số ngày]" in usage.text


async def test_salinity_from_latest_reading_or_says_none(runtime: Runtime) -> None:
    await group(runtime, admin=True)
    feed = runtime.dispatcher.feed
    out = only(await feed(message("độ mặn hôm nay bao nhiêu")))
    assert "chưa có số đo" in out.text and "Đại Ngãi" in out.text
    now = utcnow()
    async with runtime.store.session() as s:
        s.add(
            SalinityReading(
                station="DAINGAI", at=now - timedelta(days=2), grams_per_litre=0.4, source="t", recorded_at=now
            )
        )
        s.add(
            SalinityReading(
                station="DAINGAI", at=now - timedelta(hours=2), grams_per_litre=2.5, source="t", recorded_at=now
            )
        )
        s.add(SalinityReading(station="LONGPHU", at=now, grams_per_litre=5.0, source="t", recorded_at=now))
    out = only(await feed(message("nuoc man chua")))
    assert "2,5 g/l" in out.text and "lúa bắt đầu" in out.text and "KHÔNG lấy nước" not in out.text


async def test_weather_today_and_tomorrow_from_forecast(runtime: Runtime) -> None:
    await group(runtime, admin=True)
    feed = runtime.dispatcher.feed
    out = only(await feed(message("thời tiết hôm nay sao")))
    assert "chưa có dự báo thời tiết hôm nay" in out.text
    today = _local(utcnow(), runtime.config.tz).date()
    async with runtime.store.session() as s:
        data = {"weather_code": 81, "t_max": 33.0, "t_min": 26.0, "rain_mm": 12.5, "rain_prob": 80}
        s.add(Forecast(hamlet_code="NGAIHOI1", day=today + timedelta(days=1), data=data, fetched_at=utcnow()))
    out = only(await feed(message("mai có mưa hông")))
    assert "ngày mai" in out.text and "mưa rào" in out.text and "80%" in out.text and "Open-Meteo" in out.text
    assert "chưa có dự báo" in only(await feed(message("thời tiết hôm nay sao"))).text


async def test_leader_teaches_a_new_phrasing(tmp_path: Path) -> None:
    kb = tmp_path / "knowledge.yaml"
    shutil.copy(PROJECT_ROOT / "faq" / "knowledge.yaml", kb)
    rt = Runtime.build(sample_config(tmp_path, faq={"path": str(kb)}))
    await rt.open()
    try:
        feed, chat = rt.dispatcher.feed, private(LEADER)
        assert "chưa biết" in only(await feed(message("dãy sáu số bí mật mở khóa ứng dụng", chat, LEADER))).text
        refused = only(await feed(message("/themcauhoi vneid.activate dãy sáu số", private(RESIDENT), RESIDENT)))
        assert "chỉ dành cho tổ trưởng" in refused.text
        done = only(await feed(message("/themcauhoi vneid.activate dãy sáu số bí mật mở khóa ứng dụng", chat, LEADER)))
        assert "Đã thêm" in done.text
        out = only(await feed(message("dãy sáu số bí mật mở khóa ứng dụng", chat, LEADER)))
        assert "passcode 6 số" in out.text
        assert (
            "đã có"
            in only(
                await feed(message("/themcauhoi vneid.activate dãy sáu số bí mật mở khóa ứng dụng", chat, LEADER))
            ).text
        )
        assert "không có chủ đề" in only(await feed(message("/themcauhoi vneid.nope abc", chat, LEADER))).text
        assert "cách dùng" in only(await feed(message("/themcauhoi", chat, LEADER))).text
    finally:
        await rt.close()


async def test_broken_knowledge_base_falls_back_without_crashing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kb = tmp_path / "knowledge.yaml"
    kb.write_text("entries:\n  - id: vneid.activate\n    title: x\n", encoding="utf-8")
    rt = Runtime.build(sample_config(tmp_path, faq={"path": str(kb)}))
    await rt.open()
    try:
        with caplog.at_level(logging.ERROR, logger="handlers.faq"):
            out = only(await rt.dispatcher.feed(message("kich hoat vneid", private(RESIDENT))))
        assert "chưa hiểu" in out.text  # the general fallback still answers
        assert "entries[0] (vneid.activate).answer: is required" in caplog.text
    finally:
        await rt.close()
