"""Figures as plain tables: what the dashboard shows beside its charts, the CSV files
and the sheets of the commune's Excel workbook. Titles and headers (Vietnamese) live in
``templates/stats/tables.yaml``.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.stats.figures import BulletinRow, Overview, QuestionRow
from bot.texts import TEMPLATES

TABLES_FILE = Path("stats") / "tables.yaml"
Cell = str | int | float | date | datetime | None


@functools.lru_cache(maxsize=1)
def labels(root: Path = TEMPLATES) -> dict[str, Any]:
    return yaml.safe_load((root / TABLES_FILE).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Table:
    id: str  # in URLs and file names: /export/<id>.csv
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


def percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def _table(key: str, rows: list[tuple[Cell, ...]]) -> Table:
    spec = labels()[key]
    return Table(key, spec["title"], tuple(spec["headers"]), rows)


def summary_table(ov: Overview) -> Table:
    words = labels()["summary_rows"]
    t, q, b = ov.total, ov.questions, ov.bulletins
    span = f"{ov.scope.start:%d/%m/%Y} – {ov.scope.end:%d/%m/%Y}"
    values: list[tuple[str, Cell]] = [
        ("range", span),
        ("groups", t.groups),
        ("members", t.members),
        ("households", t.households),
        ("coverage", percent(t.coverage)),
        ("joins", t.joins),
        ("leaves", t.leaves),
        ("active_7d", t.active_7d),
        ("active_30d", t.active_30d),
        ("messages", t.messages),
        ("asked", q.asked),
        ("answered", q.answered),
        ("unanswered", q.unanswered),
        ("useful", q.useful),
        ("not_useful", q.not_useful),
        ("bulletins", b.sent_bulletins),
        ("delivery_rate", percent(b.rate)),
    ]
    return _table("summary", [(words[k], v) for k, v in values])


def hamlet_table(ov: Overview) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for h in [*ov.hamlets, ov.total]:
        rows.append(
            (
                h.code,
                h.name,
                h.households,
                h.groups,
                h.members,
                percent(h.coverage),
                h.joins,
                h.leaves,
                h.active_7d,
                h.active_30d,
                h.messages,
                h.questions,
            )
        )
    return _table("hamlets", rows)


def bulletin_table(rows: list[BulletinRow]) -> Table:
    return _table(
        "bulletins",
        [
            (b.id, b.kind, b.target, b.send_at, b.status, b.preview, b.sent, b.failed, b.inactive, b.queued,
             percent(b.rate))
            for b in rows
        ],
    )  # fmt: skip


def question_table(rows: list[QuestionRow]) -> Table:
    words = labels()["words"]
    return _table(
        "questions",
        [
            (q.id, q.asked_at, q.hamlet, q.asker or words["hidden"], q.text, q.topic,
             words["answered_yes"] if q.answered else words["answered_no"], words.get(q.feedback or "", ""))
            for q in rows
        ],
    )  # fmt: skip


def overview_tables(
    ov: Overview, bulletins: list[BulletinRow] | None = None, questions: list[QuestionRow] | None = None
) -> list[Table]:
    """Every table of the commune report, in sheet order."""
    tables = [
        summary_table(ov),
        hamlet_table(ov),
        _table("days", [(d, n) for d, n in ov.per_day]),
        _table("hours", [(f"{h:02d}:00", n) for h, n in enumerate(ov.per_hour)]),
        _table("weeks", [(w.start, w.joins, w.leaves) for w in ov.weeks]),
        _table("trend", [(d, n) for d, n in ov.trend]),
        _table(
            "hamlet_trend",
            [
                (d, h.code, h.name, ov.hamlet_trend.get(h.code, [0] * len(ov.trend))[i])
                for i, (d, _) in enumerate(ov.trend)
                for h in ov.hamlets
            ],
        ),
        _table(
            "question_weeks",
            [(w, asked, ok, asked - ok, percent(ok / asked) if asked else None) for w, asked, ok in ov.question_weeks],
        ),
        _table("topics", [(t.topic, t.asked, t.useful, t.not_useful, t.title) for t in ov.topics]),
    ]
    if bulletins is not None:
        tables.append(bulletin_table(bulletins))
    if questions is not None:
        tables.append(question_table(questions))
    return tables


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _safe(text: str) -> str:
    """Cells starting with = + - @ would run as formulas in Excel (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(table: Table) -> bytes:
    """UTF-8 with a BOM, so Excel opens the Vietnamese headers correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_safe(_text(c)) if isinstance(c, str) else _text(c) for c in row])
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(tables: list[Table]) -> bytes:
    """One sheet per table, bold Vietnamese headers, dates as real dates."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    def cell_text(text: str) -> str:
        # Control characters (a resident's name or question may carry them) make openpyxl raise.
        return _safe(ILLEGAL_CHARACTERS_RE.sub("", text))

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for table in tables:
        ws = wb.create_sheet(ILLEGAL_CHARACTERS_RE.sub("", table.title)[:31])
        ws.append([cell_text(h) for h in table.headers])
        for cell in ws[1]:
            cell.font = bold
        for row in table.rows:
            ws.append([cell_text(c) if isinstance(c, str) else c for c in row])
        for col, header in zip(ws.columns, table.headers, strict=False):
            width = max([len(header), *(len(_text(c.value)) for c in col)])
            ws.column_dimensions[col[0].column_letter].width = min(60, width + 2)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
