"""The store on SQLite and on PostgreSQL: groups, memberships, activity, migrations, roles."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.config import Config
from bot.model import ChatKind, ChatRef, MemberChange, Platform, Role, UserRef
from bot.store.activity import ActivityBuffer
from bot.store.db import Store
from bot.store.groups import ensure_group, find_group, group_chat_id, migrate_group
from bot.store.members import apply_member_change, ensure_person, member_count
from bot.store.roles import grant_role, list_grants, revoke_role, role_of
from bot.store.schema import ensure_schema
from bot.store.tables import Activity, MemberEventRow, Membership

T0 = datetime(2026, 11, 24, 5, 30)
BIG = -1001234567890123


@pytest.fixture
async def db(store: Store) -> Store:
    assert await ensure_schema(store) == "created"
    assert await ensure_schema(store) == "current"
    return store


def tg_chat(chat_id: int, title: str = "Nhóm ấp") -> ChatRef:
    return ChatRef(Platform.TELEGRAM, chat_id, ChatKind.GROUP, title)


def tg_user(uid: int, name: str = "Bà Năm") -> UserRef:
    return UserRef(Platform.TELEGRAM, uid, name)


async def test_big_and_string_ids_round_trip(db: Store) -> None:
    async with db.session() as s:
        a = await ensure_group(s, tg_chat(BIG), T0)
        b = await ensure_group(s, ChatRef(Platform.ZALO_OA, "f414c8f76fa586fbdfb4", ChatKind.GROUP), T0)
        again = await ensure_group(s, tg_chat(BIG, "Tên mới"), T0)
        assert again.id == a.id and again.title == "Tên mới"
    async with db.session() as s:
        assert group_chat_id(await find_group(s, Platform.TELEGRAM, BIG)) == BIG  # type: ignore[arg-type]
        z = await find_group(s, Platform.ZALO_OA, "f414c8f76fa586fbdfb4")
        assert z is not None and z.id == b.id and z.chat_id is None
        p = await ensure_person(s, UserRef(Platform.ZALO_OA, "9223372036854775809"), T0)  # > int64
        assert p.external_id == "9223372036854775809"


async def test_joins_and_leaves_count_only_transitions(db: Store) -> None:
    async with db.session() as s:
        g = await ensure_group(s, tg_chat(-1), T0)
        p = await ensure_person(s, tg_user(5), T0)
        assert await apply_member_change(s, g.id, p.id, MemberChange.JOINED, "chat_member", T0)
        assert not await apply_member_change(s, g.id, p.id, MemberChange.JOINED, "service", T0)
        assert await member_count(s, g.id) == 1
        assert await apply_member_change(s, g.id, p.id, MemberChange.LEFT, "service", T0 + timedelta(days=1))
        assert not await apply_member_change(s, g.id, p.id, MemberChange.LEFT, "chat_member", T0)
        assert await apply_member_change(s, g.id, p.id, MemberChange.JOINED, "service", T0 + timedelta(days=2))
        events = (await s.execute(select(MemberEventRow.change).order_by(MemberEventRow.id))).scalars().all()
        assert events == ["joined", "left", "joined"]


async def test_activity_is_counted_per_hour_in_batches(db: Store) -> None:
    async with db.session() as s:
        g = await ensure_group(s, tg_chat(-1), T0)
        p = await ensure_person(s, tg_user(5), T0)
    buffer = ActivityBuffer(db)
    for minute in (1, 2, 59):
        buffer.add(g.id, p.id, T0.replace(minute=minute))
    buffer.add(g.id, p.id, T0 + timedelta(hours=1))
    assert await buffer.flush() == 2
    buffer.add(g.id, p.id, T0)  # a later batch adds to the same hour
    assert await buffer.flush() == 1
    async with db.session() as s:
        rows = (await s.execute(select(Activity.hour, Activity.messages).order_by(Activity.hour))).all()
        assert [(h.hour, n) for h, n in rows] == [(5, 4), (6, 1)]
        assert await member_count(s, g.id) == 1  # writing in a group makes one a member (no join event)
        assert (await s.execute(select(func.count()).select_from(MemberEventRow))).scalar() == 0


async def test_activity_for_a_vanished_group_is_dropped_not_looping(db: Store) -> None:
    buffer = ActivityBuffer(db)
    buffer.add(999_999, 999_999, T0)  # no such group or person: the write fails
    for _ in range(3):
        assert await buffer.flush() == 0
    assert not buffer.counts  # given up after a few tries, with an error in the log


async def test_migration_folds_a_premature_supergroup_row(db: Store) -> None:
    async with db.session() as s:
        old = await ensure_group(s, tg_chat(-42), T0)
        old.hamlet_code = "PHUHUU"
        resident, other = await ensure_person(s, tg_user(5), T0), await ensure_person(s, tg_user(6), T0)
        await apply_member_change(s, old.id, resident.id, MemberChange.JOINED, "service", T0)
        # Updates from the supergroup arrived before the migration message.
        new = await ensure_group(s, tg_chat(BIG), T0)
        await apply_member_change(s, new.id, resident.id, MemberChange.JOINED, "service", T0)
        await apply_member_change(s, new.id, other.id, MemberChange.JOINED, "service", T0)
        old_id, new_id, resident_id = old.id, new.id, resident.id
    buffer = ActivityBuffer(db)
    buffer.add(old_id, resident_id, T0)
    buffer.add(new_id, resident_id, T0)
    await buffer.flush()
    async with db.session() as s:
        moved = await migrate_group(s, Platform.TELEGRAM, -42, BIG, T0)
        assert moved is not None and moved.id == old_id and moved.hamlet_code == "PHUHUU"
    async with db.session() as s:
        assert await find_group(s, Platform.TELEGRAM, -42) is None
        assert await member_count(s, old_id) == 2
        total = (await s.execute(select(func.sum(Activity.messages)).where(Activity.group_id == old_id))).scalar()
        assert total == 2
        assert (await s.execute(select(func.count()).select_from(Membership))).scalar() == 2
        # A repeated migration message is harmless.
        again = await migrate_group(s, Platform.TELEGRAM, -42, BIG, T0)
        assert again is not None and again.id == old_id


async def test_roles_from_config_and_database(db: Store, config: Config) -> None:
    leader, resident = tg_user(2001, "Anh Sơn"), tg_user(5001)
    async with db.session() as s:
        assert (await role_of(s, config, leader)).role is Role.LEADER
        assert (await role_of(s, config, resident)).role is Role.RESIDENT
        await grant_role(s, resident, Role.OFFICIAL, None, "cli", T0)
        await grant_role(s, leader, Role.OFFICIAL, "DAINGAI", "cli", T0)
    async with db.session() as s:
        assert (await role_of(s, config, resident)).role is Role.OFFICIAL
        assert (await role_of(s, config, leader)).role is Role.OFFICIAL  # higher of config and database
        grants = await list_grants(s, config)
        assert {(g.user_id, g.source) for g in grants} >= {(5001, "database"), (2001, "config")}
        assert await revoke_role(s, Platform.TELEGRAM, 5001)
        assert not await revoke_role(s, Platform.TELEGRAM, 5001)
    async with db.session() as s:
        assert (await role_of(s, config, resident)).role is Role.RESIDENT


async def test_failed_transaction_leaves_nothing(db: Store) -> None:
    with pytest.raises(RuntimeError):
        async with db.session() as s:
            await ensure_group(s, tg_chat(-7), T0)
            raise RuntimeError("boom")
    async with db.session() as s:
        assert await find_group(s, Platform.TELEGRAM, -7) is None


async def test_migration_keeps_bulletin_deliveries_and_questions(db: Store) -> None:
    """Folding the supergroup's early row must not lose a delivery or resend a bulletin."""
    from bot.store.outbox import Bulletin, Delivery
    from bot.store.questions import Question

    async with db.session() as s:
        old = await ensure_group(s, tg_chat(-42), T0)
        new = await ensure_group(s, tg_chat(BIG), T0)
        b1 = Bulletin(kind="custom", target="all", text="a", send_at=T0, status="queued", created_at=T0)
        b2 = Bulletin(kind="custom", target="all", text="b", send_at=T0, status="queued", created_at=T0)
        s.add_all([b1, b2])
        await s.flush()

        def row(bulletin: Bulletin, group_id: int, status: str) -> Delivery:
            return Delivery(
                bulletin_id=bulletin.id,
                group_id=group_id,
                platform="telegram",
                text="x",
                status=status,
                due_at=T0,
                updated_at=T0,
            )

        # b1 went out to the new id already; the old id's row is still queued. b2 exists only for the new id.
        s.add_all([row(b1, old.id, "queued"), row(b1, new.id, "sent"), row(b2, new.id, "queued")])
        s.add(Question(platform="telegram", group_id=new.id, asked_at=T0, text="hỏi", answered=False))
        old_id, b1_id, b2_id = old.id, b1.id, b2.id
    async with db.session() as s:
        await migrate_group(s, Platform.TELEGRAM, -42, BIG, T0)
    async with db.session() as s:
        rows = (await s.execute(select(Delivery.bulletin_id, Delivery.group_id, Delivery.status))).all()
        assert sorted(rows) == [(b1_id, old_id, "sent"), (b2_id, old_id, "queued")]
        assert (await s.execute(select(Question.group_id))).scalar_one() == old_id
