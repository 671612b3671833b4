"""Zalo's seen-event keys and follower fan-out marks, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot.store.db import Store
from bot.store.schema import ensure_schema
from bot.store.zalo import SEEN_RETENTION, claim_event, fanout_done, mark_fanout, purge_seen

NOW = datetime(2026, 11, 24, 7, 0)


async def test_an_event_is_claimed_exactly_once_even_concurrently(store: Store) -> None:
    await ensure_schema(store)
    results = await asyncio.gather(*(claim_event(store, "zalo_oa", "msg:1", NOW) for _ in range(8)))
    assert sorted(results) == [False] * 7 + [True]
    assert await claim_event(store, "zalo_bot", "msg:1", NOW)  # platforms do not collide
    assert not await claim_event(store, "zalo_oa", "msg:1", NOW + timedelta(days=1))


async def test_purge_forgets_only_old_keys_and_marks(store: Store) -> None:
    await ensure_schema(store)
    old = NOW - SEEN_RETENTION - timedelta(minutes=1)
    assert await claim_event(store, "zalo_oa", "old", old)
    assert await claim_event(store, "zalo_oa", "new", NOW)
    await mark_fanout(store, "k", "u-old", old)
    await mark_fanout(store, "k", "u-new", NOW)
    await mark_fanout(store, "k", "u-new", NOW)  # idempotent
    assert await purge_seen(store, NOW) == 2
    assert await claim_event(store, "zalo_oa", "old", NOW)  # forgotten, so new again
    assert not await claim_event(store, "zalo_oa", "new", NOW)
    assert await fanout_done(store, "k") == {"u-new"}
