"""The ``loaso`` command. Each sub-command group lives in its own module and registers here."""

from __future__ import annotations

import sys

import click

from bot.cli.base import EXIT_CONFIG, AppContext, setup_logging
from bot.config import ConfigError, load_config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", metavar="PATH", help="config.yaml to use (or LOASO_CONFIG)")
@click.option("-v", "--verbose", is_flag=True, help="debug logging")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: bool) -> None:
    """Loa Số: the hamlet loudspeaker and help desk for Zalo and Telegram groups."""
    setup_logging(verbose)
    try:
        ctx.obj = AppContext(load_config(config_path))
    except ConfigError as exc:
        for line in exc.problems:
            click.echo(f"config error: {line}", err=True)
        sys.exit(EXIT_CONFIG)


def _register() -> None:
    from bot.cli import (
        ask,
        broadcast,
        dashboard,
        db,
        demo,
        doctor,
        faq,
        groups,
        roles,
        run,
        salinity,
        scan,
        shell,
        stats,
        users,
        weather,
        zalo,
    )

    modules = (
        ask,
        faq,
        db,
        groups,
        roles,
        run,
        shell,
        stats,
        users,
        dashboard,
        broadcast,
        salinity,
        weather,
        zalo,
        scan,
        demo,
    )
    for module in modules:
        module.register(main)
    doctor.register(main)


_register()
