"""Kill ``loaso run`` (SIGKILL) right after a platform's messages were acknowledged, restart it,
and count what was never answered and what was answered twice.

Used by the crash tests (small N) and by ``python -m bench crash`` (the issue's numbers).
Every message is a private ``/help`` from its own resident, so each chat must end with
exactly one answer: a chat with none is a lost message, extra answers are duplicates.

Paths: ``telegram_webhook``, ``telegram_polling``, ``zalo_oa_webhook``, ``zalo_bot_webhook``,
``zalo_bot_polling``. The fake servers run in the caller's event loop; ``loaso run`` is a
real child process with a config written to ``folder``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.fakes import updates as u
from tests.fakes import zalo_bot, zalo_oa
from tests.fakes.loopback import serve
from tests.fakes.telegram_api import FakeBotAPI, running_fake
from tests.fakes.zalo_env import oa_text, signed

PATHS = ("telegram_webhook", "telegram_polling", "zalo_oa_webhook", "zalo_bot_webhook", "zalo_bot_polling")
TG_SECRET = "crash-test-webhook-secret"
SAMPLE = Path(__file__).resolve().parents[2] / "config.yaml"
CLOSED_PORT_URL = "http://127.0.0.1:9/v1/forecast"
FIRST_USER = 700_000


@dataclass
class CrashResult:
    path: str
    sent: int  # messages the platform handed over
    acknowledged: int  # ...and that the bot acknowledged (200 / offset confirmed / fetched)
    answered_before_kill: int  # chats answered when the kill came
    unanswered: int  # chats never answered after the restart
    duplicates: int  # answers beyond the first, over all chats
    in_flight: int  # an upper bound of messages being sent at the kill (see ``crash``)
    restart_seconds: float  # from the restart until the last answer
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.path:18} acknowledged {self.acknowledged:4}/{self.sent:<4} answered before kill "
            f"{self.answered_before_kill:4}  unanswered after restart {self.unanswered:4}  "
            f"duplicates {self.duplicates:3} (in flight ≤ {self.in_flight})  restart→done {self.restart_seconds:5.1f} s"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(folder: Path, db_url: str, port: int, **overrides: Any) -> Path:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["database"]["url"] = db_url
    data["faq"] = {"path": str(SAMPLE.parent / "faq" / "knowledge.yaml")}
    data["sources"]["weather"]["base_url"] = CLOSED_PORT_URL
    data["web"] = {"host": "127.0.0.1", "port": port}
    data["schedules"] = []  # nothing else sends while we count
    data.update(overrides)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


class Bot:
    """One ``loaso run`` child process."""

    def __init__(self, folder: Path, env: dict[str, str], port: int):
        self.folder, self.env, self.port = folder, env, port
        self.proc: asyncio.subprocess.Process | None = None
        self.log = folder / "loaso.log"

    async def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "--config",
                str(self.folder / "config.yaml"),
                "run",
                cwd=self.folder,
                env=self.env,
                stdout=log,
                stderr=log,
            )
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}") as web:
            for _ in range(1200):
                if self.proc.returncode is not None:
                    raise AssertionError(f"loaso run exited {self.proc.returncode}: {self.log.read_text()[-3000:]}")
                with contextlib.suppress(httpx.HTTPError):
                    if (await web.get("/healthz")).status_code in (200, 503):
                        return
                await asyncio.sleep(0.05)
        raise AssertionError(f"loaso run did not start: {self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)

    async def wait(self) -> None:
        if self.proc is not None:
            await self.proc.wait()

    async def stop(self) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.proc.wait(), 20)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_", "ZALO_"))}
    env.update(extra)
    env["LOASO_SENDER_ID"] = "crash-test"  # a restarted process takes its own leases back at once
    return env


@dataclass
class _Platform:
    """How to reach one fake platform: start it, hand it messages, read what the bot sent."""

    overrides: dict[str, Any]
    env: dict[str, str]
    answers: Callable[[], Counter[str]]  # chat → messages sent there
    in_flight: int  # how many sends the bot may have in flight at once on this path


@contextlib.asynccontextmanager
async def _telegram(webhook: bool, port: int) -> AsyncIterator[tuple[FakeBotAPI, _Platform]]:
    async with running_fake() as fake:
        overrides: dict[str, Any] = {"telegram": {"base_url": fake.base_url, "poll_timeout": 1}}
        if webhook:
            overrides["telegram"]["webhook"] = {
                "url": f"http://127.0.0.1:{port}/webhooks/telegram",
                "path": "/webhooks/telegram",
            }

        def answers() -> Counter[str]:
            return Counter(str(m["chat_id"]) for m in fake.sent())

        env = _env(TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_WEBHOOK_SECRET=TG_SECRET)
        yield fake, _Platform(overrides, env, answers, in_flight=4)


def _tg_update(i: int) -> dict[str, Any]:
    user = FIRST_USER + i
    return {"update_id": 50_000 + i, **u.message(u.private(user, f"Cư dân {i}"), u.user(user, f"Cư dân {i}"), "/help")}


async def _send_telegram_webhook(port: int, n: int) -> int:
    acked = 0
    headers = {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as web:

        async def one(i: int) -> int:
            r = await web.post("/webhooks/telegram", json=_tg_update(i), headers=headers)
            return int(r.status_code == 200)

        for start in range(0, n, 10):  # ten at a time, as Telegram's parallel webhook connections do
            acked += sum(await asyncio.gather(*(one(i) for i in range(start, min(n, start + 10)))))
    return acked


async def _send_telegram_polling(fake: FakeBotAPI, n: int) -> int:
    last = 0
    for i in range(n):
        last = fake.push(_tg_update(i))
    # Acknowledged = a getUpdates call confirmed every one of them (offset past the last).
    deadline = time.monotonic() + 60
    while not fake.offsets or max(fake.offsets) <= last:
        if time.monotonic() > deadline:
            return sum(1 for o in fake.offsets if o > 0)
        await asyncio.sleep(0.001)
    return n


def _oa_platform(fake: zalo_oa.FakeZaloOA, base: str) -> _Platform:
    overrides = {
        "zalo_oa": {
            "app_id": zalo_oa.APP_ID,
            "oa_id": zalo_oa.OA_ID,
            "base_url": base,
            "oauth_url": f"{base}/v4/oa/access_token",
        }
    }
    env = _env(ZALO_OA_SECRET_KEY=zalo_oa.OA_SECRET_KEY, ZALO_APP_SECRET=zalo_oa.APP_SECRET, ZALO_OA_REFRESH_TOKEN="R0")

    def answers() -> Counter[str]:
        return Counter(next(iter(s.recipient.values()), "?") for s in fake.sent)

    return _Platform(overrides, env, answers, in_flight=4)


async def _send_oa(port: int, n: int) -> int:
    acked = 0
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as web:

        async def one(i: int) -> int:
            raw, headers = signed(oa_text(f"oa-user-{i}", "/help", f"crash-msg-{i}"))
            r = await web.post("/webhooks/zalo-oa", content=raw, headers=headers)
            return int(r.status_code == 200)

        for start in range(0, n, 10):
            acked += sum(await asyncio.gather(*(one(i) for i in range(start, min(n, start + 10)))))
    return acked


def _zbot_platform(fake: zalo_bot.FakeZaloBot, base: str, mode: str) -> _Platform:
    overrides = {"zalo_bot": {"base_url": base, "mode": mode}}
    env = _env(ZALO_BOT_TOKEN=zalo_bot.BOT_TOKEN, ZALO_BOT_WEBHOOK_SECRET=zalo_bot.WEBHOOK_SECRET)

    def answers() -> Counter[str]:
        return Counter(str(m.get("chat_id")) for m in fake.sent)

    return _Platform(overrides, env, answers, in_flight=4)


def _zbot_update(i: int) -> dict[str, Any]:
    return zalo_bot.text_update(f"crash-{i}", f"zchat-{i}", f"zuser-{i}", "/help")


async def _send_zbot_webhook(port: int, n: int) -> int:
    acked = 0
    headers = {"X-Bot-Api-Secret-Token": zalo_bot.WEBHOOK_SECRET}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as web:

        async def one(i: int) -> int:
            body = json.dumps(_zbot_update(i), ensure_ascii=False).encode()
            r = await web.post("/webhooks/zalo-bot", content=body, headers=headers)
            return int(r.status_code == 200)

        for start in range(0, n, 10):
            acked += sum(await asyncio.gather(*(one(i) for i in range(start, min(n, start + 10)))))
    return acked


async def _send_zbot_polling(fake: zalo_bot.FakeZaloBot, n: int) -> int:
    for i in range(n):
        fake.updates.append(_zbot_update(i))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # fetched = acknowledged (Zalo has no offset)
        if not fake.updates:
            break
        await asyncio.sleep(0.001)
    return n - len(fake.updates)


async def crash(path: str, n: int, folder: Path, db_url: str, *, settle_s: float = 3.0) -> CrashResult:
    """Send ``n`` messages on ``path``, SIGKILL the bot once they are acknowledged, restart it,
    and wait until every chat is answered (or nothing new arrives for ``settle_s`` seconds)."""
    if path not in PATHS:
        raise ValueError(f"path must be one of {PATHS}")
    port = free_port()
    async with contextlib.AsyncExitStack() as stack:
        tg: FakeBotAPI | None = None
        zb: zalo_bot.FakeZaloBot | None = None
        if path.startswith("telegram"):
            tg, platform = await stack.enter_async_context(_telegram(path == "telegram_webhook", port))
        elif path == "zalo_oa_webhook":
            oa = zalo_oa.FakeZaloOA()
            oa.issue_refresh_token("R0")
            base = await stack.enter_async_context(serve(oa.app()))
            platform = _oa_platform(oa, base)
        else:
            zb = zalo_bot.FakeZaloBot()
            base = await stack.enter_async_context(serve(zb.app()))
            platform = _zbot_platform(zb, base, "webhook" if path == "zalo_bot_webhook" else "polling")
        write_config(folder, db_url, port, **platform.overrides)
        bot = Bot(folder, platform.env, port)
        await bot.start()
        try:
            if path == "telegram_webhook":
                acked = await _send_telegram_webhook(port, n)
            elif path == "telegram_polling":
                assert tg is not None
                acked = await _send_telegram_polling(tg, n)
            elif path == "zalo_oa_webhook":
                acked = await _send_oa(port, n)
            elif path == "zalo_bot_webhook":
                acked = await _send_zbot_webhook(port, n)
            else:
                assert zb is not None
                acked = await _send_zbot_polling(zb, n)
            bot.kill()
            await bot.wait()
            before = platform.answers()
            await asyncio.sleep(0.2)  # requests the kill cut off are not answers
            restarted = Bot(folder, platform.env, port)
            t0 = time.monotonic()
            await restarted.start()
            try:
                last_change, seen, done_at = time.monotonic(), sum(platform.answers().values()), t0
                while True:
                    answers = platform.answers()
                    total = sum(answers.values())
                    if total != seen:
                        seen, last_change, done_at = total, time.monotonic(), time.monotonic()
                    if len(answers) >= n and time.monotonic() - last_change > 0.5:
                        break
                    if time.monotonic() - last_change > settle_s:
                        break
                    await asyncio.sleep(0.05)
            finally:
                await restarted.stop()
        finally:
            await bot.stop()
        answers = platform.answers()
        chats = _chats(path, n)
        return CrashResult(
            path=path,
            sent=n,
            acknowledged=acked,
            answered_before_kill=sum(1 for c in chats if before.get(c)),
            unanswered=sum(1 for c in chats if not answers.get(c)),
            duplicates=sum(max(0, answers.get(c, 0) - 1) for c in chats),
            in_flight=platform.in_flight,
            restart_seconds=max(0.0, done_at - t0),
        )


def _chats(path: str, n: int) -> list[str]:
    if path.startswith("telegram"):
        return [str(FIRST_USER + i) for i in range(n)]
    if path == "zalo_oa_webhook":
        return [f"oa-user-{i}" for i in range(n)]
    return [f"zchat-{i}" for i in range(n)]
