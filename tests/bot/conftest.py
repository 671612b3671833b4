"""Fixtures for the stats and dashboard tests: a migrated store on SQLite and PostgreSQL.

PostgreSQL runs at 127.0.0.1:5432 (user postgres, database test); each test gets its own
schema, dropped afterwards, so parallel runs do not collide. Skipped when no server answers.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import event, text

from bot.stats.sample import seed_sample
from bot.store.db import Store
from bot.store.schema import ensure_schema

PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


async def _pg_answers() -> bool:
    try:
        import asyncpg

        conn = await asyncio.wait_for(asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test"), 3)
    except Exception:
        return False
    await conn.close()
    return True


async def open_store(kind: str, tmp_path: Any) -> tuple[Store, str | None]:
    if kind == "sqlite":
        return Store(f"sqlite+aiosqlite:///{tmp_path / 'stats.db'}"), None
    if not await _pg_answers():
        pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = Store(PG_URL)
    async with admin.engine.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.close()
    store = Store(PG_URL)

    @event.listens_for(store.engine.sync_engine, "connect")
    def _search_path(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.run_async(lambda c: c.execute(f'SET search_path TO "{schema}"'))

    return store, schema


async def close_store(store: Store, schema: str | None) -> None:
    await store.close()
    if schema:
        admin = Store(PG_URL)
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def stats_store(request: pytest.FixtureRequest, tmp_path: Any) -> AsyncIterator[Store]:
    """A migrated, empty store on each engine."""
    store, schema = await open_store(request.param, tmp_path)
    try:
        await ensure_schema(store)
        yield store
    finally:
        await close_store(store, schema)


@pytest.fixture
async def sqlite_store(tmp_path: Any) -> AsyncIterator[Store]:
    store, _ = await open_store("sqlite", tmp_path)
    try:
        await ensure_schema(store)
        yield store
    finally:
        await store.close()


@pytest.fixture
async def seeded(stats_store: Store) -> Store:
    await seed_sample(stats_store)
    return stats_store
