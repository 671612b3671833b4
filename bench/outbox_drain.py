"""Outbox drain with the flood limit lifted: is the time per row flat from 2k to 100k queued rows?

Usage (one command; about 3 minutes with PostgreSQL):

    .venv/bin/python -m bench.outbox_drain [--sizes 2000,10000,100000] [--sample 20000]
        [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test] [--skip-sqlite]

For each size and database, a fresh outbox holds one bulletin to that many groups; a real
``Drainer`` empties it (or its first ``--sample`` rows: the claims at full depth are the ones
that would be slow) through an instant in-process sender, with a gate whose limits are lifted.
Every ``claim`` is timed. Reported: time per row, p50 / max claim time, and, at the largest
size, the claim's plan (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite) and the
same claim timed without the 0011 index (the baseline, dropped and rebuilt in the same run).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BATCH = 30  # rows per claim, as a Telegram drainer claims (one second at 30 msg/s)


class InstantSender:
    """A platform that accepts everything at once (the flood limit lifted)."""

    def __init__(self) -> None:
        from bot.model import Platform

        self.platform = Platform.TELEGRAM
        self.n = 0

    async def send(self, out: Any) -> Any:
        from bot.adapters.base import SendResult, SendStatus

        self.n += 1
        return SendResult(SendStatus.SENT, (self.n,))


async def seed(store: Any, n: int) -> int:
    from sqlalchemy import insert

    from bot.config import load_config
    from bot.store.db import utcnow
    from bot.store.schema import ensure_schema
    from bot.store.tables import Group
    from broadcasts.outbox import queue_bulletin

    await ensure_schema(store)
    now = utcnow()
    rows = [
        dict(platform="telegram", chat_id=-(1_000_000 + i), external_id=None, kind="group", title=f"Nhóm {i}",
             hamlet_code="NGAIHOI1", active=True, bot_is_admin=False, created_at=now, updated_at=now)
        for i in range(n)
    ]  # fmt: skip
    async with store.session() as s:
        for i in range(0, n, 1000):
            await s.execute(insert(Group), rows[i : i + 1000])
    async with store.session() as s:
        q = await queue_bulletin(s, load_config(ROOT / "config.yaml"), kind="custom", target="all", text="Tin thử")
    assert q.bulletin_id is not None and q.targets == n
    if not store.is_sqlite:
        async with store.engine.begin() as conn:
            from sqlalchemy import text

            await conn.execute(text("ANALYZE deliveries"))
    return q.bulletin_id


def claim_sql(store: Any) -> str:
    """The claim statement as the drainer sends it, with literal values, for EXPLAIN."""
    from sqlalchemy.dialects import postgresql, sqlite

    from bot.store.db import utcnow
    from broadcasts import outbox

    captured: list[Any] = []

    class Capture:
        def get_bind(self) -> Any:
            return store.engine.sync_engine

        async def execute(self, stmt: Any) -> Any:
            captured.append(stmt)

            class R:
                def scalars(self) -> list[int]:
                    return []

            return R()

    asyncio.get_event_loop()  # (we are inside the running loop; the coroutine below awaits nothing real)
    coro = outbox.claim(Capture(), platform="telegram", limit=BATCH, lease=timedelta(seconds=60),  # type: ignore[arg-type]
                        owner="explain", now=utcnow())  # fmt: skip
    try:
        coro.send(None)
    except StopIteration:
        pass
    dialect = sqlite.dialect() if store.is_sqlite else postgresql.dialect()
    return str(captured[0].compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


async def explain(store: Any) -> list[str]:
    from sqlalchemy import text

    sql = claim_sql(store)
    async with store.engine.connect() as conn:
        if store.is_sqlite:
            rows = (await conn.execute(text(f"EXPLAIN QUERY PLAN {sql}"))).all()
            plan = [str(r[-1]) for r in rows]
        else:
            rows = (await conn.execute(text(f"EXPLAIN (ANALYZE, BUFFERS OFF) {sql}"))).all()
            plan = [r[0] for r in rows]
        await conn.rollback()  # EXPLAIN ANALYZE really ran the UPDATE: leave the rows unleased
    return plan


async def server_times(store: Any, times: int) -> list[float]:
    """The claim's execution time inside PostgreSQL (EXPLAIN ANALYZE, rolled back), in ms: what the
    query costs, without this client's scheduling (the machine is shared and busy)."""
    from sqlalchemy import text

    out = []
    sql = claim_sql(store)
    async with store.engine.connect() as conn:
        for _ in range(times):
            rows = (await conn.execute(text(f"EXPLAIN (ANALYZE, BUFFERS OFF) {sql}"))).all()
            await conn.rollback()
            out.append(float(next(r[0] for r in rows if r[0].startswith("Execution Time")).split()[2]))
    return out


