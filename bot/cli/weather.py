"""``loaso weather fetch``: get the forecast for every hamlet now and store it."""

from __future__ import annotations

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.store.db import utcnow
from bot.texts import default_texts
from broadcasts.sources.weather import WeatherDown, fetch_forecasts, save_forecasts


def register(main: click.Group) -> None:
    @main.group()
    def weather() -> None:
        """Weather forecasts from Open-Meteo."""

    @weather.command("fetch")
    @click.pass_context
    def fetch(ctx: click.Context) -> None:
        """One request for all hamlets; saves the daily forecasts."""
        config = get_config(ctx)

        async def go() -> list[str]:
            try:
                forecasts = await fetch_forecasts(config)
            except WeatherDown as exc:
                fail(default_texts().say("cli_weather_down", reason=str(exc)))
            async with opened(config) as rt, rt.store.session() as s:
                await save_forecasts(s, forecasts, utcnow())
            return [
                f"{code}: " + "; ".join(f"{d.day} code {d.weather_code} {d.t_min:g}–{d.t_max:g}°C {d.rain_mm:g} mm"
                                        for d in days)
                for code, days in forecasts.items()
            ]  # fmt: skip

        for line in run_async(go):
            click.echo(line)
