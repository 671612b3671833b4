"""Every request body is bounded before any endpoint reads it, and hostile JSON is a 400
(issue 12, items 6 and 8), on the real app with every entry point live."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.web_limits import MAX_BODY, MAX_WEBHOOK_BODY, loads, too_deep
from tests.fakes import zalo_bot
from tests.fakes.whole_app import TELEGRAM_SECRET, whole_app

CHUNK = b"x" * 65536
HUGE = 200 * 1024 * 1024
ENDPOINTS = ["/webhooks/zalo-oa", "/webhooks/zalo-bot", "/webhooks/telegram", "/login", "/logout", "/healthz", "/"]


async def call(app: Any, path: str, chunks: Iterator[bytes], headers: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """Drive the ASGI app directly; returns (status, bytes the app pulled from the client)."""
    pulled = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", b"loaso.test"), *headers], "client": ("203.0.113.9", 4000), "server": ("t", 80),
    }  # fmt: skip
    await app(scope, receive, send)
    return status, pulled


def endless() -> Iterator[bytes]:
    for _ in range(HUGE // len(CHUNK)):
        yield CHUNK


async def test_bodies_are_bounded_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async with whole_app(tmp_path, monkeypatch) as w:
        for path in ENDPOINTS:
            # announced: refused before a byte is read
            status, pulled = await call(w.app, path, endless(), [(b"content-length", str(HUGE).encode())])
            assert (status, pulled) == (413, 0), path
            # chunked (no length): read only up to the limit
            status, pulled = await call(w.app, path, endless(), [(b"transfer-encoding", b"chunked")])
            assert status == 413, path
            assert pulled <= MAX_WEBHOOK_BODY + len(CHUNK), path
        assert w.oa.rejected == 0 and w.bot.rejected == 0  # never reached the handlers
    refusals = [r for r in caplog.records if "(413)" in r.getMessage()]
    assert len(refusals) == 2 * len(ENDPOINTS)
    assert all(r.levelno == logging.WARNING and not r.exc_info and "\n" not in r.getMessage() for r in refusals)


async def test_a_body_under_the_limit_still_reaches_the_endpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with whole_app(tmp_path, monkeypatch) as w:
        transport = httpx.ASGITransport(app=w.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://loaso.test") as web:
            update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}}}
            ok = await web.post(
                "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
            )
            assert ok.status_code in (200, 400)  # reached the handler (400: no sender in this update)
            sender = {"id": 5, "is_bot": False, "first_name": "A"}
            chat = {"id": 5, "type": "private"}
            long_text = "x" * (MAX_BODY // 2)
            text = {
                "update_id": 2,
                "message": {"message_id": 2, "date": 0, "chat": chat, "from": sender, "text": long_text},
            }
            big = await web.post(
                "/webhooks/telegram", json=text, headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
            )
            assert big.status_code == 200


@pytest.mark.parametrize("path", ["/webhooks/zalo-oa", "/webhooks/zalo-bot", "/webhooks/telegram", "/login"])
async def test_deeply_nested_json_is_a_400_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    headers = {
        "Content-Type": "application/json",
        "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET,
        "X-Bot-Api-Secret-Token": zalo_bot.WEBHOOK_SECRET,
    }
    async with whole_app(tmp_path, monkeypatch) as w:
        transport = httpx.ASGITransport(app=w.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://loaso.test") as web:
            for body in (b"[" * 100_000, b'{"a":' * 40_000, b"[" * 50_000 + b"]" * 50_000):
                response = await web.post(path, content=body, headers=headers)
                assert response.status_code == 400, (path, response.status_code)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert any("nested deeper" in r.getMessage() for r in caplog.records)


def test_depth_check_skips_brackets_inside_strings() -> None:
    assert not too_deep(b'{"text": "' + b"[" * 5000 + b'"}')
    assert too_deep(b"[" * 65)
    assert not too_deep(b"[" * 64 + b"]" * 64)
    assert loads('{"a": [1, 2]}') == {"a": [1, 2]}
    with pytest.raises(ValueError):
        loads(b"[" * 100_000)
