"""Several `loaso run` processes on one PostgreSQL and one bot token: shared budget, nothing lost.

Usage (one command, about 6 minutes):

    .venv/bin/python -m bench.scale [--processes 1,2,4] [--groups 2000] [--questions 30]
        [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test] [--skip-kill]

For each count N, a fresh PostgreSQL database (``loaso_bench_scale``) holds a bulletin to
``--groups`` groups; N real ``loaso run`` processes (no ``--role``: every service in each)
start against the fake Bot API on 127.0.0.1 (tests/fakes/flood.py: 30 msg/s per bot and
20 msg/min per chat as token buckets; every 429 counted), and residents ask private
questions spread over the bulletin's duration (one every ≥ 1 s). Then a run with the largest N where the
process holding the getUpdates lease is SIGKILLed halfway: the others must finish its rows
(after their 20 s lease) and take over polling. Reported: combined rate over the send window
(first to last bulletin message) as a share of 30 msg/s, 429s we caused, bulletin messages
lost / duplicated, questions answered (once each) and how long they waited.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_PER_S = 30.0
FIRST_ASKER = 7_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(folder: Path, db_url: str, base_url: str) -> Path:
    from bot.config import load_config

    data = load_config(ROOT / "config.yaml").model_dump(exclude={"base_dir"}, mode="json")
    data["database"]["url"] = db_url
    data["telegram"].update(base_url=base_url, poll_timeout=1)
    data["sources"]["weather"]["base_url"] = "http://127.0.0.1:9/v1/forecast"
    data["faq"]["path"] = str(ROOT / "faq" / "knowledge.yaml")
    data["schedules"] = []
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


async def all_up(ports: list[int], within: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + within
    async with httpx.AsyncClient() as client:
        for port in ports:
            while time.monotonic() < deadline:
                try:
                    if (await client.get(f"http://127.0.0.1:{port}/healthz", timeout=1)).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)


async def fresh_postgres(url: str) -> str:
    import asyncpg

    server = url.replace("postgresql+asyncpg://", "postgresql://")
    base, _, _ = server.rpartition("/")
    conn = await asyncpg.connect(server)
    try:
        await conn.execute("DROP DATABASE IF EXISTS loaso_bench_scale WITH (FORCE)")
        await conn.execute("CREATE DATABASE loaso_bench_scale")
    finally:
        await conn.close()
    return f"{base}/loaso_bench_scale".replace("postgresql://", "postgresql+asyncpg://")


async def seed(db_url: str, groups: int) -> list[int]:
    from sqlalchemy import insert

    from bot.config import load_config
    from bot.store.db import Store, utcnow
    from bot.store.schema import ensure_schema
    from bot.store.tables import Group
    from broadcasts.outbox import queue_bulletin

    chats = [-(300_000 + i) for i in range(groups)]
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
            for i in range(0, len(rows), 1000):
                await s.execute(insert(Group), rows[i : i + 1000])
        async with store.session() as s:
            q = await queue_bulletin(
                s, load_config(ROOT / "config.yaml"), kind="custom", target="all", text="Thông báo họp dân lúc 19 giờ."
            )
        assert q.targets == groups
    finally:
        await store.close()
    return chats


async def poll_holder(db_url: str, token: str) -> int | None:
    """The pid of the process holding the getUpdates lease (holder ids are host:pid:random)."""
    from bot.store import leases
    from bot.store.db import Store

    store = Store(db_url)
    try:
        holder = await leases.holder_of(store, f"telegram:getUpdates:{token.split(':')[0]}")
    finally:
        await store.close()
    return int(holder.split(":")[1]) if holder else None


async def scenario(args: argparse.Namespace, n: int, kill: bool) -> dict[str, Any]:
    from tests.fakes import updates as u
    from tests.fakes.flood import FloodPolicy
    from tests.fakes.telegram_api import running_fake

    db_url = await fresh_postgres(args.postgres)
    chats = await seed(db_url, args.groups)
    chat_set = set(chats)
    policy = FloodPolicy(server_error_rate=0.0)
    procs: list[asyncio.subprocess.Process] = []
    with tempfile.TemporaryDirectory(prefix="loaso-scale-") as tmp:
        async with running_fake(policy=policy) as fake:
            cfg = write_config(Path(tmp), db_url, fake.base_url)
            env = {**os.environ, "TELEGRAM_BOT_TOKEN": fake.token, "PYTHONWARNINGS": "ignore", "LOASO_LOG": "WARNING"}
            env.pop("LOASO_SENDERS", None)
            env.pop("LOASO_SENDER_ID", None)
            started = time.monotonic()
            ports = [free_port() for _ in range(n)]
            for port in ports:
                cmd = [sys.executable, "-m", "bot", "--config", str(cfg), "run", "--port", str(port)]
                procs.append(await asyncio.create_subprocess_exec(*cmd, cwd=ROOT, env=env))
            await all_up(ports)  # residents start asking once every process answers /healthz
            asked: dict[int, float] = {}
            # Questions spread over the whole bulletin, so some come after a kill.
            spacing = max(1.0, args.groups / LIMIT_PER_S / args.questions)
            killed_pid: int | None = None
            deadline = started + args.groups / LIMIT_PER_S * 3 + 60
            next_question = time.monotonic()
            while time.monotonic() < deadline:
                done_bulletin = sum(1 for c in chats if policy.accepted[c]) >= len(chats)
                answered = {c for c in asked if policy.accepted[c]}
                if done_bulletin and len(answered) == len(asked) and len(asked) >= args.questions:
                    break
                now = time.monotonic()
                if len(asked) < args.questions and now >= next_question:
                    uid = FIRST_ASKER + len(asked)
                    fake.push(u.message(u.private(uid, "Cô Út"), u.user(uid, "Cô Út"), "/help"))
                    asked[uid] = now
                    next_question = now + spacing
                if kill and killed_pid is None and sum(policy.accepted[c] for c in chats) >= len(chats) // 2:
                    killed_pid = await poll_holder(db_url, fake.token)
                    victim = next((p for p in procs if p.pid == killed_pid), procs[0])
                    victim.send_signal(signal.SIGKILL)
                    killed_pid = victim.pid
                await asyncio.sleep(0.05)
            wall = time.monotonic() - started
            for p in procs:
                if p.returncode is None:
                    p.send_signal(signal.SIGTERM)
            for p in procs:
                try:
                    await asyncio.wait_for(p.wait(), 20)
                except TimeoutError:
                    p.kill()
                    await p.wait()
            calls = list(fake.calls)
    sends = [c for c in calls if c.method == "sendMessage"]
    bulletin_at = sorted(c.at for c in sends if c.params.get("chat_id") in chat_set)
    window = (bulletin_at[-1] - bulletin_at[0]) if len(bulletin_at) > 1 else float("nan")
    accepted_total = sum(policy.accepted.values())
    first_answer: dict[int, float] = {}
    for c in sends:
        cid = c.params.get("chat_id")
        if cid in asked and cid not in first_answer:
            first_answer[cid] = c.at
    waits = [first_answer[c] - asked[c] for c in first_answer]
    return {
        "processes": n,
        "killed": kill,
        "wall_s": round(wall, 1),
        "send_window_s": round(window, 1),
        "bulletin_rate": round(args.groups / window, 2),
        "share_of_limit": round(args.groups / window / LIMIT_PER_S, 3),
        "all_messages_rate": round(accepted_total / window, 2),
        "our_429s": policy.violations,
        "lost": sum(1 for c in chats if policy.accepted[c] == 0),
        "duplicated": sum(policy.accepted[c] - 1 for c in chats if policy.accepted[c] > 1),
        "questions": len(asked),
        "answered": sum(1 for c in asked if policy.accepted[c] >= 1),
        "answered_twice": sum(1 for c in asked if policy.accepted[c] > 1),
        "answer_s_median": round(statistics.median(waits), 2) if waits else None,
        "answer_s_max": round(max(waits), 2) if waits else None,
    }


async def main(args: argparse.Namespace) -> None:
    counts = [int(x) for x in args.processes.split(",")]
    runs = []
    for n in [] if args.kill_only else counts:
        runs.append(await scenario(args, n, kill=False))
        print(json.dumps(runs[-1]), flush=True)
    if not args.skip_kill:
        runs.append(await scenario(args, max(max(counts), 2), kill=True))
        print(json.dumps(runs[-1]), flush=True)
    print(f"\nmachine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.groups} groups, limit {LIMIT_PER_S:g} msg/s")  # fmt: skip
    head = f"{'run':<22}{'window s':>9}{'% limit':>9}{'429s':>6}{'lost':>6}{'dup':>5}{'answered':>10}"
    head += f"{'wait med/max s':>16}"
    print(head)
    for r in runs:
        name = f"{r['processes']} process{'es' if r['processes'] > 1 else ''}" + (", one killed" if r["killed"] else "")
        row = f"{name:<22}{r['send_window_s']:>9}{100 * r['share_of_limit']:>8.1f}%{r['our_429s']:>6}{r['lost']:>6}"
        row += f"{r['duplicated']:>5}{r['answered']:>5}/{r['questions']:<4}"
        row += f"{r['answer_s_median']:>8}/{r['answer_s_max']}"
        print(row)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "scale.json").write_text(json.dumps(runs, indent=2))


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--questions", type=int, default=30, help="private questions, spread over the bulletin")
    parser.add_argument("--postgres", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-kill", action="store_true")
    parser.add_argument("--kill-only", action="store_true", help="only the run with a process killed")
    asyncio.run(main(parser.parse_args()))
