"""Changes leaders and officials make to the FAQ from the web console: who, when, what.

Every edit of ``faq/knowledge.yaml`` made through the console is one row here, so it can be
listed, reviewed and undone. ``kind``: ``phrasing`` (a question added to a topic), ``answer``
(an answer's text corrected), ``topic`` (a new topic, drafted by a leader and applied when an
official approves it). ``status``: ``applied``, ``undone``, ``pending`` (a draft waiting for
review) or ``rejected``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, String, Text, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base, BigPK

KINDS = ("phrasing", "answer", "topic")
APPLIED, UNDONE, PENDING, REJECTED = "applied", "undone", "pending", "rejected"


class FaqChange(Base):
    __tablename__ = "faq_changes"
    __table_args__ = (
        Index("ix_faq_changes_question", "question_id"),
        Index("ix_faq_changes_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(255))  # a new topic's title
    question_id: Mapped[int | None] = mapped_column(BigInteger)  # the resident's question it came from
    commune: Mapped[str | None] = mapped_column(String(32))  # whose change: scopes the history a leader sees
    before: Mapped[str | None] = mapped_column(Text)  # the answer before a correction
    after: Mapped[str] = mapped_column(Text)  # the phrasing, the new answer, or the draft's answer
    extra: Mapped[str | None] = mapped_column(Text)  # a draft's phrasings, one per line
    status: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))  # who approved, rejected or undid it
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


async def recent_changes(s: AsyncSession, communes: list[str] | None, limit: int = 50) -> list[FaqChange]:
    """Newest first; ``communes`` None: every change (officials)."""
    q = select(FaqChange).order_by(FaqChange.id.desc()).limit(limit)
    if communes is not None:
        q = q.where(FaqChange.commune.in_(communes))
    return list((await s.execute(q)).scalars())


async def handled_questions(s: AsyncSession, ids: list[int]) -> set[int]:
    """Questions already taught or drafted (and not undone or rejected): the console stops listing them."""
    if not ids:
        return set()
    q = select(FaqChange.question_id).where(FaqChange.question_id.in_(ids), FaqChange.status.in_((APPLIED, PENDING)))
    return {qid for qid in (await s.execute(q)).scalars() if qid is not None}
