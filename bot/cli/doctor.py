"""``loaso doctor``: one line per check with ✓ or ✗ and the fix; exit 0 only when none failed."""

from __future__ import annotations

import sys

import click

from bot.cli.base import get_config, run_async
from bot.config import config_path
from bot.doctor import DEFAULT_MIN_FREE_MB, Check, run_checks


def register(main: click.Group) -> None:
    @main.command()
    @click.option(
        "--min-free-mb", type=int, default=DEFAULT_MIN_FREE_MB, show_default=True, help="disk space below this fails"
    )
    @click.pass_context
    def doctor(ctx: click.Context, min_free_mb: int) -> None:
        """Check config, database, tokens, webhooks, groups, schedules and disk; say how to fix each problem."""
        config = get_config(ctx)
        path = str(config_path(ctx.find_root().params.get("config_path")))

        def report(check: Check) -> None:
            click.echo(check.line())

        ok = run_async(lambda: run_checks(config, path, min_free_mb=min_free_mb, report=report))
        click.echo("all checks passed" if ok else "some checks failed: fix the lines marked ✗")
        sys.exit(0 if ok else 1)
