"""Questions residents asked the bot, and whether the answer helped.

This is the one place message text is kept: leaders need the unanswered and "not
useful" questions to improve the FAQ, and officials see what people ask. Nothing else
people write is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, String, Text, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base, BigPK
from bot.store.ids import MAX_ID

MAX_TEXT = 2000  # a question longer than this is cut; nobody types more on a phone


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


FEEDBACK_USEFUL = "useful"
FEEDBACK_NOT_USEFUL = "not_useful"
# The ask-back ("Ý bà con là…?"): the asker chose a suggested topic, or none of them fit.
FEEDBACK_CHOSEN = "chosen"
FEEDBACK_NONE_FIT = "none_fit"
# A leader's review of a chosen phrasing: added to the knowledge base, or not.
FEEDBACK_APPROVED = "approved"
FEEDBACK_REJECTED = "rejected"


async def log_question(
    s: AsyncSession,
    *,
    platform: str,
    group_id: int | None,
    person_id: int | None,
    hamlet_code: str | None,
    asked_at: datetime,
    text: str,
    topic: str | None,
    score: float,
    answered: bool,
) -> Question:
    """Keep one question (flushed, so its id can go into the feedback buttons)."""
    q = Question(
        platform=platform,
        group_id=group_id,
        person_id=person_id,
        hamlet_code=hamlet_code,
        asked_at=asked_at,
        text=text[:MAX_TEXT],
        topic=topic,
        score=score,
        answered=answered,
    )
    s.add(q)
    await s.flush()
    return q


async def set_feedback(
    s: AsyncSession, question_id: int, feedback: str, at: datetime, *, by_person: int | None
) -> Literal["saved", "unknown", "not_yours"]:
    """Record 👍/👎 from the person who asked; anyone else's press (ids are sequential and
    easy to guess) changes nothing. A 👍 after choosing the topic in the ask-back keeps the
    choice (it only confirms it, and the wording must still reach a leader's review); a 👎
    withdraws it."""
    q = await s.get(Question, question_id) if 0 < question_id <= MAX_ID else None
    if q is None:
        return "unknown"
    if by_person is None or q.person_id != by_person:
        return "not_yours"
    keep = feedback == FEEDBACK_USEFUL and q.feedback in (FEEDBACK_CHOSEN, FEEDBACK_APPROVED, FEEDBACK_REJECTED)
    if not keep:
        q.feedback = feedback
    q.feedback_at = at
    return "saved"


async def needing_work(
    s: AsyncSession, since: datetime, hamlet_codes: list[str] | None, limit: int = 200
) -> list[Question]:
    """Unanswered and "not useful" questions since ``since``, newest first.

    ``hamlet_codes`` None means every hamlet (and questions whose hamlet is unknown).
    """
    q = (
        select(Question)
        .where(
            Question.asked_at >= since,
            or_(Question.answered.is_(False), Question.feedback == FEEDBACK_NOT_USEFUL),
        )
        .order_by(Question.asked_at.desc())
        .limit(limit)
    )
    if hamlet_codes is not None:
        q = q.where(Question.hamlet_code.in_(hamlet_codes))
    return list((await s.execute(q)).scalars())


async def record_choice(s: AsyncSession, question_id: int, topic: str | None, at: datetime) -> Question | None:
    """The asker pressed a suggested topic (``topic``) or "Không phải" (None) under an ask-back.

    A chosen topic makes the question answered with that topic, and its wording a phrasing
    waiting for a leader's review; "none of these" leaves it unanswered, so leaders see it.
    """
    q = await s.get(Question, question_id)
    if q is None:
        return None
    q.feedback_at = at
    if topic is None:
        q.topic, q.answered, q.feedback = None, False, FEEDBACK_NONE_FIT
    else:
        q.topic, q.answered, q.feedback = topic, True, FEEDBACK_CHOSEN
    return q


async def pending_phrasings(s: AsyncSession, hamlet_codes: list[str] | None, limit: int = 50) -> list[Question]:
    """Wordings residents confirmed through the ask-back, not yet reviewed; oldest first."""
    q = (
        select(Question)
        .where(Question.feedback == FEEDBACK_CHOSEN, Question.topic.is_not(None))
        .order_by(Question.asked_at, Question.id)
        .limit(limit)
    )
    if hamlet_codes is not None:
        q = q.where(Question.hamlet_code.in_(hamlet_codes))
    return list((await s.execute(q)).scalars())


async def set_review(s: AsyncSession, question_id: int, approved: bool, at: datetime) -> Question | None:
    """Mark a confirmed wording reviewed; None unless it was waiting for review."""
    q = await s.get(Question, question_id)
    if q is None or q.feedback != FEEDBACK_CHOSEN:
        return None
    q.feedback, q.feedback_at = (FEEDBACK_APPROVED if approved else FEEDBACK_REJECTED), at
    return q
