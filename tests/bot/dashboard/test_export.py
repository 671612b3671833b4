"""CSV and Excel exports: Vietnamese headers, the sample's numbers, one sheet per table."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date

import httpx
from openpyxl import load_workbook
from sqlalchemy import select

from bot.runtime import Runtime
from bot.stats.report import Table, labels, to_csv, to_xlsx
from bot.stats.sample import END, START
from bot.store.questions import Question
from tests.bot.dashboard.dash_helpers import login

RANGE = f"commune=DAINGAI&from={START}&to={END}"


async def test_hamlet_csv(client: httpx.AsyncClient) -> None:
    await login(client, "totruong")
    r = await client.get(f"/export/hamlets.csv?{RANGE}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert r.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Mã ấp", "Tên ấp", "Số hộ", "Số nhóm", "Thành viên"]
    assert rows[1] == ["NGAIHOI1", "Ấp Ngãi Hội 1", "100", "2", "4", "4.0", "2", "1", "2", "3", "10", "2"]
    assert rows[2] == ["PHUHUU", "Ấp Phú Hữu", "50", "1", "2", "4.0", "1", "0", "1", "2", "5", "2"]
    assert rows[3][:5] == ["", "Tổng", "150", "3", "6"]


async def test_every_table_has_a_csv(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    for table in ("summary", "hamlets", "days", "hours", "weeks", "trend", "topics", "bulletins", "questions"):
        r = await client.get(f"/export/{table}.csv?{RANGE}")
        assert r.status_code == 200, table
    days = list(csv.reader(io.StringIO((await client.get(f"/export/days.csv?{RANGE}")).content.decode("utf-8-sig"))))
    assert days[0] == ["Ngày", "Tin nhắn"] and ["2026-11-23", "5"] in days and len(days) == 25
    hamlet = (await client.get(f"/export/days.csv?hamlet=PHUHUU&from={START}&to={END}")).content.decode("utf-8-sig")
    assert "2026-11-24,4" in hamlet and "2026-11-23" in hamlet and "2026-11-23,5" not in hamlet


async def test_xlsx_report(client: httpx.AsyncClient) -> None:
    await login(client, "totruong")
    r = await client.get(f"/export/report.xlsx?{RANGE}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == [
        "Tổng quan", "Theo ấp", "Tin nhắn theo ngày", "Tin nhắn theo giờ", "Vào - rời theo tuần",
        "Thành viên theo tuần", "Thành viên theo ấp và tuần", "Câu hỏi theo tuần", "Chủ đề hỏi nhiều", "Bản tin",
        "Câu hỏi",
    ]  # fmt: skip
    summary = {row[0]: row[1] for row in wb["Tổng quan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Thành viên"] == 6 and summary["Độ phủ (%)"] == 4.0 and summary["Tỉ lệ gửi được (%)"] == 60.0
    hamlets = list(wb["Theo ấp"].iter_rows(values_only=True))
    assert hamlets[0][0] == "Mã ấp" and hamlets[1][:5] == ("NGAIHOI1", "Ấp Ngãi Hội 1", 100, 2, 4)
    days = list(wb["Tin nhắn theo ngày"].iter_rows(min_row=2, values_only=True))
    assert days[0][0].date() == date(2026, 11, 1) and days[0][1] == 1
    topics = list(wb["Chủ đề hỏi nhiều"].iter_rows(min_row=2, values_only=True))
    assert [t[:4] for t in topics] == [("vneid.forgot_password", 2, 1, 1), ("dvc.login", 1, 0, 0)]
    assert topics[0][4] == "Quên mật khẩu VNeID"  # the title beside the id


def test_formula_injection_is_defused() -> None:
    table = Table("t", "Bảng", ("A", "B"), [('=HYPERLINK("x")', 1), ("-1", "+x")])
    text = to_csv(table).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'-1" in text and "'+x" in text
    ws = load_workbook(io.BytesIO(to_xlsx([table])))["Bảng"]
    assert ws["A2"].value == '\'=HYPERLINK("x")' and ws["B2"].value == 1


def test_control_characters_do_not_break_the_xlsx() -> None:
    table = Table("t", "Bảng", ("A", "B"), [("Cô\x07 Tư\x1b", 1), ("\x00=1+1", "ok")])
    ws = load_workbook(io.BytesIO(to_xlsx([table])))["Bảng"]
    assert ws["A2"].value == "Cô Tư" and ws["A3"].value == "'=1+1" and ws["B3"].value == "ok"


async def test_xlsx_export_survives_a_control_character_in_a_question(
    client: httpx.AsyncClient, dash_runtime: Runtime
) -> None:
    async with dash_runtime.store.session() as s:
        for row in (await s.execute(select(Question))).scalars():
            row.text = "hỏi\x0bgiấy\x07 tờ"
    await login(client, "canbo")
    r = await client.get("/export/report.xlsx")
    assert r.status_code == 200
    load_workbook(io.BytesIO(r.content))


async def test_questions_csv_follows_the_kind_on_the_page(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    page = await client.get(f"/questions?kind=not_useful&{RANGE}")
    link = re.search(r'href="(/export/questions\.csv\?[^"]*)"', page.text)
    assert link is not None and "kind=not_useful" in link.group(1)
    r = await client.get(html.unescape(link.group(1)))
    assert r.status_code == 200 and "not_useful" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))[1:]
    every = list(
        csv.reader(io.StringIO((await client.get(f"/export/questions.csv?{RANGE}")).content.decode("utf-8-sig")))
    )
    assert rows and len(rows) < len(every) - 1
    assert {row[-1] for row in rows} == {labels()["words"]["not_useful"]}
    assert (await client.get(f"/export/questions.csv?kind=secret&{RANGE}")).status_code == 400
