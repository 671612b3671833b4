"""The web console end to end in a real browser (Debian's chromium, as ``test_browser.py``),
at desktop width and at phone width (390 px, touch, device pixel ratio 2), with a full-page
screenshot of every step saved under ``artifacts/console-screens/<width>/`` (git-ignored; the
folder is printed, and ``LOASO_ARTIFACTS`` moves it).

Leader flows: write a bulletin, preview it per platform, send it, follow it, cancel it; edit a
schedule; record a salinity reading and see its alert; teach the bot a question and undo it;
link a group. Official flows: approve a leader's new answer, create a leader account. Phone:
chart labels at least 9 px high, the swipe hint on wide tables, Vietnamese labels everywhere.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import PROJECT_ROOT, Config
from bot.dashboard import dashboard_routes
from bot.dashboard.auth import hash_password
from bot.stats.sample import seed_sample
from bot.store.accounts import add_account
from bot.store.db import Store, utcnow
from bot.store.schema import ensure_schema
from bot.web import build_app
from bot.wiring import build_runtime
from tests.bot.dashboard.console_helpers import add_fresh_questions, console_config
from tests.bot.dashboard.dash_helpers import PASSWORD
from tests.bot.dashboard.test_browser import CHROMEDRIVER, CHROMIUM, FLAGS, _free_port, _missing

WIDTHS = {"desktop": None, "phone": 390}
ARTIFACTS = Path(os.environ.get("LOASO_ARTIFACTS", PROJECT_ROOT / "artifacts")) / "console-screens"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Config, Path]]:
    import uvicorn

    url = f"sqlite+aiosqlite:///{tmp_path / 'console.db'}"
    config = console_config(tmp_path)

    async def seed() -> None:
        store = Store(url)
        await ensure_schema(store)
        await seed_sample(store)
        await add_fresh_questions(store)
        async with store.session() as s:
            await add_account(s, "totruong", hash_password(PASSWORD), "leader", "DAINGAI", utcnow())
            await add_account(s, "canbo", hash_password(PASSWORD), "official", None, utcnow())
        await store.close()

    asyncio.run(seed())
    port = _free_port()
    runtime = build_runtime(config, store=Store(url))
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
    yield f"http://127.0.0.1:{port}", config, tmp_path / "console.db"
    srv.should_exit = True
    thread.join(10)


class Browser:
    """A thin helper over selenium: open, fill, click, wait, and a full-page screenshot per step."""

    def __init__(self, driver: Any, base: str, folder: Path):
        from selenium.webdriver.common.by import By

        self.d, self.base, self.folder, self.By = driver, base, folder, By
        self.step = 0

    def go(self, path: str) -> None:
        self.d.get(self.base + path)

    def el(self, css: str) -> Any:
        return self.d.find_element(self.By.CSS_SELECTOR, css)

    def els(self, css: str) -> list[Any]:
        return self.d.find_elements(self.By.CSS_SELECTOR, css)

    def fill(self, css: str, text: str) -> None:
        box = self.el(css)
        box.clear()
        box.send_keys(text)

    def click(self, css: str) -> None:
        el = self.el(css)
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        el.click()

    def submit(self, css: str) -> None:
        """Click a button that loads a new page, and wait until the old page is gone."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support import expected_conditions as ec
        from selenium.webdriver.support.wait import WebDriverWait

        old = self.el("html")
        self.click(css)

        def gone(driver: Any) -> bool:
            try:
                return bool(ec.staleness_of(old)(driver))
            except WebDriverException as exc:  # Chromium, mid-navigation: "Node … does not belong to the document"
                if "does not belong to the document" in str(exc):
                    return True
                raise

        WebDriverWait(self.d, 20).until(gone)

    def wait(self, predicate: Any, timeout: float = 20) -> None:
        from selenium.webdriver.support.wait import WebDriverWait

        WebDriverWait(self.d, timeout).until(lambda _: predicate())

    def wait_url(self, pattern: str) -> None:
        self.wait(lambda: re.search(pattern, self.d.current_url))

    def text(self) -> str:
        return str(self.el("body").text)

    def shot(self, name: str) -> Path:
        self.step += 1
        metrics = self.d.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        data = self.d.execute_cdp_cmd(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True,
             "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1}},
        )  # fmt: skip
        path = self.folder / f"{self.step:02d}-{name}.png"
        path.write_bytes(base64.b64decode(data["data"]))
        return path

    def login(self, user: str) -> None:
        self.d.delete_all_cookies()
        self.go("/login")
        self.fill("#username", user)
        self.fill("#password", PASSWORD)
        self.click("#login")
        self.wait(lambda: "/login" not in self.d.current_url)

    def no_page_overflow(self) -> None:
        """Nothing but the table boxes scrolls sideways: the page itself fits the screen."""
        wide = self.d.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        assert not wide, "the page is wider than the screen"


