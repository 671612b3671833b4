"""The FAQ handler through the real dispatcher and store (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
import logging
import shutil
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import PROJECT_ROOT
from bot.faq.live import _local
from bot.model import (
    Button,
    ButtonPress,
    ChatKind,
    ChatRef,
    InboundMessage,
    Outbound,
    Platform,
    UserRef,
    parse_command,
)
from bot.runtime import Runtime
from bot.store.db import Store, utcnow
from bot.store.groups import ensure_group
from bot.store.questions import Question
from bot.store.readings import Forecast, SalinityReading
from bot.wiring import build_runtime
from tests.bot.faq.mini_kb import MINI_KB, UNSURE
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
    out = only(await runtime.dispatcher.feed(message("Loa Số ơi máy cày nhà tui bị gãy lưỡi cày", mention=True)))
    assert "chưa biết" in out.text and "0901 234 501" in out.text and not out.buttons
    (q,) = await questions(runtime)
    assert (q.topic, q.answered, q.hamlet_code) == (None, False, "NGAIHOI1")


async def test_private_chat_answers_or_points_to_people(runtime: Runtime) -> None:
    feed = runtime.dispatcher.feed
    chat = private(RESIDENT)
    out = only(await feed(message("lam ly lich tu phap het bao nhieu tien", chat)))
    assert "200.000" in out.text and out.reply_to is None
    out = only(await feed(message("máy cày nhà tui bị gãy lưỡi cày", chat)))
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
    await feed(message("máy cày nhà tui bị gãy lưỡi cày", mention=True))
    await feed(message("máy cày nhà tui bị gãy lưỡi cày", mention=True))
    out = only(await feed(message("/hoi quen mat khau vneid")))
    await feed(ButtonPress(GROUP, RESIDENT, out.buttons[0][1].data, utcnow()))
    await feed(message("/hoi kich hoat vneid"))  # answered, no complaint: not listed

    refused = only(await feed(message("/chuatraloi", private(RESIDENT), RESIDENT)))
    assert "chỉ dành cho tổ trưởng" in refused.text
    listing = only(await feed(message("/chuatraloi 7", private(LEADER), LEADER)))
    assert "máy cày nhà tui bị gãy lưỡi cày" in listing.text and "(2 lần)" in listing.text
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
    rt = build_runtime(sample_config(tmp_path, faq={"path": str(kb)}))
    await rt.open()
    try:
        feed, chat = rt.dispatcher.feed, private(LEADER)
        before = only(await feed(message("dãy sáu số bí mật mở khóa ứng dụng", chat, LEADER))).text
        assert "passcode 6 số" not in before and ("chưa biết" in before or "Ý bà con là" in before)
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
    rt = build_runtime(sample_config(tmp_path, faq={"path": str(kb)}))
    await rt.open()
    try:
        with caplog.at_level(logging.ERROR, logger="handlers.faq"):
            out = only(await rt.dispatcher.feed(message("kich hoat vneid", private(RESIDENT))))
        assert "chưa hiểu" in out.text  # the general fallback still answers
        assert "entries[0] (vneid.activate).answer: is required" in caplog.text
    finally:
        await rt.close()


# --- Ask-back: "Ý bà con là…?" when unsure (issue 10) ---------------------------------------------


@pytest.fixture
async def mini(tmp_path: Path, store: Store) -> AsyncIterator[Runtime]:
    """The real dispatcher, a small knowledge base of our own (so the test does not move when
    the real one grows), on SQLite and PostgreSQL."""
    kb = tmp_path / "knowledge.yaml"
    kb.write_text(MINI_KB, encoding="utf-8")
    rt = build_runtime(sample_config(tmp_path, faq={"path": str(kb)}), store=store)
    await rt.open()
    yield rt


def _kb_text(rt: Runtime) -> str:
    return Path(rt.config.resolve(rt.config.faq.path)).read_text(encoding="utf-8")


def _buttons(out: Outbound) -> list[Button]:
    return [b for row in out.buttons for b in row]


async def test_private_unsure_asks_back_and_a_press_answers_and_is_recorded(mini: Runtime) -> None:
    feed, chat = mini.dispatcher.feed, private(RESIDENT)
    out = only(await feed(message(UNSURE, chat)))
    assert "Ý bà con là" in out.text
    buttons = _buttons(out)
    assert [b.text for b in buttons] == ["Quên mật khẩu VNeID", "Quên mật khẩu VssID", "Không phải"]
    assert all(len(b.data.encode()) <= 64 for b in buttons)  # Telegram's callback_data limit
    (q,) = await questions(mini)
    assert (q.text, q.topic, q.answered) == (UNSURE, None, False)

    answer = only(await feed(ButtonPress(chat, RESIDENT, buttons[1].data, utcnow(), callback_id="cb")))
    assert "VssID" in answer.text and "email" in answer.text
    assert answer.buttons[0][0].data == f"fb:{q.id}:u"  # the usual feedback buttons, on the same question
    (q,) = await questions(mini)
    assert (q.topic, q.answered, q.feedback) == ("vssid.forgot_password", True, "chosen")
    # 👍 on that answer confirms the choice (still waiting for review); 👎 withdraws it.
    await feed(ButtonPress(chat, RESIDENT, f"fb:{q.id}:u", utcnow()))
    assert (await questions(mini))[0].feedback == "chosen"
    await feed(ButtonPress(chat, RESIDENT, f"fb:{q.id}:n", utcnow()))
    assert (await questions(mini))[0].feedback == "not_useful"


async def test_none_of_these_gives_contacts_and_leaves_the_question_for_leaders(mini: Runtime) -> None:
    feed, chat = mini.dispatcher.feed, private(RESIDENT)
    out = only(await feed(message(UNSURE, chat)))
    none = _buttons(out)[-1]
    assert none.text == "Không phải"
    reply = only(await feed(ButtonPress(chat, RESIDENT, none.data, utcnow())))
    assert "đã ghi lại" in reply.text and "0901 234 501" not in reply.text  # no hamlet known in private
    assert "Tổ công nghệ số" in reply.text
    (q,) = await questions(mini)
    assert (q.topic, q.answered, q.feedback) == (None, False, "none_fit")
    official = UserRef(Platform.TELEGRAM, 3001, "Chị Hạnh")  # sees every hamlet, and private questions
    listing = only(await feed(message("/chuatraloi", private(official), official)))
    assert UNSURE in listing.text


async def test_group_unaddressed_unsure_stays_silent_addressed_asks_back(mini: Runtime) -> None:
    async with mini.store.session() as s:
        g = await ensure_group(s, GROUP, utcnow())
        g.hamlet_code, g.bot_is_admin = "NGAIHOI1", True
    feed = mini.dispatcher.feed
    assert await feed(message(UNSURE)) == []  # never suggests to a group that did not ask
    assert await questions(mini) == []
    out = only(await feed(message(f"@loaso {UNSURE}", mention=True)))
    assert "Ý bà con là" in out.text and len(_buttons(out)) == 3 and out.reply_to is not None
    # Someone else pressing gets the answer, but does not confirm what the asker meant.
    other = UserRef(Platform.TELEGRAM, 5002, "Chú Bảy")
    only(await feed(ButtonPress(GROUP, other, _buttons(out)[0].data, utcnow())))
    asked = (await questions(mini))[0]
    assert asked.feedback is None
    # The asker's press does; and in the group the answer ends with the hamlet's contacts.
    only(await feed(ButtonPress(GROUP, RESIDENT, _buttons(out)[0].data, utcnow())))
    asked = (await questions(mini))[0]
    assert (asked.topic, asked.feedback) == ("vneid.forgot_password", "chosen")


async def test_zalo_group_lists_the_choices_in_text(mini: Runtime) -> None:
    zalo_group = ChatRef(Platform.ZALO_BOT, "g-42", ChatKind.GROUP, "Nhóm ấp")
    out = only(await mini.dispatcher.feed(message(f"Loa Số ơi {UNSURE}", zalo_group, mention=True)))
    assert "• Quên mật khẩu VNeID" in out.text and "• Quên mật khẩu VssID" in out.text
    assert out.buttons == ()  # Zalo groups show no buttons: the titles and the contacts are in the text


async def test_confirmed_wording_is_reviewed_by_a_leader_and_then_understood(mini: Runtime) -> None:
    async with mini.store.session() as s:
        g = await ensure_group(s, GROUP, utcnow())
        g.hamlet_code, g.bot_is_admin = "NGAIHOI1", False  # in the leader's commune
    feed = mini.dispatcher.feed
    out = only(await feed(message(f"/hoi {UNSURE}")))
    only(await feed(ButtonPress(GROUP, RESIDENT, _buttons(out)[0].data, utcnow())))
    (q,) = await questions(mini)
    assert q.text == UNSURE

    refused = only(await feed(message("/duyet", private(RESIDENT), RESIDENT)))
    assert "chỉ dành cho tổ trưởng" in refused.text
    listing = only(await feed(message("/duyet", private(LEADER), LEADER)))
    assert f"Số {q.id}: «{UNSURE}» → Quên mật khẩu VNeID" in listing.text
    done = only(await feed(message(f"/duyet {q.id}", private(LEADER), LEADER)))
    assert "Đã thêm" in done.text
    assert UNSURE in _kb_text(mini)
    # No restart: the same words now get the answer outright.
    again = only(await feed(message(UNSURE, private(RESIDENT))))
    assert "VNeID" in again.text and "Ý bà con là" not in again.text
    assert "Không có cách hỏi nào" in only(await feed(message("/duyet", private(LEADER), LEADER))).text
    assert "không có cách hỏi số" in only(await feed(message(f"/duyet {q.id}", private(LEADER), LEADER))).text
    assert "cách dùng" in only(await feed(message("/duyet abc", private(LEADER), LEADER))).text


async def test_official_rejects_a_confirmed_wording(mini: Runtime) -> None:
    feed = mini.dispatcher.feed
    out = only(await feed(message(UNSURE, private(RESIDENT))))
    only(await feed(ButtonPress(private(RESIDENT), RESIDENT, _buttons(out)[1].data, utcnow())))
    (q,) = await questions(mini)
    # A leader of one commune cannot review a question asked elsewhere (here: in private, no hamlet).
    assert "không có cách hỏi số" in only(await feed(message(f"/duyet bo {q.id}", private(LEADER), LEADER))).text
    official = UserRef(Platform.TELEGRAM, 3001, "Chị Hạnh")
    assert "Đã bỏ qua" in only(await feed(message(f"/duyet bo {q.id}", private(official), official))).text
    (q,) = await questions(mini)
    assert q.feedback == "rejected"
    assert UNSURE not in _kb_text(mini)
