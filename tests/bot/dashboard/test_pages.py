"""Dashboard pages and exports show the sample's figures; names hidden on request; text escaped."""

from __future__ import annotations

import httpx

from bot.stats.sample import END, START
from tests.bot.dashboard.dash_helpers import login

RANGE = f"from={START}&to={END}"


async def test_overview_numbers(client: httpx.AsyncClient) -> None:
    await login(client, "totruong")
    page = (await client.get(f"/?{RANGE}")).text
    assert 'id="c-members">6<' in page and 'id="c-coverage">4,0%<' in page
    assert 'id="c-active7">3<' in page and 'id="c-messages">15<' in page
    assert 'id="c-unanswered">1<' in page and 'id="c-rate">60,0%<' in page
    assert page.count("<svg") == 5 and "Tải báo cáo Excel" in page


async def test_hamlet_bulletins_questions_pages(client: httpx.AsyncClient) -> None:
    await login(client, "totruong")
    hamlet = (await client.get(f"/hamlet/PHUHUU?{RANGE}")).text
    assert "Ấp Phú Hữu" in hamlet and 'id="c-members">2<' in hamlet
    bulletins = (await client.get(f"/bulletins?commune=DAINGAI&{RANGE}")).text
    assert "Bản tin 1: trời nắng" in bulletins and "66,7%" in bulletins  # bulletin 1: 2 sent, 1 failed in DAINGAI
    questions = (await client.get(f"/questions?commune=DAINGAI&{RANGE}&kind=unanswered")).text
    assert "&lt;b&gt;cho hỏi&lt;/b&gt; lịch tiêm ngừa" in questions and "<b>cho hỏi" not in questions
    assert "Chị Sáu" in questions
    not_useful = (await client.get(f"/questions?commune=DAINGAI&{RANGE}&kind=not_useful")).text
    assert "mat khau vneid quen r" in not_useful and "lịch tiêm" not in not_useful


async def test_no_message_contents_except_questions(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    for path in ("/", "/hamlet/NGAIHOI1", "/bulletins"):
        page = (await client.get(f"{path}?{RANGE}")).text
        assert "Quên mật khẩu VNeID làm sao" not in page and "Cô Tư" not in page  # the topic title may show


async def test_bulletin_delivery_detail_is_scoped(client: httpx.AsyncClient) -> None:
    await login(client, "totruong")
    page = await client.get("/bulletins/1")
    assert page.status_code == 200
    assert page.text.count("<tr data-status=") == 3  # groups 1, 2, 3 of Đại Ngãi; group 4 is in Long Đức
    assert "Nhóm 4" not in page.text and "Không gửi được" in page.text and "Đã gửi" in page.text
    assert (await client.get("/bulletins/1?commune=LONGDUC")).status_code == 403
    assert (await client.get("/bulletins/999")).status_code == 404
    assert (await client.get("/bulletins/abc")).status_code == 400
