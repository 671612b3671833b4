"""Salinity readings: from a leader's command, the CLI, or a CSV/JSON URL.

Every reading goes through ``record_reading``: stored (unique per station and time), and
if it is the station's newest and its band is higher than the last one seen, an alert
goes into the outbox for the hamlets that take water at that station — once per upward
crossing. Going down and up again is a new crossing.

A reading measured more than a day before it is recorded (``bot.salinity.is_stale``: a
backfilled feed row, ``--at`` two days ago, a leader typing last week's number) is stored
and shown, but raises no alert and does not move the station's band state: the band
state is what residents were last warned about, and only fresh readings may change it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, Station
from bot.model import nfc
from bot.salinity import band_for, is_stale
from bot.store.broadcasts import SalinityBand
from bot.store.db import to_utc_naive, utcnow
from bot.store.readings import SalinityReading
from bot.texts import Texts
from broadcasts.bands import crossed_upward
from broadcasts.fold import fold
from broadcasts.outbox import Queued, dialect_insert, queue_bulletin
from broadcasts.targets import Target

MAX_G_PER_L = 60.0  # sea water is ~35 g/l; anything above is a typing mistake
_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:g/?l|‰|%o)?\s*$", re.IGNORECASE)


class ReadingError(ValueError):
    """Bad input (unknown station, not a number, out of range); the message says which."""


def parse_gl(text: str) -> float:
    """'1,5', '1.5', '1,5 g/l', '2‰' → float g/l."""
    m = _NUMBER.match(nfc(text or ""))
    if not m:
        raise ReadingError(f"{text!r} is not a salinity in g/l (e.g. 1,5)")
    value = float(m.group(1).replace(",", "."))
    if value > MAX_G_PER_L:
        raise ReadingError(f"{value} g/l is above {MAX_G_PER_L:g}: check the number")
    return value


def find_station(config: Config, text: str) -> Station | None:
    """By code or name, ignoring case, spaces and diacritics ('tran de' finds Trần Đề)."""
    key = fold(text)
    for st in config.stations:
        if key in (fold(st.code), fold(st.name)):
            return st
    return None


def hamlets_of_station(config: Config, station: str) -> list[str]:
    return [h.code for h in config.all_hamlets() if h.station == station]


@dataclass(frozen=True)
class Recorded:
    reading: SalinityReading
    band: int
    previous_band: int | None
    alert: Queued | None
    stale: bool = False  # measured more than a day ago: stored, never alerted


async def record_reading(
    s: AsyncSession,
    config: Config,
    texts: Texts,
    *,
    station: str,
    at: datetime,
    grams_per_litre: float,
    source: str,
    now: datetime | None = None,
) -> Recorded:
    """Store one reading (naive UTC ``at``) and queue an alert on an upward band crossing."""
    now = now or utcnow()
    if config.station(station) is None:
        raise ReadingError(f"unknown station {station!r}")
    if grams_per_litre < 0 or grams_per_litre > MAX_G_PER_L:
        raise ReadingError(f"{grams_per_litre} g/l is out of range")
    stmt = dialect_insert(s, SalinityReading).values(
        station=station, at=at, grams_per_litre=grams_per_litre, source=source, recorded_at=now
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["station", "at"],
        set_={"grams_per_litre": grams_per_litre, "source": source, "recorded_at": now},
    )
    await s.execute(stmt)
    reading = (
        await s.execute(select(SalinityReading).where(SalinityReading.station == station, SalinityReading.at == at))
    ).scalar_one()
    band = band_for(grams_per_litre)
    if is_stale(at, now):
        state = await s.get(SalinityBand, station)
        await s.flush()
        return Recorded(reading, band, state.band if state is not None else None, None, stale=True)
    # The station's first reading: insert its band state race-safely (two readings at once
    # must not both fail or both alert); whoever inserts it owns the "no previous band" case.
    first = await s.execute(
        dialect_insert(s, SalinityBand)
        .values(station=station, band=band, reading_at=at, updated_at=now)
        .on_conflict_do_nothing(index_elements=["station"])
    )
    if first.rowcount:  # type: ignore[attr-defined]
        alert = None
        if crossed_upward(None, band):
            alert = await _queue_alert(s, config, texts, station, reading, band, now)
        await s.flush()
        return Recorded(reading, band, None, alert)
    state = await s.get(
        SalinityBand, station, with_for_update=s.get_bind().dialect.name != "sqlite", populate_existing=True
    )
    assert state is not None
    previous = state.band
    if at < state.reading_at:
        return Recorded(reading, band, previous, None)  # an older reading typed in late: no alert
    alert = None
    if crossed_upward(previous, band):
        alert = await _queue_alert(s, config, texts, station, reading, band, now)
    state.band, state.reading_at, state.updated_at = band, at, now
    await s.flush()
    return Recorded(reading, band, previous, alert)


async def _queue_alert(
    s: AsyncSession, config: Config, texts: Texts, station: str, reading: SalinityReading, band: int, now: datetime
) -> Queued | None:
    from broadcasts.compose import salinity_alert_texts

    hamlets = hamlets_of_station(config, station)
    if not hamlets:
        return None
    per_hamlet = salinity_alert_texts(config, texts, reading, band, hamlets)
    return await queue_bulletin(
        s,
        config,
        kind="salinity_alert",
        target=Target("hamlet", tuple(hamlets)),
        per_hamlet=per_hamlet,
        schedule_id=f"alert:{station}:{int(band)}",  # a corrected reading to a higher band alerts again
        run_at=reading.at,
        created_by="salinity",
        now=now,
    )


async def latest_by_station(s: AsyncSession, config: Config) -> dict[str, SalinityReading]:
    out: dict[str, SalinityReading] = {}
    for st in config.stations:
        q = (
            select(SalinityReading)
            .where(SalinityReading.station == st.code)
            .order_by(SalinityReading.at.desc())
            .limit(1)
        )
        row = (await s.execute(q)).scalar_one_or_none()
        if row is not None:
            out[st.code] = row
    return out


def parse_time(text: str, config: Config) -> datetime:
    """ISO date-time; without a zone it is local time in the config timezone. Returns naive UTC."""
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ReadingError(f"{text!r} is not a time (write 2026-03-01T07:00)") from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=config.tz)
    return to_utc_naive(at)


@dataclass(frozen=True)
class PulledReading:
    station: str
    at: datetime  # naive UTC
    grams_per_litre: float


def parse_feed(body: str, fmt: str, config: Config) -> tuple[list[PulledReading], list[str]]:
    """Rows ``station, at, g_l`` from CSV or JSON; bad rows are reported, good ones kept."""
    items: list[dict[str, Any]]
    if fmt == "json":
        data = json.loads(body)
        items = data.get("readings", []) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ReadingError("JSON must be a list of readings or {readings: [...]}")
    else:
        items = list(csv.DictReader(io.StringIO(body)))
    good: list[PulledReading] = []
    problems: list[str] = []
    for i, item in enumerate(items, 1):
        try:
            if not isinstance(item, dict):
                raise ReadingError("not an object")
            st = find_station(config, str(item.get("station", "")))
            if st is None:
                raise ReadingError(f"unknown station {item.get('station')!r}")
            raw = item.get("g_l", item.get("gl", item.get("grams_per_litre")))
            value = float(raw) if isinstance(raw, int | float) else parse_gl(str(raw))
            good.append(PulledReading(st.code, parse_time(str(item.get("at", "")), config), value))
        except (ReadingError, ValueError) as exc:
            problems.append(f"row {i}: {exc}")
    return good, problems


async def pull(config: Config, client: httpx.AsyncClient) -> tuple[list[PulledReading], list[str]]:
    url = config.sources.salinity.url
    if not url:
        return [], []
    resp = await client.get(url)
    resp.raise_for_status()
    fmt = config.sources.salinity.format
    if "json" in resp.headers.get("content-type", ""):
        fmt = "json"
    return parse_feed(resp.text, fmt, config)
