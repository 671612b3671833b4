"""The SVG charts: well-formed XML, scaled to round numbers, labels escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bot.dashboard.charts import HEIGHT, PAD_BOTTOM, PAD_TOP, bar_chart, line_chart, nice_max, scale

NS = "{http://www.w3.org/2000/svg}"


def test_nice_max() -> None:
    assert [nice_max(v) for v in (0, 0.3, 1, 7, 12, 230, 1000, 1001)] == [1, 0.5, 1, 10, 20, 500, 1000, 2000]


def test_grid_lines_are_round_numbers() -> None:
    assert scale([1, 2]) == (5, 5)  # counts: 0, 1, 2, 3, 4, 5
    assert scale([17]) == (20, 4)  # 0, 5, 10, 15, 20
    assert scale([230]) == (500, 5)  # 0, 100, …
    assert scale([0.3, 0.1]) == (0.5, 5)  # percentages may be fractions
    assert scale([]) == (5, 5)


def test_bar_chart_heights_and_escaping() -> None:
    svg = bar_chart("Tin <nhắn>", ["a&b", "c"], [[10, 5], [0, 20]], ["Vào", "Rời"])
    root = ET.fromstring(svg)
    assert root.find(f"{NS}title").text == "Tin <nhắn>"
    bars = [r for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is not None]
    heights = [float(r.get("height")) for r in bars]
    plot = HEIGHT - PAD_TOP - PAD_BOTTOM
    assert heights == [plot * 10 / 20, plot * 5 / 20, 0.0, plot]
    assert bars[0].find(f"{NS}title").text == "a&b: 10"


def test_line_chart_points() -> None:
    root = ET.fromstring(line_chart("Thành viên", ["t1", "t2", "t3"], [[1, 2, 3]]))
    assert len(list(root.iter(f"{NS}circle"))) == 3
    assert len(list(root.iter(f"{NS}polyline"))) == 1
    empty = ET.fromstring(line_chart("Không có", [], [[]]))
    assert list(empty.iter(f"{NS}circle")) == []


def test_units_on_both_axes_and_every_other_label_marked_for_phones() -> None:
    svg = bar_chart(
        "Độ phủ", [f"Ấp {i}" for i in range(8)], [[10, 20, 30, 40, 50, 60, 70, 80]], unit="% số hộ", x_unit="ấp"
    )
    root = ET.fromstring(svg)
    units = [t.text for t in root.iter(f"{NS}text") if t.get("class") == "unit"]
    assert units == ["% số hộ", "ấp"]
    x_labels = [t for t in root.iter(f"{NS}text") if (t.text or "").startswith("Ấp ")]
    assert [t.get("class") for t in x_labels] == [None, "odd"] * 4
    few = ET.fromstring(bar_chart("Độ phủ", ["Ấp A", "Ấp B"], [[1, 2]]))
    assert all(t.get("class") is None for t in few.iter(f"{NS}text") if (t.text or "").startswith("Ấp "))
