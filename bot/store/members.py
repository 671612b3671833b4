"""People and memberships (activity counts are in ``bot.store.activity``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.model import MemberChange, UserRef
from bot.store.base import clip
from bot.store.ids import id_columns, id_filter
from bot.store.tables import NAME_CHARS, MemberEventRow, Membership, Person


async def find_person(s: AsyncSession, platform: str, user_id: int | str) -> Person | None:
    return (
        await s.execute(select(Person).where(Person.platform == platform, id_filter(Person, user_id, "user_id")))
    ).scalar_one_or_none()


async def ensure_person(s: AsyncSession, user: UserRef, now: datetime, *, keep_name: bool = True) -> Person:
    person = await find_person(s, user.platform.value, user.id)
    name = clip(user.display_name, NAME_CHARS) if (keep_name and user.display_name) else None
    if person is None:
        ids = id_columns(user.id, "user_id")
        person = Person(platform=user.platform.value, display_name=name, first_seen=now, **ids)
        s.add(person)
        await s.flush()
    elif name and name != person.display_name:
        person.display_name = name
    return person


async def apply_member_change(
    s: AsyncSession, group_id: int, person_id: int, change: MemberChange, source: str, now: datetime
) -> bool:
    """Record a join or leave only if it changes the state: returns whether it did.

    Telegram may report one join twice (a ``chat_member`` update and a ``new_chat_members``
    service message); state-based recording makes the second one a no-op.
    """
    m = await s.get(Membership, (group_id, person_id))
    joining = change is MemberChange.JOINED
    if m is not None and m.active == joining:
        return False
    if m is None:
        if not joining:
            # Left before we ever saw them: still a real leave for the weekly figures.
            s.add(Membership(group_id=group_id, person_id=person_id, active=False, left_at=now))
        else:
            s.add(Membership(group_id=group_id, person_id=person_id, active=True, joined_at=now))
    else:
        m.active = joining
        if joining:
            m.joined_at = now
        else:
            m.left_at = now
    s.add(MemberEventRow(group_id=group_id, person_id=person_id, change=change.value, source=source, at=now))
    return True


def hour_of(at: datetime) -> datetime:
    return at.replace(minute=0, second=0, microsecond=0)


async def member_count(s: AsyncSession, group_id: int) -> int:
    return int(
        (
            await s.execute(select(func.count()).where(Membership.group_id == group_id, Membership.active.is_(True)))
        ).scalar_one()
    )
