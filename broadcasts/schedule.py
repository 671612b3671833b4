"""Schedule definitions (config.yaml plus the ``schedules`` table) and their fire times.

Fire times are computed from the five crontab fields in the config timezone with
APScheduler's ``CronTrigger``; a run is identified by its scheduled time (naive UTC), which
is what makes a firing idempotent: one bulletin per (schedule id, run time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, Schedule, cron_trigger
from bot.store.broadcasts import ScheduleRow
from bot.store.db import to_utc_naive
from bot.store.outbox import Bulletin

LOOKBACK = timedelta(days=7)  # how far back a restart looks for missed runs (older ones are just skipped)


@dataclass(frozen=True)
class ScheduleDef:
    id: str
    kind: str
    cron: str
    target: str
    months: tuple[int, ...] = ()
    grace_minutes: int = 60
    source: str = "config"

    @property
    def grace(self) -> timedelta:
        return timedelta(minutes=self.grace_minutes)

    def trigger(self, tz: ZoneInfo) -> CronTrigger:
        return cron_trigger(self.cron, tz)

    def in_season(self, run_at_local: datetime) -> bool:
        return not self.months or run_at_local.month in self.months


def from_config(s: Schedule) -> ScheduleDef:
    return ScheduleDef(s.id, s.kind, s.cron, s.target, tuple(s.months), s.grace_minutes, "config")


def from_row(r: ScheduleRow) -> ScheduleDef:
    return ScheduleDef(r.id, r.kind, r.cron, r.target, tuple(r.months or ()), r.grace_minutes, "database")


def is_edit_of(row: ScheduleRow, conf: Schedule) -> bool:
    """A database row with a config schedule's id and kind is that schedule as edited in the
    web console (cron, target, on/off); one with another kind is a conflicting definition."""
    return row.id == conf.id and row.kind == conf.kind


async def all_schedules(s: AsyncSession, config: Config) -> list[ScheduleDef]:
    """Config schedules first (as edited in the console, if they were; an edit can turn one
    off); then the database's own. A database schedule of another kind under a config id is
    ignored (config wins)."""
    rows = {r.id: r for r in (await s.execute(select(ScheduleRow).order_by(ScheduleRow.id))).scalars()}
    defs: list[ScheduleDef] = []
    for conf in config.schedules:
        row = rows.get(conf.id)
        if row is not None and is_edit_of(row, conf):
            if row.active:
                defs.append(ScheduleDef(row.id, row.kind, row.cron, row.target, tuple(row.months or ()),
                                        row.grace_minutes, "config"))  # fmt: skip
            continue
        defs.append(from_config(conf))
    seen = {c.id for c in config.schedules}
    defs.extend(from_row(r) for r in rows.values() if r.id not in seen and r.active)
    return defs


def fire_times(defn: ScheduleDef, tz: ZoneInfo, after: datetime, until: datetime) -> list[datetime]:
    """Fire times t with after < t ≤ until (aware datetimes)."""
    trig = defn.trigger(tz)
    out: list[datetime] = []
    t = trig.get_next_fire_time(None, after + timedelta(microseconds=1))
    while t is not None and t <= until:
        out.append(t)
        t = trig.get_next_fire_time(t, t + timedelta(microseconds=1))
    return out


def latest_fire_time(defn: ScheduleDef, tz: ZoneInfo, now: datetime, within: timedelta) -> datetime | None:
    """The scheduled time this firing belongs to: the last fire time ≤ now, not older than ``within``."""
    times = fire_times(defn, tz, now - within, now)
    return times[-1] if times else None


async def last_run(s: AsyncSession, schedule_id: str) -> datetime | None:
    q = select(func.max(Bulletin.run_at)).where(Bulletin.schedule_id == schedule_id)
    return (await s.execute(q)).scalar_one_or_none()


@dataclass(frozen=True)
class Missed:
    due: list[datetime]  # naive UTC run times still within grace: send them
    skipped: list[datetime]  # naive UTC run times too old: log and skip


def missed_runs(defn: ScheduleDef, tz: ZoneInfo, last: datetime | None, now: datetime) -> Missed:
    """Runs between the last bulletin (naive UTC) and ``now`` (aware), split by the grace period."""
    start = max(last.replace(tzinfo=ZoneInfo("UTC")), now - LOOKBACK) if last else now - defn.grace
    due: list[datetime] = []
    skipped: list[datetime] = []
    for t in fire_times(defn, tz, start, now):
        if not defn.in_season(t.astimezone(tz)):
            continue
        (due if now - t <= defn.grace else skipped).append(to_utc_naive(t))
    return Missed(due, skipped)
