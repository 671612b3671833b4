"""The web console's contract over HTTP (httpx → ASGI): forms post ``csrf``, each successful
POST answers 303, and every leader action is refused (403) for another commune."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from bot.config import Config
from bot.runtime import Runtime
from bot.store.db import Store, utcnow
from bot.store.faq_changes import FaqChange
from bot.store.outbox import Bulletin, Delivery
from bot.store.readings import SalinityReading
from bot.store.tables import Group
from tests.bot.dashboard.console_helpers import add_fresh_questions, console_config
from tests.bot.dashboard.dash_helpers import CSRF_RE, login


@pytest.fixture
def dash_config(tmp_path: Path) -> Config:
    return console_config(tmp_path)


@pytest.fixture
async def store(dash_runtime: Runtime) -> AsyncIterator[Store]:
    await add_fresh_questions(dash_runtime.store)
    yield dash_runtime.store


async def token(client: httpx.AsyncClient, path: str = "/bulletins/new") -> str:
    page = await client.get(path)
    m = CSRF_RE.search(page.text)
    assert m, page.text[:300]
    return m.group(1)


async def post(
    client: httpx.AsyncClient, path: str, data: dict[str, str], page: str = "/bulletins/new"
) -> httpx.Response:
    return await client.post(path, data={"csrf": await token(client, page), **data})


async def count(store: Store, stmt) -> int:  # type: ignore[no-untyped-def]
    async with store.session() as s:
        return int((await s.execute(stmt)).scalar_one())


# -- bulletins -------------------------------------------------------------------------------


async def test_preview_shows_each_platforms_text_and_sends_nothing(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    r = await post(client, "/bulletins/new", {"text": "Họp tổ <lúc 7 giờ> & mang *sổ*", "target": "NGAIHOI1,PHUHUU",
                                              "send_at": "", "action": "preview"})  # fmt: skip
    assert r.status_code == 200
    assert 'data-platform="telegram"' in r.text and 'id="preview-groups">3<' in r.text
    assert "<b>THÔNG BÁO — Xã Đại Ngãi</b>" in r.text  # Telegram's bold, rendered
    assert "Họp tổ &lt;lúc 7 giờ&gt; &amp; mang *sổ*" in r.text  # the leader's words stay text
    assert await count(store, select(func.count()).select_from(Bulletin)) == 3  # only the sample's


async def test_send_now_queues_and_redirects_to_the_bulletin(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    r = await post(client, "/bulletins/new", {"text": "Mai cúp điện từ 7 giờ", "target": "commune:DAINGAI",
                                              "send_at": "", "action": "send"})  # fmt: skip
    assert r.status_code == 303
    m = re.fullmatch(r"/bulletins/(\d+)", r.headers["location"])
    assert m
    bid = int(m.group(1))
    async with store.session() as s:
        b = await s.get(Bulletin, bid)
        assert b is not None and b.kind == "policy" and b.status == "queued" and b.created_by == "web:totruong"
        groups = sorted((await s.execute(select(Delivery.group_id).where(Delivery.bulletin_id == bid))).scalars())
    assert groups == [1, 2, 3]
    page = await client.get(f"/bulletins/{bid}")
    assert page.status_code == 200 and 'id="n-queued">3<' in page.text and "data-live=" in page.text
    assert "Đang chờ tới lượt gửi" in page.text and "<b>THÔNG BÁO" in page.text and "&lt;b&gt;" not in page.text
    live = await client.get(f"/bulletins/{bid}/live")
    assert live.status_code == 200 and live.text.lstrip().startswith('<section id="live"')
    # cancel: 303 back to the page, rows cancelled, nothing waiting any more
    r = await post(client, f"/bulletins/{bid}/cancel", {})
    assert r.status_code == 303 and r.headers["location"] == f"/bulletins/{bid}"
    page = await client.get(f"/bulletins/{bid}")
    assert 'id="n-cancelled">3<' in page.text and "data-live=" not in page.text


async def test_free_text_goes_out_as_written(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    form = {"text": "Mai họp <tổ> lúc 8g", "target": "NGAIHOI1", "send_at": "", "kind": "custom"}
    r = await post(client, "/bulletins/new", {**form, "action": "preview"})
    assert r.status_code == 200 and "THÔNG BÁO" not in r.text.split('id="preview-title"')[1]
    assert "Mai họp &lt;tổ&gt; lúc 8g" in r.text
    r = await post(client, "/bulletins/new", {**form, "action": "send"})
    bid = int(r.headers["location"].rsplit("/", 1)[1])
    async with store.session() as s:
        b = await s.get(Bulletin, bid)
        assert b is not None and (b.kind, b.text, b.html) == ("custom", "Mai họp <tổ> lúc 8g", False)


async def test_send_later_is_scheduled_in_local_time(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    later = (utcnow() + timedelta(days=2)).replace(second=0, microsecond=0)
    local = later + timedelta(hours=7)  # Asia/Ho_Chi_Minh
    when = local.strftime("%Y-%m-%dT%H:%M")
    form = {"text": "Tiêm ngừa", "target": "PHUHUU", "send_at": when, "action": "send"}
    r = await post(client, "/bulletins/new", form)
    assert r.status_code == 303
    bid = int(r.headers["location"].rsplit("/", 1)[1])
    async with store.session() as s:
        b = await s.get(Bulletin, bid)
        assert b is not None and b.status == "scheduled" and b.send_at == later and b.target == "hamlet:PHUHUU"
    sched = await client.get("/schedules")
    assert f'href="/bulletins/{bid}"' in sched.text


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"text": "", "target": "NGAIHOI1"}, 400),
        ({"text": "x", "target": "NOWHERE"}, 400),
        ({"text": "x", "target": "NGAIHOI1", "send_at": "mai"}, 400),
        ({"text": "x", "target": "NGAIHOI1", "send_at": "2020-01-01T07:00"}, 400),
        ({"text": "x" * 3501, "target": "NGAIHOI1"}, 400),
    ],
)
async def test_bad_bulletin_forms_are_refused_with_the_form(
    client: httpx.AsyncClient, store: Store, data: dict[str, str], status: int
) -> None:
    await login(client, "totruong")
    r = await post(client, "/bulletins/new", {"send_at": "", "action": "send", **data})
    assert r.status_code == status and 'id="error"' in r.text and 'id="compose"' in r.text


async def test_forms_without_csrf_are_refused(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    for path, data in [
        ("/bulletins/new", {"text": "x", "target": "NGAIHOI1", "action": "send"}),
        ("/salinity", {"station": "DAINGAI", "value": "1,2"}),
        ("/questions/100/teach", {"topic": "team.contact"}),
        ("/bulletins/1/cancel", {}),
    ]:
        r = await client.post(path, data={**data, "csrf": "forged"})
        assert r.status_code == 403, path
    assert await count(store, select(func.count()).select_from(Bulletin)) == 3


async def test_leader_is_refused_for_another_commune(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")  # leader of DAINGAI
    refused = [
        ("/bulletins/new", {"text": "x", "target": "LONGTHOI", "action": "send", "send_at": ""}),
        ("/bulletins/new", {"text": "x", "target": "commune:LONGDUC", "action": "preview", "send_at": ""}),
        ("/bulletins/new", {"text": "x", "target": "all", "action": "send", "send_at": ""}),
        ("/salinity", {"station": "LONGDUC", "value": "3,5", "measured_at": ""}),
        ("/questions/102/teach", {"topic": "team.contact"}),
        ("/questions/102/draft", {"title": "t", "answer": "a", "phrasings": "b"}),
        ("/questions/7/teach", {"topic": "team.contact"}),  # no hamlet: officials only
        ("/groups/4/hamlet", {"hamlet": "NGAIHOI1"}),  # a Long Đức group
        ("/groups/1/hamlet", {"hamlet": "LONGTHOI"}),  # to a Long Đức hamlet
        ("/schedules/weather-longduc", {"cron": "0 6 * * *", "target": "commune:LONGDUC", "active": "1"}),
        ("/schedules/policy-weekly", {"cron": "0 6 * * *", "target": "commune:DAINGAI", "active": "1"}),
        ("/people/accounts", {"username": "moi", "password": "12345678910", "role": "leader", "commune": "DAINGAI"}),
        ("/people/roles", {"platform": "telegram", "user_id": "55", "role": "leader", "commune": "DAINGAI"}),
    ]
    for path, data in refused:
        r = await post(client, path, data)
        assert r.status_code == 403, (path, r.status_code)
    assert (await client.get("/people")).status_code == 403
    # a bulletin for Long Đức only: neither visible nor cancellable
    async with store.session() as s:
        b = Bulletin(kind="policy", target="commune:LONGDUC", text="x", send_at=utcnow() + timedelta(days=1),
                     status="scheduled", created_at=utcnow())  # fmt: skip
        s.add(b)
        await s.flush()
        s.add(Delivery(bulletin_id=b.id, group_id=4, platform="telegram", text="x", status="queued",
                       due_at=b.send_at, updated_at=utcnow()))  # fmt: skip
        bid = b.id
    assert (await client.get(f"/bulletins/{bid}")).status_code == 404
    assert (await post(client, f"/bulletins/{bid}/cancel", {})).status_code == 403
    async with store.session() as s:
        assert (await s.get(Bulletin, bid)).status == "scheduled"  # type: ignore[union-attr]
        assert await s.scalar(select(func.count()).select_from(SalinityReading)) == 0
        assert (await s.get(Group, 4)).hamlet_code == "LONGTHOI"  # type: ignore[union-attr]
        assert await s.scalar(select(func.count()).select_from(FaqChange)) == 0


async def test_official_acts_everywhere(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "canbo")
    r = await post(client, "/bulletins/new", {"text": "Toàn huyện", "target": "all", "send_at": "", "action": "send"})
    assert r.status_code == 303
    r = await post(client, "/salinity", {"station": "LONGDUC", "value": "2.5", "measured_at": ""})
    assert r.status_code == 303
    r = await post(client, "/groups/4/hamlet", {"hamlet": ""})
    assert r.status_code == 303 and r.headers["location"] == "/groups?done=unlinked"
    r = await post(client, "/schedules/policy-weekly", {"cron": "0 8 * * 1", "target": "commune:DAINGAI"})
    assert r.status_code == 303
    page = (await client.get("/schedules")).text
    assert re.search(r'id="schedule-policy-weekly".*?Đã tắt', page, re.S)  # unchecked box: turned off


# -- salinity --------------------------------------------------------------------------------


async def test_salinity_reading_with_comma_records_and_alerts(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    at = (utcnow() - timedelta(hours=1)).replace(second=0, microsecond=0)
    local = (at + timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M")
    r = await post(client, "/salinity", {"station": "DAINGAI", "value": "2,4", "measured_at": local})
    assert r.status_code == 303 and r.headers["location"].startswith("/salinity?reading=")
    page = (await client.get(r.headers["location"])).text
    assert "2,4 g/l" in page and "Lúa bị ảnh hưởng" in page and "cảnh báo độ mặn (bản tin số" in page
    async with store.session() as s:
        reading = (await s.execute(select(SalinityReading))).scalar_one()
        assert reading.grams_per_litre == 2.4 and reading.at == at and reading.source == "web:totruong"
        alert = (await s.execute(select(Bulletin).where(Bulletin.kind == "salinity_alert"))).scalar_one()
        assert alert.target == "hamlet:NGAIHOI1,PHUHUU"
    bad = await post(client, "/salinity", {"station": "DAINGAI", "value": "nhiều", "measured_at": ""})
    assert bad.status_code == 400 and 'id="error"' in bad.text


# -- teaching --------------------------------------------------------------------------------


def ask(config_path: Path, question: str) -> str | None:
    import json

    from bot.cli import main

    result = CliRunner().invoke(main, ["--config", str(config_path), "ask", "--json"], input=question + "\n")
    assert result.exit_code == 0, result.output
    return json.loads(result.output.splitlines()[0])["topic"]


def write_config_file(config: Config, folder: Path) -> Path:
    import yaml

    data = config.model_dump(mode="json", exclude={"base_dir"})
    path = folder / "console-config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


async def test_teach_answers_the_question_and_variants_at_once_and_undo_reverts(
    client: httpx.AsyncClient, store: Store, dash_config: Config, tmp_path: Path
) -> None:
    cfg = write_config_file(dash_config, tmp_path)
    question = "cái loa ngoài đình hư rồi ai sửa"
    assert ask(cfg, question) is None
    await login(client, "totruong")
    page = (await client.get("/teach")).text
    assert 'id="q-100"' in page and 'id="q-101"' in page and 'id="q-102"' not in page  # 102 is Long Đức's
    r = await post(client, "/questions/100/teach", {"topic": "team.contact"}, page="/teach")
    assert r.status_code == 303 and r.headers["location"] == "/teach?done=taught"
    assert ask(cfg, question) == "team.contact"  # `loaso ask`, a new process's view
    assert ask(cfg, "cai loa ngoai dinh hu roi ai sua") == "team.contact"
    from bot.faq.service import matcher_for

    variant = "loa ngoài đình bị hư rồi ai sửa vậy"
    assert matcher_for(dash_config).match(variant).topic == "team.contact"
    async with store.session() as s:
        change = (await s.execute(select(FaqChange))).scalar_one()
        assert (change.kind, change.topic, change.created_by, change.question_id) == (
            "phrasing",
            "team.contact",
            "web:totruong",
            100,
        )
    page = (await client.get("/teach")).text
    assert 'id="q-100"' not in page and "Thêm cách hỏi" in page
    r = await post(client, f"/changes/{change.id}/undo", {}, page="/teach")
    assert r.status_code == 303
    assert ask(cfg, question) is None and matcher_for(dash_config).match(question).topic is None
    bad = await post(client, "/questions/103/teach", {"topic": "team.contact"}, page="/teach")
    assert bad.status_code == 400 and "chưa nhận ra" in bad.text  # would not be answered: not kept
    assert "alo alo" not in (tmp_path / "knowledge.yaml").read_text(encoding="utf-8")


async def test_draft_reviewed_by_an_official_then_answer_corrected_and_undone(
    client: httpx.AsyncClient, store: Store, dash_config: Config
) -> None:
    from bot.faq.service import matcher_for

    await login(client, "totruong")
    r = await post(client, "/questions/101/draft", {
        "title": "Giá lúa hôm nay", "answer": "Loa Số chưa có giá lúa.\\nBà con hỏi Hợp tác xã của ấp.",
        "phrasings": "giá lúa bao nhiêu\\ngia lua hom nay"}, page="/teach")  # fmt: skip
    assert r.status_code == 303
    assert matcher_for(dash_config).match("giá lúa hôm nay bao nhiêu").topic is None  # not before review
    async with store.session() as s:
        draft = (await s.execute(select(FaqChange))).scalar_one()
    assert (await post(client, f"/changes/{draft.id}/approve", {}, page="/teach")).status_code == 403
    client.cookies.clear()
    await login(client, "canbo")
    assert (await post(client, f"/changes/{draft.id}/approve", {}, page="/teach")).status_code == 303
    assert matcher_for(dash_config).match("giá lúa hôm nay bao nhiêu").topic == "local.q101"
    # correct an answer's text, then undo it
    r = await post(client, "/topics/local.q101/answer", {"answer": "Giá lúa: hỏi Hợp tác xã ấp."}, page="/teach")
    assert r.status_code == 303 and r.headers["location"] == "/topics/local.q101?saved=1"
    assert matcher_for(dash_config).kb.get("local.q101").answer == "Giá lúa: hỏi Hợp tác xã ấp."  # type: ignore[union-attr]
    async with store.session() as s:
        fix = (await s.execute(select(FaqChange).where(FaqChange.kind == "answer"))).scalar_one()
    assert (await post(client, f"/changes/{fix.id}/undo", {}, page="/teach")).status_code == 303
    assert "Hợp tác xã của ấp" in matcher_for(dash_config).kb.get("local.q101").answer  # type: ignore[union-attr]
    assert (await post(client, f"/changes/{draft.id}/undo", {}, page="/teach")).status_code == 303
    assert matcher_for(dash_config).kb.get("local.q101") is None


# -- exports, groups, people ------------------------------------------------------------------


async def test_questions_csv_has_the_id_first(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    csv = (await client.get("/export/questions.csv?commune=DAINGAI&from=2026-11-01&to=2026-11-24")).content
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[0] == "id"
    assert {line.split(",")[0] for line in lines[1:]} == {"1", "2", "3", "4"}


async def test_groups_page_and_linking(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "totruong")
    page = (await client.get("/groups")).text
    assert 'data-group="1"' in page and 'data-group="6"' in page and 'data-group="4"' not in page
    r = await post(client, "/groups/6/hamlet", {"hamlet": "PHUHUU"}, page="/groups")
    assert r.status_code == 303 and r.headers["location"] == "/groups?done=linked"
    async with store.session() as s:
        assert (await s.get(Group, 6)).hamlet_code == "PHUHUU"  # type: ignore[union-attr]


async def test_people_official_creates_a_leader_and_grants_a_chat_role(client: httpx.AsyncClient, store: Store) -> None:
    await login(client, "canbo")
    r = await post(client, "/people/accounts", {"username": "tt-phuhuu", "password": "mat-khau-moi-1", "role": "leader",
                                                "commune": "DAINGAI"}, page="/people")  # fmt: skip
    assert r.status_code == 303
    r = await post(client, "/people/roles", {"platform": "telegram", "user_id": "777", "role": "leader",
                                             "commune": "DAINGAI"}, page="/people")  # fmt: skip
    assert r.status_code == 303
    page = (await client.get("/people")).text
    assert 'data-account="tt-phuhuu"' in page and ">777<" in page
    client.cookies.clear()
    assert (await login(client, "tt-phuhuu", "mat-khau-moi-1")).status_code == 303
