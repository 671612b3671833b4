"""Which kind notice a person already got today, so a sticker or voice note is answered once a day.

Only the person's row id, the kind of notice and the local date are kept (no content), and
rows older than a week are deleted when new ones are written.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import BigInteger, Date, ForeignKey, String, UniqueConstraint, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base, BigPK

KEEP_DAYS = 7


class Notice(Base):
    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("person_id", "kind", "day"),)

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)


async def first_today(s: AsyncSession, person_id: int, kind: str, day: date) -> bool:
    """Record the notice; True only the first time for this person, kind and day (race-safe)."""
    dialect = s.get_bind().dialect.name
    insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    stmt = insert(Notice).values(person_id=person_id, kind=kind, day=day).on_conflict_do_nothing()
    result = await s.execute(stmt)
    if result.rowcount:  # type: ignore[attr-defined]
        await s.execute(delete(Notice).where(Notice.day < day - timedelta(days=KEEP_DAYS)))
        return True
    return False
