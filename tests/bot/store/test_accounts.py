"""Migration 0004: accounts, app secrets and the overview's indexes, on both engines."""

from __future__ import annotations

from sqlalchemy import inspect

from bot.store.accounts import stored_secret
from bot.store.db import Store, utcnow
from bot.store.stats_indexes import STATS_INDEXES


async def test_tables_and_indexes_exist(stats_store: Store) -> None:
    def look(conn):  # type: ignore[no-untyped-def]
        insp = inspect(conn)
        names = {
            t: {i["name"] for i in insp.get_indexes(t)} for t in ("activity", "memberships", "deliveries", "bulletins")
        }
        return set(insp.get_table_names()), names

    async with stats_store.engine.connect() as conn:
        tables, indexes = await conn.run_sync(look)
    assert {"accounts", "app_secrets"} <= tables
    for index in STATS_INDEXES:
        assert index.name in indexes[index.table.name]


async def test_stored_secret_is_made_once(stats_store: Store) -> None:
    first = await stored_secret(stats_store, "session", utcnow())
    assert len(first) == 64 and await stored_secret(stats_store, "session", utcnow()) == first
