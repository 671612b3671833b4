"""``loaso stats [--json]`` prints the overview; ``loaso stats export … --xlsx FILE`` writes the report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.config import Config
from bot.stats.figures import Overview
from bot.stats.queries import bulletin_rows, overview, question_rows
from bot.stats.report import overview_tables, to_csv, to_xlsx
from bot.stats.scope import ScopeError, make_scope
from bot.stats.text import overview_json, overview_text
from bot.store.db import utcnow
from bot.texts import default_texts

_range = [
    click.option("--commune", help="commune code (default: every commune)"),
    click.option("--from", "start", metavar="DATE", help="first day, YYYY-MM-DD (default: 30 days ago)"),
    click.option("--to", "end", metavar="DATE", help="last day, YYYY-MM-DD (default: today)"),
]


def _with_range(fn):  # type: ignore[no-untyped-def]
    for option in reversed(_range):
        fn = option(fn)
    return fn


def _commune(config: Config, code: str | None) -> str | None:
    """A commune code in any case, like hamlet codes elsewhere."""
    if not code:
        return code
    return next((c.code for c in config.communes if c.code.lower() == code.strip().lower()), code)


def register(main: click.Group) -> None:
    @main.group(invoke_without_command=True)
    @click.option("--json", "as_json", is_flag=True, help="machine-readable output")
    @_with_range
    @click.pass_context
    def stats(ctx: click.Context, as_json: bool, commune: str | None, start: str | None, end: str | None) -> None:
        """Engagement figures: members, activity, questions, bulletins."""
        if ctx.invoked_subcommand is not None:
            return
        config = get_config(ctx)
        try:
            scope = make_scope(config, utcnow(), commune=_commune(config, commune), start=start, end=end)
        except ScopeError as exc:
            fail(str(exc), 2)  # bad input, like every other command

        async def go() -> tuple[Overview, str]:
            async with opened(config) as rt, rt.store.session() as s:
                ov = await overview(s, config, scope)
                return ov, overview_text(rt.texts, ov)

        ov, text = run_async(go)
        click.echo(json.dumps(overview_json(ov), ensure_ascii=False, indent=2) if as_json else text)

    @stats.command("export")
    @_with_range
    @click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), help="write the Excel workbook here")
    @click.option("--csv-dir", type=click.Path(file_okay=False), help="write one CSV per table into this folder")
    @click.pass_context
    def export(
        ctx: click.Context,
        commune: str | None,
        start: str | None,
        end: str | None,
        xlsx_path: str | None,
        csv_dir: str | None,
    ) -> None:
        """Write the commune report (one sheet per table, Vietnamese headers)."""
        config = get_config(ctx)
        if not xlsx_path and not csv_dir:
            fail(default_texts().say("cli_export_where"), 2)
        try:
            scope = make_scope(config, utcnow(), commune=_commune(config, commune), start=start, end=end)
        except ScopeError as exc:
            fail(str(exc), 2)

        async def go():  # type: ignore[no-untyped-def]
            async with opened(config) as rt, rt.store.session() as s:
                ov = await overview(s, config, scope)
                rows = await bulletin_rows(s, scope)
                qs = await question_rows(s, scope, "all", hide_names=config.privacy.hide_names, limit=100_000)
                return overview_tables(ov, rows, qs)

        tables = run_async(go)
        if xlsx_path:
            try:
                Path(xlsx_path).write_bytes(to_xlsx(tables))
            except OSError as exc:
                fail(default_texts().say("cli_cannot_write", path=xlsx_path, reason=exc.strerror))
            click.echo(default_texts().say("cli_wrote_xlsx", path=xlsx_path, n=len(tables)))
        if csv_dir:
            folder = Path(csv_dir)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                for table in tables:
                    (folder / f"{table.id}.csv").write_bytes(to_csv(table))
            except OSError as exc:
                fail(default_texts().say("cli_cannot_write", path=csv_dir, reason=exc.strerror))
            click.echo(default_texts().say("cli_wrote_csv", path=csv_dir, n=len(tables)))
