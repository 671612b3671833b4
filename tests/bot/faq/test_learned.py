"""The learned topic view weighs the rules' decisions: it settles close calls, questions unlikely
answers, holds back what it calls out of scope, and leaves alone what it does not know."""

from __future__ import annotations

import json

from bench.faq_bench import FROZEN, SETS
from bot import textmodel
from bot.config import PROJECT_ROOT
from bot.faq import learned
from bot.faq.knowledge import load_knowledge
from bot.faq.learned import OUT, decide
from bot.faq.matcher import Matcher
from bot.faq.normalize import folded_words
from bot.textmodel import Classes

KB = load_knowledge(PROJECT_ROOT / "faq" / "knowledge.yaml")
EXEMPT = {"live.weather"}


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


def test_an_answer_the_view_gives_some_weight_stands() -> None:
    probs = {"a": 0.45, "b": 0.4, OUT: 0.15}
    assert decide("b", "ok", (), probs, EXEMPT) is None  # 0.4 ≥ KEEP
    assert decide("a", "ok", (), probs, EXEMPT) is None
    assert decide("b", "ok", (), {"a": 0.6, "b": 0.3, OUT: 0.1}, EXEMPT) == (None, ("b", "a"), "ambiguous")


def test_an_answer_the_view_finds_unlikely_is_switched_only_when_sure_else_asked_back() -> None:
    assert decide("a", "ok", (), {"a": 0.05, "b": 0.9, OUT: 0.05}, EXEMPT) == ("b", (), "ok")
    topic, offered, reason = decide("a", "ok", (), {"a": 0.1, "b": 0.5, "c": 0.3, OUT: 0.1}, EXEMPT) or ("?", (), "")
    assert (topic, reason) == (None, "ambiguous")
    assert offered == ("a", "b", "c")  # the rules' answer first, then the view's likely topics


def test_an_answer_the_view_calls_out_of_scope_is_held_back_but_offered() -> None:
    got = decide("a", "ok", (), {"a": 0.2, "b": 0.05, OUT: 0.75}, EXEMPT)
    assert got == (None, ("a",), "out_of_scope")


def test_text_read_from_a_picture_the_resident_sent_is_not_village_talk() -> None:
    # "Thông báo: Hệ thống đang bảo trì" reads like a group's notice, but a screenshot sent to the bot asks.
    probs = {"a": 0.45, "b": 0.02, OUT: 0.53}
    assert decide("a", "ok", (), probs, EXEMPT) == (None, ("a",), "out_of_scope")
    assert decide("a", "ok", (), probs, EXEMPT, shown=True) is None
    # … and the view still switches an answer it finds unlikely to the topic it is sure of.
    assert decide("a", "ok", (), {"a": 0.05, "b": 0.9, OUT: 0.05}, EXEMPT, shown=True) == ("b", (), "ok")


def test_a_close_call_is_settled_among_the_offered_topics_or_when_the_view_is_sure() -> None:
    probs = {"a": 0.75, "b": 0.2, OUT: 0.05}
    assert decide(None, "ambiguous", ("b", "a"), probs, EXEMPT) == ("a", (), "ok")
    unsure = {"a": 0.65, "b": 0.3, OUT: 0.05}
    assert decide(None, "ambiguous", ("b", "c"), unsure, EXEMPT) == (None, ("b", "a", "c"), "ambiguous")
    assert decide(None, "low_coverage", ("c",), {"a": 0.85, "c": 0.1, OUT: 0.05}, EXEMPT) == ("a", (), "ok")
    # Words the rules barely matched: the view's topic at 0.55 settles it; a close call of two topics needs more.
    leaning = {"a": 0.55, "c": 0.35, OUT: 0.1}
    assert decide(None, "low_coverage", ("c",), leaning, EXEMPT) == ("a", (), "ok")
    assert decide(None, "ambiguous", ("c",), leaning, EXEMPT) == (None, ("c", "a"), "ambiguous")
    assert decide(None, "ambiguous", ("a",), {"a": 0.45, OUT: 0.55}, EXEMPT) is None  # out of scope first


def test_a_close_call_the_view_is_sure_is_village_talk_offers_no_topics() -> None:
    # Village news that shares a topic's words gets no "Ý bà con là…?" buttons.
    assert decide(None, "low_coverage", ("a", "b"), {"a": 0.03, "b": 0.01, OUT: 0.96}, EXEMPT) == (
        None,
        (),
        "out_of_scope",
    )
    assert decide(None, "low_coverage", ("a",), {"a": 0.1, OUT: 0.9}, EXEMPT) is None  # less sure: the rules' buttons
    for news in ("chiều nay ai đi đám cưới con ông Sáu không", "con bò nhà tui sút chuồng, ai thấy báo giùm"):
        assert Matcher(KB, learned=False).match(news).suggestions != ()  # the rules alone would offer topics
        m = Matcher(KB).match(news)
        assert (m.topic, m.suggestions, m.reason) == (None, (), "out_of_scope"), news


