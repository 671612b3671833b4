"""``loaso run`` as a real process: polls the fake Bot API, answers, serves /healthz, stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import httpx

from tests.bot.cli.helpers import write_config
from tests.fakes import updates as u
from tests.fakes.telegram_api import running_fake


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_loaso_run_end_to_end(tmp_path: Path) -> None:
    async with running_fake() as fake:
        port = free_port()
        write_config(
            tmp_path, telegram={"base_url": fake.base_url, "poll_timeout": 1}, web={"host": "127.0.0.1", "port": port}
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_"))}
        env["TELEGRAM_BOT_TOKEN"] = fake.token
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--config",
            str(tmp_path / "config.yaml"),
            "run",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            fake.push(u.message(u.private(5001), u.user(5001), "/help"))
            await fake.wait_sent(1, within=30)
            async with httpx.AsyncClient() as client:
                for _ in range(100):
                    try:
                        health = await client.get(f"http://127.0.0.1:{port}/healthz")
                        break
                    except httpx.ConnectError:
                        await asyncio.sleep(0.1)
                assert health.status_code == 200 and health.json()["ok"] is True
                assert (await client.get(f"http://127.0.0.1:{port}/login")).status_code == 200  # the dashboard
        finally:
            proc.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(proc.communicate(), 30)
        assert proc.returncode == 0, err.decode()
        assert fake.token not in err.decode()  # the token never reaches the log
