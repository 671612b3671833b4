"""Tables the broadcasts feature adds: schedules, leader conversations, salinity band state.

Schedules defined at run time live here next to the ones in config.yaml (principle 4:
APScheduler holds no definitions of its own). A conversation is the state of a multi-step
leader command, kept so it survives a restart. ``salinity_bands`` remembers the band each
station was last in, so an alert goes out once per upward crossing, not on every reading.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base


class ScheduleRow(Base):
    """A recurring bulletin defined at run time (same fields as ``bot.config.Schedule``)."""

    __tablename__ = "schedules"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))  # weather | salinity | policy_digest
    cron: Mapped[str] = mapped_column(String(64))  # five crontab fields, config timezone
    target: Mapped[str] = mapped_column(String(255))
    months: Mapped[list] = mapped_column(JSON, default=list)
    grace_minutes: Mapped[int] = mapped_column(Integer, default=60)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Conversation(Base):
    """Where one person is in a multi-step command (e.g. writing a bulletin)."""

    __tablename__ = "conversations"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # str(user id)
    kind: Mapped[str] = mapped_column(String(24))  # "bulletin"
    step: Mapped[str] = mapped_column(String(24))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SalinityBand(Base):
    """The band (0–3) of the newest reading seen per station."""

    __tablename__ = "salinity_bands"

    station: Mapped[str] = mapped_column(String(32), primary_key=True)
    band: Mapped[int] = mapped_column(Integer)
    reading_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


CONVERSATION_TTL = timedelta(hours=24)  # an unfinished conversation older than this is forgotten


async def get_conversation(s: AsyncSession, platform: str, user_key: str, now: datetime) -> Conversation | None:
    row = await s.get(Conversation, (platform, user_key))
    if row is not None and now - row.updated_at > CONVERSATION_TTL:
        await s.delete(row)
        return None
    return row


async def save_conversation(
    s: AsyncSession, platform: str, user_key: str, kind: str, step: str, data: dict[str, Any], now: datetime
) -> Conversation:
    row = await s.get(Conversation, (platform, user_key))
    if row is None:
        row = Conversation(platform=platform, user_key=user_key, kind=kind, step=step, data=data, updated_at=now)
        s.add(row)
    else:
        row.kind, row.step, row.data, row.updated_at = kind, step, dict(data), now
    await s.flush()
    return row


async def end_conversation(s: AsyncSession, platform: str, user_key: str) -> bool:
    row = await s.get(Conversation, (platform, user_key))
    if row is None:
        return False
    await s.delete(row)
    return True
