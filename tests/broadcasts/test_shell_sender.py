"""Deliveries to the local shell's groups: on stderr for a person, a log record when logs are JSON."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.model import ChatRef, Outbound, Platform
from broadcasts.shell_sender import ShellSender


def _out() -> Outbound:
    return Outbound(ChatRef(Platform.SHELL, "2001"), "Loa Số chưa gửi được bản tin thời tiết lúc 05:30")


def test_a_delivery_is_printed_for_the_person_at_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LOASO_LOG_FORMAT", raising=False)
    asyncio.run(ShellSender().send(_out()))
    assert "--- shell 2001 ---" in capsys.readouterr().err


def test_with_json_logs_stderr_gets_only_a_log_record(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("LOASO_LOG_FORMAT", "json")
    with caplog.at_level(logging.INFO, logger="broadcasts.shell_sender"):
        result = asyncio.run(ShellSender().send(_out()))
    assert result.message_ids == (1,)
    assert capsys.readouterr().err == ""  # every stderr line stays one JSON object (the log handler's)
    assert any("2001" in r.getMessage() and "bản tin thời tiết" in r.getMessage() for r in caplog.records)
