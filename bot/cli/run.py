"""``loaso run``: the bot on its platforms, the web server, and (later) scheduler and senders."""

from __future__ import annotations

import click


def register(main: click.Group) -> None:
    @main.command()
    @click.pass_context
    def run(ctx: click.Context) -> None:
        """Start the bot."""
        raise click.ClickException("not wired yet")
