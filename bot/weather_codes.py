"""WMO weather interpretation codes (as Open-Meteo's ``weather_code``) in plain Vietnamese.

A pure table shared by the FAQ's "thời tiết hôm nay" answer and the weather bulletin.
Source: WMO code table 4677 as documented by Open-Meteo (codes 0–99 it uses).
"""

from __future__ import annotations

WMO_VI: dict[int, str] = {
    0: "trời quang, nắng",
    1: "ít mây",
    2: "có mây",
    3: "nhiều mây, trời âm u",
    45: "có sương mù",
    48: "sương mù đọng",
    51: "mưa phùn nhẹ",
    53: "mưa phùn",
    55: "mưa phùn dày",
    56: "mưa phùn lạnh",
    57: "mưa phùn lạnh dày",
    61: "mưa nhỏ",
    63: "mưa vừa",
    65: "mưa to",
    66: "mưa lạnh",
    67: "mưa lạnh to",
    71: "tuyết rơi nhẹ",
    73: "tuyết rơi",
    75: "tuyết rơi dày",
    77: "mưa tuyết hạt",
    80: "mưa rào nhẹ",
    81: "mưa rào",
    82: "mưa rào rất to",
    85: "mưa tuyết rào",
    86: "mưa tuyết rào to",
    95: "có dông",
    96: "dông kèm mưa đá nhỏ",
    99: "dông kèm mưa đá",
}

UNKNOWN = "chưa rõ"


def describe(code: int | None) -> str:
    """Vietnamese words for a WMO code; 'chưa rõ' for a missing or unknown code."""
    if code is None:
        return UNKNOWN
    try:
        return WMO_VI.get(int(code), UNKNOWN)
    except (TypeError, ValueError):
        return UNKNOWN
