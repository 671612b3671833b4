"""Helpers every ``loaso`` sub-command uses: the config in the click context, asyncio, exits."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import click

from bot import logsafe
from bot.config import Config
from bot.logjson import use_json_logs

T = TypeVar("T")
EXIT_CONFIG = 2


class AppContext:
    """Holds the parsed config; every sub-command gets it through click's context."""

    def __init__(self, config: Config):
        self.config = config


def run_async(fn: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(fn())  # type: ignore[arg-type]


def fail(message: str, code: int = 1) -> None:
    click.echo(f"loaso: {message}", err=True)
    sys.exit(code)


def setup_logging(verbose: bool) -> None:
    logsafe.install()  # before the first record: every line is scrubbed of secrets, at every level
    level = logging.DEBUG if verbose else getattr(logging, os.environ.get("LOASO_LOG", "INFO").upper(), logging.INFO)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    use_json_logs()  # LOASO_LOG_FORMAT=json: one JSON object per line, for journald / a log shipper
    # httpx logs full request URLs, and Telegram's carry the bot token: keep them out of logs
    # (redacted anyway, but they are noise).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # SQL only with database.echo (statements and parameters, INFO); result rows never, as
    # they hold stored tokens: a root logger at DEBUG must not switch them on.
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


def quiet_logs() -> None:
    """For the interactive shell: only warnings, unless -v asked for more."""
    root = logging.getLogger()
    if root.level > logging.DEBUG:
        root.setLevel(logging.WARNING)


def get_config(ctx: Any) -> Config:
    obj = ctx.find_object(AppContext)
    assert obj is not None
    return obj.config
