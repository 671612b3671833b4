"""``loaso shell``: chat with the bot locally, interactively or from a pipe."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator

import click

from bot.adapters.shell import ShellSession, run_shell
from bot.cli.base import get_config, quiet_logs, run_async
from bot.cli.common import check_knowledge, opened


async def _stdin_lines() -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        yield line


def register(main: click.Group) -> None:
    @main.command()
    @click.option("--private", is_flag=True, help="a private chat instead of the hamlet group")
    @click.option("--hamlet", help="hamlet code of the group (default: shell.hamlet)")
    @click.option("--as", "as_user", type=int, help="user id to write as (e.g. a leader's id from config)")
    @click.option("--name", help="display name to write as")
    @click.pass_context
    def shell(ctx: click.Context, private: bool, hamlet: str | None, as_user: int | None, name: str | None) -> None:
        """Chat with the bot in this terminal (or pipe one message per line)."""
        config = get_config(ctx)
        quiet_logs()
        if hamlet:
            # any case, like every other hamlet code the CLI takes
            found = next((h for h in config.all_hamlets() if h.code.lower() == hamlet.strip().lower()), None)
            if found is None:
                codes = ", ".join(h.code for h in config.all_hamlets())
                raise click.BadParameter(f"unknown hamlet {hamlet!r} (hamlets: {codes})", param_hint="--hamlet")
            hamlet = found.code
        check_knowledge(config)

        async def go() -> None:
            async with opened(config) as rt:
                session = ShellSession(rt, private=private, user_id=as_user, user_name=name, hamlet=hamlet)
                if not sys.stdin.isatty():
                    await run_shell(session, _stdin_lines(), sys.stdout, interactive=False)
                else:
                    await run_shell(session, _tty_lines(), sys.stdout, interactive=True)

        try:
            run_async(go)
        except KeyboardInterrupt:
            click.echo()


def _tty_lines():  # type: ignore[no-untyped-def]
    while True:
        try:
            yield input()
        except EOFError:
            return
