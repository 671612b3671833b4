"""Helpers shared by CLI commands: open the runtime with a checked schema."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.cli.base import fail
from bot.config import Config
from bot.runtime import Runtime
from bot.store.schema import SchemaOutdated


@asynccontextmanager
async def opened(config: Config) -> AsyncIterator[Runtime]:
    """A runtime whose database is at the current schema, or exit 1 naming `loaso db upgrade`."""
    runtime = Runtime.build(config)
    try:
        try:
            await runtime.open()
        except SchemaOutdated as exc:
            fail(str(exc))
        yield runtime
    finally:
        await runtime.close()
