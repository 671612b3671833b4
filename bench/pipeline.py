"""Updates per second through the whole pipeline vs a bare python-telegram-bot echo app.

    python -m bench.pipeline [--updates 5000] [--groups 10000] [--members 100000]

Both run in this process, pinned to one core, on the same raw updates, fed through PTB's
real ``Update.de_json`` and ``Application.process_update`` (initialised against the
local fake Bot API over 127.0.0.1). Ours, durable (issue 11): each getUpdates-sized batch
of 100 raw updates is parsed and stored in the inbox in one transaction (as polling does
before confirming the offset), then claimed and processed: group/person/role look-ups →
activity → handler → replies written as reply rows and the updates marked done, one SQLite
transaction per claimed batch. The baseline: an echo handler that queues a reply for every
message, with no storage at all. ``--direct`` also times the old path without the inbox
(``Dispatcher.feed`` per update, replies in memory), to show what durability costs.

Then the store is seeded with --groups groups and --members members and the run is
repeated over updates spread across all of them, reporting the process's memory.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.adapters.telegram import TelegramService
from bot.adapters.telegram.translate import translate
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.inbox import pending_replies
from bot.store.tables import Group, Membership, Person
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import running_fake

CHAT = ["ok cảm ơn", "mai họp ấp nha", "lúa năm nay tốt", "chiều nay mưa không bà con?", "ai bán phân bón không"]
QUESTIONS = ["quên mật khẩu vneid thì làm sao?", "cách đăng ký tạm trú trên vneid?", "làm lý lịch tư pháp ở đâu?"]


def make_updates(
    n: int,
    groups: int,
    people: int,
    seed: int = 7,
    base: tuple[int, int] = (10_000, 100_000),
    questions: float = 0.0,
) -> list[dict[str, Any]]:
    """20% /help (answered); ``questions`` of real FAQ questions; the rest chat (counted, not answered)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        g = -(base[0] + rnd.randrange(groups))
        p = base[1] + rnd.randrange(people)
        roll = rnd.random()
        text = "/help" if roll < 0.2 else rnd.choice(QUESTIONS) if roll < 0.2 + questions else rnd.choice(CHAT)
        out.append({"update_id": i + 1, **u.message(u.group(g, f"Nhóm {g}"), u.user(p, f"Người {p}"), text)})
    return out


_ids = itertools.count(1)
BATCH = 100  # one getUpdates answer


