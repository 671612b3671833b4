"""Answers built from stored live data, not from fixed text: salinity and weather.

The data itself arrives with the broadcasts (readings typed by leaders or fetched); here
we only read the newest row and say plainly when there is none yet.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, Hamlet
from bot.faq.normalize import folded_words
from bot.salinity import band_for
from bot.store.readings import forecast_for, latest_salinity
from bot.texts import Texts, default_texts
from bot.weather_codes import describe

STALE_AFTER = timedelta(days=3)  # an older salinity reading is shown with a warning
TOMORROW_WORDS = ("mai", "ngay mai")


def _local(at: datetime, tz: ZoneInfo) -> datetime:
    return at.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz)


def wants_tomorrow(question: str) -> bool:
    words = f" {folded_words(question)} "
    return any(f" {w} " in words for w in TOMORROW_WORDS) and " hom nay " not in words


async def salinity_answer(
    s: AsyncSession, config: Config, texts: Texts, hamlet: Hamlet | None, now: datetime, contacts: str
) -> str:
    station = config.station(hamlet.station) if hamlet is not None and hamlet.station else None
    reading = await latest_salinity(s, station.code) if station is not None else None
    kw: dict[str, object] = {"hamlet": hamlet, "station": station, "reading": reading, "contacts": contacts}
    if reading is not None:
        kw["band"] = int(band_for(reading.grams_per_litre))
        kw["when"] = _local(reading.at, config.tz).strftime(default_texts().say("fmt_datetime"))
        kw["stale"] = now - reading.at > STALE_AFTER
    return texts.render("faq/salinity.txt.j2", **kw)


async def weather_answer(
    s: AsyncSession,
    config: Config,
    texts: Texts,
    hamlet: Hamlet | None,
    now: datetime,
    question: str,
    contacts: str,
) -> str:
    tomorrow = wants_tomorrow(question)
    day = _local(now, config.tz).date() + timedelta(days=1 if tomorrow else 0)
    forecast = await forecast_for(s, hamlet.code, day) if hamlet is not None else None
    data = forecast.data if forecast is not None else {}
    return texts.render(
        "faq/weather.txt.j2",
        hamlet=hamlet,
        forecast=forecast,
        day_word="ngày mai" if tomorrow else "hôm nay",
        day=day.strftime("%d/%m"),
        words=describe(data.get("weather_code")),
        t_min=data.get("t_min"),
        t_max=data.get("t_max"),
        rain_prob=data.get("rain_prob"),
        rain_mm=data.get("rain_mm"),
        contacts=contacts,
    )
