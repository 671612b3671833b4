"""Live answers through the real dispatcher and store: weather for the day asked, old salinity readings."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.faq.live import _local
from bot.model import ChatKind, ChatRef, InboundMessage, Outbound, Platform, UserRef, parse_command
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import ensure_group
from bot.store.readings import Forecast, SalinityReading
from bot.wiring import build_runtime
from tests.conftest import sample_config

GROUP = ChatRef(Platform.TELEGRAM, -1001234599, ChatKind.GROUP, "Nhóm Ấp Ngãi Hội 1")
RESIDENT = UserRef(Platform.TELEGRAM, 5002, "Bà Tư")
TEAM_PHONE = "0901 234 501"  # the hamlet team's first phone in the sample config: the contacts block
_ids = itertools.count(1)


def message(text: str) -> InboundMessage:
    return InboundMessage(
        GROUP,
        RESIDENT,
        text,
        utcnow(),
        message_id=next(_ids),
        mentions_bot=True,
        command=parse_command(text, "loaso"),
    )


async def ask(rt: Runtime, text: str) -> str:
    outs: list[Outbound] = await rt.dispatcher.feed(message(text))
    assert len(outs) == 1, (text, outs)
    return outs[0].text


async def setup_group(rt: Runtime) -> None:
    async with rt.store.session() as s:
        g = await ensure_group(s, GROUP, utcnow())
        g.hamlet_code, g.bot_is_admin = "NGAIHOI1", True


def dm(d: date) -> str:
    return d.strftime("%d/%m")


async def store_week(rt: Runtime, today: date, days: int = 7) -> None:
    """Forecasts from today on; day +2 has thunderstorms, the others showers or clouds."""
    async with rt.store.session() as s:
        for k in range(days):
            code, rain = (95, 30.0) if k == 2 else ((81, 12.5) if k % 2 else (3, 0.0))
            data = {"weather_code": code, "t_max": 33.0 + k, "t_min": 25.0, "rain_mm": rain, "rain_prob": 10 * k}
            s.add(Forecast(hamlet_code="NGAIHOI1", day=today + timedelta(days=k), data=data, fetched_at=utcnow()))


async def test_weather_answers_the_day_asked_without_contacts(runtime: Runtime) -> None:
    await setup_group(runtime)
    today = _local(utcnow(), runtime.config.tz).date()
    await store_week(runtime, today)
    # the weekend asked about: this Saturday and Sunday; on a Sunday, today (Vietnam's date: past 17:00 UTC on a
    # Saturday it is already Sunday there)
    saturday = today if today.weekday() == 6 else today + timedelta(days=(5 - today.weekday()) % 7)

    text = await ask(runtime, "thời tiết hôm nay sao")
    assert f"hôm nay ({dm(today)})" in text and "Open-Meteo" in text
    assert TEAM_PHONE not in text and "Tổ công nghệ số" not in text

    text = await ask(runtime, "ngày mốt trời có mưa không")
    assert f"ngày mốt ({dm(today + timedelta(days=2))})" in text and "dông" in text
    assert "Cảnh báo: có dông, sấm sét" in text and "tránh trú dưới cây cao" in text  # the bulletin's line
    assert TEAM_PHONE not in text

    text = await ask(runtime, "mốt có mưa hông")
    assert dm(today + timedelta(days=2)) in text

    text = await ask(runtime, "tối nay có mưa không")
    assert f"tối nay ({dm(today)})" in text and "cả ngày" in text and "Cảnh báo" not in text

    text = await ask(runtime, "mai co mua ko")
    assert f"ngày mai ({dm(today + timedelta(days=1))})" in text and "mưa rào" in text

    text = await ask(runtime, "cuối tuần thời tiết sao")
    assert "cuối tuần" in text and dm(saturday) in text
    if today.weekday() != 6:
        assert dm(saturday + timedelta(days=1)) in text

    text = await ask(runtime, "t7 cn có mưa không")
    assert dm(saturday) in text

    text = await ask(runtime, "tuần này có mưa nhiều không")
    assert "tuần này" in text and dm(today) in text and dm(today + timedelta(days=6 - today.weekday())) in text

    text = await ask(runtime, "hôm qua mưa bao nhiêu")
    assert "chỉ có dự báo" in text and "đã qua" in text and TEAM_PHONE not in text


async def test_weather_says_how_far_the_forecast_reaches(runtime: Runtime) -> None:
    await setup_group(runtime)
    today = _local(utcnow(), runtime.config.tz).date()
    text = await ask(runtime, "thời tiết hôm nay sao")
    assert "chưa có dự báo thời tiết hôm nay" in text and TEAM_PHONE not in text
    days = 1 if today.weekday() == 6 else 2  # on a Sunday, tomorrow is next week already
    await store_week(runtime, today, days=days)
    text = await ask(runtime, "thời tiết tuần sau sao")
    assert "chưa có dự báo thời tiết tuần sau" in text and f"tới ngày {dm(today + timedelta(days=days - 1))}" in text


async def store_reading(rt: Runtime, at: datetime, gl: float) -> None:
    async with rt.store.session() as s:
        s.add(SalinityReading(station="DAINGAI", at=at, grams_per_litre=gl, source="t", recorded_at=utcnow()))


async def test_old_salinity_reading_is_never_news(runtime: Runtime) -> None:
    await setup_group(runtime)
    measured = utcnow().replace(microsecond=0) - timedelta(days=2)
    await store_reading(runtime, measured, 0.6)
    text = await ask(runtime, "độ mặn hôm nay bao nhiêu")
    local = _local(measured, runtime.config.tz)
    assert "vừa đo" not in text and "chưa có số đo mới" in text and "hơn 1 ngày" in text
    assert f"đo lúc {local.strftime('%H:%M ngày %d/%m')}" in text  # local time, not UTC
    assert "uống" in text and "dùng được cho mọi việc" not in text  # low band: not "safe to drink"

    await store_reading(runtime, utcnow().replace(microsecond=0) - timedelta(hours=3), 1.4)
    text = await ask(runtime, "nuoc man chua")
    assert "1,4 g/l" in text and "chưa có số đo mới" not in text and "hơn 1 ngày" not in text
    assert "không dùng làm nước uống" in text


async def test_police_contact_from_config_or_113(runtime: Runtime, tmp_path: Path) -> None:
    await setup_group(runtime)
    text = await ask(runtime, "ai có số điện thoại công an xã")
    assert "chưa có số điện thoại Công an xã/phường (Xã Đại Ngãi)" in text
    assert "Bộ phận một cửa UBND xã Đại Ngãi (0299 3855 123)" in text and "113" in text
    assert "ngân hàng" not in text  # not the "if you transferred money" scam answer

    communes = [c.model_dump() for c in runtime.config.communes]
    communes[0]["police"] = "Công an xã Đại Ngãi, cạnh chợ Đại Ngãi (0299 3855 113)"
    rt = build_runtime(sample_config(tmp_path, communes=communes))
    await rt.open()
    try:
        await setup_group(rt)
        text = await ask(rt, "cho tui xin số công an xã mình")
        assert "Công an xã Đại Ngãi, cạnh chợ Đại Ngãi (0299 3855 113)" in text and "113" in text
    finally:
        await rt.close()
