"""``loaso dashboard [--port N]``: serve the web dashboard alone (``loaso run`` serves it too)."""

from __future__ import annotations

import asyncio
import contextlib
import signal

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.dashboard.auth import WeakSecret, env_session_secret


def register(main: click.Group) -> None:
    @main.command()
    @click.option("--port", type=click.IntRange(1, 65535), help="overrides web.port from config.yaml")
    @click.option("--host", help="overrides web.host from config.yaml")
    @click.pass_context
    def dashboard(ctx: click.Context, port: int | None, host: str | None) -> None:
        """Serve the statistics dashboard (accounts: `loaso users add`) until Ctrl-C or SIGTERM."""
        import uvicorn

        from bot.dashboard import dashboard_routes
        from bot.web import build_app
        from bot.webserver import CannotListen, listen, server_config

        config = get_config(ctx)
        try:
            env_session_secret()
        except WeakSecret as exc:
            fail(str(exc))

        bind_host, bind_port = host or config.web.host, port or config.web.port
        try:
            sock = listen(bind_host, bind_port)
        except CannotListen as exc:
            fail(str(exc))

        async def go() -> None:
            async with opened(config) as rt:
                app = build_app(rt, dashboard_routes(rt))
                server = uvicorn.Server(server_config(app, config.web, host=bind_host, port=bind_port))
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGINT, signal.SIGTERM):
                    with contextlib.suppress(NotImplementedError):
                        loop.add_signal_handler(sig, stop.set)
                web = asyncio.create_task(server.serve(sockets=[sock]))
                await asyncio.wait([web, asyncio.create_task(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
                server.should_exit = True
                await web

        run_async(go)
