"""Leases: exactly one process runs a leased job; another takes over when the holder dies."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time

import pytest

from bot.config import PROJECT_ROOT
from bot.lease import Leased
from bot.store import leases
from bot.store.db import Store
from bot.store.schema import ensure_schema


async def test_one_holder_at_a_time_and_expiry_frees_it(store: Store) -> None:
    await ensure_schema(store)
    assert await leases.acquire(store, "job", "a", ttl=0.5)
    assert not await leases.acquire(store, "job", "b", ttl=0.5)
    assert await leases.acquire(store, "job", "a", ttl=0.5)  # renewal
    assert await leases.holder_of(store, "job") == "a"
    await asyncio.sleep(0.7)
    assert await leases.holder_of(store, "job") is None
    assert await leases.acquire(store, "job", "b", ttl=5)  # a died: b takes over
    assert not await leases.acquire(store, "job", "a", ttl=5)
    await leases.release(store, "job", "a")  # not a's any more: nothing happens
    assert await leases.holder_of(store, "job") == "b"
    await leases.release(store, "job", "b")
    assert await leases.acquire(store, "job", "a", ttl=5)  # released: free at once


CHILD = """
import asyncio, sys
from bot.lease import Leased
from bot.store.db import Store

async def main():
    store = Store(sys.argv[1], connect_args={"server_settings": {"search_path": sys.argv[2]}})
    async def job():
        print("running", flush=True)
        await asyncio.Event().wait()
    await Leased(store, "scheduler", job, holder="child", ttl=2.0, renew=0.3).run()

asyncio.run(main())
"""


async def test_takeover_within_seconds_when_the_holder_is_killed(store: Store) -> None:
    if store.is_sqlite:
        pytest.skip("SQLite is one process: the job simply runs")
    await ensure_schema(store)
    async with store.engine.connect() as conn:
        schema = (await conn.exec_driver_sql("SELECT current_schema()")).scalar_one()
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, store.url, schema, cwd=PROJECT_ROOT, stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )  # fmt: skip
    assert child.stdout is not None
    try:
        assert (await asyncio.wait_for(child.stdout.readline(), 20)).strip() == b"running"
        runs: list[float] = []

        async def job() -> None:
            runs.append(time.monotonic())
            await asyncio.Event().wait()

        here = Leased(store, "scheduler", job, holder="here", ttl=2.0, renew=0.3)
        task = asyncio.create_task(here.run())
        await asyncio.sleep(1.5)
        assert runs == [] and not here.held  # the child holds it: this process stands by
        child.send_signal(signal.SIGKILL)  # no clean release: the lease must run out
        killed = time.monotonic()
        await child.wait()
        for _ in range(100):
            if runs:
                break
            await asyncio.sleep(0.1)
        assert runs and runs[0] - killed < 2.0 + 0.3 + 1.0  # within ttl + one renew period (+ slack)
        assert await leases.holder_of(store, "scheduler") == "here"
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        assert await leases.holder_of(store, "scheduler") is None  # a clean stop releases at once
    finally:
        if child.returncode is None:
            child.kill()
            await child.wait()


async def test_sqlite_just_runs_the_job(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'l.db'}")
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()

    await asyncio.wait_for(Leased(store, "scheduler", job).run(), 5)
    assert ran.is_set()
    await store.close()
