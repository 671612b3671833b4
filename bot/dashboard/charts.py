"""Small SVG charts drawn on the server: fast on a cheap phone, crisp on paper, no JavaScript.

Every label is escaped; sizes are in SVG user units and the chart scales to its box
(``viewBox`` + ``width=100%``). Each chart carries a <title> for screen readers, and says
its unit on both axes. On a phone (390 px) the chart is drawn at about half size: the
dashboard's CSS then doubles the type and hides every other label (class ``odd``), so
labels stay about 12 px high instead of 5.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT = 640, 240
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 60, 12, 32, 48
PHONE_LABELS = 6  # at most this many x labels stay on a phone (the CSS hides those marked odd)
COLOURS = ("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a")
MAX_X_LABELS = 12


def nice_max(value: float) -> float:
    """The smallest 1/2/5×10^n at or above value, so the grid lines fall on round numbers."""
    if value <= 0:
        return 1
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * exp >= value:
            return step * exp
    return 10 * exp


def scale(values: Sequence[float]) -> tuple[float, int]:
    """(top of the axis, number of grid intervals) so that every grid line is a round number.

    Whole-number data (counts) get at least 0..5, so no line is labelled 0,5 messages.
    """
    top = nice_max(max(values, default=0))
    if all(float(v).is_integer() for v in values):
        top = max(top, 5)
    leading = round(top / 10 ** math.floor(math.log10(top)))
    return top, 5 if leading in (1, 5) else 4


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{value:,.0f}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def _frame(
    title: str,
    top: float,
    ticks: int,
    labels: Sequence[str],
    body: list[str],
    legend: Sequence[str] = (),
    unit: str = "",
    x_unit: str = "",
) -> str:
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
    ]
    for i in range(ticks + 1):
        value = top * i / ticks
        y = PAD_TOP + plot_h - plot_h * i / ticks
        parts.append(f'<line x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        odd = ' class="odd"' if i % 2 else ""
        parts.append(
            f'<text x="{PAD_LEFT - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end"{odd}>'
            f"{escape(_fmt(value))}</text>"
        )
    if unit:
        parts.append(f'<text x="{PAD_LEFT + 4}" y="20" font-size="11" class="unit">{escape(unit)}</text>')
    n = len(labels)
    every = max(1, math.ceil(n / MAX_X_LABELS))
    shown_labels = range(0, n, every)
    thin = len(shown_labels) > PHONE_LABELS  # few labels (hamlets): all stay
    for shown, i in enumerate(shown_labels):
        x = PAD_LEFT + plot_w * (i + 0.5) / max(n, 1)
        odd = ' class="odd"' if thin and shown % 2 else ""
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - PAD_BOTTOM + 18}" font-size="11" text-anchor="middle"{odd}>'
            f"{escape(labels[i])}</text>"
        )
    if x_unit:
        parts.append(
            f'<text x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 4}" font-size="11" text-anchor="end" class="unit">'
            f"{escape(x_unit)}</text>"
        )
    parts.extend(body)
    x = PAD_LEFT
    for i, name in enumerate(legend):
        if i:
            x += 30 + 12 * len(legend[i - 1])  # room for the name at phone size (22 units a letter-height)
        parts.append(f'<rect x="{x}" y="{HEIGHT - 14}" width="10" height="10" fill="{COLOURS[i % len(COLOURS)]}"/>')
        parts.append(f'<text x="{x + 14}" y="{HEIGHT - 5}" font-size="11">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[str] = (),
    unit: str = "",
    x_unit: str = "",
) -> str:
    """Grouped bars: one group per label, one bar per series; ``unit`` of the values, ``x_unit`` of the labels."""
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    top, ticks = scale([v for s in series for v in s])
    n, k = len(labels), max(len(series), 1)
    slot = plot_w / max(n, 1)
    bar = slot * 0.8 / k
    body = []
    for si, values in enumerate(series):
        colour = COLOURS[si % len(COLOURS)]
        for i, value in enumerate(values):
            h = plot_h * value / top
            x = PAD_LEFT + slot * i + slot * 0.1 + bar * si
            y = PAD_TOP + plot_h - h
            label = f"{labels[i]}: {_fmt(value)}"
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(bar - 1, 1):.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(label)}</title></rect>"
            )
    return _frame(title, top, ticks, labels, body, names, unit, x_unit)


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[str] = (),
    unit: str = "",
    x_unit: str = "",
) -> str:
    """Lines with a dot per point; for trends over days or weeks."""
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    top, ticks = scale([v for s in series for v in s])
    n = len(labels)
    body = []
    for si, values in enumerate(series):
        colour = COLOURS[si % len(COLOURS)]
        points = [
            (PAD_LEFT + plot_w * (i + 0.5) / max(n, 1), PAD_TOP + plot_h - plot_h * v / top)
            for i, v in enumerate(values)
        ]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for (x, y), value, label in zip(points, values, labels, strict=False):
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                f"<title>{escape(label)}: {escape(_fmt(value))}</title></circle>"
            )
    return _frame(title, top, ticks, labels, body, names, unit, x_unit)
