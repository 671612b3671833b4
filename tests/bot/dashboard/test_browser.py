"""End to end in a real browser: headless Chromium (Debian's, never a downloaded one) logs in,
reads the overview's numbers, and downloads the Excel report.

Needs the Debian packages ``chromium`` and ``chromium-driver`` and pip ``selenium``;
skipped with the reason when any is missing.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.dashboard import dashboard_routes
from bot.dashboard.auth import hash_password
from bot.stats.sample import END, START, sample_config, seed_sample
from bot.store.accounts import add_account
from bot.store.db import Store, utcnow
from bot.store.schema import ensure_schema
from bot.web import build_app
from bot.wiring import build_runtime
from tests.bot.dashboard.dash_helpers import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists() and not shutil.which(Path(path).name):
            return f"{path} is missing: apt-get install -y chromium chromium-driver"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "pip package selenium is missing"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    url = f"sqlite+aiosqlite:///{tmp_path / 'e2e.db'}"

    async def seed() -> None:
        store = Store(url)
        await ensure_schema(store)
        await seed_sample(store)
        async with store.session() as s:
            await add_account(s, "totruong", hash_password(PASSWORD), "leader", "DAINGAI", utcnow())
        await store.close()

    asyncio.run(seed())
    port = _free_port()
    runtime = build_runtime(sample_config(), store=Store(url))
    app = build_app(runtime, dashboard_routes(runtime))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))

    async def serve() -> None:
        try:
            await srv.serve()
        finally:
            await runtime.close()

    thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_login_overview_and_xlsx_in_chromium(server: str, tmp_path: Path) -> None:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(30)
        driver.implicitly_wait(15)  # a click does not wait for the next page; a busy CI machine is slow
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        driver.get(f"{server}/?commune=DAINGAI&from={START}&to={END}")
        assert "/login" in driver.current_url  # not logged in yet
        driver.find_element(By.ID, "username").send_keys("totruong")
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "login").click()
        WebDriverWait(driver, 20).until(lambda d: "/login" not in d.current_url)
        assert driver.find_element(By.ID, "c-members").text == "6"
        assert "from=2026-11-01" in driver.current_url  # back where we started
        assert driver.find_element(By.ID, "c-coverage").text == "4,0%"
        assert driver.find_element(By.ID, "c-active7").text == "3"
        assert driver.find_element(By.ID, "c-messages").text == "15"
        assert driver.find_element(By.ID, "c-rate").text == "60,0%"
        row = driver.find_element(By.CSS_SELECTOR, 'tr[data-hamlet="NGAIHOI1"]')
        cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
        assert cells[:5] == ["Ấp Ngãi Hội 1", "100", "2", "4", "4,0%"]
        assert len(driver.find_elements(By.CSS_SELECTOR, "svg.chart")) == 5

        driver.find_element(By.ID, "xlsx").click()
        deadline = time.monotonic() + 20
        files: list[Path] = []
        while time.monotonic() < deadline:
            files = [p for p in downloads.iterdir() if p.suffix == ".xlsx"]
            if files:
                break
            time.sleep(0.2)
        assert files, f"no .xlsx downloaded: {list(downloads.iterdir())}"
        wb = load_workbook(files[0])
        assert wb["Theo ấp"]["B2"].value == "Ấp Ngãi Hội 1" and wb["Theo ấp"]["E2"].value == 4
        summary = {r[0]: r[1] for r in wb["Tổng quan"].iter_rows(min_row=2, values_only=True)}
        assert summary["Thành viên"] == 6 and summary["Tin nhắn"] == 15
    finally:
        driver.quit()
