from __future__ import annotations

import pytest

from bot.config import PROJECT_ROOT
from bot.faq.evaluation import EVAL_FILE, load_cases, score
from bot.faq.knowledge import load_knowledge
from bot.faq.matcher import Matcher
from bot.faq.normalize import folded_words

KB = load_knowledge(PROJECT_ROOT / "faq" / "knowledge.yaml")


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(KB)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("kich hoat vneid", "vneid.activate"),
        ("Kích hoạt VNeID", "vneid.activate"),
        ("tui hông nhớ mk vneid", "vneid.forgot_password"),
        ("kíck hoạt vnied", "vneid.activate"),  # typos
        ("đổi số đt vneid sao", "vneid.change_phone"),
        ("độ mặn bữa nay", "live.salinity"),
        ("mai có mưa hông", "live.weather"),
    ],
)
def test_answers_what_it_knows(matcher: Matcher, question: str, topic: str) -> None:
    m = matcher.match(question)
    assert (m.topic, m.confident) == (topic, True)
    assert 0 < m.score <= 1


@pytest.mark.parametrize(
    "question", ["ok cảm ơn", "ông Tư bị công an bắt", "nhậu không anh em", "bữa nay đi chợ không", "giá vàng hôm nay"]
)
def test_never_guesses(matcher: Matcher, question: str) -> None:
    m = matcher.match(question)
    assert m.topic is None and not m.confident


def test_eval_set_is_not_copied_from_the_knowledge_base() -> None:
    phrasings = {folded_words(q) for e in KB.entries for q in (e.title, *e.questions)}
    for path in (EVAL_FILE, EVAL_FILE.with_name("faq_heldout.yaml")):
        copied = [c.question for c in load_cases(path) if folded_words(c.question) in phrasings]
        assert copied == [], path
    assert len(load_cases()) >= 300
    assert {c.topic for c in load_cases() if c.topic} == set(KB.topics)


def test_eval_accuracy_and_silence(matcher: Matcher) -> None:
    s = score(lambda q: matcher.match(q).topic, load_cases())
    assert s.accuracy >= 0.95, s.misses
    assert s.silence >= 0.95, s.misses