def test_what_the_rules_keep_out_and_what_the_view_does_not_know_are_left_alone() -> None:
    sure = {"a": 0.95, OUT: 0.05}
    assert decide(None, "statement", ("a",), {"a": 0.85, OUT: 0.15}, EXEMPT) is None  # news stays news …
    assert decide(None, "to_someone", ("a",), sure, EXEMPT) is None
    assert decide(None, "chitchat", ("a",), sure, EXEMPT) is None
    assert decide("live.weather", "ok", (), {"a": 0.7, "live.weather": 0.1, OUT: 0.2}, EXEMPT) is None
    # The weather's rules ask for its words: held back only when the view is nearly sure it is village talk.
    assert decide("live.weather", "ok", (), {"a": 0.01, "live.weather": 0.1, OUT: 0.89}, EXEMPT) is None
    assert decide("live.weather", "ok", (), {"a": 0.01, "live.weather": 0.02, OUT: 0.97}, EXEMPT) == (
        None,
        ("live.weather",),
        "out_of_scope",
    )
    assert decide("new.topic", "ok", (), sure, EXEMPT) is None  # added after training
    assert decide("a", "ok", (), {}, EXEMPT) is None  # too few known words: no view
    assert decide(None, "ambiguous", ("a",), {"live.weather": 0.99, "a": 0.01}, EXEMPT) is None


def test_the_weather_salinity_and_the_bot_are_answered_by_the_view_only_when_the_rules_put_them_first() -> None:
    # "tối nay gió cấp mấy": the rules offer the weather first, with too few of its words to answer.
    assert decide(None, "low_coverage", ("live.weather", "a"), {"live.weather": 0.65, "a": 0.1, OUT: 0.25}, EXEMPT) == (
        "live.weather",
        (),
        "ok",
    )
    unsure = decide(None, "low_coverage", ("live.weather", "a"), {"live.weather": 0.5, "a": 0.1, OUT: 0.4}, EXEMPT)
    assert unsure is None or unsure[0] is None
    assert decide(None, "statement", ("live.weather",), {"live.weather": 0.75, OUT: 0.25}, EXEMPT) == (
        "live.weather",
        (),
        "ok",
    )
    assert decide(None, "statement", ("live.weather",), {"live.weather": 0.65, OUT: 0.35}, EXEMPT) is None
    # Second among the rules' choices, or village talk by the view: not answered.
    assert decide(None, "ambiguous", ("a", "live.weather"), {"live.weather": 0.9, "a": 0.05}, EXEMPT) is None
    assert decide(None, "low_coverage", ("live.weather",), {"live.weather": 0.45, OUT: 0.55}, EXEMPT) is None
    # "bán mực một nắng online": a weather answer on one word is turned to the topic the view is sure of.
    assert decide("live.weather", "ok", (), {"a": 0.9, "live.weather": 0.05, OUT: 0.05}, EXEMPT) == ("a", (), "ok")


def test_a_question_told_as_a_story_or_beside_another_matter_is_answered_when_the_view_is_nearly_sure() -> None:
    assert decide(None, "statement", (), {"a": 0.95, OUT: 0.05}, EXEMPT) == ("a", (), "ok")
    assert decide(None, "other_matter", (), {"a": 0.92, OUT: 0.08}, EXEMPT) == ("a", (), "ok")
    assert decide(None, "other_matter", (), {"a": 0.5, "b": 0.45, OUT: 0.05}, EXEMPT) is None
    assert decide(None, "statement", (), {"live.weather": 0.97, "a": 0.02, OUT: 0.01}, EXEMPT) is None  # not its pick
    rules, m = Matcher(KB, learned=False), Matcher(KB)
    story = "mấy bữa nay tui vô cổng dịch vụ công đăng nhập bằng tài khoản định danh thì nó cứ quay vòng vòng hoài"
    assert (rules.match(story).topic, rules.match(story).reason) == (None, "statement")  # no question's words
    assert m.match(story).topic == "dvc.login"
    for news in (
        "hôm qua tui làm vneid cho con 8 tuổi rồi, nhanh lắm",
        "hôm qua nhà tui mới làm khai sinh cho thằng cháu trên mạng, nhanh ghê",
    ):
        assert (rules.match(news).reason, m.match(news).topic) == ("statement", None), news


def test_a_question_with_no_words_the_view_knows_keeps_the_rules_answer() -> None:
    assert Matcher(KB).match("quenmatkhauvneid").topic == "vneid.forgot_password"


def test_the_shipped_view_knows_every_topic_and_is_never_trained_on_the_sets_kept_unseen() -> None:
    data = json.loads(learned.MODEL.read_text(encoding="utf-8"))
    unseen = {f"bench/{SETS[name].name}" for name in FROZEN}
    assert len(unseen) >= 6 and not set(data["trained_on"]) & unseen
    assert set(data["classes"]) == set(KB.topics) | {OUT}
    assert learned.default() is not None


def test_a_view_that_calls_everything_village_talk_never_holds_back_a_phrasing_or_a_near_variant() -> None:
    # What a leader just taught is a phrasing the view was not retrained on: the rules' answer stands.
    entry = KB.get("vneid.levels")
    assert entry is not None
    phrasing = "mức 2 thì có thêm vân tay với ảnh chân dung phải không"
    assert phrasing in entry.questions
    taught = (phrasing, phrasing + " vậy")  # the phrasing, and nearly it
    loose = "mức 2 với mức 1 khác gì"  # the rules answer it, but it says no phrasing
    words = {f: {0: 0.0} for q in (*taught, loose) for f in textmodel.features(folded_words(q))}
    everything_out: Classes = {"classes": [*KB.topics, OUT], "bias": [0.0] * len(KB.topics) + [20.0], "features": words}
    rules, m = Matcher(KB, learned=False), Matcher(KB, learned=everything_out)
    for question in (*taught, loose):
        assert rules.match(question).topic == "vneid.levels", question
    for question in taught:
        assert m.match(question).topic == "vneid.levels", question
    held = m.match(loose)
    assert (held.topic, held.reason) == (None, "out_of_scope")
