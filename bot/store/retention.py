"""Residents' personal data is kept only as long as the figures need it (Decree 13/2023).

``privacy.keep_days`` (default 730: two years, the longest range the dashboard shows) bounds how
long questions (their text), hourly activity counts, join/leave history and ended memberships are
kept. People then left with nothing (no membership, no activity, no question, no role) are
deleted too. Run once a day by the scheduler process; each run deletes in one transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, select

from bot.store.db import Store
from bot.store.questions import Question
from bot.store.tables import Activity, MemberEventRow, Membership, Person, RoleRow


async def purge_personal_data(store: Store, now: datetime, keep_days: int) -> dict[str, int]:
    """Delete what is older than ``keep_days``; returns rows deleted per table."""
    cutoff = now - timedelta(days=keep_days)
    counts: dict[str, int] = {}
    async with store.session() as s:
        for name, stmt in (
            ("questions", delete(Question).where(Question.asked_at < cutoff)),
            ("activity", delete(Activity).where(Activity.hour < cutoff)),
            ("member_events", delete(MemberEventRow).where(MemberEventRow.at < cutoff)),
            (
                "memberships",
                delete(Membership).where(Membership.active.is_(False), Membership.left_at < cutoff),
            ),
        ):
            counts[name] = int((await s.execute(stmt)).rowcount or 0)  # type: ignore[attr-defined]
        orphans = select(Person.id).where(
            Person.first_seen < cutoff,
            ~exists().where(Membership.person_id == Person.id),
            ~exists().where(Activity.person_id == Person.id),
            ~exists().where(and_(Question.person_id == Person.id)),
            ~exists().where(RoleRow.person_id == Person.id),
        )
        ids = list((await s.execute(orphans)).scalars())
        if ids:
            await s.execute(delete(Person).where(Person.id.in_(ids)))
        counts["people"] = len(ids)
    return counts
