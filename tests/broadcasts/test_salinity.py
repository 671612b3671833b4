"""Salinity: parsing what people type, bands, and one alert per upward crossing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.runtime import Runtime
from broadcasts.sources.salinity import ReadingError, find_station, parse_feed, parse_gl, record_reading
from tests.broadcasts.helpers import add_groups, deliveries

T0 = datetime(2026, 3, 1, 0, 0)


@pytest.mark.parametrize(
    ("text", "value"), [("1,5", 1.5), ("1.5", 1.5), (" 2 ", 2.0), ("0,8g/l", 0.8), ("4‰", 4.0), ("3 G/L", 3.0)]
)
def test_parse_gl_accepts_comma_and_point(text: str, value: float) -> None:
    assert parse_gl(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,5,2", "-1", "99"])
def test_parse_gl_refuses_nonsense(text: str) -> None:
    with pytest.raises(ReadingError):
        parse_gl(text)


def test_station_by_code_or_name_without_diacritics(config) -> None:  # type: ignore[no-untyped-def]
    for text in ("TRANDE", "Trần Đề", "tran de", "TRẦN ĐỀ", "Tra\u0300n \u0110e\u0300"):
        st = find_station(config, text)
        assert st is not None and st.code == "TRANDE", text
    assert find_station(config, "Cần Thơ") is None


async def test_alert_once_per_upward_crossing(runtime: Runtime) -> None:
    await add_groups(runtime, [-1], "NGAIHOI1")  # takes water at DAINGAI
    await add_groups(runtime, [-2], "PHUHUU")  # at PHUNGAN: never alerted here
    series = [0.5, 1.2, 1.5, 1.8, 2.5, 0.8, 1.1, 4.2, 4.5]
    alerts = []
    for i, gl in enumerate(series):
        async with runtime.store.session() as s:
            rec = await record_reading(
                s,
                runtime.config,
                runtime.texts,
                station="DAINGAI",
                at=T0 + timedelta(hours=i),
                grams_per_litre=gl,
                source="test",
                now=T0 + timedelta(hours=i, minutes=5),
            )
        alerts.append(bool(rec.alert and rec.alert.created))
    #          0.5    1.2   1.5    1.8    2.5   0.8    1.1   4.2   4.5
    assert alerts == [False, True, False, False, True, False, True, True, False]
    rows = await deliveries(runtime)
    assert {r.group_id for r in rows} == {rows[0].group_id} and len(rows) == 4
    assert "CẢNH BÁO ĐỘ MẶN" in rows[-1].text and "4,2 g/l" in rows[-1].text
    assert "KHÔNG lấy nước vào ruộng" in rows[-1].text


async def test_late_older_reading_does_not_alert(runtime: Runtime) -> None:
    await add_groups(runtime, [-1], "NGAIHOI1")
    async with runtime.store.session() as s:
        await record_reading(
            s, runtime.config, runtime.texts, station="DAINGAI", at=T0, grams_per_litre=0.5, source="t", now=T0
        )
        rec = await record_reading(
            s,
            runtime.config,
            runtime.texts,
            station="DAINGAI",
            at=T0 - timedelta(hours=6),
            grams_per_litre=3.0,
            source="t",
            now=T0,
        )
    assert rec.alert is None
    assert await deliveries(runtime) == []


async def test_unknown_station_is_refused(runtime: Runtime) -> None:
    async with runtime.store.session() as s:
        with pytest.raises(ReadingError, match="unknown station"):
            await record_reading(s, runtime.config, runtime.texts, station="NOPE", at=T0, grams_per_litre=1, source="t")


def test_feed_csv_and_json_keep_good_rows_and_name_bad_ones(config) -> None:  # type: ignore[no-untyped-def]
    csv_body = 'station,at,g_l\nTrần Đề,2026-03-01T07:00,"1,5"\nNOPE,2026-03-01T07:00,1\nLONGPHU,yesterday,2\n'
    good, bad = parse_feed(csv_body, "csv", config)
    assert [(r.station, r.at, r.grams_per_litre) for r in good] == [("TRANDE", datetime(2026, 3, 1, 0, 0), 1.5)]
    assert len(bad) == 2 and bad[0].startswith("row 2") and "NOPE" in bad[0]
    json_body = '{"readings": [{"station": "DAINGAI", "at": "2026-03-01T07:00:00+07:00", "g_l": 2.1}, 5]}'
    good, bad = parse_feed(json_body, "json", config)
    assert [(r.station, r.grams_per_litre) for r in good] == [("DAINGAI", 2.1)] and len(bad) == 1


async def test_corrected_reading_to_a_higher_band_alerts_again(runtime: Runtime) -> None:
    await add_groups(runtime, [-1], "NGAIHOI1")
    created = []
    for gl in (1.2, 4.2):  # the same reading time, corrected upward
        async with runtime.store.session() as s:
            rec = await record_reading(
                s, runtime.config, runtime.texts, station="DAINGAI", at=T0, grams_per_litre=gl, source="t", now=T0
            )
        created.append(bool(rec.alert and rec.alert.created))
    assert created == [True, True]
    rows = await deliveries(runtime)
    assert len(rows) == 2 and "4,2 g/l" in rows[-1].text


async def test_reading_older_than_a_day_is_stored_but_never_alerts(runtime: Runtime) -> None:
    """A backfilled or late-typed reading (here 2 days old, band 3) warns no one and leaves the
    band state alone, so the next fresh reading in that band still alerts."""
    await add_groups(runtime, [-1], "NGAIHOI1")
    now = T0 + timedelta(days=2)
    async with runtime.store.session() as s:
        old = await record_reading(
            s, runtime.config, runtime.texts, station="DAINGAI", at=T0, grams_per_litre=5.0, source="t", now=now
        )
        edge = await record_reading(
            s,
            runtime.config,
            runtime.texts,
            station="DAINGAI",
            at=now - timedelta(days=1, minutes=1),
            grams_per_litre=4.5,
            source="t",
            now=now,
        )
    assert (old.stale, old.alert, old.band) == (True, None, 3)
    assert (edge.stale, edge.alert) == (True, None)
    assert await deliveries(runtime) == []
    async with runtime.store.session() as s:
        fresh = await record_reading(
            s,
            runtime.config,
            runtime.texts,
            station="DAINGAI",
            at=now - timedelta(hours=23),
            grams_per_litre=4.2,
            source="t",
            now=now,
        )
    assert not fresh.stale and fresh.alert is not None and fresh.alert.created
    (row,) = await deliveries(runtime)
    assert "4,2 g/l" in row.text and "vừa đo" in row.text


async def test_old_feed_rows_raise_no_alert(runtime: Runtime) -> None:
    """A feed that returns last week's rows (a source catching up) records them silently."""
    await add_groups(runtime, [-1], "NGAIHOI1")
    body = "station,at,g_l\nDAINGAI,2026-03-01T07:00,1.5\nDAINGAI,2026-03-01T19:00,4.8\n"
    rows, problems = parse_feed(body, "csv", runtime.config)
    assert not problems and len(rows) == 2
    async with runtime.store.session() as s:
        recs = [
            await record_reading(
                s,
                runtime.config,
                runtime.texts,
                station=r.station,
                at=r.at,
                grams_per_litre=r.grams_per_litre,
                source="url",
                now=datetime(2026, 3, 4, 0, 0),
            )
            for r in rows
        ]
    assert [r.stale for r in recs] == [True, True] and all(r.alert is None for r in recs)
    assert await deliveries(runtime) == []
