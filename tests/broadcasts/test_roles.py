"""Which services each ``loaso run --role`` starts: only ``all`` and ``bot`` poll platforms."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.model import Platform
from bot.runtime import Runtime
from bot.services import build_services
from bot.wiring import build_runtime
from broadcasts.senders import SendOnlyService, attach_senders, close_senders
from tests.fakes.zalo_env import make_config


@pytest.mark.parametrize("role", ["sender", "scheduler"])
def test_sender_and_scheduler_roles_only_send(
    sqlite_runtime: Runtime, monkeypatch: pytest.MonkeyPatch, role: str
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    names = [type(s).__name__ for s in build_services(sqlite_runtime, role)]
    assert "TelegramService" not in names  # no getUpdates next to the bot process
    assert isinstance(build_services(sqlite_runtime, role)[0], SendOnlyService)


@pytest.mark.parametrize("role", ["all", "bot"])
def test_all_and_bot_roles_start_the_platforms(
    sqlite_runtime: Runtime, monkeypatch: pytest.MonkeyPatch, role: str
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    names = [type(s).__name__ for s in build_services(sqlite_runtime, role)]
    assert "TelegramService" in names and "SendOnlyService" not in names


async def test_attach_senders_includes_zalo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("ZALO_BOT_TOKEN", "zbot-token")
    monkeypatch.setenv("ZALO_BOT_WEBHOOK_SECRET", "zbot-secret")
    cfg = make_config(f"sqlite+aiosqlite:///{tmp_path / 'z.db'}", bot_base="http://127.0.0.1:9")
    rt = build_runtime(cfg)
    await rt.open()
    try:
        closers = await attach_senders(rt)
        assert Platform.ZALO_BOT in rt.senders
        await close_senders(closers)
    finally:
        await rt.close()


async def test_attach_senders_without_zalo_secrets_logs_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("ZALO_BOT_TOKEN", raising=False)
    monkeypatch.delenv("ZALO_BOT_WEBHOOK_SECRET", raising=False)
    cfg = make_config(f"sqlite+aiosqlite:///{tmp_path / 'z.db'}", bot_base="http://127.0.0.1:9")
    rt = build_runtime(cfg)
    await rt.open()
    try:
        with caplog.at_level(logging.ERROR):
            await attach_senders(rt)
        assert Platform.ZALO_BOT not in rt.senders and Platform.SHELL in rt.senders
        assert "ZALO_BOT_TOKEN" in caplog.text
    finally:
        await rt.close()
