"""Fixtures: the fake Zalo OA server, a database (SQLite and PostgreSQL), the real service
mounted in the bot's real Starlette web app, and an httpx client for webhooks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from bot.adapters.base import SendResult, SendStatus
from bot.adapters.zalo.secrets import OASecrets
from bot.adapters.zalo_oa import ZaloOAService
from bot.model import Outbound, Platform
from bot.runtime import Runtime
from bot.web import build_app
from tests.fakes import zalo_oa
from tests.fakes.loopback import serve
from tests.fakes.zalo_env import database, make_config, opened_runtime


@dataclass
class LeaderInbox:
    """Stands in for the Telegram account that reaches leaders; records what they were told."""

    platform: Platform = Platform.TELEGRAM
    received: list[Outbound] = field(default_factory=list)

    async def send(self, out: Outbound) -> SendResult:
        self.received.append(out)
        return SendResult(SendStatus.SENT, (len(self.received),))


@dataclass
class OAEnv:
    fake: zalo_oa.FakeZaloOA
    runtime: Runtime
    service: ZaloOAService
    web: httpx.AsyncClient  # talks to the bot's web server
    leaders: LeaderInbox

    async def post(self, raw: bytes, headers: dict[str, str]) -> httpx.Response:
        response = await self.web.post("/webhooks/zalo-oa", content=raw, headers=headers)
        await self.service.drain()
        return response


@pytest.fixture
def db_kind() -> str:
    return "sqlite"


@pytest.fixture
async def oa_env(db_kind: str, tmp_path: Path, request: pytest.FixtureRequest):
    fake = zalo_oa.FakeZaloOA()
    fake.issue_refresh_token("R0")
    extra = getattr(request, "param", {})
    async with serve(fake.app()) as base, database(db_kind, tmp_path) as url:
        config = make_config(url, oa_base=base, **extra)
        async with opened_runtime(config) as runtime:
            leaders = LeaderInbox()
            runtime.senders[Platform.TELEGRAM] = leaders
            secrets = OASecrets(zalo_oa.OA_SECRET_KEY, zalo_oa.APP_SECRET, "R0")
            service = ZaloOAService(runtime, secrets=secrets, token_check_seconds=0)
            runtime.services.append(service)
            await service.start()
            transport = httpx.ASGITransport(app=build_app(runtime))  # the real Starlette app, in process
            async with httpx.AsyncClient(transport=transport, base_url="http://loaso.test") as web:
                try:
                    yield OAEnv(fake, runtime, service, web, leaders)
                finally:
                    await service.stop()
