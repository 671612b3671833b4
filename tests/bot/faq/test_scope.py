"""The scope view holds back answers to village news and small talk, and nothing a topic plainly asks."""

from __future__ import annotations

import json

from bench.faq_bench import FROZEN, SETS
from bot.config import PROJECT_ROOT
from bot.faq import scope
from bot.faq.knowledge import load_knowledge
from bot.faq.matcher import Matcher
from bot.textmodel import Model

KB = load_knowledge(PROJECT_ROOT / "faq" / "knowledge.yaml")
NEWS = "Thằng Tí nhà bà Năm làm xong mức 2 rồi, nhanh lắm, có mười phút à"


def test_village_news_that_shares_a_topics_words_is_held_back_but_still_offered() -> None:
    without = Matcher(KB, scope=False, learned=False).match(NEWS)
    assert without.topic is not None  # the rules alone answer it: the veto is what holds it back
    held = Matcher(KB).match(NEWS)
    assert held.topic is None and held.reason == "out_of_scope"
    assert without.topic in held.suggestions  # a private chat may still offer it


def test_questions_are_not_held_back() -> None:
    m = Matcher(KB)
    for question, topic in (
        ("quên mật khẩu vneid thì làm sao", "vneid.forgot_password"),
        ("làm mức 2 bao lâu thì được duyệt vậy", "vneid.processing_time"),
        ("tui muốn đăng ký khai sinh cho cháu nội trên mạng", "dvc.birth_registration"),
    ):
        assert m.match(question).topic == topic
        assert scope.log_odds(question, scope.default() or {"bias": 0.0, "features": {}}) > scope.VETO_AT


def test_a_topics_own_phrasing_is_never_held_back() -> None:
    # A view that calls everything out of scope (as a stale model might for a topic leaders just added).
    everything_out: Model = {"bias": -10.0, "features": {"zzz": 0.0}}
    m = Matcher(KB, scope=everything_out)
    entry = KB.get("vneid.forgot_password")
    assert entry is not None
    assert m.match(entry.questions[0]).topic == "vneid.forgot_password"
    assert m.match("cho bác hỏi cái mật khẩu vneid quên rồi lấy lại được không").reason == "out_of_scope"


def test_the_shipped_view_is_never_trained_on_the_sets_kept_unseen() -> None:
    trained_on = set(json.loads(scope.MODEL.read_text(encoding="utf-8"))["trained_on"])
    unseen = {f"bench/{SETS[name].name}" for name in FROZEN}
    assert len(unseen) >= 5 and not trained_on & unseen
    assert "faq/knowledge.yaml" in trained_on
