"""Schema versioning with Alembic: create a new database, refuse an outdated one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from bot.store.db import Store

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


class SchemaOutdated(Exception):
    """The database exists but is not at the code's schema; the user must upgrade it."""


def alembic_config(connection: Any = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def code_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


async def database_heads(store: Store) -> tuple[set[str], bool]:
    """(revisions the database is at, whether it has any tables at all)."""

    def read(conn: Any) -> tuple[set[str], bool]:
        has_tables = bool(inspect(conn).get_table_names())
        return set(MigrationContext.configure(conn).get_current_heads()), has_tables

    async with store.engine.connect() as conn:
        return await conn.run_sync(read)


async def upgrade(store: Store, target: str = "heads") -> None:
    def run(conn: Any) -> None:
        command.upgrade(alembic_config(conn), target)

    async with store.engine.begin() as conn:
        await conn.run_sync(run)


async def downgrade(store: Store, target: str) -> None:
    """Step the schema back to ``target`` (a rollback of Loa Số itself: run with the NEWER
    code, which has the downgrade scripts, before installing the older one)."""

    def run(conn: Any) -> None:
        command.downgrade(alembic_config(conn), target)

    async with store.engine.begin() as conn:
        await conn.run_sync(run)


async def ensure_schema(store: Store) -> str:
    """Bring an empty database to the current schema; refuse one at an older schema.

    Returns "created" or "current". Raises ``SchemaOutdated`` naming ``loaso db upgrade``.
    """
    current, has_tables = await database_heads(store)
    heads = code_heads()
    if current == heads:
        return "current"
    if not current and not has_tables:
        await upgrade(store)
        return "created"
    known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current - known:  # revisions this code has never heard of (an older ancestor is not "newer")
        unknown = ", ".join(sorted(current - known))
        raise SchemaOutdated(f"the database is at revision {unknown}, newer than this code: update Loa Số")
    raise SchemaOutdated("the database schema is out of date: run `loaso db upgrade` first")
