"""Flood and fairness benchmark: one resident floods a group while a bulletin goes out.

Usage (one command, about 1 minute):

    .venv/bin/python -m bench.flood [--groups 900] [--flood 60] [--cap 240] [--no-throttle] [--postgres URL]

One ``loaso run``-like process (the real ``TelegramService`` polling the fake Bot API on
127.0.0.1, plus the outbox ``SenderService``) on a fresh SQLite store (or PostgreSQL: the
shared gate). The fake
(tests/fakes/flood.py) enforces 30 messages/s per bot and 20/min per chat as token buckets
and counts every 429. At t=0 a bulletin to ``--groups`` groups is queued; at t≈2 s one
resident sends ``/help`` ``--flood`` times in a group; right after, another resident asks a
question in a private chat. Reported: how long the private question waited for its answer,
how many replies the flooder got, the bulletin's rate while residents were being answered
(share of 30 msg/s) and the 429s we caused.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from bot.wiring import build_runtime

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_PER_S = 30.0
FLOOD_GROUP = -4_100
FLOODER = 6_001
ASKER = 6_002
QUESTION = "làm sao cài VNeID trên điện thoại"


def config_for(db_url: str, base_url: str) -> Any:
    from bot.config import PROJECT_ROOT, Config, load_config

    data = load_config(ROOT / "config.yaml").model_dump(exclude={"base_dir"})
    data["database"]["url"] = db_url
    data["telegram"]["base_url"] = base_url
    data["telegram"]["poll_timeout"] = 1
    data["sources"]["weather"]["base_url"] = "http://127.0.0.1:9/v1/forecast"
    data["schedules"] = []
    return Config.model_validate({**data, "base_dir": PROJECT_ROOT})


async def seed_bulletin(rt: Any, groups: int) -> int:
    from sqlalchemy import insert

    from bot.store.db import utcnow
    from bot.store.tables import Group
    from broadcasts.outbox import queue_bulletin

    now = utcnow()
    async with rt.store.session() as s:
        rows = [
            dict(platform="telegram", chat_id=-(200_000 + i), external_id=None, kind="group", title=f"Nhóm {i}",
                 hamlet_code="NGAIHOI1", active=True, bot_is_admin=False, created_at=now, updated_at=now)
            for i in range(groups)
        ]  # fmt: skip
        for i in range(0, len(rows), 500):
            await s.execute(insert(Group), rows[i : i + 500])
    async with rt.store.session() as s:
        q = await queue_bulletin(s, rt.config, kind="custom", target="all", text="Thông báo họp dân lúc 19 giờ.")
    assert q.bulletin_id is not None
    return q.bulletin_id


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from bot.adapters.telegram import TelegramService
    from broadcasts.sending import SenderService
    from tests.fakes import updates as u
    from tests.fakes.flood import FloodPolicy
    from tests.fakes.telegram_api import running_fake

    policy = FloodPolicy(server_error_rate=0.0)
    with tempfile.TemporaryDirectory(prefix="loaso-flood-") as tmp:
        if args.postgres:
            from bench.outbox_drain import fresh_postgres

            db_url = await fresh_postgres(args.postgres)
        else:
            db_url = f"sqlite+aiosqlite:///{Path(tmp) / 'flood.db'}"
        async with running_fake(policy=policy) as fake:
            rt = build_runtime(config_for(db_url, fake.base_url))
            await rt.open()
            bulletin_chats = set(range(-(200_000 + args.groups) + 1, -200_000 + 1))
            await seed_bulletin(rt, args.groups)
            if args.no_throttle:  # show the reply lanes alone: every /help is answered, at the group's pace
                rt.dispatcher.throttle.limit = 10**9
            tg = TelegramService(rt, fake.token)
            sender = SenderService(rt)
            await tg.start()
            await sender.start()
            started = time.monotonic()
            await asyncio.sleep(2.0)  # the bulletin is flowing at full rate
            group = u.group(FLOOD_GROUP, "Ấp Ngãi Hội 1")
            flood_at = time.monotonic()
            for _ in range(args.flood):
                fake.push(u.message(group, u.user(FLOODER, "Anh Ba"), "/help"))
            await asyncio.sleep(0.2)  # the flood is fetched first, as on Telegram
            asked = time.monotonic()
            fake.push(u.message(u.private(ASKER, "Chị Hai"), u.user(ASKER, "Chị Hai"), QUESTION))
            answered: float | None = None
            while time.monotonic() - asked < args.cap:
                hit = [c for c in fake.calls if c.method == "sendMessage" and c.params.get("chat_id") == ASKER]
                if hit:
                    answered = hit[0].at
                    break
                await asyncio.sleep(0.02)
            # let the bulletin finish (or give up after the cap)
            while sum(policy.accepted[c] for c in bulletin_chats) < args.groups:
                if time.monotonic() - started > args.cap + 60:
                    break
                await asyncio.sleep(0.1)
            done = time.monotonic()
            await sender.stop()
            await tg.stop()
            await rt.close()
    sends = [c for c in fake.calls if c.method == "sendMessage"]
    ok_at = [c.at for c in sends if c.params.get("chat_id") in bulletin_chats]
    replies_flood_group = [c for c in sends if c.params.get("chat_id") == FLOOD_GROUP]
    # Bulletin rate while residents were being answered: from the flood to the private answer (at least 10 s).
    window_end = max(answered or done, flood_at + 10.0)
    in_window = [t for t in sorted(set(ok_at)) if flood_at <= t <= window_end]
    bulletin_accepted = sum(policy.accepted[c] for c in bulletin_chats)
    return {
        "database": "postgresql" if args.postgres else "sqlite",
        "throttle": not args.no_throttle,
        "groups": args.groups,
        "flood": args.flood,
        "private_answer_s": None if answered is None else round(answered - asked, 2),
        "flood_group_messages": len(replies_flood_group),
        "flood_group_accepted": policy.accepted[FLOOD_GROUP],
        "bulletin_rate_in_window": round(len(in_window) / (window_end - flood_at), 2),
        "bulletin_share_of_limit": round(len(in_window) / (window_end - flood_at) / LIMIT_PER_S, 3),
        "bulletin_accepted": bulletin_accepted,
        "bulletin_wall_s": round(done - started, 1),
        "our_429s": policy.violations,
        "requests": policy.requests,
    }


def main() -> None:
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=900, help="bulletin targets (900 = 30 s at 30 msg/s)")
    parser.add_argument("--flood", type=int, default=60, help="/help messages the flooding resident sends")
    parser.add_argument("--no-throttle", action="store_true", help="answer every message of the flood")
    parser.add_argument("--postgres", metavar="URL", help="on PostgreSQL (the shared gate) instead of SQLite")
    parser.add_argument("--cap", type=float, default=240.0, help="give up waiting for the answer after this")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    machine = f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"machine: {machine}")
    for key, value in result.items():
        print(f"{key:>26}: {value}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "flood.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
