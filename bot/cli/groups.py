"""``loaso groups list [--json]`` and ``loaso groups import FILE.csv``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.config import Config
from bot.model import Platform, nfc
from bot.store.db import utcnow
from bot.store.groups import GroupImport, group_chat_id, import_groups, list_groups
from bot.store.members import member_count

CSV_COLUMNS = ("platform", "chat_id", "title", "hamlet")


class CsvError(Exception):
    pass


def parse_groups_csv(text: str, config: Config) -> list[GroupImport]:
    """Every row checked before anything is written; errors name the line number."""
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CsvError(f"line 1: missing column(s) {', '.join(missing)} (need {', '.join(CSV_COLUMNS)})")
    rows: list[GroupImport] = []
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for row in reader:
        line = reader.line_num
        try:
            platform = Platform((row.get("platform") or "").strip().lower())
        except ValueError:
            problems.append(f"line {line}: platform must be one of {', '.join(p.value for p in Platform)}")
            continue
        raw_id = (row.get("chat_id") or "").strip()
        if not raw_id:
            problems.append(f"line {line}: chat_id is required")
            continue
        chat_id: int | str
        if platform in (Platform.TELEGRAM, Platform.SHELL):
            try:
                chat_id = int(raw_id)
            except ValueError:
                problems.append(f"line {line}: chat_id must be a whole number on {platform.value}")
                continue
            if not -(2**63) <= chat_id < 2**63:
                problems.append(f"line {line}: chat_id out of range")
                continue
        else:
            chat_id = raw_id
        hamlet = (row.get("hamlet") or "").strip() or None
        if hamlet is not None and config.hamlet(hamlet) is None:
            problems.append(f"line {line}: unknown hamlet {hamlet!r}")
            continue
        key = (platform.value, str(chat_id))
        if key in seen:
            problems.append(f"line {line}: duplicate group {platform.value}:{chat_id}")
            continue
        seen.add(key)
        title = nfc((row.get("title") or "").strip()) or None
        rows.append(GroupImport(platform, chat_id, title, hamlet))
    if problems:
        raise CsvError("\n".join(problems))
    return rows


def register(main: click.Group) -> None:
    @main.group()
    def groups() -> None:
        """Groups the bot serves."""

    @groups.command("list")
    @click.option("--json", "as_json", is_flag=True, help="one JSON array")
    @click.option("--active", is_flag=True, help="only groups the bot is still in")
    @click.pass_context
    def list_cmd(ctx: click.Context, as_json: bool, active: bool) -> None:
        """List groups with their hamlet and member count."""
        config = get_config(ctx)

        async def go() -> list[dict[str, object]]:
            async with opened(config) as rt, rt.store.session() as s:
                out = []
                for g in await list_groups(s, active_only=active):
                    out.append(
                        {
                            "id": g.id,
                            "platform": g.platform,
                            "chat_id": group_chat_id(g),
                            "title": g.title,
                            "hamlet": g.hamlet_code,
                            "active": g.active,
                            "bot_is_admin": g.bot_is_admin,
                            "members": await member_count(s, g.id),
                        }
                    )
                return out

        rows = run_async(go)
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            click.echo("no groups yet")
        for r in rows:
            state = "active" if r["active"] else "inactive"
            click.echo(
                f"{r['platform']:<9} {r['chat_id']!s:<16} {r['hamlet'] or '-':<10} "
                f"{r['members']:>5}  {state:<8} {r['title'] or ''}"
            )

    @groups.command("import")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.pass_context
    def import_cmd(ctx: click.Context, file: Path) -> None:
        """Register groups from a CSV (platform, chat_id, title, hamlet); all or nothing."""
        config = get_config(ctx)
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{file}: cannot read ({exc})", 2)
        try:
            rows = parse_groups_csv(text, config)
        except CsvError as exc:
            for line in str(exc).splitlines():
                click.echo(f"{file}: {line}", err=True)
            fail("nothing imported", 2)

        async def go() -> tuple[int, int]:
            async with opened(config) as rt, rt.store.session() as s:
                return await import_groups(s, rows, utcnow())

        created, updated = run_async(go)
        click.echo(f"imported {len(rows)} groups: {created} new, {updated} updated")
