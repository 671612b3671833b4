"""The web app: /healthz, and the Telegram webhook authenticated by Telegram's secret_token."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from bot.adapters.telegram import TelegramService
from bot.adapters.telegram.service import SECRET_HEADER, WEBHOOK_SECRET_ENV
from bot.web import build_app
from bot.wiring import build_runtime
from tests.conftest import sample_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import running_fake, serve

SECRET = "s3cret-token_for-tests"


async def test_webhook_checks_secret_and_feeds_the_dispatcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(WEBHOOK_SECRET_ENV, SECRET)
    async with running_fake() as fake:
        config = sample_config(
            tmp_path,
            telegram={"base_url": fake.base_url, "webhook": {"url": "https://loaso.example.vn/hook", "path": "/hook"}},
        )
        rt = build_runtime(config)
        await rt.open()
        service = TelegramService(rt, fake.token)
        rt.services = [service]
        await service.start()
        assert fake.sent("setWebhook")[0]["secret_token"] == SECRET
        assert fake.sent("setWebhook")[0]["allowed_updates"] == [
            "message",
            "callback_query",
            "my_chat_member",
            "chat_member",
        ]
        try:
            async with serve(build_app(rt)) as port, httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as web:
                update = {"update_id": 10, **u.message(u.private(5001), u.user(5001), "/help")}
                forged = await web.post("/hook", json=update, headers={SECRET_HEADER: "guess"})
                missing = await web.post("/hook", json=update)
                assert forged.status_code == missing.status_code == 401
                assert sum("wrong secret token" in r.getMessage() for r in caplog.records) == 2
                garbage = await web.post("/hook", content=b"{not json", headers={SECRET_HEADER: SECRET})
                assert garbage.status_code == 400
                assert fake.sent() == []  # nothing was processed
                ok = await web.post("/hook", json=update, headers={SECRET_HEADER: SECRET})
                assert ok.status_code == 200
                sent = await fake.wait_sent(1)
                assert sent[0]["chat_id"] == 5001 and "Các lệnh" in sent[0]["text"]
                health = await web.get("/healthz")
                assert health.status_code == 200
                assert health.json() == {"ok": True, "checks": {"database": True, "telegram": True}}
                await service.stop()
                down = await web.get("/healthz")
                assert down.status_code == 503 and down.json()["checks"]["telegram"] is False
        finally:
            if service.app.running:
                await service.stop()
            await rt.close()


async def test_webhook_without_secret_refuses_to_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WEBHOOK_SECRET_ENV, raising=False)
    async with running_fake() as fake:
        config = sample_config(
            tmp_path, telegram={"base_url": fake.base_url, "webhook": {"url": "https://x.vn/hook", "path": "/hook"}}
        )
        rt = build_runtime(config)
        await rt.open()
        service = TelegramService(rt, fake.token)
        with pytest.raises(RuntimeError, match=WEBHOOK_SECRET_ENV):
            await service.start()
        await service.stop()
        await rt.close()
    await asyncio.sleep(0)
