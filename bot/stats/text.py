"""The overview as a short text: the /thongke reply and ``loaso stats``; and as JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.stats.figures import Overview
from bot.stats.report import percent
from bot.texts import Texts

TEMPLATE = "stats/overview.txt.j2"


def pct(value: float | None) -> str:
    p = percent(value)
    return "–" if p is None else f"{p:.1f}".replace(".", ",") + "%"


def num(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}".replace(",", ".")


def overview_text(texts: Texts, ov: Overview) -> str:
    return texts.render(TEMPLATE, ov=ov, pct=pct, num=num)


def overview_json(ov: Overview) -> dict[str, Any]:
    def hamlet(h: Any) -> dict[str, Any]:
        return {
            "code": h.code, "name": h.name, "households": h.households, "groups": h.groups, "members": h.members,
            "coverage": h.coverage, "joins": h.joins, "leaves": h.leaves, "active_7d": h.active_7d,
            "active_30d": h.active_30d, "messages": h.messages, "questions": h.questions,
        }  # fmt: skip

    q, b = ov.questions, ov.bulletins
    return {
        "title": ov.title,
        "commune": ov.scope.commune,
        "from": ov.scope.start.isoformat(),
        "to": ov.scope.end.isoformat(),
        "total": hamlet(ov.total),
        "hamlets": [hamlet(h) for h in ov.hamlets],
        "messages_per_day": {d.isoformat(): n for d, n in ov.per_day},
        "messages_per_hour": ov.per_hour,
        "weeks": [{"start": w.start.isoformat(), "joins": w.joins, "leaves": w.leaves} for w in ov.weeks],
        "member_trend": {d.isoformat(): n for d, n in ov.trend},
        "questions": asdict(q),
        "topics": [asdict(t) for t in ov.topics],
        "bulletins": {**asdict(b), "delivery_rate": b.rate},
    }
