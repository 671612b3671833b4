"""``loaso run``: the bot on its platforms and the web server, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

import click
import uvicorn

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import check_knowledge, opened
from bot.dashboard import dashboard_routes
from bot.dashboard.auth import WeakSecret, env_session_secret
from bot.services import ROLES, NoPlatform, build_services
from bot.web import build_app
from bot.webserver import CannotListen, listen, server_config

log = logging.getLogger(__name__)


def register(main: click.Group) -> None:
    @main.command()
    @click.option(
        "--role", type=click.Choice(ROLES), default="all", show_default=True, help="which services this process runs"
    )
    @click.option("--port", type=int, help="web server port (default: web.port)")
    @click.pass_context
    def run(ctx: click.Context, role: str, port: int | None) -> None:
        """Start the bot (Telegram with TELEGRAM_BOT_TOKEN), its web server and jobs."""
        config = get_config(ctx)
        try:
            env_session_secret()
        except WeakSecret as exc:
            fail(str(exc))

        check_knowledge(config)  # a missing or broken FAQ: one line now, not a bot that stays silent
        try:
            sock = listen(config.web.host, port or config.web.port)  # a busy port: one line, before anything starts
        except CannotListen as exc:
            fail(str(exc))

        async def go() -> None:
            async with opened(config) as rt:
                try:
                    services = build_services(rt, role)
                except (NoPlatform, RuntimeError) as exc:
                    fail(str(exc))
                app = build_app(rt, dashboard_routes(rt))
                server = uvicorn.Server(
                    server_config(
                        app, config.web, host=config.web.host, port=port or config.web.port, log_level="warning"
                    )
                )
                started = []
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGINT, signal.SIGTERM):
                    with contextlib.suppress(NotImplementedError):
                        loop.add_signal_handler(sig, stop.set)
                try:
                    for service in services:
                        await service.start()
                        started.append(service)
                    web = asyncio.create_task(server.serve(sockets=[sock]))
                    log.info("loaso: running (%s) on http://%s:%s", role, config.web.host, port or config.web.port)
                    await asyncio.wait([web, asyncio.create_task(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
                    server.should_exit = True
                    await web
                except RuntimeError as exc:
                    fail(str(exc))
                finally:
                    for service in reversed(started):
                        await service.stop()

        run_async(go)
