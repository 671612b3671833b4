"""Foundation tables: groups, people, memberships, activity and roles.

Chat and user ids are BIGINT (Telegram ids exceed 32 bits). Zalo ids are opaque strings
that may not fit 64 bits, so they go in ``external_id``; exactly one of the two is set.
We keep no message contents here, only who was active in which hour (Decree 13/2023:
store as little personal data as the features need).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, validates

from bot.store.base import Base, BigPK, clip

TITLE_CHARS = 255  # a Telegram title is at most 128; other sources (Zalo, CSV imports) may send more
NAME_CHARS = 128


class Group(Base):
    __tablename__ = "groups"
    __table_args__ = (
        UniqueConstraint("platform", "chat_id"),
        UniqueConstraint("platform", "external_id"),
        CheckConstraint("(chat_id IS NULL) <> (external_id IS NULL)", name="one_id"),
        Index("ix_groups_hamlet_code", "hamlet_code"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    external_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16), default="group")
    title: Mapped[str | None] = mapped_column(String(TITLE_CHARS))
    hamlet_code: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    bot_is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    @validates("title")
    def _clip_title(self, _key: str, value: str | None) -> str | None:
        """PostgreSQL refuses a longer value (and with it the whole transaction): cut it."""
        return clip(value, TITLE_CHARS)


class Person(Base):
    """A platform account that wrote to or joined a group. Name is optional (hideable)."""

    __tablename__ = "people"
    __table_args__ = (
        UniqueConstraint("platform", "user_id"),
        UniqueConstraint("platform", "external_id"),
        CheckConstraint("(user_id IS NULL) <> (external_id IS NULL)", name="one_id"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    external_id: Mapped[str | None] = mapped_column(String(64))
    display_name: Mapped[str | None] = mapped_column(String(NAME_CHARS))
    first_seen: Mapped[datetime] = mapped_column(DateTime)

    @validates("display_name")
    def _clip_name(self, _key: str, value: str | None) -> str | None:
        return clip(value, NAME_CHARS)


class Membership(Base):
    """Current state of one person in one group; history is in ``member_events``."""

    __tablename__ = "memberships"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    joined_at: Mapped[datetime | None] = mapped_column(DateTime)
    left_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The latest UTC hour this person wrote in this group (0013, kept by the activity flush): "active
    # in the last 7/30 days" up to now without reading a month of hourly rows.
    last_active: Mapped[datetime | None] = mapped_column(DateTime)


class MemberEventRow(Base):
    """One join or leave. Only real transitions are written, so duplicates cannot double count."""

    __tablename__ = "member_events"
    __table_args__ = (Index("ix_member_events_group_at", "group_id", "at"),)

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    change: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime)


class Activity(Base):
    """Messages a person sent in a group in one UTC hour: counts, never contents."""

    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_group_hour", "group_id", "hour"),)

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    hour: Mapped[datetime] = mapped_column(DateTime, primary_key=True)
    messages: Mapped[int] = mapped_column(Integer, default=0)


class RoleRow(Base):
    """A role granted at run time (config.yaml roles are read from config, not copied here)."""

    __tablename__ = "roles"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    commune: Mapped[str | None] = mapped_column(String(32))
    granted_by: Mapped[str | None] = mapped_column(String(64))
    granted_at: Mapped[datetime] = mapped_column(DateTime)
