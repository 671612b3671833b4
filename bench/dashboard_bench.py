"""Dashboard overview response time at commune scale, on SQLite and PostgreSQL.

    .venv/bin/python bench/dashboard_bench.py [--engines sqlite,postgres] [--repeat 5]
        [--activity 5000000] [--baseline rollup|indexes]

One commune with 100 hamlets, 150 groups, 20,000 members (one membership each, plus
2,000 who left), 1,000,000 activity rows by default (50 active hours per person over a
year; ``--activity 5000000``: 250), 5,000 questions and a year of daily bulletins. Seeded
with executemany (SQLite) and COPY (PostgreSQL), then the daily roll-up is rebuilt (timed).
Measures GET / (overview, last 30 days and last 365 days, logged in as an official) over
ASGI, then the same baseline in the same run: without the roll-up (its marker removed, so
the overview reads the hourly rows as before migration 0013), or ``--baseline indexes``:
without the stats indexes of migration 0004. Prints medians in milliseconds.
Target: overview < 300 ms. PostgreSQL at 127.0.0.1:5432 (user postgres, db test) is
used in its own schema, dropped at the end; skipped when no server answers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import event, text

from bot.config import parse_config
from bot.dashboard import dashboard_routes
from bot.dashboard.auth import hash_password
from bot.store import rollups
from bot.store.accounts import add_account
from bot.store.db import Store, utcnow
from bot.store.schema import ensure_schema
from bot.web import build_app
from bot.wiring import build_runtime

HAMLETS, GROUPS, MEMBERS, LEFT = 100, 150, 20_000, 2_000
HOURS_PER_PERSON, YEAR_HOURS = 50, 365 * 24  # 20,000 × 50 = 1,000,000 activity rows
QUESTIONS, TOPICS = 5_000, ["vneid.levels", "vneid.activate", "vneid.forgot_password", "dvc.login", "vssid.register"]
PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
STATS_INDEXES = {
    "ix_activity_group_hour_person": "activity (group_id, hour, person_id, messages)",
    "ix_memberships_group_active_person": "memberships (group_id, active, person_id)",
    "ix_deliveries_group_bulletin": "deliveries (group_id, bulletin_id, status)",
    "ix_bulletins_created_at": "bulletins (created_at)",
}
PASSWORD = "bench-password-1"


def bench_config() -> Any:
    hamlets = [
        {"code": f"H{i:03d}", "name": f"Ấp {i}", "lat": 9.7, "lon": 106.0, "households": 300} for i in range(HAMLETS)
    ]
    return parse_config({"communes": [{"code": "BENCH", "name": "Xã Thử", "province": "Cần Thơ", "hamlets": hamlets}]})


def rows(now: datetime, hours_per_person: int = HOURS_PER_PERSON) -> dict[str, list[tuple[Any, ...]]]:
    """Every row as a tuple in column order; datetimes as datetime objects."""
    rng = random.Random(5)
    start = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=YEAR_HOURS)
    hours = [start + timedelta(hours=h) for h in range(YEAR_HOURS)]
    out: dict[str, list[tuple[Any, ...]]] = {}
    out["groups"] = [
        (g, "telegram", -1000 - g, None, "group", f"Nhóm {g}", f"H{(g - 1) % HAMLETS:03d}", True, True, start, start)
        for g in range(1, GROUPS + 1)
    ]
    people = MEMBERS + LEFT
    out["people"] = [(p, "telegram", 10_000 + p, None, None, start) for p in range(1, people + 1)]
    group_of = {p: rng.randint(1, GROUPS) for p in range(1, people + 1)}
    out["memberships"] = [(group_of[p], p, p <= MEMBERS, start, None) for p in range(1, people + 1)]
    events = []
    for p in range(1, people + 1):
        joined = hours[rng.randrange(YEAR_HOURS)]
        events.append((len(events) + 1, group_of[p], p, "joined", "chat_member", joined))
        if p > MEMBERS:
            events.append((len(events) + 1, group_of[p], p, "left", "chat_member", joined + timedelta(hours=5)))
    out["member_events"] = events
    out["activity"] = [
        (group_of[p], p, hours[h], rng.randint(1, 6))
        for p in range(1, MEMBERS + 1)
        for h in rng.sample(range(YEAR_HOURS), hours_per_person)
    ]
    out["questions"] = [
        (q, "telegram", None, rng.randint(1, MEMBERS), f"H{rng.randrange(HAMLETS):03d}",
         hours[rng.randrange(YEAR_HOURS)], f"câu hỏi {q}", rng.choice([*TOPICS, None]), 0.5, q % 4 != 0,
         rng.choice([None, "useful", "not_useful"]), None)
        for q in range(1, QUESTIONS + 1)
    ]  # fmt: skip
    bulletins, deliveries = [], []
    for b in range(1, 366):
        at = start + timedelta(days=b, hours=-2)
        bulletins.append((b, "weather", "commune:BENCH", "Thời tiết hôm nay", False, None, None, at, "done", None, at))
        for g in range(1, GROUPS + 1):
            status = "sent" if rng.random() < 0.95 else "failed"
            deliveries.append((len(deliveries) + 1, b, g, "telegram", "…", False, status, 1, at, None, None, None,
                               False, at if status == "sent" else None, at))  # fmt: skip
    out["bulletins"], out["deliveries"] = bulletins, deliveries
    return out


COLUMNS = {
    "groups": "id platform chat_id external_id kind title hamlet_code active bot_is_admin created_at updated_at",
    "people": "id platform user_id external_id display_name first_seen",
    "memberships": "group_id person_id active joined_at left_at",
    "member_events": "id group_id person_id change source at",
    "activity": "group_id person_id hour messages",
    "questions": "id platform group_id person_id hamlet_code asked_at text topic score answered feedback feedback_at",
    "bulletins": "id kind target text html schedule_id run_at send_at status created_by created_at",
    "deliveries": "id bulletin_id group_id platform text html status attempts due_at lease_until "
    "platform_message_id error migrated sent_at updated_at",
}


def _sqlite_value(v: Any) -> Any:
    # SQLAlchemy's SQLite DateTime format, so range comparisons match what the ORM binds.
    return v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v


def seed_sqlite(path: str, data: dict[str, list[tuple[Any, ...]]]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        for table, cols in COLUMNS.items():
            names = cols.split()
            sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            conn.executemany(sql, ([_sqlite_value(v) for v in row] for row in data[table]))
    conn.execute("ANALYZE")
    conn.close()


async def seed_postgres(schema: str, data: dict[str, list[tuple[Any, ...]]]) -> None:
    import asyncpg

    conn = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test")
    try:
        for table, cols in COLUMNS.items():
            await conn.copy_records_to_table(table, records=data[table], columns=cols.split(), schema_name=schema)
        # What autovacuum does soon after a bulk load: statistics, and the visibility map for index-only scans.
        await conn.execute(f'SET search_path TO "{schema}"')
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


def pg_store(schema: str) -> Store:
    store = Store(PG_URL)

    @event.listens_for(store.engine.sync_engine, "connect")
    def _path(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.run_async(lambda c: c.execute(f'SET search_path TO "{schema}"'))

    return store


async def measure(store: Store, repeat: int, label: str) -> dict[str, float]:
    config = bench_config()
    runtime = build_runtime(config, store=store)
    app = build_app(runtime, dashboard_routes(runtime))
    results: dict[str, float] = {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as c:
        page = await c.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        r = await c.post("/login", data={"csrf": token, "username": "canbo", "password": PASSWORD, "next": "/"})
        assert r.status_code == 303, r.text[:300]
        year_from = (utcnow() - timedelta(days=364)).date().isoformat()
        pages = (("overview 30 days", "/?commune=BENCH"), ("overview 365 days", f"/?commune=BENCH&from={year_from}"))
        for name, path in pages:
            times = []
            for i in range(repeat + 2):
                t0 = time.perf_counter()
                resp = await c.get(path)
                elapsed = (time.perf_counter() - t0) * 1000
                assert resp.status_code == 200 and 'id="c-members">20.000<' in resp.text, resp.text[:300]
                if i >= 2:  # two warm-ups: connection pool, template compilation
                    times.append(elapsed)
            results[name] = statistics.median(times)
            print(f"  {label:<22} {name:<18} median {statistics.median(times):7.1f} ms   "
                  f"min {min(times):7.1f}   max {max(times):7.1f}")  # fmt: skip
    return results


async def drop_indexes(store: Store) -> None:
    async with store.engine.begin() as conn:
        for name in STATS_INDEXES:
            await conn.execute(text(f"DROP INDEX {name}"))
        await conn.execute(text("ANALYZE"))


async def drop_rollup(store: Store) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(text("DELETE FROM rollups"))


async def build_rollup(store: Store) -> None:
    t0 = time.perf_counter()
    async with store.session() as s:
        n = await rollups.rebuild(s, bench_config().tz, utcnow())
    print(f"  daily roll-up rebuilt: {n:,} group-days in {time.perf_counter() - t0:.1f} s")
    # What autovacuum does soon after: statistics for the new table and the rewritten memberships.
    async with store.engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("ANALYZE" if store.engine.dialect.name == "sqlite" else "VACUUM ANALYZE"))


async def add_account_to(store: Store) -> None:
    async with store.session() as s:
        await add_account(s, "canbo", hash_password(PASSWORD), "official", None, utcnow())


async def run_engine(engine: str, repeat: int, activity: int, baseline: str) -> dict[str, float] | None:
    t0 = time.perf_counter()
    data = rows(utcnow(), max(1, activity // MEMBERS))
    gen = time.perf_counter() - t0
    schema = None
    tmp = tempfile.TemporaryDirectory()
    if engine == "sqlite":
        path = os.path.join(tmp.name, "bench.db")
        store = Store(f"sqlite+aiosqlite:///{path}")
        await ensure_schema(store)
        await store.close()
        t1 = time.perf_counter()
        seed_sqlite(path, data)
        store = Store(f"sqlite+aiosqlite:///{path}")
    else:
        try:
            import asyncpg

            probe = await asyncio.wait_for(asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test"), 3)
            await probe.close()
        except Exception as exc:
            print(f"postgres: skipped, no server at 127.0.0.1:5432 ({type(exc).__name__})")
            return None
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = Store(PG_URL)
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        await admin.close()
        store = pg_store(schema)
        await ensure_schema(store)
        t1 = time.perf_counter()
        await seed_postgres(schema, data)
    seed = time.perf_counter() - t1
    print(f"{engine}: generated rows in {gen:.1f} s, seeded {len(data['activity']):,} activity rows in {seed:.1f} s")
    try:
        await add_account_to(store)
        await build_rollup(store)
        with_idx = await measure(store, repeat, "roll-up + indexes")
        if baseline == "indexes":
            await drop_indexes(store)
            without = await measure(store, repeat, "without 0004 indexes")
        else:
            await drop_rollup(store)
            without = await measure(store, repeat, "hourly rows (before)")
        for name, ms in with_idx.items():
            ratio = without[name] / ms if ms else float("nan")
            verdict = "OK" if ms < 300 else "over the 300 ms target"
            print(f"  => {name}: {ms:.0f} ms ({verdict}); baseline ({baseline}) {without[name]:.0f} ms, ×{ratio:.1f}")
        return with_idx
    finally:
        await store.close()
        if schema:
            admin = Store(PG_URL)
            async with admin.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            await admin.close()
        tmp.cleanup()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--activity", type=int, default=MEMBERS * HOURS_PER_PERSON, help="activity rows")
    parser.add_argument("--baseline", choices=("rollup", "indexes"), default="rollup")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")  # fmt: skip
    t0 = time.perf_counter()
    for engine in args.engines.split(","):
        await run_engine(engine.strip(), args.repeat, args.activity, args.baseline)
    print(f"total bench time {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    asyncio.run(main())
