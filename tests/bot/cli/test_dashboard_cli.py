"""``loaso dashboard --port N`` as a real process: serves the login page, guards the rest, stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import httpx

from tests.bot.cli.helpers import write_config
from tests.bot.cli.test_run import free_port


async def test_loaso_dashboard_serves_alone(tmp_path: Path) -> None:
    port = free_port()
    write_config(tmp_path, web={"host": "127.0.0.1", "port": 1})  # --port overrides web.port
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(tmp_path / "config.yaml"), "dashboard", "--port", str(port),
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(300):  # up to 30 s on a busy machine
                try:
                    login = await client.get("/login")
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.1)
            assert login.status_code == 200 and "Đăng nhập" in login.text
            assert "httponly" in login.headers["set-cookie"].lower()
            assert (await client.get("/")).status_code == 303
            assert (await client.get("/export/report.xlsx")).status_code == 401
            assert (await client.get("/healthz")).status_code == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0, err.decode()


def test_short_session_secret_stops_dashboard_and_run(tmp_path: Path) -> None:
    from tests.bot.cli.helpers import loaso

    write_config(tmp_path, web={"host": "127.0.0.1", "port": free_port()})
    for command in ("dashboard", "run"):
        result = loaso(tmp_path, command, env={"LOASO_SESSION_SECRET": "too-short"})
        assert result.returncode != 0, (command, result.stderr)
        assert "LOASO_SESSION_SECRET" in result.stderr and "too short" in result.stderr
