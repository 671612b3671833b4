"""Fixtures for the stats and dashboard tests: a migrated store on SQLite and PostgreSQL.

``stats_store`` is the shared ``store`` fixture (tests/conftest.py: SQLite, and PostgreSQL in
a fresh schema) brought to the current schema; ``seeded`` adds the hand-checked sample.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.stats.sample import seed_sample
from bot.store.db import Store
from bot.store.schema import ensure_schema


@pytest.fixture
async def stats_store(store: Store) -> Store:
    await ensure_schema(store)
    return store


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[Store]:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'stats.db'}")
    try:
        await ensure_schema(store)
        yield store
    finally:
        await store.close()


@pytest.fixture
async def seeded(stats_store: Store) -> Store:
    await seed_sample(stats_store)
    return stats_store
