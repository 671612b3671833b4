"""``loaso scan`` (judge messages) and ``loaso safety import|list`` (the known-bad list).

``loaso scan --json`` reads one message per line on stdin and writes one JSON object per
line: ``{"text", "verdict": "scam" | "suspicious" | "ok", "reasons": [...]}`` — a stable
contract for acceptance checks. It never opens a resident's link. Known-bad entries
imported into the database are used when the database is reachable; otherwise the
shipped list alone.

``loaso safety import FILE.csv|URL`` adds known-bad domains, phone numbers and phrases
(CSV ``kind,value[,source][,note]``). A URL import is the one fetch Loa Số makes for
safety, started by an operator for an official list; it is not a resident's link.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click
import httpx

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.config import Config
from bot.model import nfc
from bot.safety.judge import judge, reasons
from bot.safety.lists import ListError, SafetyData, parse_entries, shipped_data
from bot.store.db import Store, utcnow
from bot.store.safety import add_entries, load_entries
from bot.texts import default_texts

log = logging.getLogger(__name__)
MAX_IMPORT_BYTES = 5_000_000
IMPORT_TIMEOUT = 30.0


def configured_data(config: Config) -> SafetyData:
    """The shipped lists plus every commune's own pages from config."""
    data = shipped_data()
    for commune in config.communes:
        if commune.pages:
            data = data.with_pages(commune.pages, commune.name)
    return data


def _database_exists(url: str) -> bool:
    if not url.startswith("sqlite"):
        return True
    path = url.split(":///", 1)[-1]
    return path not in ("", ":memory:") and Path(path).exists()


async def _data_with_db(config: Config) -> SafetyData:
    """Add the imported entries when a database exists; never create one just to scan."""
    data = configured_data(config)
    url = config.database.url
    store = Store(url)
    try:
        async with store.session() as s:
            return data.with_entries(await load_entries(s))
    except Exception as exc:  # no table yet, server down: the shipped lists still work
        log.warning("scan: known-bad entries in the database not used (%s)", type(exc).__name__)
        return data
    finally:
        await store.close()


def _result(text: str, data: SafetyData) -> dict[str, object]:
    j = judge(text, data=data)
    return {"text": text, "verdict": j.verdict.value, "reasons": reasons(j, default_texts())}


def _read_source(source: str) -> tuple[str, str]:
    """(CSV text, where it came from) from a file or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        with httpx.Client(timeout=IMPORT_TIMEOUT, follow_redirects=True) as client:
            response = client.get(source)
            response.raise_for_status()
            if len(response.content) > MAX_IMPORT_BYTES:
                raise ValueError("the list is larger than 5 MB")
            return response.text, source
    path = Path(source)
    return path.read_text(encoding="utf-8"), str(path.resolve())


def register(main: click.Group) -> None:
    @main.command()
    @click.argument("message", nargs=-1)
    @click.option("--json", "as_json", is_flag=True, help="read messages from stdin, one JSON object per line out")
    @click.option("--no-db", is_flag=True, help="use only the shipped lists, not entries imported into the database")
    @click.pass_context
    def scan(ctx: click.Context, message: tuple[str, ...], as_json: bool, no_db: bool) -> None:
        """Judge messages for scams: scam, suspicious or ok, with the reasons."""
        config = get_config(ctx)
        use_db = not no_db and _database_exists(config.database.url)
        data = run_async(lambda: _data_with_db(config)) if use_db else configured_data(config)
        if as_json:
            lines = [" ".join(message)] if message else (ln.rstrip("\r\n") for ln in sys.stdin)
            for line in lines:
                click.echo(json.dumps(_result(nfc(line).strip(), data), ensure_ascii=False), nl=True)
            return
        if not message:
            fail('give a message, e.g. loaso scan "bấm vào link ...", or use --json with stdin')
        result = _result(nfc(" ".join(message)).strip(), data)
        click.echo(str(result["verdict"]))
        for line in result["reasons"]:  # type: ignore[attr-defined]
            click.echo(f"- {line}")

    @main.group()
    def safety() -> None:
        """The known-bad list: domains, phone numbers and phrases, each with its source."""

    @safety.command("import")
    @click.argument("source")
    @click.pass_context
    def import_(ctx: click.Context, source: str) -> None:
        """Add entries from FILE.csv or an official URL (CSV: kind,value[,source][,note])."""
        config = get_config(ctx)
        try:
            text, origin = _read_source(source)
            entries = parse_entries(text, default_source=origin)
        except ListError as exc:
            fail(f"{source}:\n{exc}")
            return
        except (OSError, ValueError, httpx.HTTPError) as exc:
            fail(f"cannot read {source}: {exc}")
            return

        async def go() -> tuple[int, int]:
            async with opened(config) as runtime, runtime.store.session() as s:
                return await add_entries(s, entries, utcnow())

        added, updated = run_async(go)
        click.echo(f"{added} added, {updated} updated from {origin}")

    @safety.command("list")
    @click.option("--json", "as_json", is_flag=True)
    @click.option("--shipped", is_flag=True, help="also list the starter entries shipped with Loa Số")
    @click.pass_context
    def list_(ctx: click.Context, as_json: bool, shipped: bool) -> None:
        """The known-bad entries imported into the database (and, with --shipped, the starter list)."""
        config = get_config(ctx)

        async def go() -> list[dict[str, str]]:
            async with opened(config) as runtime, runtime.store.session() as s:
                rows = await load_entries(s)
            out = [{"kind": e.kind, "value": e.value, "source": e.source, "note": e.note, "origin": "db"} for e in rows]
            if shipped:
                data = shipped_data()
                for table in (data.bad_domains, data.bad_phones):
                    for e in table.values():
                        out.append(
                            {"kind": e.kind, "value": e.value, "source": e.source, "note": e.note, "origin": "shipped"}
                        )
                for _, e in data.bad_phrases:
                    out.append(
                        {"kind": e.kind, "value": e.value, "source": e.source, "note": e.note, "origin": "shipped"}
                    )
            return out

        rows = run_async(go)
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        for r in rows:
            click.echo(f"{r['kind']}\t{r['value']}\t{r['source']}\t{r['origin']}")
