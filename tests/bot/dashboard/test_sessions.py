"""Sessions end on the server: logging out, a new password or a removed account make a saved
cookie worthless at once (issue 12, item 9). Login failures survive a restart (item 7)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import yaml
from click.testing import CliRunner

from bot.cli import main
from bot.dashboard import dashboard_routes
from bot.dashboard.auth import COOKIE, LoginLimiter
from bot.runtime import Runtime
from bot.stats.sample import CONFIG
from bot.web import build_app
from tests.bot.dashboard.dash_helpers import csrf_of, login


async def still_opens(client: httpx.AsyncClient, cookie: str) -> bool:
    client.cookies.set(COOKIE, cookie)
    page, report = await client.get("/"), await client.get("/export/report.xlsx")
    assert (page.status_code == 200) == (report.status_code == 200)
    return page.status_code == 200


async def test_logout_ends_the_session_on_the_server(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    saved = client.cookies[COOKIE]
    assert await still_opens(client, saved)
    assert (await client.post("/logout", data={"csrf": await csrf_of(client, "/")})).status_code == 303
    assert not await still_opens(client, saved)  # a copy kept from before the logout opens nothing


async def cli(dash_runtime: Runtime, tmp_path: Path, *args: str, input: str | None = None) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({**CONFIG, "database": {"url": dash_runtime.store.url}}), encoding="utf-8")
    result = await asyncio.to_thread(CliRunner().invoke, main, ["--config", str(path), *args], input=input)
    assert result.exit_code == 0, result.output


async def test_new_password_and_removal_end_sessions(
    client: httpx.AsyncClient, dash_runtime: Runtime, tmp_path: Path
) -> None:
    await login(client, "canbo")
    canbo = client.cookies[COOKIE]
    client.cookies.clear()
    await login(client, "totruong")
    totruong = client.cookies[COOKIE]
    await cli(dash_runtime, tmp_path, "users", "passwd", "canbo", input="mat-khau-moi-2\n")
    assert not await still_opens(client, canbo)
    assert await still_opens(client, totruong)
    await cli(dash_runtime, tmp_path, "users", "remove", "totruong")
    assert not await still_opens(client, totruong)


async def test_login_failures_survive_a_restart(dash_runtime: Runtime) -> None:
    """A new process (a new app, a new limiter) still sees the failures counted before."""

    def app() -> httpx.AsyncClient:
        web = build_app(dash_runtime, dashboard_routes(dash_runtime))  # the default, database-backed limiter
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=web, client=("10.1.1.1", 1)), base_url="http://t")

    async with app() as first:
        for _ in range(5):
            assert (await login(first, "canbo", "sai-mat-khau")).status_code == 401
    async with app() as second:
        assert (await login(second, "canbo")).status_code == 429
    assert await LoginLimiter(dash_runtime.store).blocked("10.1.1.1", "canbo")
