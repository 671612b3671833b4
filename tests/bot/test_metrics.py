"""/metrics: Prometheus text from a real ``loaso run``, counters at the choke points, and
never public (loopback without a proxy header, or a bearer token)."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from bot.logjson import JsonFormatter, use_json_logs
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.web import build_app
from broadcasts import outbox
from broadcasts.targets import parse_target
from tests.bot.cli.helpers import write_config
from tests.bot.cli.test_run import free_port
from tests.fakes import updates as u
from tests.fakes.telegram_api import running_fake

SECRET = "webhook-secret-for-metrics-test"


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


async def test_loaso_run_counts_updates_replies_faq_and_rejected_webhooks(tmp_path: Path) -> None:
    async with running_fake() as fake:
        port = free_port()
        hook = f"http://127.0.0.1:{port}/webhooks/telegram"
        write_config(
            tmp_path,
            telegram={"base_url": fake.base_url, "webhook": {"url": hook}},
            web={"host": "127.0.0.1", "port": port},
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_"))}
        env.update(TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_WEBHOOK_SECRET=SECRET, LOASO_LOG_FORMAT="json")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(tmp_path / "config.yaml"), "run",
            cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                for _ in range(300):
                    try:
                        if (await client.get("/healthz")).status_code == 200:
                            break
                    except httpx.ConnectError:
                        pass
                    await asyncio.sleep(0.1)
                good = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                for n, text in enumerate(["/help", "làm sao đăng ký tài khoản định danh điện tử VNeID"]):
                    update = {"update_id": 100 + n, **u.message(u.private(5001), u.user(5001), text)}
                    assert (await client.post("/webhooks/telegram", json=update, headers=good)).status_code == 200
                bad = await client.post(
                    "/webhooks/telegram", json={"update_id": 9}, headers={"X-Telegram-Bot-Api-Secret-Token": "x"}
                )
                assert bad.status_code == 401
                await fake.wait_sent(2, within=30)
                await asyncio.sleep(0.3)  # the reply worker records the outcome after the send returns
                scraped = await client.get("/metrics")
                proxied = await client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        finally:
            proc.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0, err.decode()
    assert scraped.status_code == 200 and scraped.headers["content-type"].startswith("text/plain")
    text = scraped.text
    assert value(text, "loaso_updates_total", platform="telegram", kind="InboundMessage") == 2
    assert value(text, "loaso_replies_total", platform="telegram", result="sent") == 2
    assert value(text, "loaso_faq_decisions_total", decision="answered") == 1
    assert value(text, "loaso_webhook_rejected_total", platform="telegram", reason="secret") == 1
    assert "process_resident_memory_bytes" in text
    assert proxied.status_code == 404  # through a reverse proxy: not public
    # LOASO_LOG_FORMAT=json: every stderr line is one JSON object, and none carries the token.
    lines = [line for line in err.decode().splitlines() if line.strip()]
    assert lines and all(json.loads(line)["level"] for line in lines)
    assert fake.token not in err.decode()


async def test_outbox_gauges_and_access_rules(runtime: Runtime, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.adapters.shell import ShellSession

    await ShellSession(runtime).prepare()  # one shell group in NGAIHOI1
    async with runtime.store.session() as s:
        await outbox.queue_bulletin(
            s, runtime.config, kind="custom", target=parse_target("hamlet:NGAIHOI1", runtime.config), text="x",
            created_by="test", now=utcnow(),
        )  # fmt: skip
    app = build_app(runtime)

    async def get(client_ip: str, **headers: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=(client_ip, 5555))
        async with httpx.AsyncClient(transport=transport, base_url="http://loaso") as client:
            return await client.get("/metrics", headers=headers)

    local = await get("127.0.0.1")
    assert local.status_code == 200
    assert value(local.text, "loaso_outbox_queued", platform="shell") == 1
    assert value(local.text, "loaso_outbox_oldest_due_seconds", platform="shell") >= 0
    assert (await get("203.0.113.9")).status_code == 404
    assert (await get("127.0.0.1", Forwarded="for=203.0.113.9")).status_code == 404
    monkeypatch.setenv("LOASO_METRICS_TOKEN", "t" * 32)
    assert (await get("127.0.0.1")).status_code == 404  # a token is set: loopback alone is not enough
    assert (await get("203.0.113.9", Authorization="Bearer " + "t" * 32)).status_code == 200
    assert (await get("203.0.113.9", Authorization="Bearer wrong")).status_code == 404


def test_json_log_lines() -> None:
    record = logging.LogRecord("loaso.x", logging.WARNING, __file__, 1, "gửi %s", ("Ấp 1",), None)
    line = JsonFormatter().format(record)
    assert json.loads(line) == {**json.loads(line), "level": "WARNING", "logger": "loaso.x", "message": "gửi Ấp 1"}
    assert use_json_logs({"LOASO_LOG_FORMAT": "text"}) is False
