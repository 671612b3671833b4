"""Fan-out benchmark: one bulletin to 2,000 groups through a local fake Bot API with Telegram's limits.

Usage (one command, about 4 minutes for the default 2,000 groups):

    .venv/bin/python -m bench.fanout [--groups 2000] [--skip-naive] [--skip-kill] [--postgres URL]

The fake Bot API (tests/fakes/telegram_api.py + tests/fakes/flood.py, on 127.0.0.1)
enforces 30 messages/s per bot and 20/min per group as token buckets, and injects kicked
chats (1%), chats migrated to supergroups (1%), 5xx on ~1% of requests and two 429s the
bot did not cause. Three runs, same faults, same machine, same run:

1. the Loa Số outbox: a sender process (``Drainer`` + the real PTB-based ``TelegramSender``)
   draining a SQLite outbox;
2. the same, with the sender process killed (SIGKILL) halfway and restarted with the same
   sender id;
3. the baseline: a plain loop over PTB's ``send_message`` with ``AIORateLimiter``.

Reported per run: wall time against the theoretical minimum (groups / 30 s), messages
lost and duplicated (counted by the fake: what really arrived where), flood violations.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT = "Thông báo: UBND xã mời bà con dự họp dân lúc 19 giờ tối nay tại nhà văn hoá ấp."
LIMIT_PER_S = 30.0


def chat_ids(n: int) -> list[int]:
    return [-(100_000 + i) for i in range(n)]


def faults(chats: list[int]) -> tuple[set[int], set[int]]:
    kicked = {c for i, c in enumerate(chats) if i % 100 == 17}
    migrating = {c for i, c in enumerate(chats) if i % 100 == 53}
    return kicked, migrating


async def seed(db_url: str, chats: list[int]) -> int:
    """A fresh outbox: the groups and one bulletin queued to all of them."""
    from sqlalchemy import insert

    from bot.config import load_config
    from bot.store.db import Store, utcnow
    from bot.store.schema import ensure_schema
    from bot.store.tables import Group
    from broadcasts.outbox import queue_bulletin

    config = load_config(ROOT / "config.yaml")
    store = Store(db_url)
    try:
        await ensure_schema(store)
        now = utcnow()
        async with store.session() as s:
            rows = [
                dict(platform="telegram", chat_id=c, external_id=None, kind="group", title=f"Nhóm {c}",
                     hamlet_code="NGAIHOI1", active=True, bot_is_admin=False, created_at=now, updated_at=now)
                for c in chats
            ]  # fmt: skip
            for i in range(0, len(rows), 500):
                await s.execute(insert(Group), rows[i : i + 500])
        async with store.session() as s:
            q = await queue_bulletin(s, config, kind="custom", target="all", text=TEXT)
        assert q.bulletin_id is not None and q.targets == len(chats)
        return q.bulletin_id
    finally:
        await store.close()


async def outcome(db_url: str, bulletin_id: int) -> dict[str, int]:
    from bot.store.db import Store
    from broadcasts.outbox import progress

    store = Store(db_url)
    try:
        async with store.session() as s:
            p = await progress(s, bulletin_id)
        return {"sent": p.sent, "failed": p.failed, "inactive": p.inactive, "migrated": p.migrated, "queued": p.queued}
    finally:
        await store.close()


# ---- the sender process ----------------------------------------------------------------


async def child(db_url: str, base_url: str, token: str, owner: str, bulletin_id: int) -> None:
    from telegram import Bot
    from telegram.request import HTTPXRequest

    from bot.adapters.telegram.sender import TelegramSender
    from bot.store.db import Store
    from broadcasts.drain import MAX_IN_FLIGHT, Drainer

    store = Store(db_url)
    bot = Bot(token, base_url=base_url, request=HTTPXRequest(connection_pool_size=MAX_IN_FLIGHT * 2))
    await bot.initialize()
    try:
        drainer = Drainer(store, TelegramSender(bot), owner=owner)
        await drainer.reclaim()
        await drainer.drain(bulletin_id)
    finally:
        await bot.shutdown()
        await store.close()


async def fresh_postgres(url: str) -> str:
    """Recreate the bench database next to the given server; returns its SQLAlchemy URL."""
    import asyncpg

    server = url.replace("postgresql+asyncpg://", "postgresql://")
    base, _, _ = server.rpartition("/")
    conn = await asyncpg.connect(server)
    try:
        await conn.execute("DROP DATABASE IF EXISTS loaso_bench")
        await conn.execute("CREATE DATABASE loaso_bench")
    finally:
        await conn.close()
    return f"{base}/loaso_bench".replace("postgresql://", "postgresql+asyncpg://")


async def run_outbox(n: int, folder: Path, kill: bool, pg_url: str | None = None, senders: int = 1) -> dict[str, Any]:
    from tests.fakes.flood import FloodPolicy
    from tests.fakes.telegram_api import running_fake

    chats = chat_ids(n)
    kicked, migrating = faults(chats)
    policy = FloodPolicy(kicked=kicked, migrating=migrating, injected_429_at=(n // 4, 3 * n // 4))
    if pg_url:
        db_url = await fresh_postgres(pg_url)
    else:
        db_url = f"sqlite+aiosqlite:///{folder / ('killed.db' if kill else 'outbox.db')}"
    bulletin_id = await seed(db_url, chats)
    restarts = 0
    async with running_fake(policy=policy) as fake:

        def args(owner: str) -> list[str]:
            return [sys.executable, "-m", "bench.fanout", "--child", db_url, fake.base_url, fake.token, owner,
                    str(bulletin_id)]  # fmt: skip

        env = {**os.environ, "PYTHONWARNINGS": "ignore"}  # senders share the token's budget through the database
        started = time.monotonic()
        others = [await asyncio.create_subprocess_exec(*args(f"bench-sender-{i}"), cwd=ROOT, env=env)
                  for i in range(1, senders)]  # fmt: skip
        proc = await asyncio.create_subprocess_exec(*args("bench-sender"), cwd=ROOT, env=env)
        if kill:
            while sum(policy.accepted.values()) < n // 2 and proc.returncode is None:  # noqa: ASYNC110 (a counter)
                await asyncio.sleep(0.01)
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
            restarts = 1
            proc = await asyncio.create_subprocess_exec(*args("bench-sender"), cwd=ROOT, env=env)
        code = max([await proc.wait()] + [await p.wait() for p in others])
        wall = time.monotonic() - started
    if code != 0:
        raise SystemExit(f"sender process exited with {code}")
    return {
        "run": "loaso outbox"
        + (f", PostgreSQL, {senders} senders" if pg_url else "")
        + (", killed+restarted" if kill else ""),
        "wall_s": wall,
        "send_window_s": policy.last_at - (policy.first_at or policy.last_at),
        "requests": policy.requests,
        "violations": policy.violations,
        "restarts": restarts,
        **policy.tally(chats),
        "db": await outcome(db_url, bulletin_id),
    }


# ---- the baseline ------------------------------------------------------------------------


async def run_naive(n: int) -> dict[str, Any]:
    from telegram.error import ChatMigrated, TelegramError
    from telegram.ext import AIORateLimiter, ExtBot
    from telegram.request import HTTPXRequest

    from tests.fakes.flood import FloodPolicy
    from tests.fakes.telegram_api import running_fake

    chats = chat_ids(n)
    kicked, migrating = faults(chats)
    policy = FloodPolicy(kicked=kicked, migrating=migrating, injected_429_at=(n // 4, 3 * n // 4))
    errors = 0
    async with running_fake(policy=policy) as fake:
        bot = ExtBot(
            fake.token,
            base_url=fake.base_url,
            rate_limiter=AIORateLimiter(max_retries=3),
            request=HTTPXRequest(connection_pool_size=8),
        )
        await bot.initialize()
        started = time.monotonic()
        for chat in chats:
            try:
                await bot.send_message(chat, TEXT)
            except ChatMigrated as exc:
                try:
                    await bot.send_message(exc.new_chat_id, TEXT)
                except TelegramError:
                    errors += 1
            except TelegramError:
                errors += 1
        wall = time.monotonic() - started
        await bot.shutdown()
    return {
        "run": "PTB send_message loop + AIORateLimiter",
        "wall_s": wall,
        "send_window_s": policy.last_at - (policy.first_at or policy.last_at),
        "requests": policy.requests,
        "violations": policy.violations,
        "restarts": 0,
        "errors": errors,
        **policy.tally(chats),
    }


def report(n: int, runs: list[dict[str, Any]]) -> None:
    minimum = n / LIMIT_PER_S
    print(f"\nFan-out to {n} groups; limit {LIMIT_PER_S:g} msg/s → theoretical minimum {minimum:.1f} s")
    machine = f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"machine: {machine}; SQLite outbox unless marked PostgreSQL")
    head = (
        f"{'run':<52}{'wall s':>8}{'% limit':>9}{'window s':>10}{'lost':>6}{'dup':>5}{'flood 429':>10}{'requests':>9}"
    )
    print(head)
    print("-" * len(head))
    for r in runs:
        pct = 100 * minimum / r["wall_s"]
        print(
            f"{r['run']:<52}{r['wall_s']:>8.1f}{pct:>8.1f}%{r['send_window_s']:>10.1f}{r['lost']:>6}"
            f"{r['duplicated']:>5}{r['violations']:>10}{r['requests']:>9}"
        )
    for r in runs:
        if "db" in r:
            print(f"  {r['run']}: outbox rows {r['db']}")
        if "errors" in r:
            print(f"  {r['run']}: {r['errors']} send errors given up (messages lost)")


async def main(args: argparse.Namespace) -> None:
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="loaso-bench-") as tmp:
        folder = Path(tmp)
        runs.append(await run_outbox(args.groups, folder, kill=False))
        print(f"done: {runs[-1]['run']} in {runs[-1]['wall_s']:.1f} s", flush=True)
        if not args.skip_kill:
            runs.append(await run_outbox(args.groups, folder, kill=True))
            print(f"done: {runs[-1]['run']} in {runs[-1]['wall_s']:.1f} s", flush=True)
    if args.postgres:
        runs.append(await run_outbox(args.groups, Path(tempfile.gettempdir()), False, args.postgres, senders=2))
        print(f"done: {runs[-1]['run']} in {runs[-1]['wall_s']:.1f} s", flush=True)
    if not args.skip_naive:
        runs.append(await run_naive(args.groups))
        print(f"done: {runs[-1]['run']} in {runs[-1]['wall_s']:.1f} s", flush=True)
    report(args.groups, runs)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "fanout.json").write_text(json.dumps({"groups": args.groups, "runs": runs}, indent=2, default=str))


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        db, base, token, owner, bid = sys.argv[2:7]
        asyncio.run(child(db, base, token, owner, int(bid)))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--skip-kill", action="store_true")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="also run two sender processes on a PostgreSQL outbox (database loaso_bench is recreated on this server), "
        "e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test",
    )
    asyncio.run(main(parser.parse_args()))
