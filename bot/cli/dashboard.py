"""``loaso dashboard [--port N]``: serve the web dashboard alone (``loaso run`` serves it too)."""

from __future__ import annotations

import click

from bot.cli.base import get_config, run_async
from bot.cli.common import opened


def register(main: click.Group) -> None:
    @main.command()
    @click.option("--port", type=click.IntRange(1, 65535), help="overrides web.port from config.yaml")
    @click.option("--host", help="overrides web.host from config.yaml")
    @click.pass_context
    def dashboard(ctx: click.Context, port: int | None, host: str | None) -> None:
        """Serve the statistics dashboard (accounts: `loaso users add`)."""
        import uvicorn

        from bot.dashboard import dashboard_routes
        from bot.web import build_app

        config = get_config(ctx)

        async def go() -> None:
            async with opened(config) as rt:
                app = build_app(rt, dashboard_routes(rt))
                server = uvicorn.Server(
                    uvicorn.Config(app, host=host or config.web.host, port=port or config.web.port, log_level="info")
                )
                await server.serve()

        run_async(go)
