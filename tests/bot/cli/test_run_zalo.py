"""``loaso run`` as a real process with only Zalo configured: the OA webhook on the bot's web
server and the Zalo Bot by polling, both answering through the fakes; stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import httpx

from tests.bot.cli.helpers import write_config
from tests.bot.cli.test_run import free_port
from tests.fakes import zalo_bot, zalo_oa
from tests.fakes.loopback import serve
from tests.fakes.zalo_bot import text_update
from tests.fakes.zalo_env import oa_text, signed


async def wait_for(predicate, within: float = 30) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(within / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def test_loaso_run_serves_zalo_oa_and_zalo_bot(tmp_path: Path) -> None:
    oa, bot = zalo_oa.FakeZaloOA(), zalo_bot.FakeZaloBot()
    oa.issue_refresh_token("R0")
    async with serve(oa.app()) as oa_base, serve(bot.app()) as bot_base:
        port = free_port()
        write_config(
            tmp_path,
            web={"host": "127.0.0.1", "port": port},
            zalo_oa={
                "app_id": zalo_oa.APP_ID,
                "oa_id": zalo_oa.OA_ID,
                "base_url": oa_base,
                "oauth_url": f"{oa_base}/v4/oa/access_token",
            },
            zalo_bot={"base_url": bot_base, "mode": "polling"},
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_", "ZALO_"))}
        env.update(
            ZALO_OA_SECRET_KEY=zalo_oa.OA_SECRET_KEY,
            ZALO_APP_SECRET=zalo_oa.APP_SECRET,
            ZALO_OA_REFRESH_TOKEN="R0",
            ZALO_BOT_TOKEN=zalo_bot.BOT_TOKEN,
        )
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
            bot.updates.append(text_update("r1", "chat-r1", "user-r1", "/help"))
            await wait_for(lambda: bool(bot.sent))
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as web:
                for _ in range(200):
                    try:
                        health = await web.get("/healthz")
                        break
                    except httpx.ConnectError:
                        await asyncio.sleep(0.05)
                assert health.status_code == 200, health.text
                checks = health.json()["checks"]
                assert checks["zalo_oa"] and checks["zalo_bot"] and all(checks.values()), checks
                raw, headers = signed(oa_text("u-r2", "/help", "run-1"))
                assert (await web.post("/webhooks/zalo-oa", content=raw, headers=headers)).status_code == 200
                await wait_for(lambda: bool(oa.sent))
        finally:
            proc.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(proc.communicate(), 30)
        log = err.decode()
        assert proc.returncode == 0, log
        assert bot.texts_to("chat-r1") == oa.texts_to("u-r2")  # the same words on both Zalo accounts
        assert zalo_bot.BOT_TOKEN not in log and zalo_oa.OA_SECRET_KEY not in log and "A1" not in log.split()
