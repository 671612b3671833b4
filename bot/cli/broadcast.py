"""``loaso broadcast send|list|cancel``: put a bulletin in the outbox, watch it, stop it.

``send --wait`` drains the bulletin in this process and ends with a summary (``--json``:
one object with bulletin_id, targets, sent, failed, inactive, migrated, seconds, plus
``unsent``: rows per platform this process has no sender for). Exit 3 if rows were left
unsent for that reason.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC

import click
from jinja2 import meta

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.localtime import shown
from bot.model import nfc
from bot.store.db import utcnow
from bot.texts import Texts, default_texts
from broadcasts import outbox
from broadcasts.compose import local, salinity_texts, template_texts, weather_texts
from broadcasts.senders import attach_senders, close_senders
from broadcasts.sources import salinity
from broadcasts.sources.weather import WeatherDown, fetch_forecasts, save_forecasts
from broadcasts.targets import TargetError, parse_target
from broadcasts.waiter import drain_bulletin

EXIT_UNSENT = 3
BUILT_IN = ("weather", "salinity")  # templates filled with fetched or stored data
PROVIDED = frozenset({"hamlet", "commune", "now"})  # what `send --template` gives every template


def _template_needs(texts: Texts, name: str) -> set[str] | None:
    """Variables a bulletin template uses that `send --template` cannot give; None: no such template."""
    for suffix in (".txt.j2", ".html.j2"):
        path = f"bulletins/{name}{suffix}"
        if not name.startswith("_") and (texts.root / path).is_file():
            source = (texts.root / path).read_text(encoding="utf-8")
            return set(meta.find_undeclared_variables(texts.env.parse(source))) - PROVIDED
    return None


def _sendable(texts: Texts) -> list[str]:
    names = sorted({p.name.split(".")[0] for p in (texts.root / "bulletins").glob("*.j2")} - set(BUILT_IN))
    return [*BUILT_IN, *(n for n in names if _template_needs(texts, n) == set())]


def _check_template(texts: Texts, name: str) -> None:
    needs = _template_needs(texts, name)
    if needs is None:
        fail(texts.say("cli_no_template", name=name, names=_sendable(texts)), 2)
    elif needs:
        fail(texts.say("cli_template_needs", name=name, needs=sorted(needs), names=_sendable(texts)), 2)


BAR_WIDTH = 30


class _Bar:
    """A one-line progress bar on a terminal; plain lines every 10% otherwise."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.last_decile = -1

    def __call__(self, p: outbox.Progress) -> None:
        if self.quiet or p.targets == 0:
            return
        done = p.targets - p.queued
        if self.tty:
            filled = int(BAR_WIDTH * done / p.targets)
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{p.targets} "
                f"sent {p.sent} failed {p.failed} inactive {p.inactive}"
            )
            if p.done:
                sys.stderr.write("\n")
            sys.stderr.flush()
            return
        decile = done * 10 // p.targets
        if decile != self.last_decile:
            self.last_decile = decile
            click.echo(f"progress: {done}/{p.targets} (sent {p.sent}, failed {p.failed})", err=True)


