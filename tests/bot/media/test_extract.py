"""From OCR output to the question: chrome dropped, the line the topics agree on chosen."""

from __future__ import annotations

from bot.media.extract import best_question, candidates, clean_lines, text_read

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


def test_topic_most_candidates_agree_on_wins_over_a_stray_label() -> None:
    def match(text: str) -> tuple[str | None, float]:
        if "khóa" in text or "đăng nhập" in text:
            return "vneid.login", 0.7
        if text.startswith("VNeID Thông báo"):
            return "dvc.temporary_residence", 0.9  # a heading that looks like a keyword
        return None, 0.0

    assert "khóa" in (best_question(OCR, match) or "")


def test_no_text_gives_none_and_text_read_is_one_line() -> None:
    assert best_question("\n — \n 12:30 \n", lambda t: ("x", 1.0)) is None
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
