"""``loaso salinity add STATION GL [--at TIME]`` and ``loaso salinity pull``: salinity readings."""

from __future__ import annotations

from datetime import timedelta

import click
import httpx

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.localtime import shown
from bot.store.db import utcnow
from bot.texts import default_texts
from broadcasts.sources.salinity import ReadingError, find_station, parse_gl, parse_time, pull, record_reading

FUTURE_TOLERANCE = timedelta(minutes=10)  # clocks differ a little; a reading from tomorrow is a typo


def register(main: click.Group) -> None:
    @main.group()
    def salinity() -> None:
        """Salinity readings (g/l) per station."""

    @salinity.command("add")
    @click.argument("station")
    @click.argument("gl")
    @click.option("--at", "at", help="when measured, e.g. 2026-03-01T07:00 (local time; default now)")
    @click.pass_context
    def add(ctx: click.Context, station: str, gl: str, at: str | None) -> None:
        """Record a reading; an upward band crossing queues an alert to the station's hamlets
        (never for a reading measured more than a day ago)."""
        config = get_config(ctx)
        texts = default_texts()
        st = find_station(config, station)
        if st is None:
            fail(texts.say("cli_unknown_station", text=station, stations=[s.code for s in config.stations]), 2)
            return
        code = st.code
        try:
            value = parse_gl(gl)
        except ReadingError:
            fail(texts.say("cli_bad_gl", text=gl), 2)
            return
        try:
            when = parse_time(at, config) if at else utcnow().replace(microsecond=0)
        except ReadingError:
            fail(texts.say("cli_bad_time", text=at), 2)
            return
        if when > utcnow() + FUTURE_TOLERANCE:
            fail(texts.say("cli_future", text=at), 2)

        async def go() -> str:
            async with opened(config) as rt, rt.store.session() as s:
                rec = await record_reading(
                    s, config, rt.texts, station=code, at=when, grams_per_litre=value, source="cli"
                )
                alert = rec.alert if rec.alert and rec.alert.created else None
                return texts.say(
                    "cli_recorded",
                    station=code,
                    value=f"{value:g}",
                    at=shown(when, config),
                    band=rec.band,
                    alert=alert,
                    stale=rec.stale,
                )

        click.echo(run_async(go))

    @salinity.command("pull")
    @click.pass_context
    def pull_cmd(ctx: click.Context) -> None:
        """Fetch readings from sources.salinity.url (CSV or JSON)."""
        config = get_config(ctx)
        if not config.sources.salinity.url:
            fail(default_texts().say("cli_no_salinity_url"), 2)

        async def go() -> tuple[int, list[str]]:
            async with httpx.AsyncClient(timeout=20) as client:
                try:
                    readings, problems = await pull(config, client)
                except (httpx.HTTPError, ValueError) as exc:
                    fail(default_texts().say("cli_salinity_url_failed", url=config.sources.salinity.url, reason=exc))
            async with opened(config) as rt, rt.store.session() as s:
                for r in readings:
                    await record_reading(
                        s, config, rt.texts, station=r.station, at=r.at, grams_per_litre=r.grams_per_litre, source="url"
                    )
            return len(readings), problems

        n, problems = run_async(go)
        for p in problems:
            click.echo(default_texts().say("cli_salinity_skipped", problem=p), err=True)
        click.echo(default_texts().say("cli_salinity_pulled", n=n))
