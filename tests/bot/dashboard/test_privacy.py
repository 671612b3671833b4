"""With privacy.hide_names, no resident's name appears on a page or in an export."""

from __future__ import annotations

import httpx
import pytest

from bot.stats.sample import END, START, sample_config
from tests.bot.dashboard.dash_helpers import login

RANGE = f"from={START}&to={END}"


@pytest.fixture
def dash_config():  # type: ignore[no-untyped-def]
    return sample_config(privacy={"hide_names": True})


async def test_names_hidden_by_config(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    page = (await client.get(f"/questions?{RANGE}&kind=all")).text
    assert "Quên mật khẩu VNeID" in page
    for name in ("Cô Tư", "Chú Bảy", "Anh Năm", "Chị Sáu", "Người hỏi"):
        assert name not in page
    body = (await client.get(f"/export/questions.csv?{RANGE}")).content.decode("utf-8-sig")
    assert "Chị Sáu" not in body and "(ẩn)" in body
