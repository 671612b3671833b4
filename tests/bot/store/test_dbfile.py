"""The SQLite file and its -wal/-shm are owner-only; a path that cannot work is one clear line
(issue 12, items 10 and 13)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bot.store.db import Store
from bot.store.dbfile import DatabaseUnavailable, explain
from bot.store.schema import ensure_schema


async def test_new_sqlite_files_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a typical umask, which would leave the files world-readable
    try:
        store = Store(f"sqlite+aiosqlite:///{tmp_path / 'loaso.db'}")
        await ensure_schema(store)
        async with store.engine.connect() as conn:  # WAL mode: -wal and -shm exist while connected
            modes = {name: stat.S_IMODE(os.stat(tmp_path / name).st_mode) for name in os.listdir(tmp_path)}
            assert set(modes) >= {"loaso.db", "loaso.db-wal", "loaso.db-shm"}
            del conn
        await store.close()
    finally:
        os.umask(old)
    assert all(mode == 0o600 for mode in modes.values()), modes


def test_unusable_sqlite_path_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="does not exist") as missing:
        Store(f"sqlite+aiosqlite:///{tmp_path / 'nope' / 'loaso.db'}")
    assert "database.url" in str(missing.value) and "\n" not in str(missing.value)
    with pytest.raises(DatabaseUnavailable, match="is a folder"):
        Store(f"sqlite+aiosqlite:///{tmp_path}")


def test_postgres_errors_are_explained() -> None:
    url = "postgresql+asyncpg://postgres@127.0.0.1:5432/nodb"
    missing = explain(Exception('database "nodb" does not exist'), url)
    assert "createdb nodb" in missing
    down = explain(ConnectionRefusedError("Connect call failed"), url)
    assert "start PostgreSQL" in down and "127.0.0.1:5432" in down