def _browser(width: int | None) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    if width is None:
        options.add_argument("--window-size=1280,900")
    else:
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 2, "touch": True}}
        )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(10)
    return driver


@pytest.fixture(params=list(WIDTHS))
def browser(request: pytest.FixtureRequest, served: tuple[str, Config, Path]) -> Iterator[Browser]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    name = str(request.param)
    folder = ARTIFACTS / f"{request.node.originalname}-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    print(f"\nscreenshots: {folder}")
    driver = _browser(WIDTHS[name])
    try:
        yield Browser(driver, served[0], folder)
    finally:
        driver.quit()


def test_leader_runs_the_hamlets_from_the_browser(browser: Browser, served: tuple[str, Config, Path]) -> None:
    b, config, db_path = browser, served[1], served[2]
    phone = b.d.execute_script("return window.innerWidth") < 500
    b.login("totruong")

    # bulletin: write, preview per platform, send, follow, cancel
    b.go("/bulletins/new")
    b.fill("#text", "Chủ nhật này họp tổ lúc 8 giờ tại nhà văn hóa <ấp>.")
    b.fill("#target", "NGAIHOI1, PHUHUU")
    b.submit("#preview")
    b.wait(lambda: b.els("#preview-title"))
    preview = b.el('.preview[data-platform="telegram"] .msg')
    assert preview.find_element(b.By.TAG_NAME, "b").text == "THÔNG BÁO — Xã Đại Ngãi"  # bold, not "<b>"
    assert "<ấp>" in preview.text and "<b>" not in preview.text
    assert b.el("#preview-groups").text == "3"
    b.shot("bulletin-preview")
    b.submit("#send")
    b.wait_url(r"/bulletins/\d+$")
    assert b.el("#n-queued").text == "3" and "Đang chờ tới lượt gửi" in b.text()
    assert b.el("#b-text").find_element(b.By.TAG_NAME, "b").text.startswith("THÔNG BÁO")
    b.shot("bulletin-live")
    # a sender delivers one copy: the page shows it by itself (live.js), without a reload
    bid = int(b.d.current_url.rsplit("/", 1)[1])
    page = b.el("html")
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE deliveries SET status='sent', sent_at=updated_at WHERE bulletin_id=? AND group_id=1", (bid,))
    b.wait(lambda: b.el("#n-sent").text == "1")
    assert b.el("html") == page and b.el("#n-queued").text == "2"
    b.submit("#cancel")
    b.wait(lambda: b.el("#n-cancelled").text == "2")
    assert "Đã hủy trước khi gửi" in b.text()
    b.shot("bulletin-cancelled")

    # schedules: next run shown, edit one of the commune's
    b.go("/schedules")
    item = "#schedule-weather-daily"
    assert re.search(r"\d\d:\d\d \d\d/\d\d/\d{4}", b.el(f"{item} .next").text)
    b.fill(f"{item} input[name=cron]", "0 6 * * *")
    b.submit(f"{item} button")
    b.wait(lambda: b.el(f"{item} input[name=cron]").get_attribute("value") == "0 6 * * *")
    assert "06:00" in b.el(f"{item} .next").text
    assert "Lịch chung của nhiều xã" in b.el("#schedule-policy-weekly").text  # all communes: not theirs
    assert not b.els("#schedule-weather-longduc")  # another commune's: not shown
    b.shot("schedules")

    # salinity: record a reading with a comma, see its band and the alert it sent
    b.go("/salinity")
    b.fill("#value", "2,4")
    b.submit("#save")
    b.wait(lambda: b.els("#done"))
    done = b.el("#done").text
    assert "2,4 g/l" in done and "Lúa bị ảnh hưởng" in done and "cảnh báo độ mặn" in done
    b.shot("salinity")

    # teach: attach an unanswered question to a topic, then undo
    b.go("/teach")
    card = "#q-100"
    assert b.els(card) and not b.els("#q-102")  # Long Đức's question is not this leader's
    select = b.el(f"{card} select.topic-select")
    from selenium.webdriver.support.select import Select

    Select(select).select_by_value("team.contact")
    b.shot("teach-before")
    b.submit(f"{card} button.teach")
    b.wait(lambda: b.els("#flash"))
    assert not b.els(card)
    from bot.faq.service import matcher_for

    assert matcher_for(config).match("cai loa ngoai dinh hu roi ai sua").topic == "team.contact"
    b.shot("teach-done")
    b.submit("button.undo")
    b.wait(lambda: b.els("#flash") and "hoàn tác" in b.el("#flash").text)
    assert b.els(card)
    b.shot("teach-undone")
    # draft a new answer for an official
    b.click("#q-101 details summary")
    b.fill("#q-101 input[name=title]", "Giá lúa hôm nay")
    b.fill("#q-101 textarea[name=phrasings]", "giá lúa bao nhiêu\ngia lua hom nay")
    b.fill("#q-101 textarea[name=answer]", "Loa Số chưa có giá lúa. Bà con hỏi Hợp tác xã của ấp.")
    b.submit("#q-101 details button")
    b.wait(lambda: b.els("#flash") and "duyệt" in b.el("#flash").text)

    # groups: link the group that has no hamlet yet
    b.go("/groups")
    row = 'tr[data-group="6"]'
    assert "Chưa gắn" in b.el(row).text and not b.els('tr[data-group="4"]')
    Select(b.el(f"{row} select")).select_by_value("PHUHUU")
    b.submit(f"{row} button")
    b.wait(lambda: b.els("#flash"))
    assert "Ấp Phú Hữu" in b.el(row).text
    assert "Loa Số đã bị mời ra" in b.el('tr[data-group="5"]').text
    b.shot("groups")
    if phone:
        b.no_page_overflow()


