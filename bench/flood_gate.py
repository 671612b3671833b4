"""What one shared flood-gate reservation costs on PostgreSQL (the price of sharing a token).

Usage (one command, a few seconds):

    .venv/bin/python -m bench.flood_gate [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test] [-n 2000]

Times ``SharedGate`` reservations (one atomic UPDATE on the database clock each) with the
limits lifted, so only the round trip is measured: account slots (one hot row) and chat
slots (a row per chat), from one task and from four gates at once (four processes'
connections contending for the one account row), against the in-memory ``LocalGate`` in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


async def timed(fn, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        await fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def line(name: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p99 = ms[int(len(ms) * 0.99) - 1]
    return f"{name:<52}{statistics.median(ms):>9.3f}{p99:>9.3f}{max(ms):>9.3f}"


async def main(args: argparse.Namespace) -> None:
    from bench.outbox_drain import fresh_postgres
    from bot.model import ChatKind
    from bot.store.db import Store
    from bot.store.schema import ensure_schema
    from broadcasts.gate import LocalGate, SharedGate
    from broadcasts.limits import PlatformLimits

    lifted = PlatformLimits(per_second=1e6, per_group_per_minute=10**6, text_limit=4096)
    store = Store(await fresh_postgres(args.postgres), pool_size=8)
    await ensure_schema(store)
    shared, local = SharedGate(store, "telegram:1", lifted), LocalGate(lifted)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'reservation (ms)':<52}{'p50':>9}{'p99':>9}{'max':>9}")
    print(line("LocalGate account slot", await timed(lambda i: local.acquire(), args.n)))
    print(line("SharedGate account slot, 1 task", await timed(lambda i: shared.acquire(), args.n)))
    print(line("SharedGate chat slot (new chat each), 1 task", await timed(
        lambda i: shared.try_chat(-i, ChatKind.GROUP), args.n)))  # fmt: skip
    gates = [SharedGate(store, "telegram:1", lifted) for _ in range(4)]  # four processes' gates
    many = await asyncio.gather(*(timed(lambda i, g=g: g.acquire(), args.n // 4) for g in gates))
    print(line("SharedGate account slot, 4 gates at once (one row)", [x for m in many for x in m]))
    await store.close()


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    parser.add_argument("-n", type=int, default=2000)
    asyncio.run(main(parser.parse_args()))
