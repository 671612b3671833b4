"""Personal data older than privacy.keep_days is deleted; recent data and what figures still need stay."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.model import ChatKind, ChatRef, MemberChange, Platform, UserRef
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import ensure_group
from bot.store.members import apply_member_change, ensure_person
from bot.store.questions import Question, log_question
from bot.store.retention import purge_personal_data
from bot.store.tables import Activity, MemberEventRow, Membership, Person
from broadcasts.scheduler import SchedulerService


async def count(rt: Runtime, table: type) -> int:
    async with rt.store.session() as s:
        return int((await s.execute(select(func.count()).select_from(table))).scalar_one())


async def test_old_personal_data_is_deleted(runtime: Runtime) -> None:
    now = utcnow().replace(microsecond=0)
    old = now - timedelta(days=400)
    async with runtime.store.session() as s:
        group = await ensure_group(s, ChatRef(Platform.TELEGRAM, -77, ChatKind.GROUP, "Nhóm"), old)
        gone = await ensure_person(s, UserRef(Platform.TELEGRAM, 1, "Người cũ"), old)  # joined, left, long ago
        stays = await ensure_person(s, UserRef(Platform.TELEGRAM, 2, "Người mới"), old)  # still a member
        await apply_member_change(s, group.id, gone.id, MemberChange.JOINED, "t", old)
        await apply_member_change(s, group.id, gone.id, MemberChange.LEFT, "t", old + timedelta(days=1))
        await apply_member_change(s, group.id, stays.id, MemberChange.JOINED, "t", now - timedelta(days=1))
        s.add_all([
            Activity(group_id=group.id, person_id=gone.id, hour=old, messages=3),
            Activity(group_id=group.id, person_id=stays.id, hour=now.replace(minute=0, second=0), messages=1),
        ])  # fmt: skip
        for at in (old, now):
            await log_question(
                s, platform="telegram", group_id=group.id, person_id=gone.id if at == old else stays.id,
                hamlet_code=None, asked_at=at, text="hỏi", topic=None, score=0.0, answered=False,
            )  # fmt: skip
    counts = await purge_personal_data(runtime.store, now, keep_days=365)
    assert counts == {"questions": 1, "activity": 1, "member_events": 2, "memberships": 1, "people": 1}
    assert await count(runtime, Question) == 1 and await count(runtime, Activity) == 1
    assert await count(runtime, MemberEventRow) == 1 and await count(runtime, Membership) == 1
    async with runtime.store.session() as s:
        assert [p.display_name for p in (await s.execute(select(Person))).scalars()] == ["Người mới"]
    assert await purge_personal_data(runtime.store, now, keep_days=365) == dict.fromkeys(counts, 0)


async def test_the_scheduler_purges_daily(runtime: Runtime) -> None:
    service = SchedulerService(runtime)
    await service.start()
    try:
        assert service.scheduler is not None and service.scheduler.get_job("_privacy") is not None
        await service.purge()  # runs cleanly on an empty database
    finally:
        await service.stop()
