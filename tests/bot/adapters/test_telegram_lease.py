"""Two `loaso run` on one PostgreSQL and one token: exactly one polls getUpdates; the other takes over."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.adapters.telegram import TelegramService
from bot.store.db import Store
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import running_fake


async def test_one_poller_per_token_and_takeover(tmp_path: Path, store: Store) -> None:
    if store.is_sqlite:
        pytest.skip("SQLite is one process")
    async with running_fake() as fake:
        config = sample_config(tmp_path, telegram={"base_url": fake.base_url, "poll_timeout": 1})
        services = []
        for _ in range(2):
            rt = build_runtime(config, store=store)
            await rt.open()
            services.append(TelegramService(rt, fake.token))
        for service in services:
            await service.start()
        try:
            await asyncio.sleep(0.5)
            held = [s.poll_lease.held for s in services if s.poll_lease is not None]
            assert sorted(held) == [False, True]
            fake.push(u.message(u.private(6201, "Bà Năm"), u.user(6201, "Bà Năm"), "/help"))
            await fake.wait_sent(1)
            await asyncio.sleep(1.5)
            assert len(fake.sent()) == 1  # answered once: only one process got the update

            holder = next(s for s in services if s.poll_lease and s.poll_lease.held)
            other = next(s for s in services if s is not holder)
            await holder.stop()  # a clean stop releases the lease: the other asks within seconds
            services.remove(holder)
            fake.push(u.message(u.private(6202, "Ông Sáu"), u.user(6202, "Ông Sáu"), "/help"))
            sent = await fake.wait_sent(2, within=15)
            assert sent[1]["chat_id"] == 6202
            assert other.poll_lease is not None and other.poll_lease.held
        finally:
            for service in services:
                await service.stop()
