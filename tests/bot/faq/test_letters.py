"""Letter n-gram profiles: the third view that settles a close call, and only that."""

from __future__ import annotations

import pytest

from bot.config import PROJECT_ROOT
from bot.faq import matcher as matcher_module
from bot.faq.knowledge import load_knowledge
from bot.faq.letters import LetterProfiles, features
from bot.faq.matcher import Matcher

KB = load_knowledge(PROJECT_ROOT / "faq" / "knowledge.yaml")


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(KB)


def test_features_fold_marks_and_cross_word_boundaries() -> None:
    f = features("Đăng nhập VNeID")
    assert "w:dang" in f and "w:nhap" in f and "p:dang_nhap" in f
    assert "g n" in f  # a letter n-gram across two words: glued or split typing still shares it


def test_a_misspelt_question_is_closest_to_its_topic_by_letters() -> None:
    profiles = LetterProfiles([("login", ["đăng nhập vneid", "không vào được vneid"]), ("fees", ["nộp phí online"])])
    sims = profiles.similarity("dangnhap vnid ko dc", ["login", "fees", "unknown"])
    assert sims["login"] > sims["fees"] > -1
    assert sims["unknown"] == 0.0


def test_profiles_keep_only_the_heaviest_grams() -> None:
    profiles = LetterProfiles([("t", ["một câu hỏi khá dài về tài khoản định danh điện tử mức hai"])], keep=10)
    assert len(profiles.profile("t") or {}) == 10
    assert profiles.profile("unknown") is None


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("sáp nhập có cần đổi thẻ cccd hông", "card.after_merger"),
        ("người ta xin cái mã 6 số mới gửi về máy tui, cho được không", "scam.otp"),
        ("bảo hiễm xã hội trên vê en e i đê xem sao", "bhxh.in_vneid"),  # a typo, an acronym read aloud
        ("cai vneid tren iphone sao", "app.install"),
        ("làm sao đăng ký tài khoản định danh điện tử VNeID", "vneid.register_level1"),  # all three views agree
    ],
)
def test_letters_settle_a_close_call(
    matcher: Matcher, question: str, topic: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert matcher.match(question).topic == topic
    monkeypatch.setattr(matcher, "combiner", None)  # the hand-set rules alone, no trained combiner …
    monkeypatch.setattr(matcher, "learned", None)  # … nor the learned topic view
    monkeypatch.setattr(matcher_module, "LETTERS_AT", 9.0)  # without the third view: asked back
    without = matcher.match(question)
    assert without.topic is None and topic in without.suggestions


def test_letters_never_answer_what_the_words_do_not_support(matcher: Matcher) -> None:
    # Letters alone are close to many things; with no specific word shared, nothing is answered;
    # and news is not a question, however close its letters ("ông Tư bị công an bắt").
    for text in ("ông Tư bị công an bắt", "chị Hai bán bánh bò ở chợ", "tui đi đám giỗ bên bển về"):
        assert matcher.match(text).topic is None
