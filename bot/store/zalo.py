"""Zalo state that must survive a restart: OA tokens, events already handled, follower fan-out.

* ``zalo_tokens``: the OA's access token and its single-use, rotating refresh token. Both are
  written in one transaction, so a crash after a refresh never loses the new refresh token
  (the old one is already spent: reusing it is Zalo error -14020).
* ``zalo_seen_events``: keys of webhook/polling events already handled. Zalo delivers some
  events twice (and retries for about two hours); a key is claimed with an INSERT that
  ignores conflicts, so exactly one process handles it. Rows older than the retention
  window are purged.
* ``zalo_fanout``: which followers already got a given bulletin text, so a follower
  broadcast resumed after a quota error does not message anyone twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Boolean, DateTime, Index, String, Text, delete, event, select
from sqlalchemy.orm import Mapped, mapped_column, validates

from bot.logsafe import register_secret
from bot.store.base import Base
from bot.store.db import Store

# Zalo retries a webhook for about 2 hours; a week of keys covers that with a wide margin.
SEEN_RETENTION = timedelta(days=7)


class ZaloToken(Base):
    __tablename__ = "zalo_tokens"

    oa_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    access_token: Mapped[str | None] = mapped_column(Text)
    refresh_token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime)  # naive UTC
    needs_reauth: Mapped[bool] = mapped_column(Boolean, default=False)
    last_error: Mapped[str | None] = mapped_column(String(255))
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    @validates("access_token", "refresh_token")
    def _keep_out_of_logs(self, _key: str, value: str | None) -> str | None:
        register_secret(value)  # before SQL echo can show it as a statement parameter
        return value


@event.listens_for(ZaloToken, "load")
def _loaded_tokens_out_of_logs(row: ZaloToken, _context: object) -> None:
    register_secret(row.access_token)
    register_secret(row.refresh_token)


class ZaloSeenEvent(Base):
    __tablename__ = "zalo_seen_events"
    __table_args__ = (Index("ix_zalo_seen_events_seen_at", "seen_at"),)

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    event_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class ZaloFanout(Base):
    __tablename__ = "zalo_fanout"
    __table_args__ = (Index("ix_zalo_fanout_sent_at", "sent_at"),)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime)


async def claim_event(store: Store, platform: str, key: str, now: datetime) -> bool:
    """True the first time ``key`` is seen for ``platform``; False for a repeat."""
    key = key.replace("\x00", "\\0")[:128]  # a NUL from a hostile body: PostgreSQL text cannot hold it
    stmt = (
        store.insert(ZaloSeenEvent)
        .values(platform=platform, event_key=key, seen_at=now)
        .on_conflict_do_nothing(index_elements=[ZaloSeenEvent.platform, ZaloSeenEvent.event_key])
    )
    async with store.session() as s:
        result = await s.execute(stmt)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def purge_seen(store: Store, now: datetime, retention: timedelta = SEEN_RETENTION) -> int:
    """Forget event keys and fan-out marks older than the retention window."""
    cutoff = now - retention
    async with store.session() as s:
        a = await s.execute(delete(ZaloSeenEvent).where(ZaloSeenEvent.seen_at < cutoff))
        b = await s.execute(delete(ZaloFanout).where(ZaloFanout.sent_at < cutoff))
    return int(a.rowcount or 0) + int(b.rowcount or 0)  # type: ignore[attr-defined]


async def fanout_done(store: Store, key: str) -> set[str]:
    async with store.session() as s:
        return set((await s.execute(select(ZaloFanout.user_id).where(ZaloFanout.key == key))).scalars())


async def mark_fanout(store: Store, key: str, user_id: str, now: datetime) -> None:
    stmt = (
        store.insert(ZaloFanout)
        .values(key=key, user_id=user_id, sent_at=now)
        .on_conflict_do_nothing(index_elements=[ZaloFanout.key, ZaloFanout.user_id])
    )
    async with store.session() as s:
        await s.execute(stmt)
