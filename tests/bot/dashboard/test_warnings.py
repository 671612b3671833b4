"""The overview counts scam warnings per hamlet and type, never showing the flagged text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import httpx

from bot.runtime import Runtime
from bot.stats.sample import END, START
from bot.store import safety as safety_store
from tests.bot.dashboard.dash_helpers import login

RANGE = f"from={START}&to={END}"


async def _flag(rt: Runtime, at: datetime, hamlet: str, verdict: str, kind: str | None) -> None:
    async with rt.store.session() as s:
        await safety_store.record_flag(
            s,
            at=at,
            platform="telegram",
            group_id=None,
            person_id=None,
            hamlet_code=hamlet,
            verdict=verdict,
            kind=kind,
            reasons=["x"],
            action="warned",
            message_id=None,
            text="BÍ MẬT: nội dung tin bị cảnh báo",
        )


async def test_overview_counts_warnings(client: httpx.AsyncClient, dash_runtime: Runtime) -> None:
    at = datetime.combine(date.fromisoformat(END), time(3, 0)) - timedelta(days=1)
    await _flag(dash_runtime, at, "PHUHUU", "scam", "bank")
    await _flag(dash_runtime, at, "PHUHUU", "scam", "bank")
    await _flag(dash_runtime, at, "PHUHUU", "suspicious", None)
    await _flag(dash_runtime, at, "NGAIHOI1", "flood", "links")
    await _flag(dash_runtime, at - timedelta(days=400), "PHUHUU", "scam", "police")  # outside the range
    await login(client, "totruong")
    page = (await client.get(f"/?{RANGE}")).text
    assert "Cảnh báo lừa đảo trong nhóm" in page
    assert "<td>Ấp Phú Hữu</td><td>2</td><td>1</td><td>0</td><td>tin của ngân hàng (2)</td>" in page
    assert "<td>Ấp Ngãi Hội 1</td><td>0</td><td>0</td><td>1</td>" in page
    assert "tin của công an" not in page
    assert "BÍ MẬT" not in page  # counts only: the flagged text is for /canhbao, not the dashboard
