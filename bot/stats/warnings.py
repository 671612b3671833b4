"""Scam warnings per hamlet and type, for the dashboard overview and /thongke.

Counts come from ``safety_flags`` (kept after the flagged text is purged), within the
same scope (commune, hamlets, date range) as the rest of the overview.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.stats.scope import Scope
from bot.store.safety import flag_counts
from bot.texts import Texts


@dataclass
class WarningRow:
    hamlet: str
    scam: int = 0
    suspicious: int = 0
    flood: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # what scams pretended to be → count


@dataclass
class Warnings:
    rows: list[WarningRow]
    total: WarningRow


async def warnings(s: AsyncSession, config: Config, scope: Scope, texts: Texts) -> Warnings:
    counts = await flag_counts(s, scope.start_utc, scope.end_utc, list(scope.hamlets))
    by_hamlet: dict[str, WarningRow] = {}
    total = WarningRow(texts.say("warnings_total"))
    for (code, verdict, kind), n in sorted(counts.items(), key=lambda kv: str(kv[0])):
        hamlet = config.hamlet(code) if code else None
        name = hamlet.name if hamlet else texts.say("hamlet_unknown")
        row = by_hamlet.setdefault(name, WarningRow(name))
        for target in (row, total):
            if verdict == "scam":
                target.scam += n
                label = texts.say(f"safety_kind_{kind}") if kind and kind != "unknown" else texts.say("warnings_other")
                target.kinds[label] = target.kinds.get(label, 0) + n
            elif verdict == "suspicious":
                target.suspicious += n
            else:
                target.flood += n
    return Warnings(sorted(by_hamlet.values(), key=lambda r: r.hamlet), total)
