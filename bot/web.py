"""The one ASGI application: platform webhooks, /healthz, and later the dashboard.

Every service contributes its routes; ``loaso run`` serves the result with uvicorn.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot import metrics
from bot.runtime import Runtime
from bot.web_limits import BodyLimit


def build_app(runtime: Runtime, extra_routes: list[BaseRoute] | None = None) -> Starlette:
    async def healthz(_: Request) -> JSONResponse:
        checks: dict[str, bool] = {}
        checks["database"] = await _database_answers(runtime)
        for service in runtime.services:
            checks[service.name] = service.healthy()
        ok = all(checks.values())
        return JSONResponse({"ok": ok, "checks": checks}, status_code=200 if ok else 503)

    routes: list[BaseRoute] = [Route("/healthz", healthz), Route("/metrics", metrics.endpoint(runtime.store))]
    for service in runtime.services:
        routes.extend(service.routes())
    routes.extend(extra_routes or [])
    # Every body is bounded (and deep JSON refused) before any route reads it: bot.web_limits.
    return Starlette(routes=routes, middleware=[Middleware(BodyLimit)])


HEALTH_TIMEOUT = 3.0  # seconds: an unreachable database host must not hang the health check


async def _database_answers(runtime: Runtime) -> bool:
    async def ping() -> None:
        async with runtime.store.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    try:
        await asyncio.wait_for(ping(), HEALTH_TIMEOUT)
        return True
    except Exception:  # down, refused, timed out: reported, and the bot retries by itself
        return False
