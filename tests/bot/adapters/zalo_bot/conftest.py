"""Fixtures: the fake Zalo Bot API server, a database, and the real ZaloBotService mounted
in the bot's real Starlette web app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.adapters.zalo.secrets import BotSecrets
from bot.adapters.zalo_bot import ZaloBotService
from bot.runtime import Runtime
from bot.web import build_app
from tests.fakes import zalo_bot
from tests.fakes.loopback import serve
from tests.fakes.zalo_env import database, make_config, opened_runtime


@dataclass
class BotEnv:
    fake: zalo_bot.FakeZaloBot
    runtime: Runtime
    service: ZaloBotService
    web: httpx.AsyncClient

    async def post(self, body: bytes, *, secret: str | None = zalo_bot.WEBHOOK_SECRET) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Bot-Api-Secret-Token"] = secret
        response = await self.web.post("/webhooks/zalo-bot", content=body, headers=headers)
        await self.service.drain()
        return response


@pytest.fixture
def db_kind() -> str:
    return "sqlite"


@pytest.fixture
async def bot_env(db_kind: str, tmp_path: Path, request: pytest.FixtureRequest):
    fake = zalo_bot.FakeZaloBot()
    mode = getattr(request, "param", "webhook")
    async with serve(fake.app()) as base, database(db_kind, tmp_path) as url:
        config = make_config(
            url, bot_base=base, zalo_bot={"mode": mode, "webhook_url": "https://loaso.example.vn/webhooks/zalo-bot"}
        )
        async with opened_runtime(config) as runtime:
            service = ZaloBotService(
                runtime, secrets=BotSecrets(zalo_bot.BOT_TOKEN, zalo_bot.WEBHOOK_SECRET), poll_timeout=1
            )
            runtime.services.append(service)
            await service.start()
            transport = httpx.ASGITransport(app=build_app(runtime))  # the real Starlette app, in process
            async with httpx.AsyncClient(transport=transport, base_url="http://loaso.test") as web:
                try:
                    yield BotEnv(fake, runtime, service, web)
                finally:
                    await service.stop()