def register(main: click.Group) -> None:
    @main.group()
    def broadcast() -> None:
        """Bulletins to hamlet groups, through the outbox."""

    @broadcast.command("send")
    @click.option("--text", help="the bulletin text (plain)")
    @click.option("--template", "template", help="weather, salinity, or a template in templates/bulletins/")
    @click.option("--to", "to", default="all", show_default=True, help="all | commune:CODE | hamlet:CODE[,CODE]")
    @click.option("--wait", is_flag=True, help="send it now in this process and report")
    @click.option("--json", "as_json", is_flag=True, help="one JSON object on stdout")
    @click.pass_context
    def send(ctx: click.Context, text: str | None, template: str | None, to: str, wait: bool, as_json: bool) -> None:
        """Queue a bulletin (and with --wait, deliver it)."""
        config = get_config(ctx)
        texts = default_texts()
        if (text is None) == (template is None):
            fail(texts.say("cli_text_or_template"), 2)
        if text is not None and not nfc(text).strip():
            fail(texts.say("cli_text_empty"), 2)
        try:
            target = parse_target(to, config)
        except TargetError:
            communes, hamlets = [c.code for c in config.communes], [h.code for h in config.all_hamlets()]
            fail(texts.say("cli_bad_target", value=to, communes=communes, hamlets=hamlets), 2)
        if template is not None and template not in BUILT_IN:
            _check_template(texts, template)

        async def go() -> int:
            async with opened(config) as rt:
                now = utcnow()
                per_hamlet: dict[str, str] | None = None
                body: str | None = None
                html = False
                kind = "custom"
                if text is not None:
                    body = nfc(text).strip()
                elif template == "weather":
                    kind = "weather"
                    try:
                        forecasts = await fetch_forecasts(config)
                    except WeatherDown as exc:
                        fail(texts.say("cli_weather_down", reason=str(exc)))
                    async with rt.store.session() as s:
                        await save_forecasts(s, forecasts, now)
                    today = now.replace(tzinfo=UTC).astimezone(config.tz).date()
                    per_hamlet = weather_texts(config, rt.texts, forecasts, today)
                elif template == "salinity":
                    kind = "salinity"
                    async with rt.store.session() as s:
                        latest = await salinity.latest_by_station(s, config)
                    per_hamlet = salinity_texts(config, rt.texts, latest, now)
                else:
                    try:
                        per_hamlet, html = template_texts(config, rt.texts, str(template), now=local(config, now))
                    except Exception as exc:  # a template error names the template and the problem
                        fail(texts.say("cli_template_broken", name=template, problem=f"{type(exc).__name__}: {exc}"), 2)
                async with rt.store.session() as s:
                    q = await outbox.queue_bulletin(
                        s, config, kind=kind, target=target, text=body, per_hamlet=per_hamlet, html=html,
                        created_by="cli", now=now,
                    )  # fmt: skip
                assert q.bulletin_id is not None
                if not wait:
                    if as_json:
                        click.echo(json.dumps({"bulletin_id": q.bulletin_id, "targets": q.targets, "queued": True}))
                    else:
                        click.echo(texts.say("cli_queued", id=q.bulletin_id, targets=q.targets))
                    return 0
                extra = await attach_senders(rt)
                try:
                    summary = await drain_bulletin(rt, q.bulletin_id, _Bar(quiet=as_json))
                finally:
                    await close_senders(extra)
                if as_json:
                    click.echo(json.dumps(summary.as_json(), ensure_ascii=False))
                else:
                    click.echo(texts.say("cli_summary", s=summary))
                for platform, n in summary.unsent.items():
                    click.echo(texts.say("cli_unsent", n=n, platform=platform), err=True)
                return EXIT_UNSENT if summary.unsent else 0

        sys.exit(run_async(go))

    @broadcast.command("list")
    @click.option("--json", "as_json", is_flag=True)
    @click.option("--limit", default=50, show_default=True)
    @click.pass_context
    def list_cmd(ctx: click.Context, as_json: bool, limit: int) -> None:
        """Recent bulletins with their delivery counts."""
        config = get_config(ctx)

        async def go() -> list[dict[str, object]]:
            async with opened(config) as rt, rt.store.session() as s:
                out = []
                for b, p in await outbox.list_bulletins(s, limit):
                    status = b.status if b.status == outbox.CANCELLED else ("done" if p.done else b.status)
                    out.append(
                        {
                            "id": b.id,
                            "kind": b.kind,
                            "target": b.target,
                            "status": status,
                            "schedule_id": b.schedule_id,
                            "send_at": b.send_at.isoformat(),  # UTC, for machines
                            "send_local": shown(b.send_at, config),
                            "targets": p.targets,
                            "queued": p.queued,
                            "sent": p.sent,
                            "failed": p.failed,
                            "inactive": p.inactive,
                            "cancelled": p.cancelled,
                        }
                    )
                return out

        rows = run_async(go)
        if as_json:
            machine = [{k: v for k, v in r.items() if k != "send_local"} for r in rows]
            click.echo(json.dumps(machine, ensure_ascii=False))
            return
        if not rows:
            click.echo(default_texts().say("cli_no_bulletins"))
        for r in rows:
            click.echo(default_texts().say("cli_list_row", r=r))

    @broadcast.command("cancel")
    @click.argument("bulletin_id", type=int)
    @click.pass_context
    def cancel(ctx: click.Context, bulletin_id: int) -> None:
        """Stop a bulletin: rows not sent yet are cancelled."""
        config = get_config(ctx)

        async def go() -> int | None:
            async with opened(config) as rt, rt.store.session() as s:
                return await outbox.cancel_bulletin(s, bulletin_id)

        n = run_async(go)
        if n is None:
            fail(default_texts().say("cli_no_bulletin", id=bulletin_id), 2)
        click.echo(default_texts().say("cli_cancelled", id=bulletin_id, n=n))