def fresh(raws: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same updates under new update_ids (the inbox would rightly drop repeats)."""
    return [{**raw, "update_id": next(_ids)} for raw in raws]


async def run_ours(service: TelegramService, raws: list[dict[str, Any]]) -> float:
    raws = fresh(raws)
    start = time.perf_counter()
    for i in range(0, len(raws), BATCH):
        await service.feed_batch(raws[i : i + BATCH])
        await service.inbox.process_pending()
    return time.perf_counter() - start


async def run_direct(service: TelegramService, raws: list[dict[str, Any]]) -> float:
    """Without the inbox: parse → translate → Dispatcher.feed (its own lazy transaction), replies kept in memory."""
    assert service.me is not None
    replies = []
    start = time.perf_counter()
    for raw in raws:
        update = service.parse(raw)
        if update is None:
            continue
        for event in translate(update, service.me):
            replies.extend(await service.runtime.dispatcher.feed(event))
    return time.perf_counter() - start


async def bare_app(base_url: str, token: str) -> tuple[Application, asyncio.Queue]:  # type: ignore[type-arg]
    queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue()

    async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        msg = update.effective_message
        if msg is not None and msg.text:
            queue.put_nowait((msg.chat_id, msg.text))

    app = ApplicationBuilder().token(token).base_url(base_url).updater(None).build()
    app.add_handler(MessageHandler(filters.ALL, echo))
    await app.initialize()
    return app, queue


async def run_bare(app: Application, raws: list[dict[str, Any]]) -> float:  # type: ignore[type-arg]
    start = time.perf_counter()
    for raw in raws:
        await app.process_update(Update.de_json(raw, app.bot))
    return time.perf_counter() - start


async def seed(runtime: Runtime, groups: int, members: int) -> None:
    """Groups and people get ids far from the ones the first phase used, so nothing collides."""
    now = utcnow()
    async with runtime.store.session() as s:
        await s.execute(
            insert(Group),
            [
                {
                    "platform": "telegram",
                    "chat_id": -(1_000_000 + i),
                    "kind": "group",
                    "title": f"Nhóm {-(1_000_000 + i)}",
                    "active": True,
                    "bot_is_admin": False,
                    "created_at": now,
                    "updated_at": now,
                    "hamlet_code": "NGAIHOI1",
                }
                for i in range(groups)
            ],
        )
        await s.execute(
            insert(Person),
            [
                {
                    "platform": "telegram",
                    "user_id": 10_000_000 + i,
                    "display_name": f"Người {10_000_000 + i}",
                    "first_seen": now,
                }
                for i in range(members)
            ],
        )
    async with runtime.store.session() as s:
        group_ids = (await s.execute(select(Group.id).where(Group.chat_id <= -1_000_000))).scalars().all()
        person_ids = (await s.execute(select(Person.id).where(Person.user_id >= 10_000_000))).scalars().all()
        await s.execute(
            insert(Membership),
            [
                {"group_id": group_ids[i % len(group_ids)], "person_id": pid, "active": True, "joined_at": now}
                for i, pid in enumerate(person_ids)
            ],
        )


def rss_mb() -> float:
    """Current resident set size, from /proc (max RSS would include the seeding itself)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def main(args: argparse.Namespace) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    async with running_fake() as fake:
        with tempfile.TemporaryDirectory() as tmp:
            config = sample_config(Path(tmp), telegram={"base_url": fake.base_url})
            runtime = build_runtime(config)
            await runtime.open()
            service = TelegramService(runtime, fake.token, send_replies=False)
            await service.start(poll=False)
            await service.inbox.stop()  # no background worker: run_ours processes each batch itself
            app, echo_queue = await bare_app(fake.base_url, fake.token)

            # Steady state: 50 groups, 1,000 residents who have all written before.
            small = make_updates(args.updates, groups=50, people=1_000)
            await run_ours(service, small)  # warm up both (caches, JIT-less CPython paths)
            await run_bare(app, small)
            if args.direct:
                await run_direct(service, small)
            ours = bare = direct = 0.0
            for _ in range(args.rounds):  # interleave to share the machine's noise
                bare += await run_bare(app, small)
                ours += await run_ours(service, small)
                if args.direct:
                    direct += await run_direct(service, small)
            n = args.updates * args.rounds
            print(f"pipeline: {n / ours:8.0f} updates/s   (ours: parse → inbox → handler → reply rows, durable)")
            print(f"baseline: {n / bare:8.0f} updates/s   (bare PTB echo app, no storage)")
            print(f"ratio:    {bare / ours:8.2f}  (ours ÷ bare rate; target ≥ 0.29, half of 0.58 before the inbox)")
            if args.direct:
                print(
                    f"direct:   {n / direct:8.0f} updates/s   (no inbox: feed per update, replies in memory; "
                    f"ratio {bare / direct:.2f}); durability costs {1 - direct / ours:.0%} of that rate"
                )
            async with runtime.store.session() as s:
                queued = (await pending_replies(s))[0]
            print(f"replies queued: ours {queued} (durable rows), bare {echo_queue.qsize()}")

            # The same, where the bot sees every group message (admin or privacy off): the FAQ
            # looks at each one, and answers (and logs) the real questions among them.
            from bot.dispatcher import Capabilities

            runtime.set_capabilities(Capabilities(reads_all_group_messages=True))
            seeing = make_updates(args.updates, groups=50, people=1_000, seed=5, questions=0.1)
            await run_ours(service, seeing)
            await run_bare(app, seeing)
            ours = bare = 0.0
            for _ in range(args.rounds):
                bare += await run_bare(app, seeing)
                ours += await run_ours(service, seeing)
            print(
                f"seeing all, 10% questions: {n / ours:6.0f} updates/s vs bare {n / bare:6.0f}: ratio {bare / ours:.2f}"
            )
            runtime.set_capabilities(Capabilities())

            rss_before = rss_mb()
            t0 = time.perf_counter()
            await seed(runtime, args.groups, args.members)
            print(f"seeded {args.groups} groups, {args.members} members in {time.perf_counter() - t0:.1f} s")
            await runtime.dispatcher.flush()
            spread = make_updates(
                args.updates, groups=args.groups, people=args.members, seed=11, base=(1_000_000, 10_000_000)
            )
            elapsed = await run_ours(service, spread)
            await runtime.dispatcher.flush()
            print(
                f"cold:     {args.updates / elapsed:8.0f} updates/s   (over {args.groups} groups / {args.members} "
                "members, mostly first sight: a look-up and an insert each)"
            )
            print(f"memory (RSS): {rss_before:.0f} MB before seeding, {rss_mb():.0f} MB after the cold run")
            await service.stop()
            await app.shutdown()
            await runtime.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--updates", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--groups", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--direct", action="store_true", help="also time the old path without the inbox")
    asyncio.run(main(parser.parse_args()))
