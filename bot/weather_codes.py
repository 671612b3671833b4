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
