from __future__ import annotations

from bot.weather_codes import UNKNOWN, WMO_VI, describe


def test_every_open_meteo_code_has_vietnamese_words() -> None:
    for code in (0, 1, 2, 3, 45, 48, 51, 53, 55, 61, 63, 65, 80, 81, 82, 95, 96, 99):
        assert WMO_VI[code] and describe(code) == WMO_VI[code]


def test_missing_or_unknown_codes() -> None:
    assert describe(None) == UNKNOWN
    assert describe(42) == UNKNOWN
    assert describe("x") == UNKNOWN  # type: ignore[arg-type]
    assert describe(61.0) == "mưa nhỏ"  # type: ignore[arg-type]
