"""Leases: "this process runs X until T", so exactly one process does X (table ``leases``).

Used for the scheduler and for Telegram's getUpdates (two pollers on one token get 409s and
would split the updates). The holder renews well before expiry; if it dies, the lease runs
out and the next process that asks takes it over. Times are epoch seconds of the DATABASE
clock on PostgreSQL (machines may disagree), of this machine on SQLite.
"""

from __future__ import annotations

import time

from sqlalchemy import Float, String, case, delete, select, text
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base
from bot.store.db import Store


class LeaseRow(Base):
    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(160), primary_key=True)  # "scheduler", "telegram:getUpdates:123456"
    holder: Mapped[str] = mapped_column(String(160))  # "host:pid:random"
    expires_at: Mapped[float] = mapped_column(Float(precision=53))  # epoch s
    acquired_at: Mapped[float] = mapped_column(Float(precision=53))  # epoch s, when this holder took it


async def _now(store: Store, conn: object) -> float:
    if store.is_sqlite:
        return time.time()
    return float((await conn.execute(text("SELECT extract(epoch from clock_timestamp())::float8"))).scalar_one())  # type: ignore[attr-defined]


async def acquire(store: Store, name: str, holder: str, ttl: float) -> bool:
    """Take or renew ``name`` for ``ttl`` seconds; True when ``holder`` now holds it.

    One atomic upsert: it writes only if the lease is free, expired, or already ours.
    """
    async with store.engine.begin() as conn:
        now = await _now(store, conn)
        ins = store.insert(LeaseRow).values(name=name, holder=holder, expires_at=now + ttl, acquired_at=now)
        table = LeaseRow.__table__
        stmt = ins.on_conflict_do_update(
            index_elements=["name"],
            set_={
                "holder": ins.excluded.holder,
                "expires_at": ins.excluded.expires_at,
                "acquired_at": case((table.c.holder == holder, table.c.acquired_at), else_=now),
            },
            where=(table.c.holder == holder) | (table.c.expires_at < now),
        ).returning(table.c.holder)
        got = (await conn.execute(stmt)).scalar_one_or_none()
    return got == holder


async def release(store: Store, name: str, holder: str) -> None:
    """Give the lease up at once (clean shutdown), so another process need not wait for expiry."""
    async with store.engine.begin() as conn:
        await conn.execute(delete(LeaseRow).where(LeaseRow.name == name, LeaseRow.holder == holder))


async def holder_of(store: Store, name: str) -> str | None:
    """Who holds ``name`` now (None when free or expired)."""
    async with store.engine.connect() as conn:
        now = await _now(store, conn)
        row = (await conn.execute(select(LeaseRow.holder, LeaseRow.expires_at).where(LeaseRow.name == name))).first()
    return row[0] if row is not None and row[1] >= now else None
