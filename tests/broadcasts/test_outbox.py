"""Queueing: one bulletin per (schedule, run time), one row per active target group, in one transaction."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from bot.model import Platform
from bot.runtime import Runtime
from broadcasts import outbox
from broadcasts.targets import TargetError, parse_target
from tests.broadcasts.helpers import add_groups, deliveries

RUN = datetime(2026, 11, 24, 22, 30)


async def test_same_schedule_run_queues_once(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2])
    results = []
    for _ in range(2):
        async with runtime.store.session() as s:
            results.append(
                await outbox.queue_bulletin(
                    s, runtime.config, kind="weather", target="all", text="x", schedule_id="w", run_at=RUN
                )
            )
    assert results[0].created and results[0].targets == 2
    assert not results[1].created and results[1].bulletin_id is None
    assert len(await deliveries(runtime)) == 2


async def test_concurrent_double_fire_queues_once(runtime: Runtime) -> None:
    await add_groups(runtime, [-1])

    async def queue() -> outbox.Queued:
        async with runtime.store.session() as s:
            return await outbox.queue_bulletin(
                s, runtime.config, kind="salinity", target="all", text="x", schedule_id="s", run_at=RUN
            )

    results = await asyncio.gather(queue(), queue(), return_exceptions=True)
    created = [r for r in results if isinstance(r, outbox.Queued) and r.created]
    assert len(created) == 1
    assert len(await deliveries(runtime)) == 1


async def test_targets_pick_active_groups_of_the_right_hamlets(runtime: Runtime) -> None:
    await add_groups(runtime, [-1], "NGAIHOI1")
    await add_groups(runtime, [-2], "PHUHUU")
    inactive = await add_groups(runtime, [-3], "NGAIHOI1")
    await add_groups(runtime, [-4], None)
    async with runtime.store.session() as s:
        g = await s.get(type(inactive[0]), inactive[0].id)
        g.active = False
    cases = {"all": 3, "commune:DAINGAI": 2, "hamlet:PHUHUU": 1, "hamlet:ngaihoi1,PHUHUU": 2}
    for target, expected in cases.items():
        async with runtime.store.session() as s:
            q = await outbox.queue_bulletin(s, runtime.config, kind="custom", target=target, text="t")
        assert q.targets == expected, target


async def test_per_hamlet_texts_leave_out_unlinked_groups(runtime: Runtime) -> None:
    await add_groups(runtime, [-1], "NGAIHOI1")
    await add_groups(runtime, [-2], None)
    await add_groups(runtime, [-3], "PHUHUU", platform=Platform.SHELL)
    async with runtime.store.session() as s:
        q = await outbox.queue_bulletin(
            s, runtime.config, kind="weather", target="all", per_hamlet={"NGAIHOI1": "A", "PHUHUU": "B"}
        )
    rows = await deliveries(runtime, q.bulletin_id)
    assert sorted((r.platform, r.text) for r in rows) == [("shell", "B"), ("telegram", "A")]


async def test_cancel_stops_unsent_rows(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2])
    async with runtime.store.session() as s:
        q = await outbox.queue_bulletin(s, runtime.config, kind="custom", target="all", text="t")
    async with runtime.store.session() as s:
        assert await outbox.cancel_bulletin(s, q.bulletin_id) == 2
        assert await outbox.cancel_bulletin(s, 999_999) is None
    async with runtime.store.session() as s:
        p = await outbox.progress(s, q.bulletin_id)
    assert (p.cancelled, p.queued, p.done) == (2, 0, True)


def test_bad_targets_are_named(config) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TargetError, match="unknown hamlet NOPE"):
        parse_target("hamlet:NOPE", config)
    with pytest.raises(TargetError, match="write all"):
        parse_target("village:X", config)
    assert str(parse_target("commune:daingai", config)) == "commune:DAINGAI"
