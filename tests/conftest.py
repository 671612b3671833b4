"""Shared fixtures: the sample config, a store on SQLite and on PostgreSQL, a runtime.

PostgreSQL tests use the server at 127.0.0.1:5432 (user postgres, database test), each in
a fresh schema, and are skipped only when no server answers there.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import PROJECT_ROOT, Config, load_config
from bot.runtime import Runtime
from bot.store.db import Store
from bot.wiring import build_runtime

PG_URL = os.environ.get("LOASO_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
SAMPLE = PROJECT_ROOT / "config.yaml"
# Port 9 (discard) on loopback: nothing listens, so a stray request fails at once, locally.
CLOSED_PORT_URL = "http://127.0.0.1:9/v1/forecast"


def _pg_dsn() -> str:
    return PG_URL.replace("postgresql+asyncpg://", "postgresql://")


async def _pg_up() -> bool:
    try:
        import asyncpg

        conn = await asyncio.wait_for(asyncpg.connect(_pg_dsn()), 3)
        await conn.close()
        return True
    except Exception:
        return False


_PG_STATE: dict[str, bool] = {}


async def pg_available() -> bool:
    if "up" not in _PG_STATE:
        _PG_STATE["up"] = await _pg_up()
    return _PG_STATE["up"]


def sample_config(tmp_path: Path, **overrides: Any) -> Config:
    cfg = load_config(SAMPLE)
    data = cfg.model_dump(exclude={"base_dir"})
    data["database"]["url"] = f"sqlite+aiosqlite:///{tmp_path / 'loaso.db'}"
    data["sources"]["weather"]["base_url"] = CLOSED_PORT_URL  # no test may reach the real Open-Meteo
    data.update(overrides)
    return Config.model_validate({**data, "base_dir": PROJECT_ROOT})


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _loopback_only(address: Any) -> None:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if not (host.startswith("127.") or host in ("::1", "localhost", "0:0:0:0:0:0:0:1")):
            raise ConnectionRefusedError(f"tests may only connect to loopback, not {host}")


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _loopback_only(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _loopback_only(address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def no_network_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test talks to anything but 127.0.0.1 / ::1 (in this process; subprocesses get loopback configs)."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


def pytest_report_header(config: pytest.Config) -> str:
    up = asyncio.run(_pg_up())
    _PG_STATE["up"] = up
    state = "answers: PostgreSQL tests will run" if up else "does not answer: PostgreSQL tests will be skipped"
    return f"PostgreSQL at {PG_URL.split('@')[-1]} {state}"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return sample_config(tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    if request.param == "sqlite":
        s = Store(f"sqlite+aiosqlite:///{tmp_path / 'store.db'}")
        yield s
        await s.close()
        return
    if not await pg_available():
        if os.environ.get("LOASO_REQUIRE_PG"):
            pytest.fail("LOASO_REQUIRE_PG is set but no PostgreSQL server answers at 127.0.0.1:5432")
        pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432")
    import asyncpg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(_pg_dsn())
    await conn.execute(f'CREATE SCHEMA "{schema}"')
    s = Store(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    try:
        yield s
    finally:
        await s.close()
        await conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await conn.close()


@pytest.fixture
async def runtime(config: Config, store: Store) -> AsyncIterator[Runtime]:
    rt = build_runtime(config, store=store)
    await rt.open()
    yield rt


@pytest.fixture
async def sqlite_runtime(config: Config) -> AsyncIterator[Runtime]:
    rt = build_runtime(config)
    await rt.open()
    yield rt
    await rt.close()
