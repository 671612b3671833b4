"""Answers built from stored live data, not from fixed text: salinity and weather.

The data itself arrives with the broadcasts (readings typed by leaders or fetched,
forecasts fetched each morning); here we only read the stored rows and say plainly when
there are none. Salinity: a reading measured more than a day ago (``bot.salinity.is_stale``)
is shown as the last one we have, with the local time it was measured, never as news.
Weather: the day(s) the question asks about (``bot.faq.days.asked_days``), from the stored
daily forecast, with the bulletin's storm / heavy-rain safety line and without the
contacts block (a forecast needs no one to call); yesterday gets "only forecasts".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Commune, Config, Hamlet
from bot.faq.days import AskedDays, asked_days
from bot.salinity import band_for, is_stale
from bot.store.readings import Forecast, forecasts_between, last_forecast_day, latest_salinity
from bot.texts import Texts
from bot.weather_codes import describe, is_heavy_rain, is_thunderstorm


def _local(at: datetime, tz: ZoneInfo) -> datetime:
    return at.replace(tzinfo=UTC).astimezone(tz)


async def salinity_answer(
    s: AsyncSession, config: Config, texts: Texts, hamlet: Hamlet | None, now: datetime, contacts: str
) -> str:
    station = config.station(hamlet.station) if hamlet is not None and hamlet.station else None
    reading = await latest_salinity(s, station.code) if station is not None else None
    kw: dict[str, object] = {"hamlet": hamlet, "station": station, "reading": reading, "contacts": contacts}
    if reading is not None:
        kw["band"] = int(band_for(reading.grams_per_litre))
        kw["when"] = _local(reading.at, config.tz).strftime(texts.say("fmt_datetime_short"))
        kw["stale"] = is_stale(reading.at, now)
    return texts.render("faq/salinity.txt.j2", **kw)


def _day(f: Forecast) -> dict[str, Any]:
    """One stored day as the template shows it (°C, mm, %), with the bulletin's warning flags."""
    data = f.data or {}
    code, rain_mm = data.get("weather_code"), data.get("rain_mm")
    return {
        "day": f.day,
        "words": describe(code),
        "t_min": data.get("t_min"),
        "t_max": data.get("t_max"),
        "rain_prob": data.get("rain_prob"),
        "rain_mm": rain_mm,
        "thunderstorm": is_thunderstorm(code),
        "heavy_rain": is_heavy_rain(code, rain_mm),
    }


async def weather_answer(
    s: AsyncSession,
    config: Config,
    texts: Texts,
    hamlet: Hamlet | None,
    now: datetime,
    question: str,
    contacts: str = "",
    *,
    asked: AskedDays | None = None,
) -> str:
    """The forecast for the day(s) asked about. ``contacts`` is accepted for the handler's call
    and not shown; ``asked`` overrides the days parsed from ``question``."""
    today: date = _local(now, config.tz).date()
    asked = asked or asked_days(question, today)
    days: list[dict[str, Any]] = []
    missing: list[date] = []
    reach: date | None = None
    if hamlet is not None and asked.days:
        stored = await forecasts_between(s, hamlet.code, asked.days[0], asked.days[-1])
        by_day = {f.day: f for f in stored}
        days = [_day(by_day[d]) for d in asked.days if d in by_day]
        missing = [d for d in asked.days if d not in by_day]
        if missing:
            reach = await last_forecast_day(s, hamlet.code)
    return texts.render(
        "faq/weather.txt.j2",
        hamlet=hamlet,
        asked=asked,
        today=today,
        days=days,
        missing=missing,
        reach=reach if reach is not None and reach >= today else None,
        storm=any(d["thunderstorm"] for d in days),
        heavy=any(d["heavy_rain"] for d in days),
    )


def police_answer(texts: Texts, commune: Commune | None) -> str:
    """The commune police's contacts from config (``communes[].police``), the office text, and 113."""
    return texts.render("faq/police.txt.j2", commune=commune)
