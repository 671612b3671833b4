"""WMO weather interpretation codes (as Open-Meteo's ``weather_code``) in plain Vietnamese.

A pure table shared by the FAQ's weather answer and the weather bulletin. The words live
in ``templates/weather_codes.yaml`` with every other text residents see.
Source: WMO code table 4677 as documented by Open-Meteo (codes 0–99 it uses).
"""

from __future__ import annotations

from typing import Any

import yaml

from bot.texts import TEMPLATES


def _load() -> tuple[dict[int, str], str]:
    data: dict[str, Any] = yaml.safe_load((TEMPLATES / "weather_codes.yaml").read_text(encoding="utf-8"))
    return {int(k): str(v) for k, v in data["codes"].items()}, str(data["unknown"])


WMO_VI, UNKNOWN = _load()


def describe(code: int | None) -> str:
    """Vietnamese words for a WMO code; the 'unknown' text for a missing or unknown code."""
    if code is None:
        return UNKNOWN
    try:
        return WMO_VI.get(int(code), UNKNOWN)
    except (TypeError, ValueError):
        return UNKNOWN


# WMO 4677 codes Open-Meteo uses (https://open-meteo.com/en/docs, "WMO Weather interpretation codes").
THUNDERSTORM_CODES = frozenset({95, 96, 99})
HEAVY_RAIN_CODES = frozenset({65, 67, 82})
# Vietnam's hydro-meteorological service calls ≥ 50 mm in 24 h "mưa rất to" (very heavy rain).
HEAVY_RAIN_MM = 50.0


def is_thunderstorm(code: int | None) -> bool:
    """A day with thunderstorms: the bulletin and the FAQ answer both add the safety line."""
    return code in THUNDERSTORM_CODES


def is_heavy_rain(code: int | None, rain_mm: float | None) -> bool:
    """Heavy rain by code, or ≥ ``HEAVY_RAIN_MM`` mm in the day."""
    return code in HEAVY_RAIN_CODES or (rain_mm or 0.0) >= HEAVY_RAIN_MM
