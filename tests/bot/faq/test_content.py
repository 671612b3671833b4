"""What the answers say: new topics exist and are sourced, wording rules hold, /help promises real topics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.faq.knowledge import load_knowledge
from bot.faq.matcher import Matcher

KB_PATH = PROJECT_ROOT / "faq" / "knowledge.yaml"
KB = load_knowledge(KB_PATH)
MATCHER = Matcher(KB)
TEMPLATES = PROJECT_ROOT / "templates"
NEW_TOPICS = ("app.install", "card.child", "vneid.login", "scam.fake_buyer", "police.contact")
BARE_XA = re.compile(r"\bxã\b(?!/phường| hội)")  # "xã hội" is society, not a commune


def test_new_topics_have_enough_varied_phrasings_and_related_topics() -> None:
    for topic in (*NEW_TOPICS, "vneid.health_insurance"):
        e = KB.get(topic)
        assert e is not None, topic
        # issue 10: 20–30 phrasings per topic were welcome; the phrasings pass (≈ 25–30 more per topic) needs ≤ 70
        assert 6 <= len(e.questions) <= 70, topic
        assert any(q.isascii() for q in e.questions), f"{topic}: one phrasing without diacritics"
        assert e.related and e.title


def test_every_new_answer_is_sourced_and_dated_in_the_file() -> None:
    text = KB_PATH.read_text(encoding="utf-8")
    for topic in (*NEW_TOPICS, "vneid.health_insurance"):
        block = text[text.index(f"- id: {topic}\n") :]
        block = block[: block.index("answer:")]
        assert "checked 2026-12-01" in block, topic


def test_unconfirmed_facts_are_said_as_such() -> None:
    assert "chưa kiểm tra" in KB.get("card.child").answer  # type: ignore[union-attr]  # under 6: card sent home
    assert "chưa kiểm chứng" in KB.get("vneid.login").answer  # type: ignore[union-attr]  # lock time
    assert "chưa kiểm tra lại" in KB.get("app.install").answer  # type: ignore[union-attr]  # 2022 OS versions


def test_apps_only_from_official_stores() -> None:
    answer = KB.get("app.install").answer  # type: ignore[union-attr]
    assert "App Store" in answer and "CH Play" in answer and "KHÔNG cài tệp .apk" in answer
    assert "Bảo hiểm xã hội Việt Nam" in answer and "Bộ Công an" in answer


def test_vneid_login_is_not_the_vssid_answer_nor_the_reset_steps() -> None:
    login, reset = KB.get("vneid.login"), KB.get("vneid.forgot_password")
    assert login is not None and reset is not None
    assert "VssID" not in login.answer and "1900 0368" in login.answer and "1 máy" in login.answer
    assert "ngày cấp thẻ" not in login.answer  # the reset steps stay in vneid.forgot_password


def test_bhyt_answer_covers_vneid_vssid_and_the_clinic() -> None:
    answer = KB.get("vneid.health_insurance").answer  # type: ignore[union-attr]
    assert "VNeID" in answer and "VssID" in answer and "đi khám" in answer and "giá trị sử dụng" in answer


ANSWER_FILES = [KB_PATH, *sorted((TEMPLATES / "faq").glob("*.j2")), TEMPLATES / "replies/contacts.txt.j2"]


@pytest.mark.parametrize("path", ANSWER_FILES)
def test_commune_office_is_always_xa_phuong(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path == KB_PATH:
        text = "\n".join(e.answer for e in KB.entries)
    assert not BARE_XA.findall(text), path


def test_low_salinity_never_reads_as_safe_to_drink() -> None:
    for text in (
        KB.get("live.salinity").answer,  # type: ignore[union-attr]
        (TEMPLATES / "faq/salinity.txt.j2").read_text(encoding="utf-8"),
        (TEMPLATES / "bulletins/_bands.j2").read_text(encoding="utf-8"),
    ):
        low = next(line for line in text.splitlines() if "1 g/l" in line and ("Dưới" in line or "dưới" in line))
        assert "mọi việc" not in low and "uống được" not in low, low
        assert "không dùng để uống" in low, low


def test_help_promises_only_topics_that_exist() -> None:
    help_text = (TEMPLATES / "replies/help.txt.j2").read_text(encoding="utf-8")
    promised = {
        "BHYT": "vneid.health_insurance",
        "Cài VNeID": "app.install",
        "đăng nhập": "vneid.login",
        "cho con nhỏ": "card.child",
        "bán hàng trên mạng": "scam.fake_buyer",
        "công an xã/phường": "police.contact",
        "cuối tuần": "live.weather",
    }
    for words, topic in promised.items():
        assert words in help_text and KB.get(topic) is not None, words
    bot_help = KB.get("bot.help").answer  # type: ignore[union-attr]
    assert "BHYT" in bot_help and "công an xã/phường" in bot_help


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("tải vneid ở đâu", "app.install"),
        ("cài app vssid thế nào", "app.install"),
        ("làm căn cước cho con 8 tuổi", "card.child"),
        ("con tui 15 tuổi có bắt buộc làm căn cước", "card.child"),
        ("thẻ căn cước cho bé 3 tuổi", "card.child"),
        ("vneid không đăng nhập được", "vneid.login"),
        ("tài khoản vneid bị khóa", "vneid.login"),
        ("đổi điện thoại mới không vào được vneid", "vneid.login"),
        ("khách mua hàng gửi link bắt nhập otp để nhận tiền", "scam.fake_buyer"),
        ("bán hàng online bị khách gửi ảnh chuyển khoản giả", "scam.fake_buyer"),
        ("ai có số điện thoại công an xã", "police.contact"),
        ("công an xã ở đâu", "police.contact"),
        ("số công an phường", "police.contact"),
        ("xem thẻ bhyt trên vssid", "vneid.health_insurance"),
        ("thẻ bảo hiểm y tế còn hạn không", "vneid.health_insurance"),
        ("đi khám bệnh đưa vssid được không", "vneid.health_insurance"),
    ],
)
def test_current_matcher_answers_new_topics_on_plain_questions(question: str, topic: str) -> None:
    m = MATCHER.match(question)
    assert (m.topic, m.confident) == (topic, True), (question, m)


def test_a_question_between_installing_and_a_scam_offers_installing_first() -> None:
    # The rules read "cài đặt", the learned view reads a scam story: the bot asks back, and the
    # installing answer (only from the stores, never an .apk) is the first button.
    m = MATCHER.match("có người gửi file apk vneid")
    assert m.topic == "app.install" or (m.topic is None and m.suggestions[0] == "app.install"), m
