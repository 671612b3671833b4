"""Who a bulletin is for: ``all``, ``commune:CODE`` or ``hamlet:CODE[,CODE…]``.

A target names hamlets (from config.yaml); the groups are the active groups linked to
those hamlets with ``/ganap``. ``all`` also reaches active groups not linked to a hamlet.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.store.tables import Group


class TargetError(ValueError):
    """A target that names no known commune or hamlet; the message says which."""


@dataclass(frozen=True)
class Target:
    kind: str  # all | commune | hamlet
    codes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "all" if self.kind == "all" else f"{self.kind}:{','.join(self.codes)}"


def parse_target(text: str, config: Config) -> Target:
    raw = (text or "all").strip()
    if raw.lower() == "all":
        return Target("all")
    kind, _, rest = raw.partition(":")
    kind = kind.strip().lower()
    codes = tuple(c.strip() for c in rest.split(",") if c.strip())
    if kind not in ("commune", "hamlet") or not codes:
        raise TargetError(f"{raw!r}: write all, commune:CODE or hamlet:CODE[,CODE…]")
    known = (
        {c.code.lower(): c.code for c in config.communes}
        if kind == "commune"
        else {h.code.lower(): h.code for h in config.all_hamlets()}
    )
    unknown = [c for c in codes if c.lower() not in known]
    if unknown:
        raise TargetError(f"unknown {kind} {', '.join(unknown)} (known: {', '.join(sorted(known.values()))})")
    return Target(kind, tuple(dict.fromkeys(known[c.lower()] for c in codes)))


def hamlet_codes(target: Target, config: Config) -> set[str] | None:
    """The hamlets a target covers; None means every group, linked or not."""
    if target.kind == "all":
        return None
    if target.kind == "commune":
        codes: set[str] = set()
        for code in target.codes:
            commune = config.commune(code)
            codes.update(h.code for h in (commune.hamlets if commune else []))
        return codes
    return set(target.codes)


async def target_groups(s: AsyncSession, target: Target, config: Config) -> list[Group]:
    """Active group chats the target reaches, in a stable order."""
    q = select(Group).where(Group.active.is_(True), Group.kind != "private").order_by(Group.id)
    codes = hamlet_codes(target, config)
    if codes is not None:
        q = q.where(Group.hamlet_code.in_(sorted(codes)))
    return list((await s.execute(q)).scalars())
