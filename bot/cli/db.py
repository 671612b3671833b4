"""``loaso db upgrade`` and ``loaso db status``: the schema under Alembic."""

from __future__ import annotations

import click

from bot.cli.base import get_config, run_async
from bot.cli.common import database_errors
from bot.store import rollups
from bot.store.db import Store, utcnow
from bot.store.schema import code_heads, database_heads, downgrade, upgrade


def register(main: click.Group) -> None:
    @main.group()
    def db() -> None:
        """Database schema."""

    @db.command("upgrade")
    @click.pass_context
    def upgrade_cmd(ctx: click.Context) -> None:
        """Create or migrate the schema to the current version."""
        config = get_config(ctx)

        async def go() -> None:
            with database_errors(config):
                store = Store(config.database.url)
            try:
                with database_errors(config):
                    before, _ = await database_heads(store)
                await upgrade(store)
                after, _ = await database_heads(store)
                async with store.session() as s:
                    built = None if await rollups.ready(s, config.tz) else await rollups.rebuild(s, config.tz, utcnow())
            finally:
                await store.close()
            click.echo(f"schema: {','.join(sorted(before)) or 'empty'} → {','.join(sorted(after))}")
            if built is not None:
                click.echo(f"daily activity roll-up rebuilt: {built} group-days")

        run_async(go)

    @db.command("downgrade")
    @click.argument("revision")
    @click.pass_context
    def downgrade_cmd(ctx: click.Context, revision: str) -> None:
        """Step the schema back to REVISION (before rolling Loa Số back; back up first)."""
        config = get_config(ctx)

        async def go() -> None:
            store = Store(config.database.url)
            try:
                before, _ = await database_heads(store)
                await downgrade(store, revision)
                after, _ = await database_heads(store)
            finally:
                await store.close()
            click.echo(f"schema: {','.join(sorted(before)) or 'empty'} → {','.join(sorted(after)) or 'empty'}")

        run_async(go)

    @db.command("rollup")
    @click.pass_context
    def rollup_cmd(ctx: click.Context) -> None:
        """Rebuild the daily activity roll-up the dashboard reads (e.g. after changing the time zone)."""
        config = get_config(ctx)

        async def go() -> int:
            store = Store(config.database.url)
            try:
                async with store.session() as s:
                    return await rollups.rebuild(s, config.tz, utcnow())
            finally:
                await store.close()

        click.echo(f"daily activity roll-up rebuilt: {run_async(go)} group-days")

    @db.command("status")
    @click.pass_context
    def status_cmd(ctx: click.Context) -> None:
        """Show the database's schema version against the code's."""
        config = get_config(ctx)

        async def go() -> None:
            with database_errors(config):
                store = Store(config.database.url)
            try:
                with database_errors(config):
                    current, _ = await database_heads(store)
            finally:
                await store.close()
            heads = code_heads()
            state = "current" if current == heads else "out of date: run `loaso db upgrade`"
            click.echo(f"database: {','.join(sorted(current)) or 'empty'}; code: {','.join(sorted(heads))} ({state})")

        run_async(go)
