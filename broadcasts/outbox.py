"""Putting bulletins into the outbox and moving delivery rows through their states.

A bulletin and all its delivery rows are written in the caller's ONE transaction, unique
on (bulletin, group), and a schedule's bulletin is unique on (schedule, run time): a
double fire or a restart inserts nothing the second time. Rows end as ``sent`` (with the
platform message id), ``failed`` (with the reason), ``inactive`` (the bot was removed
from the group) or ``cancelled``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, cast, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.store.db import utcnow
from bot.store.outbox import Bulletin, Delivery
from broadcasts.targets import Target, parse_target, target_groups

QUEUED, SENT, FAILED, INACTIVE, CANCELLED = "queued", "sent", "failed", "inactive", "cancelled"
FINAL = (SENT, FAILED, INACTIVE, CANCELLED)
INSERT_CHUNK = 500  # rows per INSERT: stays under SQLite's and asyncpg's bound-parameter limits


def dialect_insert(s: AsyncSession, table: Any) -> Any:
    name = s.get_bind().dialect.name
    return (sqlite.insert if name == "sqlite" else postgresql.insert)(table)


@dataclass(frozen=True)
class Queued:
    bulletin_id: int | None  # None: this (schedule, run time) was queued before
    targets: int
    created: bool


async def bulletin_exists(s: AsyncSession, schedule_id: str, run_at: datetime) -> bool:
    q = select(Bulletin.id).where(Bulletin.schedule_id == schedule_id, Bulletin.run_at == run_at)
    return (await s.execute(q)).first() is not None


async def queue_bulletin(
    s: AsyncSession,
    config: Config,
    *,
    kind: str,
    target: Target | str,
    text: str | None = None,
    per_hamlet: Mapping[str, str] | None = None,
    html: bool = False,
    schedule_id: str | None = None,
    run_at: datetime | None = None,
    send_at: datetime | None = None,
    created_by: str | None = None,
    now: datetime | None = None,
) -> Queued:
    """One bulletin plus one delivery per target group, in the caller's transaction.

    Either ``text`` (the same for every group) or ``per_hamlet`` (hamlet code → text;
    groups of other hamlets or of none are left out) must be given.
    """
    if (text is None) == (per_hamlet is None):
        raise ValueError("give exactly one of text or per_hamlet")
    now = now or utcnow()
    tgt = target if isinstance(target, Target) else parse_target(target, config)
    send_at = send_at or now
    stmt = (
        dialect_insert(s, Bulletin)
        .values(
            kind=kind,
            target=str(tgt),
            text=text,
            html=html,
            schedule_id=schedule_id,
            run_at=run_at,
            send_at=send_at,
            status="scheduled" if send_at > now else QUEUED,
            created_by=created_by,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["schedule_id", "run_at"])
        .returning(Bulletin.id)
    )
    bulletin_id = (await s.execute(stmt)).scalar_one_or_none()
    if bulletin_id is None:
        return Queued(None, 0, created=False)
    rows = []
    for group in await target_groups(s, tgt, config):
        body = text if per_hamlet is None else per_hamlet.get(group.hamlet_code or "")
        if body is None:
            continue
        rows.append(
            dict(
                bulletin_id=bulletin_id,
                group_id=group.id,
                platform=group.platform,
                text=body,
                html=html,
                status=QUEUED,
                attempts=0,
                due_at=send_at,
                migrated=False,
                parts_sent=0,
                updated_at=now,
            )
        )
    for i in range(0, len(rows), INSERT_CHUNK):
        ins = dialect_insert(s, Delivery).values(rows[i : i + INSERT_CHUNK])
        await s.execute(ins.on_conflict_do_nothing(index_elements=["bulletin_id", "group_id"]))
    return Queued(bulletin_id, len(rows), created=True)


async def cancel_bulletin(s: AsyncSession, bulletin_id: int, now: datetime | None = None) -> int | None:
    """Cancel what has not been sent yet; returns how many rows were stopped (None: no such bulletin)."""
    now = now or utcnow()
    bulletin = await s.get(Bulletin, bulletin_id)
    if bulletin is None:
        return None
    bulletin.status = CANCELLED
    result = await s.execute(
        update(Delivery)
        .where(Delivery.bulletin_id == bulletin_id, Delivery.status == QUEUED)
        .values(status=CANCELLED, error="cancelled", lease_until=None, updated_at=now)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Progress:
    """Counts of one bulletin's rows by state (``migrated`` counts rows resent to a new id)."""

    targets: int = 0
    queued: int = 0
    sent: int = 0
    failed: int = 0
    inactive: int = 0
    cancelled: int = 0
    migrated: int = 0
    by_platform_queued: tuple[tuple[str, int], ...] = ()

    @property
    def done(self) -> bool:
        return self.queued == 0


