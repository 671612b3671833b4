"""Schedules: idempotent firing, missed runs within grace after downtime, definitions from config and DB."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from bot.store.broadcasts import ScheduleRow
from bot.store.db import utcnow
from bot.store.outbox import Bulletin
from bot.wiring import build_runtime
from broadcasts.fire import fire
from broadcasts.schedule import ScheduleDef, all_schedules, fire_times, missed_runs
from broadcasts.scheduler import SchedulerService
from broadcasts.sources.salinity import record_reading
from tests.broadcasts.helpers import add_groups
from tests.conftest import sample_config

SALINITY = ScheduleDef("salinity-daily", "salinity", "0 6 * * *", "commune:DAINGAI", grace_minutes=60)
RUN_AT = datetime(2026, 11, 24, 23, 0)  # 06:00 on the 25th, Asia/Ho_Chi_Minh


async def _prepare(rt: Runtime) -> None:
    await add_groups(rt, [-1], "NGAIHOI1")
    async with rt.store.session() as s:
        await record_reading(
            s, rt.config, rt.texts, station="DAINGAI", at=RUN_AT - timedelta(hours=2), grams_per_litre=0.4, source="t"
        )


async def _bulletins(rt: Runtime) -> int:
    async with rt.store.session() as s:
        return int((await s.execute(select(func.count()).select_from(Bulletin))).scalar_one())


async def test_double_fire_makes_one_bulletin(runtime: Runtime) -> None:
    await _prepare(runtime)
    first, second = await asyncio.gather(fire(runtime, SALINITY, RUN_AT), fire(runtime, SALINITY, RUN_AT))
    assert sorted([first.outcome, second.outcome]) == ["already", "queued"]
    again = await fire(runtime, SALINITY, RUN_AT)  # e.g. after a restart
    assert again.outcome == "already"
    assert await _bulletins(runtime) == 1


async def test_months_limit_the_season(runtime: Runtime) -> None:
    await _prepare(runtime)
    dry = ScheduleDef("dry", "salinity", "0 6 * * *", "all", months=(1, 2, 3))
    assert (await fire(runtime, dry, RUN_AT)).outcome == "off_season"


def test_fire_times_follow_local_cron(config) -> None:  # type: ignore[no-untyped-def]
    tz = config.tz
    start = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
    times = fire_times(SALINITY, tz, start, start + timedelta(days=2))
    assert [t.astimezone(UTC).replace(tzinfo=None) for t in times] == [
        datetime(2026, 11, 24, 23, 0),
        datetime(2026, 11, 25, 23, 0),
    ]


@pytest.mark.parametrize(
    ("dow", "weekdays"),
    [
        ("5", {"Fri"}),
        ("0", {"Sun"}),
        ("7", {"Sun"}),
        ("1-5", {"Mon", "Tue", "Wed", "Thu", "Fri"}),
        ("0,6", {"Sat", "Sun"}),
        ("5-7", {"Fri", "Sat", "Sun"}),
        ("*/3", {"Sun", "Wed", "Sat"}),
        ("mon-wed", {"Mon", "Tue", "Wed"}),
    ],
)
def test_cron_weekdays_follow_crontab(config, dow: str, weekdays: set[str]) -> None:  # type: ignore[no-untyped-def]
    tz = config.tz
    defn = ScheduleDef("w", "weather", f"0 19 * * {dow}", "all")
    start = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    times = fire_times(defn, tz, start, start + timedelta(days=14))
    assert {t.astimezone(tz).strftime("%a") for t in times} == weekdays
    assert all(t.astimezone(tz).hour == 19 for t in times)


def test_missed_runs_split_by_grace(config) -> None:  # type: ignore[no-untyped-def]
    tz = config.tz
    last = datetime(2026, 11, 21, 23, 0)  # 22 Nov 06:00 local was the last bulletin
    now = datetime(2026, 11, 24, 23, 40, tzinfo=UTC)  # back up at 06:40 local on the 25th
    missed = missed_runs(SALINITY, tz, last, now)
    assert missed.due == [datetime(2026, 11, 24, 23, 0)]
    assert missed.skipped == [datetime(2026, 11, 22, 23, 0), datetime(2026, 11, 23, 23, 0)]
    late = missed_runs(SALINITY, tz, last, now + timedelta(hours=1))
    assert late.due == [] and len(late.skipped) == 3


async def test_catch_up_after_downtime_sends_within_grace_and_logs_skips(
    runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    await _prepare(runtime)
    old = RUN_AT - timedelta(days=2)
    assert (await fire(runtime, SALINITY, old)).outcome == "queued"
    svc = SchedulerService(runtime)
    svc.defs = {SALINITY.id: SALINITY}
    now = (RUN_AT + timedelta(minutes=30)).replace(tzinfo=UTC)
    with caplog.at_level(logging.INFO, logger="broadcasts.scheduler"):
        fired = await svc.catch_up(now)
    assert [(f.run_at, f.outcome) for f in fired] == [(RUN_AT, "queued")]
    skipped = [r for r in caplog.records if "older than its grace" in r.getMessage()]
    assert len(skipped) == 1 and "salinity-daily" in skipped[0].getMessage()
    assert await svc.catch_up(now) == [] or all(f.outcome == "already" for f in await svc.catch_up(now))
    assert await _bulletins(runtime) == 2


async def test_service_registers_config_and_database_schedules(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # no network: a catch-up of the weather schedule at start may only reach a closed local port
    cfg = sample_config(tmp_path, sources={"weather": {"base_url": "http://127.0.0.1:9/x", "retries": 0}})
    runtime = build_runtime(cfg, store=store)
    await runtime.open()
    async with runtime.store.session() as s:
        s.add(
            ScheduleRow(
                id="db-weekly",
                kind="salinity",
                cron="0 7 * * 1",
                target="all",
                months=[],
                grace_minutes=30,
                active=True,
                created_at=utcnow(),
            )
        )
        s.add(
            ScheduleRow(
                id="weather-daily",  # same id as config: config wins
                kind="salinity",
                cron="0 1 * * *",
                target="all",
                months=[],
                grace_minutes=30,
                active=True,
                created_at=utcnow(),
            )
        )
    async with runtime.store.session() as s:
        defs = {d.id: d for d in await all_schedules(s, runtime.config)}
    assert defs["weather-daily"].kind == "weather" and defs["db-weekly"].source == "database"
    svc = SchedulerService(runtime)
    await svc.start()
    try:
        assert svc.healthy()
        assert svc.scheduler is not None
        jobs = {j.id for j in svc.scheduler.get_jobs()}
        assert {"schedule:weather-daily", "schedule:salinity-dry-season", "schedule:db-weekly"} <= jobs
        job = svc.scheduler.get_job("schedule:weather-daily")
        assert job.next_run_time.tzinfo is not None and job.next_run_time.hour == 5 and job.next_run_time.minute == 30
    finally:
        await svc.stop()
    assert not svc.healthy()


async def test_run_job_uses_the_scheduled_time(runtime: Runtime) -> None:
    await _prepare(runtime)
    svc = SchedulerService(runtime)
    every_minute = ScheduleDef("minutely", "salinity", "* * * * *", "all")
    svc.defs = {every_minute.id: every_minute}
    a = await svc.run_job("minutely")
    b = await svc.run_job("minutely")  # a second trigger of the same minute
    assert a is not None and a.run_at.second == 0 and a.run_at.microsecond == 0
    assert b is not None and (b.outcome == "already" or b.run_at != a.run_at)
