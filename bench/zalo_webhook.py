"""Zalo OA webhook events per second, end to end, against two baselines in the same run.

    python -m bench.zalo_webhook [--events 1000]

Ours: signed events POSTed over 127.0.0.1 to the bot's real web app (uvicorn) →
signature and freshness check → event stored in the inbox (SQLite) before the 200 → inbox
worker: dispatcher (group, person, activity, handlers) → for the 20% that are private
``/help``, a reply row sent over HTTP to the fake Zalo OA (token refresh included once). The
account's flood pacing (5 messages/s) is lifted here, or it alone would set the rate.
Baselines on the same events: (1) a bare Starlette endpoint that only parses the JSON and
answers 200, over the same HTTP client; (2) the dispatcher fed the already-translated events
directly, with no HTTP and no reply.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.adapters.zalo.secrets import OASecrets
from bot.adapters.zalo_oa import ZaloOAService
from bot.adapters.zalo_oa.events import translate
from bot.inbox.lanes import Lanes
from bot.model import Platform
from bot.store.db import utcnow
from bot.web import build_app
from bot.wiring import build_runtime
from broadcasts.limits import AccountPacer
from tests.fakes import zalo_oa
from tests.fakes.loopback import serve
from tests.fakes.zalo_env import make_config, oa_group_event, oa_text, signed


def make_events(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """80% chat in 50 OA groups (counted, not answered), 20% private /help (answered)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        user = f"u-{rnd.randrange(2000)}"
        if rnd.random() < 0.2:
            out.append(oa_text(user, "/help", f"bench-{i}"))
        else:
            text = rnd.choice(["ok cảm ơn", "mai họp ấp nha", "lúa năm nay tốt"])
            out.append(
                oa_group_event("user_send_group_text", user, f"g-{rnd.randrange(50)}", text=text, msg_id=f"bench-{i}")
            )
    return out


async def post_all(client: httpx.AsyncClient, path: str, bodies: list[tuple[bytes, dict[str, str]]]) -> float:
    start = time.perf_counter()
    for raw, headers in bodies:
        response = await client.post(path, content=raw, headers=headers)
        assert response.status_code == 200, response.text
    return time.perf_counter() - start


async def main(n: int) -> None:
    events = make_events(n)
    bodies = [signed(e) for e in events]
    fake = zalo_oa.FakeZaloOA()
    fake.issue_refresh_token("R0")
    with tempfile.TemporaryDirectory() as tmp:
        async with serve(fake.app()) as oa_base:
            config = make_config(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", oa_base=oa_base)
            runtime = build_runtime(config)
            await runtime.open()
            runtime.pacers[Platform.ZALO_OA] = Lanes(AccountPacer(100_000))  # flood limit lifted
            service = ZaloOAService(runtime, secrets=OASecrets(zalo_oa.OA_SECRET_KEY, zalo_oa.APP_SECRET, "R0"))
            runtime.services.append(service)
            await service.start()

            async def bare(request: Request) -> JSONResponse:
                json.loads(await request.body())
                return JSONResponse({"ok": True})

            baseline_app = Starlette(routes=[Route("/hook", bare, methods=["POST"])])
            async with serve(build_app(runtime)) as web_base, serve(baseline_app) as bare_base:
                async with httpx.AsyncClient(base_url=bare_base) as client:
                    t_bare = await post_all(client, "/hook", bodies)
                async with httpx.AsyncClient(base_url=web_base) as client:
                    start = time.perf_counter()
                    await post_all(client, "/webhooks/zalo-oa", bodies)
                    await service.drain()
                    t_ours = time.perf_counter() - start
                    dup_start = time.perf_counter()
                    await post_all(client, "/webhooks/zalo-oa", bodies[: n // 5])
                    t_dup = time.perf_counter() - dup_start
            await service.stop()
            replies = len(fake.sent)
            translated = [translate(e, oa_id=zalo_oa.OA_ID, now=utcnow()).event for e in make_events(n, seed=8)]
            start = time.perf_counter()
            for event in translated:
                assert event is not None
                await runtime.dispatcher.feed(event)
            t_disp = time.perf_counter() - start
            await runtime.close()
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}".strip())
    print(f"events: {n} ({replies} replies sent to the fake OA; {n // 5} duplicates re-posted)")
    print(f"bare JSON endpoint over HTTP : {n / t_bare:8.0f} events/s")
    print(f"ours, end to end over HTTP    : {n / t_ours:8.0f} events/s  ({t_bare / t_ours:.2f}× the bare endpoint)")
    print(f"dispatcher only, no HTTP      : {n / t_disp:8.0f} events/s  ({t_ours / t_disp:.1f}× faster than ours)")
    print(f"duplicates (acknowledged)     : {(n // 5) / t_dup:8.0f} events/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1000)
    asyncio.run(main(parser.parse_args().events))
