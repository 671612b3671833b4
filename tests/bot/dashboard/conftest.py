"""A dashboard app on a seeded store, with accounts, driven over ASGI by httpx."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from argon2 import PasswordHasher

from bot.dashboard import dashboard_routes
from bot.dashboard.auth import LoginLimiter, hash_password, use_hasher
from bot.runtime import Runtime
from bot.stats.sample import sample_config, seed_sample
from bot.store.accounts import add_account
from bot.store.db import Store, utcnow
from bot.web import build_app
from bot.wiring import build_runtime
from tests.bot.dashboard.dash_helpers import PASSWORD

ACCOUNTS = [("canbo", "official", None), ("totruong", "leader", "DAINGAI")]


@pytest.fixture(autouse=True)
def cheap_hashes() -> Iterator[None]:
    """argon2 with its smallest costs: the same code path, without seconds per login."""
    use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    yield
    use_hasher(PasswordHasher())


@pytest.fixture
def limiter(sqlite_store: Store) -> LoginLimiter:
    return LoginLimiter(sqlite_store)


@pytest.fixture
def dash_config():  # type: ignore[no-untyped-def]
    return sample_config()


@pytest.fixture
async def dash_runtime(sqlite_store: Store, dash_config) -> AsyncIterator[Runtime]:  # type: ignore[no-untyped-def]
    await seed_sample(sqlite_store)
    async with sqlite_store.session() as s:
        for name, role, commune in ACCOUNTS:
            await add_account(s, name, hash_password(PASSWORD), role, commune, utcnow())
    yield build_runtime(dash_config, store=sqlite_store)


@pytest.fixture
async def client(dash_runtime: Runtime, limiter: LoginLimiter) -> AsyncIterator[httpx.AsyncClient]:
    app = build_app(dash_runtime, dashboard_routes(dash_runtime, limiter=limiter))
    transport = httpx.ASGITransport(app=app, client=("10.0.0.7", 5555))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c
