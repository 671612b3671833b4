"""Bulletins and the outbox: the only way a broadcast leaves the bot (principle 5).

A bulletin becomes one ``deliveries`` row per target group in one transaction, unique on
(bulletin, group); senders drain rows under the platform's flood limits. A firing of a
schedule creates at most one bulletin per (schedule, run time).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base, BigPK


class Bulletin(Base):
    __tablename__ = "bulletins"
    __table_args__ = (UniqueConstraint("schedule_id", "run_at"),)

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24))  # weather | salinity | salinity_alert | policy | custom
    target: Mapped[str] = mapped_column(Text)  # all | commune:CODE | hamlet:CODE[,CODE…] (can be long)
    text: Mapped[str | None] = mapped_column(Text)  # fixed text; per-hamlet texts live on deliveries
    html: Mapped[bool] = mapped_column(Boolean, default=False)
    schedule_id: Mapped[str | None] = mapped_column(String(64))
    run_at: Mapped[datetime | None] = mapped_column(DateTime)  # the schedule's fire time
    send_at: Mapped[datetime] = mapped_column(DateTime)  # not before
    status: Mapped[str] = mapped_column(String(16))  # scheduled | queued | done | cancelled
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("bulletin_id", "group_id"),
        # The claim reads the head of this index (migration 0011): no sort of every queued row.
        Index("ix_deliveries_claim", "status", "platform", "due_at", "id"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))  # queued | sent | failed | inactive | cancelled
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(DateTime)  # not before (backoff, send_at)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)  # a sender holds the row until then
    platform_message_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    migrated: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Added by 0003 (broadcasts): parts of a split text already sent, and which sender holds the lease.
    parts_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    leased_by: Mapped[str | None] = mapped_column(String(64))
