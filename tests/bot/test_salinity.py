from __future__ import annotations

import math

import pytest

from bot.salinity import Band, band_for


@pytest.mark.parametrize(
    ("gl", "band"),
    [
        (0.0, Band.SAFE),
        (0.99, Band.SAFE),
        (1.0, Band.NO_DRINKING),
        (1.9, Band.NO_DRINKING),
        (2.0, Band.RICE_SUFFERS),
        (3.99, Band.RICE_SUFFERS),
        (4.0, Band.NO_IRRIGATION),
        (12.5, Band.NO_IRRIGATION),
    ],
)
def test_bands(gl: float, band: Band) -> None:
    assert band_for(gl) is band


@pytest.mark.parametrize("bad", [-0.1, math.nan, math.inf])
def test_impossible_readings_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="salinity"):
        band_for(bad)