async def time_claims(store: Any, times: int) -> list[float]:
    """Claim a batch ``times`` times (each rolled back), in ms: the claim alone, at full depth."""
    from bot.store.db import utcnow
    from broadcasts import outbox

    out = []
    for _ in range(times):
        async with store.sessions() as s:
            t0 = time.perf_counter()
            ids = await outbox.claim(s, platform="telegram", limit=BATCH, lease=timedelta(seconds=60),
                                     owner="probe", now=utcnow())  # fmt: skip
            out.append((time.perf_counter() - t0) * 1000)
            assert len(ids) == BATCH
            await s.rollback()
    return out


async def without_index(store: Any, times: int) -> dict[str, Any]:
    """The baseline: the same claim with the 0011 index dropped (then rebuilt)."""
    from sqlalchemy import text

    async with store.engine.begin() as conn:
        await conn.execute(text("DROP INDEX ix_deliveries_claim"))
        await conn.execute(text("CREATE INDEX ix_deliveries_status_due ON deliveries (status, due_at)"))
        if not store.is_sqlite:
            await conn.execute(text("ANALYZE deliveries"))
    try:
        ms = await time_claims(store, times)
        plan = await explain(store)
        server = await server_times(store, times) if not store.is_sqlite else []
    finally:
        async with store.engine.begin() as conn:
            await conn.execute(text("DROP INDEX ix_deliveries_status_due"))
            await conn.execute(text("CREATE INDEX ix_deliveries_claim ON deliveries (status, platform, due_at, id)"))
            if not store.is_sqlite:
                await conn.execute(text("ANALYZE deliveries"))
    return {"claim_ms_p50": statistics.median(ms), "claim_ms_max": max(ms), "plan": plan, "server_ms": server}


async def one(db: str, url: str, n: int, sample: int, probe: bool) -> dict[str, Any]:
    from bot.store.db import Store
    from broadcasts import drain as drain_module
    from broadcasts import outbox
    from broadcasts.drain import Drainer
    from broadcasts.gate import LocalGate
    from broadcasts.limits import PlatformLimits

    store = Store(url)
    try:
        started = time.monotonic()
        bulletin_id = await seed(store, n)
        seeded = time.monotonic() - started
        result: dict[str, Any] = {"db": db, "rows": n, "seed_s": round(seeded, 1)}
        if probe:
            ms = await time_claims(store, 50)
            server = await server_times(store, 50) if not store.is_sqlite else []
            result["with_index"] = {"claim_ms_p50": statistics.median(ms), "claim_ms_max": max(ms),
                                    "plan": await explain(store), "server_ms": server}  # fmt: skip
            result["without_index"] = await without_index(store, 20)
        claims: list[float] = []
        real_claim = outbox.claim

        async def timed_claim(*args: Any, **kw: Any) -> list[int]:
            t0 = time.perf_counter()
            try:
                return await real_claim(*args, **kw)
            finally:
                claims.append((time.perf_counter() - t0) * 1000)

        drain_module.outbox.claim = timed_claim  # type: ignore[attr-defined]
        lifted = PlatformLimits(per_second=1e6, per_group_per_minute=10**6, text_limit=4096)
        sender = InstantSender()
        drainer = Drainer(store, sender, owner="bench", limits=lifted, gate=LocalGate(lifted), max_in_flight=4)  # type: ignore[arg-type]
        drainer.batch = BATCH
        target = min(n, sample)
        t0 = time.monotonic()
        try:
            while sender.n < target:
                if not await drainer.step(bulletin_id):
                    break
        finally:
            drain_module.outbox.claim = real_claim  # type: ignore[attr-defined]
        wall = time.monotonic() - t0
        result.update(
            sent=sender.n,
            drain_s=round(wall, 2),
            ms_per_row=round(1000 * wall / max(sender.n, 1), 3),
            claim_ms_p50=round(statistics.median(claims), 3),
            claim_ms_max=round(max(claims), 3),
            claims=len(claims),
        )
        return result
    finally:
        await store.close()


