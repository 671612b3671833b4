"""The learned topic view settles close calls among the offered topics, and only those."""

from __future__ import annotations

import json

from bench.faq_bench import FROZEN, SETS
from bot.config import PROJECT_ROOT
from bot.faq import learned
from bot.faq.knowledge import load_knowledge
from bot.faq.matcher import Matcher
from bot.textmodel import Model

KB = load_knowledge(PROJECT_ROOT / "faq" / "knowledge.yaml")


def test_sibling_topics_the_words_cannot_split_are_answered() -> None:
    for question, topic in (
        ("làm vneid cho con 8 tuổi", "vneid.children"),  # words lean to the child's card
        ("thẻ căn cước xài được mấy năm vậy", "card.validity"),
    ):
        without = Matcher(KB, learned=False).match(question)
        assert without.topic is None and topic in without.suggestions  # asked back without the view
        assert Matcher(KB).match(question).topic == topic


def test_it_never_answers_what_the_rules_keep_out_of_a_conversation() -> None:
    m = Matcher(KB)
    for text in (
        "Tuấn ơi làm vneid cho con 8 tuổi chưa",  # to a neighbour
        "đi xuất khẩu lao động Nhật tốn bao nhiêu tiền",  # another matter
        "hôm qua tui làm vneid cho con 8 tuổi rồi, nhanh lắm",  # news
    ):
        assert m.match(text).topic is None, text


def test_it_picks_only_among_the_offered_topics_and_only_when_clear() -> None:
    sure: Model = {"bias": 5.0, "features": {"zzz": 0.0}}
    unsure: Model = {"bias": -5.0, "features": {"zzz": 0.0}}
    models = {"a": sure, "b": unsure, "c": sure}
    assert learned.pick("x", ["a", "b"], models) == "a"
    assert learned.pick("x", ["b"], models) is None  # not sure enough
    assert learned.pick("x", ["a", "c"], models) is None  # not clear of the other
    assert learned.pick("x", ["new.topic"], models) is None  # a topic added after training has no model


def test_the_shipped_view_is_never_trained_on_the_sets_kept_unseen() -> None:
    data = json.loads(learned.MODEL.read_text(encoding="utf-8"))
    unseen = {f"bench/{SETS[name].name}" for name in FROZEN}
    assert len(unseen) >= 5 and not set(data["trained_on"]) & unseen
    assert set(data["topics"]) == set(KB.topics)
