"""The bot's whole web application with every entry point live: the Telegram webhook (fake
Bot API), the Zalo OA and Zalo Bot webhooks (fake Zalo servers), the dashboard with two
accounts, and /healthz. Used by the limits tests and the fuzz test."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.applications import Starlette

from bot.adapters.telegram import TelegramService
from bot.adapters.telegram.service import WEBHOOK_SECRET_ENV
from bot.adapters.zalo.secrets import BotSecrets, OASecrets
from bot.adapters.zalo_bot import ZaloBotService
from bot.adapters.zalo_oa import ZaloOAService
from bot.dashboard import dashboard_routes
from bot.dashboard.auth import hash_password
from bot.runtime import Runtime
from bot.store.accounts import add_account
from bot.store.db import utcnow
from bot.web import build_app
from bot.wiring import build_runtime
from tests.fakes import zalo_bot, zalo_oa
from tests.fakes.loopback import serve
from tests.fakes.telegram_api import running_fake
from tests.fakes.zalo_env import make_config

TELEGRAM_SECRET = "tg-webhook-secret-for-tests"
TELEGRAM_PATH = "/webhooks/telegram"
PASSWORD = "mat-khau-dung-1"
OA_TOKEN_PREFIX = "oa-token-issued-"
OA_FIRST_REFRESH = OA_TOKEN_PREFIX + "R0"


@dataclass
class WholeApp:
    app: Starlette
    runtime: Runtime
    telegram: TelegramService
    oa: ZaloOAService
    bot: ZaloBotService
    oa_fake: zalo_oa.FakeZaloOA
    telegram_token: str


@contextlib.asynccontextmanager
async def whole_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, echo: bool = False, db_url: str | None = None
) -> AsyncIterator[WholeApp]:
    monkeypatch.setenv(WEBHOOK_SECRET_ENV, TELEGRAM_SECRET)
    oa_fake, bot_fake = zalo_oa.FakeZaloOA(token_prefix=OA_TOKEN_PREFIX), zalo_bot.FakeZaloBot()
    oa_fake.issue_refresh_token(OA_FIRST_REFRESH)
    async with (
        running_fake() as tg_fake,
        serve(oa_fake.app()) as oa_base,
        serve(bot_fake.app()) as bot_base,
    ):
        config = make_config(
            db_url or f"sqlite+aiosqlite:///{tmp_path / 'whole.db'}",
            oa_base=oa_base,
            bot_base=bot_base,
            telegram={
                "base_url": tg_fake.base_url,
                "webhook": {"url": "https://loaso.example.vn/webhooks/telegram", "path": TELEGRAM_PATH},
            },
            zalo_bot={"mode": "webhook", "webhook_url": "https://loaso.example.vn/webhooks/zalo-bot"},
        )
        if echo:
            config = config.model_copy(update={"database": config.database.model_copy(update={"echo": True})})
        runtime = build_runtime(config)
        await runtime.open()
        async with runtime.store.session() as s:
            await add_account(s, "canbo", hash_password(PASSWORD), "official", None, utcnow())
            await add_account(s, "totruong", hash_password(PASSWORD), "leader", "DAINGAI", utcnow())
        telegram = TelegramService(runtime, tg_fake.token, send_replies=False)
        oa = ZaloOAService(
            runtime,
            secrets=OASecrets(zalo_oa.OA_SECRET_KEY, zalo_oa.APP_SECRET, OA_FIRST_REFRESH),
            token_check_seconds=0,
        )
        bot = ZaloBotService(runtime, secrets=BotSecrets(zalo_bot.BOT_TOKEN, zalo_bot.WEBHOOK_SECRET), poll_timeout=1)
        runtime.services = [telegram, oa, bot]
        for service in runtime.services:
            await service.start()
        try:
            app = build_app(runtime, dashboard_routes(runtime))
            yield WholeApp(app, runtime, telegram, oa, bot, oa_fake, tg_fake.token)
        finally:
            for service in reversed(runtime.services):
                await service.stop()
            await runtime.close()
