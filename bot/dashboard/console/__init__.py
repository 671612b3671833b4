"""The web console: leaders run their hamlets from a browser (bulletins, schedules, salinity,
teaching the bot, groups); officials also manage people. One module per page family.

``console_routes`` is called by ``bot.dashboard.app.dashboard_routes`` with the dashboard's
login wrapper and page context, so every page here has the same session, CSRF and commune
checks as the read-only pages; its routes are mounted before them (``/bulletins/new`` must
win over ``/bulletins/{id}``).
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.dashboard.console import bulletins, groups, people, salinity, teach
from bot.dashboard.console.base import Console

STATIC = Path(__file__).resolve().parent / "static"
SCRIPT = "/console/live.js"


def console_routes(console: Console) -> list[BaseRoute]:
    script = (STATIC / "live.js").read_bytes()

    async def live_js(_: Request) -> Response:
        return Response(
            script,
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"},
        )

    routes: list[BaseRoute] = [Route(SCRIPT, live_js, methods=["GET"])]
    for module in (bulletins, salinity, teach, groups, people):
        routes.extend(module.register(console))
    return routes


__all__ = ["Console", "console_routes"]
