"""Band changes of salinity readings; the bands themselves are ``bot.salinity.band_for``.

< 1 g/l safe; ≥ 1 not for drinking water, fruit trees, vegetables; ≥ 2 rice suffers;
≥ 4 do not take water into the fields.
"""

from __future__ import annotations

from bot.salinity import Band, band_for

__all__ = ["Band", "band_for", "crossed_upward"]


def crossed_upward(previous: int | None, current: int) -> bool:
    """An alert is due only when the band rises; no previous band counts as safe."""
    return current > (previous if previous is not None else Band.SAFE)
