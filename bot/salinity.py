"""Salinity bands: what a reading in g/l (= ‰) means for drinking water, gardens, rice, fields.

One pure function shared by the FAQ answer and the salinity bulletin, so residents never
read two different pieces of advice for the same number. Thresholds are from the
provinces' bulletins: < 1 g/l safe; ≥ 1 not for drinking water, fruit trees, vegetables;
≥ 2 rice suffers; ≥ 4 do not take irrigation water.

A reading is *fresh* for one day after it was measured. An older one is still shown (with
the local time it was measured, never as "vừa đo"), but it never raises an alert: water
that was salty two days ago says nothing certain about the water at the sluice now.
"""

from __future__ import annotations

import enum
import math
from datetime import datetime, timedelta


class Band(enum.IntEnum):
    SAFE = 0  # < 1 g/l
    NO_DRINKING = 1  # ≥ 1 g/l: not for drinking water, fruit trees, vegetables
    RICE_SUFFERS = 2  # ≥ 2 g/l
    NO_IRRIGATION = 3  # ≥ 4 g/l: do not take water into the fields


# Lower bound (g/l) of each band, highest first.
THRESHOLDS: tuple[tuple[float, Band], ...] = (
    (4.0, Band.NO_IRRIGATION),
    (2.0, Band.RICE_SUFFERS),
    (1.0, Band.NO_DRINKING),
)


def band_for(grams_per_litre: float) -> Band:
    """The band a reading falls in; raises ValueError for a negative or non-finite reading."""
    if not math.isfinite(grams_per_litre) or grams_per_litre < 0:
        raise ValueError(f"salinity must be a finite number ≥ 0 g/l, got {grams_per_litre!r}")
    for bound, band in THRESHOLDS:
        if grams_per_litre >= bound:
            return band
    return Band.SAFE


FRESH_FOR = timedelta(days=1)  # a reading measured longer ago than this is old news


def is_stale(measured_at: datetime, now: datetime) -> bool:
    """True when the reading (both times naive UTC) was measured more than ``FRESH_FOR`` ago."""
    return now - measured_at > FRESH_FOR
