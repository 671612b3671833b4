"""Stats figures against the hand-checked sample (bot/stats/sample.py), on both engines."""

from __future__ import annotations

from datetime import date

import pytest

from bot.stats.queries import bulletin_rows, overview, question_rows
from bot.stats.sample import END, NOW, START, sample_config
from bot.stats.scope import ScopeError, make_scope
from bot.store.db import Store

CONFIG = sample_config()


def scope(**kw):  # type: ignore[no-untyped-def]
    return make_scope(CONFIG, NOW, start=START, end=END, **kw)


async def test_overview_commune(seeded: Store) -> None:
    async with seeded.session() as s:
        ov = await overview(s, CONFIG, scope(commune="DAINGAI"))
    h1, h2 = ov.hamlets
    assert ov.title == "Xã Đại Ngãi"
    assert (h1.code, h1.groups, h1.members, h1.households) == ("NGAIHOI1", 2, 4, 100)
    assert (h2.code, h2.groups, h2.members) == ("PHUHUU", 1, 2)
    assert h1.coverage == pytest.approx(0.04) and ov.total.coverage == pytest.approx(6 / 150)
    assert (h1.active_7d, h1.active_30d, h2.active_7d, h2.active_30d) == (2, 3, 1, 2)
    assert (h1.messages, h2.messages, ov.total.messages) == (10, 5, 15)
    assert (ov.total.groups, ov.total.members, ov.total.households) == (3, 6, 150)


async def test_joins_counted_per_hamlet(seeded: Store) -> None:
    async with seeded.session() as s:
        ov = await overview(s, CONFIG, scope(commune="DAINGAI"))
    # H1: p3 joined group 1 and p5 joined group 2; p4 left group 1. H2: p7 joined (1/11 local).
    assert [(h.joins, h.leaves) for h in ov.hamlets] == [(2, 1), (1, 0)]


async def test_days_hours_weeks_in_local_time(seeded: Store) -> None:
    async with seeded.session() as s:
        ov = await overview(s, CONFIG, scope(commune="DAINGAI"))
    per_day = {d: n for d, n in ov.per_day if n}
    assert per_day == {
        date(2026, 11, 1): 1,
        date(2026, 11, 10): 2,
        date(2026, 11, 21): 3,
        date(2026, 11, 23): 5,
        date(2026, 11, 24): 4,
    }
    assert len(ov.per_day) == 24
    assert {h: n for h, n in enumerate(ov.per_hour) if n} == {0: 4, 8: 4, 9: 5, 10: 2}
    weeks = [(w.start, w.joins, w.leaves) for w in ov.weeks]
    assert weeks == [
        (date(2026, 10, 26), 1, 0),
        (date(2026, 11, 2), 1, 0),
        (date(2026, 11, 9), 0, 1),
        (date(2026, 11, 16), 1, 0),
        (date(2026, 11, 23), 0, 0),
    ]
    assert ov.trend == [
        (date(2026, 11, 1), 5),
        (date(2026, 11, 8), 6),
        (date(2026, 11, 15), 5),
        (date(2026, 11, 22), 6),
        (date(2026, 11, 24), 6),
    ]


async def test_questions_topics_bulletins(seeded: Store) -> None:
    async with seeded.session() as s:
        ov = await overview(s, CONFIG, scope(commune="DAINGAI"))
        everywhere = await overview(s, CONFIG, scope())
    q = ov.questions
    assert (q.asked, q.answered, q.unanswered, q.useful, q.not_useful) == (4, 3, 1, 1, 1)
    assert [(t.topic, t.asked, t.useful, t.not_useful) for t in ov.topics] == [
        ("vneid.forgot_password", 2, 1, 1),
        ("dvc.login", 1, 0, 0),
    ]
    b = ov.bulletins
    assert (b.bulletins, b.sent_bulletins, b.sent, b.failed, b.inactive, b.queued) == (2, 2, 3, 1, 1, 1)
    assert b.rate == pytest.approx(0.6)
    # Every commune: also the other commune's hamlet and the question with no hamlet.
    assert (everywhere.questions.asked, everywhere.questions.unanswered) == (6, 3)
    assert (everywhere.total.members, everywhere.total.messages, everywhere.bulletins.sent) == (7, 25, 4)


async def test_hamlet_scope(seeded: Store) -> None:
    async with seeded.session() as s:
        ov = await overview(s, CONFIG, scope(hamlet="PHUHUU"))
        rows = await bulletin_rows(s, scope(hamlet="PHUHUU"))
    assert ov.title == "Ấp Phú Hữu" and [h.code for h in ov.hamlets] == ["PHUHUU"]
    assert (ov.total.members, ov.total.messages, ov.questions.asked) == (2, 5, 2)
    assert [(r.id, r.sent, r.failed, r.inactive, r.queued) for r in rows] == [(2, 0, 0, 1, 1), (1, 0, 1, 0, 0)]


async def test_question_rows_and_privacy(seeded: Store) -> None:
    sc = scope(commune="DAINGAI")
    async with seeded.session() as s:
        unanswered = await question_rows(s, sc, "unanswered")
        not_useful = await question_rows(s, sc, "not_useful")
        hidden = await question_rows(s, sc, "all", hide_names=True)
    assert [(r.id, r.text, r.asker) for r in unanswered] == [(4, "<b>cho hỏi</b> lịch tiêm ngừa", "Chị Sáu")]
    assert [r.id for r in not_useful] == [2]
    assert [r.id for r in hidden] == [4, 3, 2, 1] and all(r.asker is None for r in hidden)
    assert unanswered[0].asked_at.hour == 10  # local time


async def test_empty_database_gives_zeros(stats_store: Store) -> None:
    async with stats_store.session() as s:
        ov = await overview(s, CONFIG, scope(commune="DAINGAI"))
    assert ov.total.members == 0 and ov.total.coverage == 0 and ov.bulletins.rate is None
    assert sum(n for _, n in ov.per_day) == 0 and ov.topics == []


def test_scope_errors() -> None:
    with pytest.raises(ScopeError):
        make_scope(CONFIG, NOW, commune="NOPE")
    with pytest.raises(ScopeError):
        make_scope(CONFIG, NOW, start="2026-11-10", end="2026-11-01")
    with pytest.raises(ScopeError):
        make_scope(CONFIG, NOW, start="10-11-2026")
    with pytest.raises(ScopeError):
        make_scope(CONFIG, NOW, commune="LONGDUC", hamlet="PHUHUU")
    sc = make_scope(CONFIG, NOW)
    assert (sc.start, sc.end) == (date(2026, 10, 26), date(2026, 11, 24))
    assert make_scope(CONFIG, NOW, start="01/11/2026").start == date(2026, 11, 1)
