"""Group safety in the database: known-bad entries, flagged messages, per-group settings.

Flagged message text is kept only so a leader can review what was flagged, and only
for ``KEEP_TEXT_DAYS`` days (``purge_flag_texts`` blanks it afterwards; the count and
the kind stay for the figures). Nothing else residents write is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text, UniqueConstraint, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.safety.lists import Entry
from bot.store.base import Base, BigPK

KEEP_TEXT_DAYS = 30
MAX_TEXT = 2000

# What happened to a flagged message (the `action` column).
WARNED = "warned"  # scam: the bot replied in the group
DELETED = "deleted"  # scam: replied and deleted the message
LOGGED = "logged"  # suspicious: only logged for leaders
FLOOD = "flood"  # a new member posting links or repeating themselves
MUTED = "muted"  # flood, and the member was muted


class SafetyEntry(Base):
    """A known-bad domain, phone number or phrase, and where it came from."""

    __tablename__ = "safety_entries"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(255))
    source: Mapped[str] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(String(300))
    added_at: Mapped[datetime] = mapped_column(DateTime)


class SafetyFlag(Base):
    """One message the bot flagged (scam, suspicious) or one flood warning."""

    __tablename__ = "safety_flags"
    __table_args__ = (
        Index("ix_safety_flags_hamlet_at", "hamlet_code", "at"),
        Index("ix_safety_flags_at", "at"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    platform: Mapped[str] = mapped_column(String(16))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    hamlet_code: Mapped[str | None] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(16))  # scam | suspicious | flood
    kind: Mapped[str | None] = mapped_column(String(32))  # what it pretended to be
    reasons: Mapped[str] = mapped_column(String(255), default="")  # finding codes, comma separated
    action: Mapped[str] = mapped_column(String(16))
    message_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)  # blanked after KEEP_TEXT_DAYS


class GroupSafety(Base):
    """A group's safety settings; a group without a row uses the defaults."""

    __tablename__ = "group_safety"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    delete_scams: Mapped[bool] = mapped_column(Boolean, default=False)
    mute_flood: Mapped[bool] = mapped_column(Boolean, default=False)
    welcome: Mapped[bool] = mapped_column(Boolean, default=True)
    welcome_text: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# --- known-bad entries ---------------------------------------------------------------
async def add_entries(s: AsyncSession, entries: Iterable[Entry], now: datetime) -> tuple[int, int]:
    """Insert or update (same kind and value: the newer source wins); returns (added, updated)."""
    added = updated = 0
    for e in entries:
        row = (
            await s.execute(select(SafetyEntry).where(SafetyEntry.kind == e.kind, SafetyEntry.value == e.value))
        ).scalar_one_or_none()
        if row is None:
            s.add(SafetyEntry(kind=e.kind, value=e.value, source=e.source, note=e.note or None, added_at=now))
            added += 1
        else:
            row.source, row.note, row.added_at = e.source, e.note or None, now
            updated += 1
        await s.flush()
    return added, updated


async def load_entries(s: AsyncSession) -> list[Entry]:
    rows = (await s.execute(select(SafetyEntry).order_by(SafetyEntry.id))).scalars().all()
    return [Entry(r.kind, r.value, r.source, r.note or "") for r in rows]


# --- flags -----------------------------------------------------------------------------
async def record_flag(
    s: AsyncSession,
    *,
    at: datetime,
    platform: str,
    group_id: int | None,
    person_id: int | None,
    hamlet_code: str | None,
    verdict: str,
    kind: str | None,
    reasons: Iterable[str],
    action: str,
    message_id: str | None,
    text: str | None,
) -> SafetyFlag:
    flag = SafetyFlag(
        at=at,
        platform=platform,
        group_id=group_id,
        person_id=person_id,
        hamlet_code=hamlet_code,
        verdict=verdict,
        kind=kind,
        reasons=",".join(reasons)[:255],
        action=action,
        message_id=message_id,
        text=text[:MAX_TEXT] if text else None,
    )
    s.add(flag)
    await s.flush()
    return flag


async def purge_flag_texts(s: AsyncSession, now: datetime, days: int = KEEP_TEXT_DAYS) -> int:
    """Blank the text of flags older than ``days``; returns how many were blanked."""
    result = await s.execute(
        update(SafetyFlag)
        .where(SafetyFlag.at < now - timedelta(days=days), SafetyFlag.text.is_not(None))
        .values(text=None)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def recent_flags(
    s: AsyncSession, since: datetime, hamlets: list[str] | None = None, limit: int = 20
) -> list[SafetyFlag]:
    q = select(SafetyFlag).where(SafetyFlag.at >= since)
    if hamlets is not None:
        q = q.where(SafetyFlag.hamlet_code.in_(hamlets))
    return list((await s.execute(q.order_by(SafetyFlag.at.desc()).limit(limit))).scalars().all())


async def flag_counts(
    s: AsyncSession, start: datetime, end: datetime, hamlets: list[str] | None = None
) -> dict[tuple[str | None, str, str], int]:
    """(hamlet, verdict, kind) → number of flags in [start, end)."""
    q = select(SafetyFlag.hamlet_code, SafetyFlag.verdict, SafetyFlag.kind, func.count()).where(
        SafetyFlag.at >= start, SafetyFlag.at < end
    )
    if hamlets is not None:
        q = q.where(SafetyFlag.hamlet_code.in_(hamlets))
    q = q.group_by(SafetyFlag.hamlet_code, SafetyFlag.verdict, SafetyFlag.kind)
    return {(h, v, k or "unknown"): int(n) for h, v, k, n in (await s.execute(q)).all()}


# --- settings --------------------------------------------------------------------------
async def group_settings(s: AsyncSession, group_id: int) -> GroupSafety | None:
    return await s.get(GroupSafety, group_id)


async def change_settings(s: AsyncSession, group_id: int, now: datetime, **values: object) -> GroupSafety:
    row = await s.get(GroupSafety, group_id)
    if row is None:
        row = GroupSafety(group_id=group_id, delete_scams=False, mute_flood=False, welcome=True, updated_at=now)
        s.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at = now
    await s.flush()
    return row
