"""A database outage while running: events wait and are retried with backoff, /healthz says
so, and the bot resumes by itself when the database is back (issue 12, item 13)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from pathlib import Path

import httpx
import pytest

from bot.model import ChatKind, ChatRef, InboundMessage, Platform, UserRef, parse_command
from bot.store import outage
from bot.store.db import Store, utcnow
from bot.web import build_app
from bot.wiring import build_runtime
from tests.conftest import _pg_dsn, pg_available, sample_config
from tests.fakes.tcp_proxy import cuttable

pytestmark = pytest.mark.postgres


def hello(user: int) -> InboundMessage:
    chat = ChatRef(Platform.TELEGRAM, user, ChatKind.PRIVATE)
    return InboundMessage(chat, UserRef(Platform.TELEGRAM, user), "/help", utcnow(), command=parse_command("/help"))


async def test_outage_is_waited_out_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    if not await pg_available():
        pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432")
    import asyncpg

    monkeypatch.setattr(outage, "FIRST_DELAY", 0.2)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_pg_dsn())
    await admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        async with cuttable("127.0.0.1", 5432) as proxy:
            url = f"postgresql+asyncpg://postgres@127.0.0.1:{proxy.port}/test"
            store = Store(url, connect_args={"server_settings": {"search_path": schema}})
            rt = build_runtime(sample_config(tmp_path), store=store)
            await rt.open()
            web = httpx.AsyncClient(transport=httpx.ASGITransport(app=build_app(rt)), base_url="http://t")
            assert (await rt.dispatcher.feed(hello(501)))[0].text
            assert (await web.get("/healthz")).status_code == 200

            proxy.cut()
            waiting = asyncio.create_task(rt.dispatcher.feed(hello(502)))  # a new person: needs the database
            await asyncio.sleep(1.5)
            assert not waiting.done()
            health = await web.get("/healthz")
            assert health.status_code == 503 and health.json()["checks"]["database"] is False

            proxy.restore()
            replies = await asyncio.wait_for(waiting, 15)
            assert replies and replies[0].text  # answered once the database was back
            assert (await web.get("/healthz")).status_code == 200
            await web.aclose()
            await rt.close()
    finally:
        await admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.close()
    waits = [r for r in caplog.records if "database unavailable" in r.getMessage()]
    assert waits and all(r.levelno == logging.WARNING and not r.exc_info for r in waits)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("handling resumes" in r.getMessage() for r in caplog.records)
