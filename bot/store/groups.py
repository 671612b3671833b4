"""Groups the bot is in: registration, activation, hamlet links and supergroup migration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.model import ChatId, ChatRef, Platform
from bot.store import rollups
from bot.store.base import clip
from bot.store.ids import id_columns, id_filter, row_id
from bot.store.outbox import Delivery
from bot.store.questions import Question
from bot.store.tables import TITLE_CHARS, Activity, Group, MemberEventRow, Membership

# Bumped whenever this process changes a group (link, activation, migration), so the
# dispatcher's cache of groups is dropped at once; other processes' changes show up
# when its entries expire.
generation = 0


def changed() -> None:
    global generation
    generation += 1


async def find_group(s: AsyncSession, platform: Platform | str, chat_id: ChatId) -> Group | None:
    p = Platform(platform).value
    return (
        await s.execute(select(Group).where(Group.platform == p, id_filter(Group, chat_id, "chat_id")))
    ).scalar_one_or_none()


async def ensure_group(s: AsyncSession, chat: ChatRef, now: datetime) -> Group:
    """The group row for a chat, created on first sight; the title follows renames."""
    group = await find_group(s, chat.platform, chat.id)
    if group is None:
        group = Group(
            platform=chat.platform.value,
            kind=chat.kind.value,
            title=chat.title,
            active=True,
            bot_is_admin=False,
            created_at=now,
            updated_at=now,
            **id_columns(chat.id, "chat_id"),
        )
        s.add(group)
        await s.flush()
    elif chat.title and clip(chat.title, TITLE_CHARS) != group.title:
        group.title = chat.title
        group.updated_at = now
    return group


async def set_bot_membership(s: AsyncSession, chat: ChatRef, *, active: bool, is_admin: bool, now: datetime) -> Group:
    group = await ensure_group(s, chat, now)
    changed()
    group.active = active
    group.bot_is_admin = is_admin and active
    group.updated_at = now
    return group


async def mark_inactive(s: AsyncSession, platform: Platform | str, chat_id: ChatId, now: datetime) -> None:
    group = await find_group(s, platform, chat_id)
    changed()
    if group is not None:
        group.active = False
        group.updated_at = now


async def migrate_group(
    s: AsyncSession, platform: Platform | str, old_id: ChatId, new_id: ChatId, now: datetime
) -> Group | None:
    """Move a group to its new (supergroup) id and keep its history and hamlet link.

    If the new id already has a row (its updates arrived first), that row's members and
    activity are folded into the old group, which then takes the new id.
    """
    old = await find_group(s, platform, old_id)
    new = await find_group(s, platform, new_id)
    changed()
    if old is None:
        return new
    if new is not None and new.id != old.id:
        await _fold_into(s, source=new.id, target=old.id)
        old.hamlet_code = old.hamlet_code or new.hamlet_code
        old.bot_is_admin = old.bot_is_admin or new.bot_is_admin
        await s.delete(new)
        await s.flush()
    for key, value in id_columns(new_id, "chat_id").items():
        setattr(old, key, value)
    old.kind = "group"
    old.active = True
    old.updated_at = now
    await s.flush()
    return old


async def _fold_into(s: AsyncSession, *, source: int, target: int) -> None:
    have = set((await s.execute(select(Membership.person_id).where(Membership.group_id == target))).scalars())
    moved = [
        m
        for m in (await s.execute(select(Membership).where(Membership.group_id == source))).scalars()
        if m.person_id not in have
    ]
    for m in moved:
        await s.execute(
            update(Membership)
            .where(Membership.group_id == source, Membership.person_id == m.person_id)
            .values(group_id=target)
        )
    await s.execute(delete(Membership).where(Membership.group_id == source))
    await s.execute(update(MemberEventRow).where(MemberEventRow.group_id == source).values(group_id=target))
    rows = (await s.execute(select(Activity).where(Activity.group_id == source))).scalars().all()
    for a in rows:
        existing = await s.get(Activity, (target, a.person_id, a.hour))
        if existing:
            existing.messages += a.messages
        else:
            s.add(Activity(group_id=target, person_id=a.person_id, hour=a.hour, messages=a.messages))
    await s.execute(delete(Activity).where(Activity.group_id == source))
    await rollups.merge_group(s, source, target)
    # Bulletins: one delivery per (bulletin, group). Where both rows exist, keep the one that
    # went out (or the target's), so the chat never gets the same bulletin twice.
    target_rows = {
        d.bulletin_id: d for d in (await s.execute(select(Delivery).where(Delivery.group_id == target))).scalars()
    }
    for d in (await s.execute(select(Delivery).where(Delivery.group_id == source))).scalars().all():
        kept = target_rows.get(d.bulletin_id)
        if kept is None:
            d.group_id = target
            continue
        if d.status == "sent" and kept.status != "sent":
            await s.delete(kept)
            await s.flush()
            d.group_id = target
        else:
            await s.delete(d)
    await s.execute(update(Question).where(Question.group_id == source).values(group_id=target))


async def link_hamlet(s: AsyncSession, group_id: int, hamlet_code: str, now: datetime) -> None:
    changed()
    await s.execute(update(Group).where(Group.id == group_id).values(hamlet_code=hamlet_code, updated_at=now))


async def list_groups(s: AsyncSession, *, active_only: bool = False) -> list[Group]:
    q = select(Group).order_by(Group.platform, Group.id)
    if active_only:
        q = q.where(Group.active.is_(True))
    return list((await s.execute(q)).scalars())


@dataclass(frozen=True)
class GroupImport:
    platform: Platform
    chat_id: ChatId
    title: str | None
    hamlet: str | None


async def import_groups(s: AsyncSession, rows: list[GroupImport], now: datetime) -> tuple[int, int]:
    """Register or update groups; returns (created, updated). Caller owns the transaction."""
    created = updated = 0
    changed()
    for row in rows:
        group = await find_group(s, row.platform, row.chat_id)
        if group is None:
            group = Group(
                platform=row.platform.value,
                kind="group",
                title=row.title,
                hamlet_code=row.hamlet,
                active=True,
                bot_is_admin=False,
                created_at=now,
                updated_at=now,
                **id_columns(row.chat_id, "chat_id"),
            )
            s.add(group)
            created += 1
        else:
            group.title = row.title or group.title
            group.hamlet_code = row.hamlet or group.hamlet_code
            group.updated_at = now
            updated += 1
    await s.flush()
    return created, updated


def group_chat_id(group: Group) -> ChatId:
    return row_id(group, "chat_id")
