"""Questions residents asked the bot, and whether the answer helped.

This is the one place message text is kept: leaders need the unanswered and "not
useful" questions to improve the FAQ, and officials see what people ask. Nothing else
people write is stored.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base, BigPK


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (
        Index("ix_questions_hamlet_asked", "hamlet_code", "asked_at"),
        Index("ix_questions_asked_at", "asked_at"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    hamlet_code: Mapped[str | None] = mapped_column(String(32))
    asked_at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str | None] = mapped_column(String(64))  # None: the bot did not answer
    score: Mapped[float] = mapped_column(Float, default=0.0)
    answered: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback: Mapped[str | None] = mapped_column(String(16))  # "useful" | "not_useful"
    feedback_at: Mapped[datetime | None] = mapped_column(DateTime)
