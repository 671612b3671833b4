"""The web server believes X-Forwarded-For only from configured proxies (issue 12, item 7), and a
busy port is one line and exit status 1 (item 13). Real ``loaso dashboard`` processes."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import httpx
from starlette.applications import Starlette

from bot.config import Web
from bot.webserver import server_config
from tests.bot.cli.helpers import loaso, write_config
from tests.bot.cli.test_run import free_port
from tests.bot.dashboard.dash_helpers import login


async def test_forwarded_for_is_not_believed_by_default(tmp_path: Path) -> None:
    port = free_port()
    write_config(tmp_path, web={"host": "127.0.0.1", "port": port})
    assert loaso(tmp_path, "users", "add", "canbo", "--role", "official", stdin="mat-khau-dung-1\n").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(tmp_path / "config.yaml"), "dashboard",
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(300):
                try:
                    await client.get("/healthz")
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.1)
            for i in range(5):  # each try claims to come from somewhere else
                client.headers["X-Forwarded-For"] = f"198.51.100.{i}"
                assert (await login(client, "canbo", "sai-mat-khau")).status_code == 401
            client.headers["X-Forwarded-For"] = "198.51.100.99"
            assert (await login(client, "canbo", "sai-mat-khau")).status_code == 429  # the peer is 127.0.0.1 all along
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.communicate(), 30)


def test_proxy_headers_only_from_trusted_proxies() -> None:
    app = Starlette()
    default = server_config(app, Web(), host="127.0.0.1", port=1)
    assert default.proxy_headers is False
    behind = server_config(app, Web(trusted_proxies=["10.0.0.0/8"]), host="127.0.0.1", port=1)
    assert behind.proxy_headers is True and behind.forwarded_allow_ips == ["10.0.0.0/8"]


def test_busy_port_is_one_line_and_exit_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        write_config(tmp_path, web={"host": "127.0.0.1", "port": port})
        for command in ("dashboard", "run"):
            env = {"TELEGRAM_BOT_TOKEN": "123:abc"} if command == "run" else None
            result = loaso(tmp_path, command, env=env)
            assert result.returncode == 1, (command, result.stderr)
            lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
            assert len(lines) == 1 and "already in use" in lines[0] and "--port" in lines[0], result.stderr
