"""Turning data into bulletin texts, per hamlet, through the templates in templates/bulletins/.

Pure functions: data in, text out. Nothing here does I/O, so a half-fetched source can
never produce a half-rendered bulletin: the caller renders only after the fetch succeeded.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.config import Config
from bot.salinity import band_for, is_stale
from bot.store.readings import SalinityReading
from bot.texts import Texts
from bot.weather_codes import describe
from broadcasts.sources.weather import DayForecast

WEATHER_DAYS = 2  # today and tomorrow


def local(config: Config, at_utc: datetime) -> datetime:
    return at_utc.replace(tzinfo=UTC).astimezone(config.tz)


def weather_texts(config: Config, texts: Texts, forecasts: dict[str, list[DayForecast]], today: date) -> dict[str, str]:
    """Hamlet code → weather bulletin, from today on."""
    out: dict[str, str] = {}
    for hamlet in config.all_hamlets():
        days = [d for d in forecasts.get(hamlet.code, []) if d.day >= today][:WEATHER_DAYS]
        if not days:
            continue
        out[hamlet.code] = texts.render(
            "bulletins/weather.txt.j2", hamlet=hamlet, commune=config.commune_of(hamlet.code), days=days, wmo=describe
        )
    return out


def salinity_texts(config: Config, texts: Texts, latest: dict[str, SalinityReading], now: datetime) -> dict[str, str]:
    """Hamlet code → salinity bulletin for hamlets whose station has a reading."""
    out: dict[str, str] = {}
    for hamlet in config.all_hamlets():
        reading = latest.get(hamlet.station or "")
        station = config.station(hamlet.station or "")
        if reading is None or station is None:
            continue
        out[hamlet.code] = texts.render(
            "bulletins/salinity.txt.j2",
            hamlet=hamlet,
            station=station,
            reading=reading,
            band=band_for(reading.grams_per_litre),
            at_local=local(config, reading.at),
            stale=is_stale(reading.at, now),  # older than a day: "the last we have"
        )
    return out


def salinity_alert_texts(
    config: Config, texts: Texts, reading: SalinityReading, band: int, hamlets: list[str]
) -> dict[str, str]:
    station = config.station(reading.station)
    out: dict[str, str] = {}
    for code in hamlets:
        hamlet = config.hamlet(code)
        if hamlet is None or station is None:
            continue
        out[code] = texts.render(
            "bulletins/salinity_alert.txt.j2",
            hamlet=hamlet,
            station=station,
            reading=reading,
            band=band,
            at_local=local(config, reading.at),
        )
    return out


def policy_html(config: Config, texts: Texts, body: str, author: str | None, commune_code: str | None = None) -> str:
    """A leader's bulletin as Telegram HTML; the leader's words are escaped by the template."""
    commune = config.commune(commune_code) if commune_code else None
    return texts.render("bulletins/policy.html.j2", body=body, author=author, commune=commune)


def template_texts(config: Config, texts: Texts, name: str, **context: object) -> tuple[dict[str, str], bool]:
    """A named template in templates/bulletins/ rendered per hamlet; returns (texts, is_html)."""
    for suffix, html in ((".txt.j2", False), (".html.j2", True)):
        path = f"bulletins/{name}{suffix}"
        if (texts.root / path).is_file():
            return {
                h.code: texts.render(path, hamlet=h, commune=config.commune_of(h.code), **context)
                for h in config.all_hamlets()
            }, html
    raise LookupError(f"no template bulletins/{name}.txt.j2 or .html.j2")
