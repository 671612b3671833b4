"""Input a careless or hostile visitor sends gives a 4xx and one warning line, never a 500 or
a traceback (issue 12, item 8)."""

from __future__ import annotations

import logging

import httpx
import pytest

from bot.dashboard.auth import COOKIE
from tests.bot.dashboard.dash_helpers import login


def no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not bad, [r.getMessage() for r in bad]


@pytest.mark.parametrize(
    "query",
    [
        "to=0001-01-01",
        "from=0001-01-01&to=0001-01-02",
        "to=9999-12-31",
        "from=9999-12-30&to=9999-12-31",
        "from=01/01/0001",
        "to=2026-02-30",
        "from=2026-13-01",
    ],
)
async def test_extreme_dates_are_a_400(client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, query: str) -> None:
    await login(client, "canbo")
    for path in ("/", "/bulletins", "/questions", "/hamlet/NGAIHOI1", "/export/report.xlsx", "/export/hamlets.csv"):
        response = await client.get(f"{path}?{query}")
        assert response.status_code == 400, (path, query, response.status_code)
    no_tracebacks(caplog)
    assert any("(400)" in r.getMessage() for r in caplog.records)


async def test_huge_ids_are_a_4xx(client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    await login(client, "canbo")
    for bid in ("99999999999999999999", "9223372036854775808", "-99999999999999999999", "1" * 5000):
        assert (await client.get(f"/bulletins/{bid}")).status_code in (400, 404), bid
    page = await client.get("/teach")
    token = page.cookies.get("csrf") or ""
    form = {"csrf": token, "topic": "team.contact", "hamlet": "NGAIHOI1", "active": "0"}
    for path in ("/questions/{}/teach", "/questions/{}/draft", "/changes/{}/undo", "/groups/{}/hamlet",
                 "/people/accounts/{}/active"):  # fmt: skip
        for bid in ("99999999999999999999", "1" * 5000):
            response = await client.post(path.format(bid), data=form)
            assert response.status_code in (400, 403, 404), (path, bid, response.status_code)
    no_tracebacks(caplog)


async def test_non_ascii_cookie_and_csrf(client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    page = await client.get("/", headers={"cookie": f"{COOKIE}=ñandú.ñandú".encode()})
    assert page.status_code in (303, 401)  # no session: off to the login page
    await client.get("/login")
    wrong = await client.post("/login", data={"csrf": "ñandú", "username": "canbo", "password": "x" * 10})
    assert wrong.status_code == 403
    no_tracebacks(caplog)
    # raw latin-1 bytes in the cookie header, as a hostile client would send them
    raw = await client.get("/", headers={"cookie": f"{COOKIE}=\xe9\xe9.\xe9".encode("latin-1")})
    assert raw.status_code in (303, 401)
    no_tracebacks(caplog)
    assert any("unreadable session cookie" in r.getMessage() for r in caplog.records)
