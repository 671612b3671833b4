"""Salinity bands used in every message (design notes, "Data sources"), as a pure function.

Thresholds in g/l (= ‰), from the Mekong delta's agricultural advisories:
< 1 safe; ≥ 1 not for drinking water, fruit trees, vegetables; ≥ 2 rice suffers;
≥ 4 do not take water into the fields.
"""

from __future__ import annotations

SAFE, NO_DRINKING, RICE_SUFFERS, NO_IRRIGATION = 0, 1, 2, 3
# (lower bound in g/l, band), highest first
THRESHOLDS_G_PER_L: tuple[tuple[float, int], ...] = ((4.0, NO_IRRIGATION), (2.0, RICE_SUFFERS), (1.0, NO_DRINKING))


def band_for(grams_per_litre: float) -> int:
    """0 safe, 1 ≥ 1 g/l, 2 ≥ 2 g/l, 3 ≥ 4 g/l."""
    for bound, band in THRESHOLDS_G_PER_L:
        if grams_per_litre >= bound:
            return band
    return SAFE


def crossed_upward(previous: int | None, current: int) -> bool:
    """An alert is due only when the band rises; no previous band counts as safe."""
    return current > (previous if previous is not None else SAFE)
