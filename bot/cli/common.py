"""Helpers shared by CLI commands: open the runtime with a checked schema."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import DBAPIError

from bot.cli.base import EXIT_CONFIG, fail
from bot.config import Config
from bot.runtime import Runtime
from bot.store.dbfile import DatabaseUnavailable, explain
from bot.store.outage import is_outage
from bot.store.schema import SchemaOutdated
from bot.wiring import build_runtime


@contextlib.contextmanager
def database_errors(config: Config) -> Iterator[None]:
    """A database that cannot be opened or reached at start: one line saying what to do, exit 1."""
    try:
        yield
    except DatabaseUnavailable as exc:
        fail(str(exc))
    except Exception as exc:
        if not is_outage(exc) and not isinstance(exc, DBAPIError):
            raise
        fail(explain(exc, config.database.url))


@asynccontextmanager
async def opened(config: Config) -> AsyncIterator[Runtime]:
    """A runtime whose database is at the current schema, or exit 1 naming `loaso db upgrade`;
    a database that cannot be opened or reached is one line saying what to do, exit 1."""
    with database_errors(config):
        runtime = build_runtime(config)
    try:
        try:
            with database_errors(config):
                await runtime.open()
        except SchemaOutdated as exc:
            fail(str(exc))
        yield runtime
    finally:
        with contextlib.suppress(Exception):  # closing a database that never opened must not hide the message
            await runtime.close()


def check_knowledge(config: Config) -> None:
    """The FAQ must load before the bot starts: a missing or broken ``faq.path`` would leave it
    running and silent. One line naming the first problem, exit 2 like any config error."""
    from bot.faq.knowledge import KnowledgeError
    from bot.faq.service import matcher_for

    try:
        matcher_for(config)
    except KnowledgeError as exc:
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        first = exc.problems[0] if exc.problems else "cannot be loaded"
        fail(f"faq.path: {first}{more}; fix the file or faq.path in config.yaml", EXIT_CONFIG)
