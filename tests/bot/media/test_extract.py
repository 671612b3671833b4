"""From OCR output to the question: chrome dropped, the line the topics agree on chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.faq.matcher import Match
from bot.faq.service import matcher_for
from bot.media.extract import best_question, candidates, clean_lines, read_lines, text_read
from tests.conftest import sample_config

OCR = """9:41 4G 87%
VNeID
| Thông báo
Tài khoản của bạn đã bị tạm khóa do
đăng nhập sai nhiều lần. Vui lòng thử
lại sau 30 phút.
Đóng
— ® •
"""


def test_status_bar_symbols_and_noise_are_dropped() -> None:
    lines = clean_lines(OCR)
    assert lines[0] == "VNeID"
    assert "Thông báo" in lines and "Đóng" in lines
    assert not any("87" in line or "®" in line for line in lines)


def test_candidates_are_lines_and_runs_of_lines() -> None:
    got = candidates(["a b c", "d e f", "g h i"])
    assert "a b c d e f" in got and "a b c d e f g h i" in got and len(got) == 6


def _answer(topic: str, score: float) -> Match:
    return Match(topic, score, True, topic, "ok")


def _suggest(topic: str, score: float) -> Match:
    return Match(None, score, False, topic, "low_coverage", (topic,))


SILENT = Match(None, 0.0, False, None, "low_coverage")


def test_topic_most_candidates_agree_on_wins_over_a_stray_label() -> None:
    def match(text: str) -> Match:
        if "khóa" in text or "đăng nhập" in text:
            return _answer("vneid.login", 0.7)
        if text.startswith("VNeID Thông báo"):
            return _answer("dvc.temporary_residence", 0.9)  # a heading that looks like a keyword
        return SILENT

    assert "khóa" in (best_question(OCR, match) or "")


PENDING = """9:41 4G 87%
VNeID

Trạng thái hồ sơ

Hồ sơ đăng ký tài khoản định danh điện tử
của bạn đang chờ phê duyệt.

Đóng
"""


def test_headings_buttons_and_titles_are_labels_the_wrapped_message_is_body() -> None:
    lines = read_lines(PENDING)
    labels = [ln.text for ln in lines if ln.label]
    body = [ln.text for ln in lines if not ln.label]
    assert labels == ["VNeID", "Trạng thái hồ sơ", "Đóng"]
    assert body == ["Hồ sơ đăng ký tài khoản định danh điện tử", "của bạn đang chờ phê duyệt"]
    # A wrapped sentence's short tail stays in the message; two buttons read as one line are chrome.
    tail = read_lines("Tài khoản của bạn đã bị tạm khóa do\nđăng nhập sai\n\nĐể sau Xác thực ngay\n")
    assert [ln.label for ln in tail] == [False, False, True]


def test_a_heading_answered_outright_does_not_win_over_the_message_under_it() -> None:
    """The old choice answered "Trạng thái hồ sơ" (tra cứu hồ sơ): a heading is never a candidate alone."""

    def match(text: str) -> Match:
        if "chờ phê duyệt" in text:
            return _answer("vneid.processing_time", 0.6)
        if "hồ sơ" in text.lower():
            return _answer("dvc.track_dossier", 0.9)
        return SILENT

    question = best_question(PENDING, match) or ""
    assert "chờ phê duyệt" in question and match(question).topic == "vneid.processing_time"


def test_an_outright_answer_beats_a_suggestion_and_the_message_is_asked() -> None:
    """A long error message is a statement to the matcher; sent to the bot it is a question."""
    raw = "Lỗi\nKết nối thất bại. Vui lòng kiểm tra\nkết nối mạng và thử lại.\n\nĐóng\n"

    def match(text: str) -> Match:
        if not text.endswith("?"):
            return _suggest("vneid.errors", 0.7)  # "statement": not asked
        if text.startswith("Lỗi Kết nối thất bại"):
            return _answer("vneid.errors", 0.71)  # the heading as context makes it sure
        if "Kết nối" in text:
            return _suggest("vneid.errors", 0.6)
        return SILENT

    question = best_question(raw, match) or ""
    assert question.endswith("?") and match(question).topic == "vneid.errors"


def test_labels_are_tried_when_the_body_gives_nothing() -> None:
    raw = "VNeID\n\nMã OTP không đúng\n\nĐóng\n"  # a toast: the whole message is one short line

    def match(text: str) -> Match:
        return _answer("vneid.errors", 0.6) if "OTP" in text else SILENT

    assert "OTP" in (best_question(raw, match) or "")


def test_with_no_topic_the_body_is_returned_for_the_unknown_reply() -> None:
    assert best_question(PENDING, lambda t: SILENT) == (
        "Hồ sơ đăng ký tài khoản định danh điện tử của bạn đang chờ phê duyệt"
    )


def test_no_text_gives_none_and_text_read_is_one_line() -> None:
    assert best_question("\n — \n 12:30 \n", lambda t: _answer("x", 1.0)) is None
    assert "\n" not in text_read(OCR)


def test_zalo_events_carry_media_without_bytes() -> None:
    from datetime import datetime

    from bot.adapters.zalo_bot.events import translate as bot_translate
    from bot.adapters.zalo_oa.events import translate as oa_translate
    from bot.model import MediaKind

    now = datetime(2026, 12, 1)
    oa = oa_translate(
        {
            "event_name": "user_send_group_image",
            "sender": {"id": "u1"},
            "recipient": {"id": "oa", "group_id": "g1"},
            "message": {
                "msg_id": "m",
                "text": "@loaso lỗi gì đây",
                "attachments": [{"payload": {"url": "https://f.zdn.vn/a.jpg"}}],
            },
        },
        oa_id="oa",
        now=now,
    ).event
    assert oa is not None and oa.media is not None and oa.chat.kind.value == "group"  # type: ignore[union-attr]
    assert oa.media.kind is MediaKind.IMAGE and oa.media.ref == "https://f.zdn.vn/a.jpg"  # type: ignore[union-attr]
    assert oa.mentions_bot  # type: ignore[union-attr]
    bot = bot_translate(
        {
            "event_name": "message.unsupported.received",
            "message": {"message_id": "1", "chat": {"id": "c"}, "from": {"id": "c"}},
        },
        now=now,
    ).message
    assert bot is not None and bot.media is not None and bot.media.kind is MediaKind.UNSUPPORTED and bot.text == ""


@pytest.mark.parametrize(
    ("raw", "topic"),
    [
        # The old choice answered the heading (dvc.track_dossier) and asked back on the OTP screen.
        (
            "9:41 4G 87%\n\nTrạng thái hồ sơ\n\nHồ sơ đăng ký tài khoản định danh điện tử của\n"
            "bạn đang chờ phê duyệt.\n\nĐóng\n",
            "vneid.processing_time",
        ),
        ("4G 87%\n\nXác thực OTP\n\nKhông nhận được mã OTP? Gửi lại mã sau 60\ngiây.\n\nGửi lại\n", "vneid.errors"),
    ],
)
def test_with_the_real_matcher_the_message_is_answered(tmp_path: Path, raw: str, topic: str) -> None:
    matcher = matcher_for(sample_config(tmp_path))
    question = best_question(raw, matcher.match)
    assert question is not None and matcher.match(question).topic == topic