def test_official_reads_on_a_phone_and_manages(browser: Browser) -> None:
    b = browser
    phone = b.d.execute_script("return window.innerWidth") < 500
    b.login("canbo")
    b.go("/?commune=DAINGAI&from=2026-11-01&to=2026-11-24")
    assert b.el("#c-members").text == "6"
    topics = b.el("#topics").text
    assert "Quên mật khẩu" in topics and "vneid.forgot_password" not in topics  # titles, not ids
    charts = b.els("svg.chart")
    assert len(charts) == 5
    sizes = b.d.execute_script(
        "return Array.from(document.querySelectorAll('svg.chart text'))"
        ".filter(t => getComputedStyle(t).display !== 'none').map(t => t.getBoundingClientRect().height)"
    )
    assert min(sizes) >= 9, f"chart labels {min(sizes):.1f} px high"
    units = [t.text for t in b.els("svg.chart text.unit")]
    assert "% số hộ" in units and "tin nhắn" in units and "giờ trong ngày" in units
    if phone:
        b.no_page_overflow()
        assert b.el("#hamlets").find_element(b.By.XPATH, "..").find_element(b.By.CSS_SELECTOR, ".hint").is_displayed()
    b.shot("overview")
    b.go("/bulletins?commune=DAINGAI&from=2026-11-01&to=2026-11-24")
    listing = b.el("#bulletins").text
    assert "Thời tiết" in listing and "Thông báo" in listing and "weather" not in listing
    b.shot("bulletins")
    b.go("/questions?commune=DAINGAI&from=2026-11-01&to=2026-11-24&kind=all")
    assert "<b>cho hỏi</b>" in b.el("#questions").text  # a resident's text is shown as typed, never run
    b.shot("questions")

    # people: create a leader account
    b.go("/people")
    b.click("details summary")
    b.fill("#new-account input[name=username]", "tt-phuhuu")
    b.fill("#new-account input[name=password]", "mat-khau-moi-1")
    from selenium.webdriver.support.select import Select

    Select(b.el("#new-account select[name=commune]")).select_by_value("DAINGAI")
    b.submit("#new-account button")
    b.wait(lambda: b.els("#flash"))
    assert b.els('tr[data-account="tt-phuhuu"]')
    b.shot("people")