async def fresh_postgres(url: str) -> str:
    import asyncpg

    server = url.replace("postgresql+asyncpg://", "postgresql://")
    base, _, _ = server.rpartition("/")
    conn = await asyncpg.connect(server)
    try:
        await conn.execute("DROP DATABASE IF EXISTS loaso_bench_drain WITH (FORCE)")
        await conn.execute("CREATE DATABASE loaso_bench_drain")
    finally:
        await conn.close()
    return f"{base}/loaso_bench_drain".replace("postgresql://", "postgresql+asyncpg://")


async def main(args: argparse.Namespace) -> None:
    sizes = [int(x) for x in args.sizes.split(",")]
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="loaso-drain-") as tmp:
        dbs: list[tuple[str, Any]] = []
        if not args.skip_sqlite:
            dbs.append(("sqlite", lambda n: f"sqlite+aiosqlite:///{Path(tmp) / f'drain{n}.db'}"))
        for db, make in dbs:
            for n in sizes:
                runs.append(await one(db, make(n), n, args.sample, probe=n == max(sizes)))
                print(json.dumps({k: v for k, v in runs[-1].items() if "index" not in k}), flush=True)
        if args.postgres:
            for n in sizes:
                url = await fresh_postgres(args.postgres)
                runs.append(await one("postgresql", url, n, args.sample, probe=n == max(sizes)))
                print(json.dumps({k: v for k, v in runs[-1].items() if "index" not in k}), flush=True)
    print(f"\nmachine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'db':<12}{'queued':>8}{'sent':>8}{'ms/row':>9}{'claim p50 ms':>14}{'claim max ms':>14}")
    for r in runs:
        print(f"{r['db']:<12}{r['rows']:>8}{r['sent']:>8}{r['ms_per_row']:>9.3f}{r['claim_ms_p50']:>14.3f}"
              f"{r['claim_ms_max']:>14.3f}")  # fmt: skip
    for r in runs:
        for label in ("with_index", "without_index"):
            if label in r:
                p = r[label]
                print(f"\n{r['db']} {r['rows']} queued, claim alone {label.replace('_', ' ')}: "
                      f"p50 {p['claim_ms_p50']:.3f} ms, max {p['claim_ms_max']:.3f} ms")  # fmt: skip
                if p.get("server_ms"):
                    sv = p["server_ms"]
                    print(f"    inside PostgreSQL (EXPLAIN ANALYZE x{len(sv)}): p50 {statistics.median(sv):.3f} ms, "
                          f"max {max(sv):.3f} ms")  # fmt: skip
                for line in p["plan"]:
                    print(f"    {line}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "outbox_drain.json").write_text(json.dumps(runs, indent=2, default=str))


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000,100000")
    parser.add_argument("--sample", type=int, default=20000, help="rows drained per size (the first ones)")
    parser.add_argument("--postgres", metavar="URL", help="also on PostgreSQL (recreates loaso_bench_drain)")
    parser.add_argument("--skip-sqlite", action="store_true")
    asyncio.run(main(parser.parse_args()))
