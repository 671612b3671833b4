"""A new database is created at the current schema; an outdated one is refused until upgraded."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select

from bot.store.db import Store
from bot.store.outbox import Bulletin
from bot.store.schema import SchemaOutdated, alembic_config, code_heads, database_heads, ensure_schema, upgrade


async def _stamp(store: Store, revision: str) -> None:
    def run(conn: Any) -> None:
        command.stamp(alembic_config(conn), revision, purge=True)

    async with store.engine.begin() as conn:
        await conn.run_sync(run)


async def test_new_database_is_created_then_current(store: Store) -> None:
    assert await ensure_schema(store) == "created"
    current, has_tables = await database_heads(store)
    assert current == code_heads() and has_tables
    assert await ensure_schema(store) == "current"


async def test_tables_without_version_are_refused(store: Store) -> None:
    await ensure_schema(store)
    await _stamp(store, "base")
    with pytest.raises(SchemaOutdated, match="loaso db upgrade"):
        await ensure_schema(store)


async def test_older_revision_is_refused_until_upgraded(store: Store) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())
    if len(revisions) < 2:
        await upgrade(store)
        await _stamp(store, "heads")
        assert await ensure_schema(store) == "current"
        return
    first = revisions[-1].revision
    await upgrade(store, first)
    with pytest.raises(SchemaOutdated, match="loaso db upgrade"):
        await ensure_schema(store)
    await upgrade(store)
    assert await ensure_schema(store) == "current"


async def test_bulletin_target_with_many_hamlets_fits_after_upgrade(store: Store) -> None:
    await upgrade(store, "0005")
    await upgrade(store)
    target = "hamlet:" + ",".join(f"HAMLET{i:03d}" for i in range(40))  # far over 64 characters
    now = datetime(2026, 11, 24, 8, 0)
    async with store.session() as s:
        s.add(Bulletin(kind="salinity_alert", target=target, send_at=now, status="queued", created_at=now))
    async with store.session() as s:
        assert (await s.execute(select(Bulletin.target))).scalar_one() == target
