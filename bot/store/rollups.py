"""Daily roll-ups of the hourly activity counts, so the overview of a year reads ~55,000 rows
(groups × days) instead of millions.

``activity_days`` holds, per group and LOCAL day (the config's time zone), the day's messages
and 24 columns with the messages of each local hour. The activity flush adds to it in the same
transaction as the hourly rows (``add_counts``), so it is always in step. ``rebuild`` recomputes
it from ``activity`` (after ``loaso db upgrade``, ``loaso demo``, or a change of time zone) and
writes a marker naming the time zone; the dashboard uses the roll-up only when that marker
matches its time zone, and the exact hourly rows otherwise. A new database (no activity) is
marked at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Date, DateTime, ForeignKey, Integer, String, Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.base import Base
from bot.store.tables import Activity, Membership

HOURS = tuple(f"h{h:02d}" for h in range(24))
NAME = "activity_days"
CHUNK = 1_000  # rows per INSERT: 27 columns each stays under SQLite's and asyncpg's bind limits

activity_days = Table(
    NAME,
    Base.metadata,
    Column("group_id", ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
    Column("day", Date, primary_key=True),  # local calendar day
    Column("messages", Integer, nullable=False, server_default="0"),
    *(Column(h, Integer, nullable=False, server_default="0") for h in HOURS),
)

rollup_state = Table(
    "rollups",
    Base.metadata,
    Column("name", String(32), primary_key=True),
    Column("tz", String(64), nullable=False),
    Column("built_at", DateTime, nullable=False),
)


def _insert(s: AsyncSession, table: Any) -> Any:
    return (sqlite.insert if s.get_bind().dialect.name == "sqlite" else postgresql.insert)(table)


def _adding(s: AsyncSession) -> Any:
    """INSERT into the roll-up that adds to an existing (group, day) row instead of failing."""
    stmt = _insert(s, activity_days)
    return stmt.on_conflict_do_update(
        index_elements=["group_id", "day"],
        set_={c: activity_days.c[c] + stmt.excluded[c] for c in ("messages", *HOURS)},
    )


def day_rows(counts: Iterable[tuple[int, datetime, int]], tz: ZoneInfo) -> list[dict[str, Any]]:
    """(group, UTC hour, messages) → one row per (group, local day) with its 24 hour columns."""
    days: dict[tuple[int, date], dict[str, Any]] = {}
    local: dict[datetime, tuple[date, str]] = {}  # one time-zone conversion per distinct hour, not per row
    for group_id, hour, n in counts:
        where = local.get(hour)
        if where is None:
            at = hour.replace(tzinfo=UTC).astimezone(tz)
            where = local[hour] = (at.date(), HOURS[at.hour])
        day, column = where
        row = days.get((group_id, day))
        if row is None:
            row = days[(group_id, day)] = {"group_id": group_id, "day": day, "messages": 0}
            row.update(dict.fromkeys(HOURS, 0))
        row["messages"] += n
        row[column] += n
    return [days[k] for k in sorted(days)]


async def add_counts(s: AsyncSession, counts: Mapping[tuple[int, int, datetime], int], tz: ZoneInfo) -> None:
    """Add a flush's (group, person, UTC hour) → messages to the daily roll-up."""
    rows = day_rows(((g, h, n) for (g, _, h), n in counts.items()), tz)
    if not rows:
        return
    stmt = _adding(s)
    for i in range(0, len(rows), CHUNK):
        await s.execute(stmt, rows[i : i + CHUNK])


async def merge_group(s: AsyncSession, source: int, target: int) -> None:
    """A group folded into another (a Telegram migration) takes its roll-up along."""
    mine = select(activity_days).where(activity_days.c.group_id == source)
    rows = [dict(r._mapping) for r in await s.execute(mine)]
    await s.execute(delete(activity_days).where(activity_days.c.group_id == source))
    for row in rows:
        row["group_id"] = target
    if rows:
        await s.execute(_adding(s), rows)


async def rebuild(s: AsyncSession, tz: ZoneInfo, now: datetime) -> int:
    """Recompute the roll-up from ``activity`` and mark it built for ``tz``; returns its rows."""
    await s.execute(delete(activity_days))
    result = await s.stream(
        select(Activity.group_id, Activity.hour, func.sum(Activity.messages))
        .group_by(Activity.group_id, Activity.hour)
        .order_by(Activity.group_id, Activity.hour)
    )
    total = 0
    batch: list[tuple[int, datetime, int]] = []
    async for group_id, hour, n in result:
        hour = datetime.fromisoformat(hour) if isinstance(hour, str) else hour
        batch.append((group_id, hour, int(n or 0)))
        if len(batch) >= 50_000:
            total += await _write(s, batch, tz)
            batch = []
    total += await _write(s, batch, tz)
    # Each membership's latest hour with a message (a primary-key look-up per membership).
    latest = (
        select(func.max(Activity.hour))
        .where(Activity.group_id == Membership.group_id, Activity.person_id == Membership.person_id)
        .scalar_subquery()
    )
    await s.execute(update(Membership).values(last_active=latest).execution_options(synchronize_session=False))
    await _mark(s, tz, now)
    return total


async def _write(s: AsyncSession, batch: list[tuple[int, datetime, int]], tz: ZoneInfo) -> int:
    """Rows of one batch; a (group, day) split across two batches is added up by the upsert."""
    if not batch:
        return 0
    rows = day_rows(batch, tz)
    stmt = _adding(s)
    for i in range(0, len(rows), CHUNK):
        await s.execute(stmt, rows[i : i + CHUNK])
    return len(rows)


async def _mark(s: AsyncSession, tz: ZoneInfo, now: datetime) -> None:
    stmt = _insert(s, rollup_state).values(name=NAME, tz=str(tz), built_at=now)
    await s.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"tz": str(tz), "built_at": now}))


async def ready(s: AsyncSession, tz: ZoneInfo) -> bool:
    """Whether the roll-up is complete for this time zone (marking an empty database at once)."""
    marked = (await s.execute(select(rollup_state.c.tz).where(rollup_state.c.name == NAME))).scalar_one_or_none()
    if marked is not None:
        return marked == str(tz)
    if (await s.execute(select(Activity.group_id).limit(1))).first() is None:
        await _mark(s, tz, datetime.now(UTC).replace(tzinfo=None))
        return True
    return False
