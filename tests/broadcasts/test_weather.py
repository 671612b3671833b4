"""Weather from a fake Open-Meteo over 127.0.0.1: one request, retries, and the leaders told when down."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.adapters.base import SendResult, SendStatus
from bot.config import Config
from bot.model import Outbound, Platform
from bot.store.readings import Forecast
from bot.wiring import build_runtime
from broadcasts.compose import weather_texts
from broadcasts.fire import fire
from broadcasts.schedule import ScheduleDef
from broadcasts.sources.weather import DAILY, WeatherDown, fetch_forecasts
from tests.broadcasts.helpers import add_groups, deliveries
from tests.conftest import sample_config
from tests.fakes.open_meteo import FakeOpenMeteo
from tests.fakes.telegram_api import serve

TODAY = date(2026, 11, 25)
RUN_AT = datetime(2026, 11, 24, 22, 30)  # 05:30 on the 25th in Asia/Ho_Chi_Minh


@pytest.fixture
async def meteo() -> AsyncIterator[FakeOpenMeteo]:
    fake = FakeOpenMeteo(start=TODAY)
    async with serve(fake.app()) as port:
        fake.port = port
        yield fake


@pytest.fixture
def wconfig(tmp_path: Path, meteo: FakeOpenMeteo) -> Config:
    return sample_config(tmp_path, sources={"weather": {"base_url": meteo.url, "timeout": 0.5, "retries": 2}})


class Recorder:
    platform = Platform.TELEGRAM

    def __init__(self) -> None:
        self.sent: list[Outbound] = []

    async def send(self, out: Outbound) -> SendResult:
        self.sent.append(out)
        return SendResult(SendStatus.SENT, (1,))


async def test_one_request_for_all_hamlets(wconfig: Config, meteo: FakeOpenMeteo) -> None:
    forecasts = await fetch_forecasts(wconfig, backoff_s=0)
    assert len(meteo.requests) == 1
    params = meteo.requests[0]
    assert params["timezone"] == "Asia/Ho_Chi_Minh"
    assert params["daily"].split(",") == list(DAILY)
    assert len(params["latitude"].split(",")) == len(wconfig.all_hamlets()) == len(forecasts)
    day = forecasts["PHUHUU"][1]
    assert (day.weather_code, day.thunderstorm, day.heavy_rain, day.rain_prob) == (95, True, True, 90)


@pytest.mark.parametrize("failures", [["500", "500"], ["bad_json"], ["slow", "bad_shape"]])
async def test_transient_failures_are_retried(wconfig: Config, meteo: FakeOpenMeteo, failures: list[str]) -> None:
    meteo.plan = list(failures)
    forecasts = await fetch_forecasts(wconfig, backoff_s=0)
    assert len(meteo.requests) == len(failures) + 1
    assert set(forecasts) == {h.code for h in wconfig.all_hamlets()}


async def test_stays_down_raises(wconfig: Config, meteo: FakeOpenMeteo) -> None:
    meteo.plan = ["500"] * 3
    with pytest.raises(WeatherDown, match="HTTP 503"):
        await fetch_forecasts(wconfig, backoff_s=0)
    assert len(meteo.requests) == 3  # 1 + retries


async def test_unit_parse_with_mock_transport(wconfig: Config) -> None:
    """Pure unit check of a single-location answer (an object, not a list)."""
    one = wconfig.model_copy(
        update={"communes": [wconfig.communes[0].model_copy(update={"hamlets": wconfig.communes[0].hamlets[:1]})]}
    )
    fake = FakeOpenMeteo(start=TODAY)
    body = fake._location(9.7, 106.0)
    transport = httpx.MockTransport(lambda req: httpx.Response(200, json=body))
    async with httpx.AsyncClient(transport=transport) as client:
        forecasts = await fetch_forecasts(one, client, backoff_s=0)
    assert list(forecasts) == ["NGAIHOI1"]


async def test_weather_bulletin_rendered_and_queued(wconfig: Config, store, meteo: FakeOpenMeteo) -> None:  # type: ignore[no-untyped-def]
    rt = build_runtime(wconfig, store=store)
    await rt.open()
    await add_groups(rt, [-1], "NGAIHOI1")
    await add_groups(rt, [-2], "PHUHUU")
    defn = ScheduleDef("weather-daily", "weather", "30 5 * * *", "commune:DAINGAI")
    async with httpx.AsyncClient() as client:
        fired = await fire(rt, defn, RUN_AT, client=client)
    assert fired.outcome == "queued" and fired.targets == 2
    rows = await deliveries(rt, fired.bulletin_id)
    text = next(r.text for r in rows if r.group_id)
    assert "Hôm nay: nhiều mây, trời âm u" in text
    assert "Ngày mai: có dông" in text and "Cảnh báo" in text and "mưa to" in text
    assert "Dữ liệu thời tiết: Open-Meteo.com" in text
    async with rt.store.session() as s:
        assert len((await s.execute(select(Forecast))).scalars().all()) == 3 * len(wconfig.all_hamlets())


async def test_source_down_tells_leaders_and_sends_nothing(
    wconfig: Config, store, meteo: FakeOpenMeteo, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    rt = build_runtime(wconfig, store=store)
    await rt.open()
    await add_groups(rt, [-1], "NGAIHOI1")
    recorder = Recorder()
    rt.senders[Platform.TELEGRAM] = recorder
    meteo.plan = ["500"] * 10
    defn = ScheduleDef("weather-daily", "weather", "30 5 * * *", "all")
    monkeypatch.setattr("broadcasts.sources.weather.BACKOFF_BASE_S", 0.0)
    fired = await fire(rt, defn, RUN_AT)
    assert fired.outcome == "source_down"
    assert await deliveries(rt) == []
    leaders = {o.chat.id for o in recorder.sent}
    assert leaders == {2001, 3001}  # the telegram leader and official in config.yaml
    assert "thời tiết" in recorder.sent[0].text


def test_quiet_day_has_no_warning(config: Config) -> None:
    from bot.texts import default_texts
    from broadcasts.sources.weather import DayForecast

    days = {"NGAIHOI1": [DayForecast(TODAY, 1, 33.0, 25.0, 0.0, 5)]}
    text = weather_texts(config, default_texts(), days, TODAY)["NGAIHOI1"]
    assert "Cảnh báo" not in text and "Hôm nay: ít mây" in text and "25–33°C" in text
