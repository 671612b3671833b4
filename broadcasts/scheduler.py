"""The scheduler service: APScheduler 3 fires jobs that only queue bulletins, idempotently.

Definitions live in config.yaml and the ``schedules`` table, never in APScheduler (its
job store is memory). On start, runs missed while the bot was down are sent if still
within the schedule's grace period and skipped with a log line if older. Every few
minutes the definitions are re-read, so a schedule added to the database is picked up.
Every ``loaso run`` may start this service; on PostgreSQL a lease (``bot.lease``, name
``scheduler``) lets exactly one process fire schedules, and another takes over within
seconds when that one dies. Even two firing would not duplicate bulletins, only fetch twice.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from starlette.routing import BaseRoute

from bot.lease import Leased
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.retention import purge_personal_data
from broadcasts.fire import Fired, fire
from broadcasts.schedule import ScheduleDef, all_schedules, last_run, latest_fire_time, missed_runs

log = logging.getLogger(__name__)

REFRESH_MINUTES = 5  # how often database schedules are re-read
FIRE_WINDOW = timedelta(minutes=5)  # a job started this late still belongs to its scheduled time
LEASE_NAME = "scheduler"
START_WAIT_S = 10.0  # start() waits this long for a lone process's scheduler to be up


CATCH_UP_STOP_S = 10.0  # how long stopping waits for a catch-up still running


class SchedulerService:
    name = "scheduler"

    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self.scheduler: AsyncIOScheduler | None = None
        self.defs: dict[str, ScheduleDef] = {}
        self._tasks: set[asyncio.Task[object]] = set()
        self._lease_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        aps = logging.getLogger("apscheduler")
        if aps.level == logging.NOTSET:
            aps.setLevel(logging.WARNING)  # "Running job …" every few minutes drowns the useful lines
        self._ready = asyncio.Event()
        self.lease = Leased(self.runtime.store, LEASE_NAME, self._run_scheduler)
        self._lease_task = asyncio.create_task(self.lease.run(), name="scheduler-lease")
        # A lone process (and SQLite) has its scheduler running when start() returns.
        deadline = asyncio.get_running_loop().time() + START_WAIT_S
        while asyncio.get_running_loop().time() < deadline and not self._lease_task.done():
            if self._ready.is_set() or (self.lease.decided.is_set() and not self.lease.held):
                break
            await asyncio.sleep(0.01)
        if self._lease_task.done():
            self._lease_task.result()  # a failure at start is reported to the caller
        if not self._ready.is_set():
            log.info("scheduler: another process holds the lease; this one stands by")

    async def _run_scheduler(self) -> None:
        """Fire schedules until cancelled (the lease was lost, or the service stops)."""
        self.scheduler = AsyncIOScheduler(timezone=self.runtime.config.tz)
        try:
            await self.refresh()
            self.scheduler.add_job(self.refresh, "interval", minutes=REFRESH_MINUTES, id="_refresh", coalesce=True)
            # Personal data past privacy.keep_days (bot.store.retention), once a day at 03:17 local time.
            self.scheduler.add_job(self.purge, "cron", hour=3, minute=17, id="_privacy", coalesce=True)
            self.scheduler.start()
            task = asyncio.create_task(self.catch_up())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            self._ready.set()
            await asyncio.Event().wait()
        finally:
            self._ready.clear()
            if self.scheduler is not None and self.scheduler.running:
                self.scheduler.shutdown(wait=False)
            self.scheduler = None
            # A catch-up in the middle of a database query is let finish (a few seconds at most):
            # cancelled there, its connection's close can wait forever on SQLite.
            pending = list(self._tasks)
            if pending:
                _, late = await asyncio.wait(pending, timeout=CATCH_UP_STOP_S)
                for t in late:
                    t.cancel()

    async def stop(self) -> None:
        task = self._lease_task
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        self._lease_task = None
        # A catch-up still running holds a database session: wait for it to unwind before the store
        # closes, or closing its connection waits forever.
        pending = list(self._tasks)
        for t in pending:
            t.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    async def purge(self) -> None:
        try:
            counts = await purge_personal_data(self.runtime.store, utcnow(), self.runtime.config.privacy.keep_days)
        except Exception as exc:  # tomorrow again; never stops the scheduler
            log.warning("personal data purge failed (%s); will try again tomorrow", type(exc).__name__)
            return
        if any(counts.values()):
            log.info("personal data older than %d days deleted: %s", self.runtime.config.privacy.keep_days, counts)

    def healthy(self) -> bool:
        """Running the scheduler, or standing by while another process holds its lease."""
        task = self._lease_task
        if task is None or task.done():
            return False
        return bool(self.scheduler and self.scheduler.running) or not self.lease.held

    def routes(self) -> list[BaseRoute]:
        return []

    async def refresh(self) -> None:
        """(Re)register one APScheduler job per definition."""
        assert self.scheduler is not None
        async with self.runtime.store.session() as s:
            defs = {d.id: d for d in await all_schedules(s, self.runtime.config)}
        tz = self.runtime.config.tz
        for gone in set(self.defs) - set(defs):
            self.scheduler.remove_job(f"schedule:{gone}")
        for d in defs.values():
            if self.defs.get(d.id) == d and self.scheduler.get_job(f"schedule:{d.id}"):
                continue
            self.scheduler.add_job(
                self.run_job,
                d.trigger(tz),
                args=[d.id],
                id=f"schedule:{d.id}",
                replace_existing=True,
                misfire_grace_time=max(int(d.grace.total_seconds()), 1),
                coalesce=True,
                max_instances=1,
            )
        self.defs = defs

    async def run_job(self, schedule_id: str) -> Fired | None:
        defn = self.defs.get(schedule_id)
        if defn is None:
            return None
        now = datetime.now(UTC)
        scheduled = latest_fire_time(defn, self.runtime.config.tz, now, max(defn.grace, FIRE_WINDOW))
        if scheduled is None:
            log.warning("schedule %s fired at %s with no run time in reach; skipped", schedule_id, now)
            return None
        return await self._fire(defn, scheduled.astimezone(UTC).replace(tzinfo=None))

    async def catch_up(self, now: datetime | None = None) -> list[Fired]:
        """Send missed runs within grace; log the ones skipped as too old."""
        now = now or datetime.now(UTC)
        done: list[Fired] = []
        for defn in list(self.defs.values()):
            async with self.runtime.store.session() as s:
                last = await last_run(s, defn.id)
            missed = missed_runs(defn, self.runtime.config.tz, last, now)
            for run_at in missed.skipped:
                log.warning(
                    "schedule %s: run of %s UTC missed while down, older than its grace (%d min): skipped",
                    defn.id,
                    run_at,
                    defn.grace_minutes,
                )
            for run_at in missed.due:
                log.info("schedule %s: sending missed run of %s UTC (within grace)", defn.id, run_at)
                fired = await self._fire(defn, run_at)
                if fired is not None:
                    done.append(fired)
        return done

    async def _fire(self, defn: ScheduleDef, run_at: datetime) -> Fired | None:
        try:
            return await fire(self.runtime, defn, run_at)
        except Exception:
            log.exception("schedule %s run %s failed", defn.id, run_at)
            return None
