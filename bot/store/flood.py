"""Flood-limit buckets shared by every process on one PostgreSQL (table ``flood_buckets``).

One row per key (a bot account, or one chat of it) holds a GCRA "theoretical arrival time"
(``tat``) and a ``paused_until`` set by a 429, both in epoch seconds of the DATABASE clock,
so processes on machines with skewed clocks still agree. A reservation is ONE statement
that locks the row, computes the slot and moves ``tat`` on: no two processes can take the
same slot, and nobody holds the lock across a network round trip to the platform.

SQLite deployments are single-process and pace in memory (``broadcasts.gate.LocalGate``).
"""

from __future__ import annotations

from sqlalchemy import Float, String, text
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base

DB_NOW = "extract(epoch from clock_timestamp())::float8"

# One statement, one round trip. A key seen for the first time is inserted with its first slot
# already taken (wait 0). Otherwise: lock the row, find the earliest allowed send time ``at``
# (after any pause, and no more than ``burst`` slots ahead of the theoretical arrival time), and
# reserve it unless the caller only asked (``block`` false) and would have to wait. Returns the
# wait in seconds (0 = go now); no row when another process created the key at the same moment.
_RESERVE = text(
    f"""
    WITH ins AS (
        INSERT INTO flood_buckets (key, tat, paused_until)
        VALUES (:key, {DB_NOW} + CAST(:interval AS float8), 0)
        ON CONFLICT (key) DO NOTHING
        RETURNING CAST(0 AS float8) AS wait
    ), cur AS (
        SELECT key, tat, paused_until, {DB_NOW} AS now
        FROM flood_buckets WHERE key = :key FOR UPDATE
    ), slot AS (
        SELECT key, tat, now,
               greatest(now, paused_until, tat - (CAST(:burst AS float8) - 1) * CAST(:interval AS float8)) AS at
        FROM cur
    ), upd AS (
        UPDATE flood_buckets f
        SET tat = CASE WHEN CAST(:block AS boolean) OR slot.at <= slot.now
                       THEN greatest(slot.tat, slot.at) + CAST(:interval AS float8)
                       ELSE f.tat END
        FROM slot WHERE f.key = slot.key
        RETURNING slot.at - slot.now AS wait
    )
    SELECT wait FROM ins UNION ALL SELECT wait FROM upd
    """
)
_PAUSE = text(
    f"""
    INSERT INTO flood_buckets (key, tat, paused_until) VALUES (:key, 0, {DB_NOW} + CAST(:seconds AS float8))
    ON CONFLICT (key) DO UPDATE
    SET paused_until = greatest(flood_buckets.paused_until, excluded.paused_until)
    """
)
# A bucket whose tat is in the past and that is not paused is the same as no row at all.
_SWEEP = text(f"DELETE FROM flood_buckets WHERE tat < {DB_NOW} - 1 AND paused_until < {DB_NOW}")
_PAUSED = text(f"SELECT greatest(paused_until - {DB_NOW}, 0) FROM flood_buckets WHERE key = :key")


class FloodBucket(Base):
    __tablename__ = "flood_buckets"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)  # "telegram:123456" or "telegram:123456:-4001"
    tat: Mapped[float] = mapped_column(Float(precision=53))  # GCRA theoretical arrival time, epoch s (DB clock)
    paused_until: Mapped[float] = mapped_column(Float(precision=53))  # epoch s (DB clock); 0 = never paused


async def reserve(conn: AsyncConnection, key: str, *, interval: float, burst: int, block: bool) -> float:
    """Seconds until the caller may send on ``key``. With ``block`` the slot is reserved whatever
    the wait; without, it is reserved only when the wait is 0 (nothing is taken otherwise).

    ``conn`` is an AUTOCOMMIT connection the caller keeps open: one round trip, no pool checkout.
    """
    params = {"key": key, "interval": interval, "burst": burst, "block": block}
    while True:
        row = (await conn.execute(_RESERVE, params)).first()
        if row is not None:
            return max(0.0, float(row[0]))
        # Another process inserted this key in the same instant: its row is visible now.


async def pause(conn: AsyncConnection, key: str, seconds: float) -> None:
    """Nobody sends on ``key`` for ``seconds`` (a 429's ``retry_after``), in every process."""
    await conn.execute(_PAUSE, {"key": key, "seconds": seconds})


async def paused_for(conn: AsyncConnection, key: str) -> float:
    value = (await conn.execute(_PAUSED, {"key": key})).scalar_one_or_none()
    return float(value or 0.0)


async def sweep(conn: AsyncConnection) -> int:
    """Drop idle buckets (one per chat ever written to would pile up otherwise)."""
    result = await conn.execute(_SWEEP)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
