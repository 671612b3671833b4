"""Trends a report needs: members per hamlet at the end of each week, questions asked and
answered per week; on SQLite and PostgreSQL, against the hand-checked sample."""

from __future__ import annotations

from datetime import date

from bot.stats.queries import overview
from bot.stats.sample import END, NOW, START, sample_config
from bot.stats.scope import make_scope
from bot.store.db import Store

CONFIG = sample_config()


async def test_members_per_hamlet_and_questions_per_week(seeded: Store) -> None:
    async with seeded.session() as s:
        ov = await overview(s, CONFIG, make_scope(CONFIG, NOW, commune="DAINGAI", start=START, end=END))
    weeks = [w.start for w in ov.weeks]
    assert weeks[0] == date(2026, 10, 26) and len(weeks) == 5
    # the commune's trend is the sum of its hamlets' (a person counts once per hamlet)
    per_hamlet = list(zip(*ov.hamlet_trend.values(), strict=True))
    assert [sum(p) for p in per_hamlet] == [n for _, n in ov.trend]
    assert ov.hamlet_trend["PHUHUU"][-1] == 2 and ov.hamlet_trend["NGAIHOI1"][-1] == 4
    # questions 1–4 of Đại Ngãi were asked 5–8/11 (local), three of them answered
    assert ov.question_weeks == [
        (date(2026, 10, 26), 0, 0), (date(2026, 11, 2), 4, 3), (date(2026, 11, 9), 0, 0),
        (date(2026, 11, 16), 0, 0), (date(2026, 11, 23), 0, 0),
    ]  # fmt: skip


async def test_an_event_at_local_midnight_monday_starts_the_new_week(seeded: Store) -> None:
    from datetime import datetime

    from bot.store.tables import MemberEventRow

    async with seeded.session() as s:  # Monday 16/11 00:00 in Vietnam, exactly on the week's bound
        at = datetime(2026, 11, 15, 17)
        s.add(MemberEventRow(group_id=1, person_id=2, change="left", source="chat_member", at=at))
    async with seeded.session() as s:
        ov = await overview(s, CONFIG, make_scope(CONFIG, NOW, commune="DAINGAI", start=START, end=END))
    assert [(w.start.day, w.leaves) for w in ov.weeks] == [(26, 0), (2, 0), (9, 1), (16, 1), (23, 0)]