async def progress(s: AsyncSession, bulletin_id: int) -> Progress:
    q = (
        select(Delivery.status, Delivery.platform, func.count(), func.sum(cast(Delivery.migrated, Integer)))
        .where(Delivery.bulletin_id == bulletin_id)
        .group_by(Delivery.status, Delivery.platform)
    )
    counts: dict[str, int] = {}
    queued_by: dict[str, int] = {}
    migrated = 0
    for status, platform, n, mig in (await s.execute(q)).all():
        counts[status] = counts.get(status, 0) + n
        migrated += int(mig or 0)
        if status == QUEUED:
            queued_by[platform] = queued_by.get(platform, 0) + n
    return Progress(
        targets=sum(counts.values()),
        queued=counts.get(QUEUED, 0),
        sent=counts.get(SENT, 0),
        failed=counts.get(FAILED, 0),
        inactive=counts.get(INACTIVE, 0),
        cancelled=counts.get(CANCELLED, 0),
        migrated=migrated,
        by_platform_queued=tuple(sorted(queued_by.items())),
    )


async def list_bulletins(s: AsyncSession, limit: int = 50) -> list[tuple[Bulletin, Progress]]:
    rows = (await s.execute(select(Bulletin).order_by(Bulletin.id.desc()).limit(limit))).scalars().all()
    return [(b, await progress(s, b.id)) for b in rows]


# ---- row transitions used by the drainer (each in its own short transaction) ----


async def claim(
    s: AsyncSession,
    *,
    platform: str,
    limit: int,
    lease: timedelta,
    owner: str,
    now: datetime,
    bulletin_id: int | None = None,
) -> list[int]:
    """Lease up to ``limit`` due rows in ONE statement (``UPDATE … WHERE id IN (SELECT …) RETURNING``).

    On PostgreSQL the inner SELECT uses ``FOR UPDATE SKIP LOCKED``, so several senders share
    the outbox without waiting on each other. On SQLite the single statement is atomic, so
    even a second process (``broadcast send --wait`` next to ``loaso run``) cannot take a
    row twice.
    """
    due = (
        select(Delivery.id)
        .where(
            Delivery.status == QUEUED,
            Delivery.platform == platform,
            Delivery.due_at <= now,
            (Delivery.lease_until.is_(None)) | (Delivery.lease_until < now),
        )
        .order_by(Delivery.due_at, Delivery.id)
        .limit(limit)
    )
    if bulletin_id is not None:
        due = due.where(Delivery.bulletin_id == bulletin_id)
    if s.get_bind().dialect.name != "sqlite":
        due = due.with_for_update(skip_locked=True)
    stmt = (
        update(Delivery)
        .where(Delivery.id.in_(due.scalar_subquery()))
        .values(lease_until=now + lease, leased_by=owner)
        .returning(Delivery.id)
        .execution_options(synchronize_session=False)
    )
    return sorted((await s.execute(stmt)).scalars())


async def release_owned(s: AsyncSession, owner: str) -> int:
    """A restarted sender gives back the leases its previous life held, so they resume at once."""
    result = await s.execute(
        update(Delivery)
        .where(Delivery.leased_by == owner, Delivery.status == QUEUED)
        .values(lease_until=None, leased_by=None)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def release(s: AsyncSession, ids: list[int], *, due_at: datetime | None = None, owner: str | None = None) -> None:
    """Give rows back to the queue; with ``owner``, only rows that sender still holds."""
    values: dict[str, Any] = {"lease_until": None, "leased_by": None}
    if due_at is not None:
        values["due_at"] = due_at
    stmt = update(Delivery).where(Delivery.id.in_(ids), Delivery.status == QUEUED)
    if owner is not None:
        stmt = stmt.where(Delivery.leased_by == owner)
    await s.execute(stmt.values(**values))


async def next_due(s: AsyncSession, platform: str, bulletin_id: int | None = None) -> datetime | None:
    q = select(func.min(Delivery.due_at)).where(Delivery.status == QUEUED, Delivery.platform == platform)
    if bulletin_id is not None:
        q = q.where(Delivery.bulletin_id == bulletin_id)
    return (await s.execute(q)).scalar_one_or_none()
