"""Daily forecasts for every hamlet from Open-Meteo, in ONE request for all coordinates.

Open-Meteo answers one object per location (a list when there are several) with daily
arrays. We always send ``timezone=Asia/Ho_Chi_Minh`` so "a day" is a local day. Timeouts,
5xx and malformed bodies are retried with exponential backoff; if the source stays down
``WeatherDown`` is raised and the caller tells the leaders instead of sending anything.
Data: Open-Meteo.com, CC BY 4.0 (the credit is in the bulletin template).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, Hamlet
from bot.store.readings import Forecast
from bot.weather_codes import is_heavy_rain, is_thunderstorm
from broadcasts.outbox import dialect_insert

log = logging.getLogger(__name__)

TIMEZONE = "Asia/Ho_Chi_Minh"  # Open-Meteo: local days; must always be sent
DAILY = (
    "weather_code",
    "temperature_2m_max",
    "temperature_2m_min",
    "precipitation_sum",
    "precipitation_probability_max",
)
FORECAST_DAYS = 7  # the bulletin sends two; the FAQ answers "cuối tuần", "tuần này" from the rest
BACKOFF_BASE_S = 1.0


class WeatherDown(Exception):
    """Open-Meteo did not answer usefully after every retry."""


@dataclass(frozen=True)
class DayForecast:
    day: date
    weather_code: int
    t_max: float
    t_min: float
    rain_mm: float
    rain_prob: int | None

    @property
    def thunderstorm(self) -> bool:
        return is_thunderstorm(self.weather_code)

    @property
    def heavy_rain(self) -> bool:
        return is_heavy_rain(self.weather_code, self.rain_mm)

    def as_data(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("day")
        return d


def request_params(hamlets: list[Hamlet]) -> dict[str, str]:
    return {
        "latitude": ",".join(f"{h.lat:.4f}" for h in hamlets),
        "longitude": ",".join(f"{h.lon:.4f}" for h in hamlets),
        "daily": ",".join(DAILY),
        "timezone": TIMEZONE,
        "forecast_days": str(FORECAST_DAYS),
    }


def parse_response(payload: Any, hamlets: list[Hamlet]) -> dict[str, list[DayForecast]]:
    """Map Open-Meteo's answer to hamlets (same order as requested). Raises ValueError if malformed."""
    locations = payload if isinstance(payload, list) else [payload]
    if len(locations) != len(hamlets):
        raise ValueError(f"expected {len(hamlets)} locations, got {len(locations)}")
    out: dict[str, list[DayForecast]] = {}
    for hamlet, loc in zip(hamlets, locations, strict=True):
        if not isinstance(loc, dict) or loc.get("error"):
            raise ValueError(f"bad location for {hamlet.code}: {str(loc)[:200]}")
        daily = loc["daily"]
        days = daily["time"]
        out[hamlet.code] = [
            DayForecast(
                day=date.fromisoformat(days[i]),
                weather_code=int(daily["weather_code"][i]),
                t_max=float(daily["temperature_2m_max"][i]),
                t_min=float(daily["temperature_2m_min"][i]),
                rain_mm=float(daily["precipitation_sum"][i] or 0.0),
                rain_prob=(
                    None
                    if daily.get("precipitation_probability_max", [None] * len(days))[i] is None
                    else int(daily["precipitation_probability_max"][i])
                ),
            )
            for i in range(len(days))
        ]
    return out


async def fetch_forecasts(
    config: Config, client: httpx.AsyncClient | None = None, *, backoff_s: float | None = None
) -> dict[str, list[DayForecast]]:
    """One request for all hamlets; retried; raises ``WeatherDown`` when it stays down."""
    hamlets = config.all_hamlets()
    src = config.sources.weather
    backoff_s = BACKOFF_BASE_S if backoff_s is None else backoff_s
    own = client is None
    client = client or httpx.AsyncClient(timeout=src.timeout)
    last = ""
    try:
        for attempt in range(src.retries + 1):
            if attempt:
                await asyncio.sleep(backoff_s * 2 ** (attempt - 1))
            try:
                resp = await client.get(src.base_url, params=request_params(hamlets), timeout=src.timeout)
                if resp.status_code >= 500:
                    last = f"HTTP {resp.status_code}"
                    continue
                if resp.status_code != 200:  # 4xx: our request is wrong; retrying will not help
                    raise WeatherDown(f"HTTP {resp.status_code}: {resp.text[:200]}")
                return parse_response(resp.json(), hamlets)
            except httpx.TimeoutException:
                last = "timeout"
            except httpx.TransportError as exc:
                last = f"network error ({type(exc).__name__})"
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                last = f"bad data ({type(exc).__name__}: {str(exc)[:120]})"
            log.warning("weather attempt %d failed: %s", attempt + 1, last)
        raise WeatherDown(f"Open-Meteo failed {src.retries + 1} times; last: {last}")
    finally:
        if own:
            await client.aclose()


async def save_forecasts(s: AsyncSession, forecasts: dict[str, list[DayForecast]], now: datetime) -> int:
    n = 0
    for hamlet_code, days in forecasts.items():
        for d in days:
            stmt = dialect_insert(s, Forecast).values(
                hamlet_code=hamlet_code, day=d.day, data=d.as_data(), fetched_at=now
            )
            await s.execute(
                stmt.on_conflict_do_update(
                    index_elements=["hamlet_code", "day"], set_={"data": d.as_data(), "fetched_at": now}
                )
            )
            n += 1
    return n
