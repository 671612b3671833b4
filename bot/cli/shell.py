"""``loaso shell``: chat with the bot locally, interactively or from a pipe.

The shell is the platform of its groups: bulletins and alerts addressed to them are shown
here when they are due (``broadcasts.shell_demo``); those addressed to Telegram or Zalo
groups are left queued, and the shell says that ``loaso run`` sends them.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from collections.abc import AsyncIterator, Callable

import click

from bot.adapters.shell import ShellSession, run_shell
from bot.cli.base import get_config, quiet_logs, run_async
from bot.cli.common import check_knowledge, opened
from broadcasts.shell_demo import ShellOutbox

TICK_S = 1.0  # how often an open terminal looks for bulletins that became due


async def _lines(read: Callable[[], str]) -> AsyncIterator[str]:
    """Lines read in a daemon thread, so the event loop (and due bulletins) keeps running
    meanwhile, and Ctrl-C never waits for a read that will not return."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    def reader() -> None:
        while True:
            line = read()
            loop.call_soon_threadsafe(queue.put_nowait, line)
            if not line:
                return

    threading.Thread(target=reader, name="shell-input", daemon=True).start()
    while line := await queue.get():
        yield line


def _read_tty() -> str:
    try:
        return input() + "\n"  # an empty line still counts as a line
    except EOFError:
        return ""


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
                await session.prepare_group()  # also from a private chat: bulletins to the hamlet show here
                shown = ShellOutbox(rt)
                await shown.start()

                async def after_line() -> list[str]:
                    return await shown.explain_new() + await shown.due()

                if not sys.stdin.isatty():
                    await run_shell(session, _lines(sys.stdin.readline), sys.stdout, interactive=False,
                                    after_line=after_line)  # fmt: skip
                    return
                ticker = asyncio.create_task(_tick(shown, rt.texts.say("shell_prompt")))
                try:
                    await run_shell(session, _lines(_read_tty), sys.stdout, interactive=True, after_line=after_line)
                finally:
                    ticker.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await ticker

        try:
            run_async(go)
        except KeyboardInterrupt:
            click.echo()


async def _tick(shown: ShellOutbox, prompt: str) -> None:
    """While the person is typing, show bulletins as they fall due, then the prompt again."""
    while True:
        await asyncio.sleep(TICK_S)
        due = await shown.due()
        if due:
            sys.stdout.write("\n" + "\n".join(due) + "\n" + prompt + " ")
            sys.stdout.flush()
