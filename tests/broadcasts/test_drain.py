"""The drainer against a scripted platform account: every outcome class, splitting, crash resume."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from bot.adapters.base import SendResult, SendStatus
from bot.model import ChatKind, ChatRef, Platform
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import group_chat_id, set_bot_membership
from bot.store.outbox import Delivery
from broadcasts import drain as drain_module
from broadcasts import outbox
from broadcasts.drain import Drainer
from broadcasts.gate import LocalGate
from broadcasts.limits import MAX_ATTEMPTS, PlatformLimits
from tests.broadcasts.helpers import ScriptedSender, add_groups, deliveries, group

FAST = PlatformLimits(per_second=1000, per_group_per_minute=20, text_limit=4096)


def drainer(rt: Runtime, sender: ScriptedSender, **kw: object) -> Drainer:
    kw.setdefault("limits", FAST)
    return Drainer(rt.store, sender, backoff=lambda attempt: 0.0, **kw)  # type: ignore[arg-type]


async def queue(rt: Runtime, text: str = "Tin thử", target: str = "all") -> int:
    async with rt.store.session() as s:
        q = await outbox.queue_bulletin(s, rt.config, kind="custom", target=target, text=text)
    assert q.bulletin_id is not None
    return q.bulletin_id


async def test_all_sent_with_message_ids(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2, -3])
    bid = await queue(runtime)
    sender = ScriptedSender()
    await drainer(runtime, sender).drain(bid)
    rows = await deliveries(runtime, bid)
    assert [r.status for r in rows] == ["sent"] * 3
    assert all(r.platform_message_id and r.sent_at for r in rows)
    assert sorted(o.chat.id for o in sender.arrived) == [-3, -2, -1]
    # Each message names its delivery and part, so a fan-out sender (Zalo OA followers) can tell
    # a new bulletin with the same text from a resumed one.
    assert sorted(o.meta["delivery_id"] for o in sender.arrived) == sorted(str(r.id) for r in rows)
    assert {o.meta["part"] for o in sender.arrived} == {"0"}


async def test_retry_after_pauses_that_group_and_retries(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2])
    bid = await queue(runtime)
    sender = ScriptedSender()
    sender.then(-1, SendResult(SendStatus.RETRY_AFTER, retry_after=0.3, error="429"))
    d = drainer(runtime, sender)
    await d.drain(bid)
    rows = await deliveries(runtime, bid)
    assert [r.status for r in rows] == ["sent", "sent"]
    assert rows[0].attempts == 0  # a flood wait is not the message's fault
    assert d.counters.paused == 1
    assert sender.arrivals(-1) == 1
    assert (d.pacer.chat_pauses, d.pacer.account_pauses) == (1, 0)  # one chat's 429 pauses only that chat


async def test_a_429_in_one_group_does_not_hold_the_others(runtime: Runtime) -> None:
    chats = [-(i + 1) for i in range(6)]
    await add_groups(runtime, chats)
    bid = await queue(runtime)
    sender = ScriptedSender()
    sender.then(-1, SendResult(SendStatus.RETRY_AFTER, retry_after=30, error="429"))
    d = drainer(runtime, sender)
    await asyncio.wait_for(d.step(bid), 5)  # a whole-account pause of 30 s would not finish in 5 s
    assert sorted(o.chat.id for o in sender.arrived) == chats[1:][::-1]
    (first,) = [r for r in await deliveries(runtime, bid) if r.status == "queued"]
    assert first.due_at >= utcnow() + timedelta(seconds=20)  # deferred until the group's pause ends


async def test_429s_in_two_groups_at_once_pause_the_account(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2, -3])
    bid = await queue(runtime)
    sender = ScriptedSender()
    for chat in (-1, -2):
        sender.then(chat, SendResult(SendStatus.RETRY_AFTER, retry_after=0.5, error="429"))
    d = drainer(runtime, sender, max_in_flight=1)
    await d.drain(bid)
    assert d.pacer.account_pauses == 1
    assert sorted(o.chat.id for o in sender.arrived) == [-3, -2, -1]


async def test_transient_errors_back_off_then_succeed_or_fail(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2])
    bid = await queue(runtime)
    sender = ScriptedSender()
    sender.then(-1, *[SendResult(SendStatus.TRANSIENT, error="502 Bad Gateway")] * 2)
    sender.then(-2, *[SendResult(SendStatus.TRANSIENT, error="timed out")] * (MAX_ATTEMPTS + 3))
    await drainer(runtime, sender).drain(bid)
    ok, bad = await deliveries(runtime, bid)
    assert (ok.status, ok.attempts) == ("sent", 2)
    assert (bad.status, bad.attempts) == ("failed", MAX_ATTEMPTS)
    assert "timed out" in (bad.error or "")
    assert sender.attempts.count(-2) == MAX_ATTEMPTS


async def test_sender_exception_counts_as_transient(runtime: Runtime) -> None:
    await add_groups(runtime, [-1])
    bid = await queue(runtime)

    class Flaky(ScriptedSender):
        calls = 0

        async def send(self, out):  # type: ignore[no-untyped-def]
            self.calls += 1
            if self.calls == 1:
                raise ConnectionResetError("reset by peer")
            return await super().send(out)

    await drainer(runtime, Flaky()).drain(bid)
    (row,) = await deliveries(runtime, bid)
    assert (row.status, row.attempts) == ("sent", 1)


async def test_gone_marks_group_inactive_and_stops_its_rows(runtime: Runtime) -> None:
    (kicked, other) = await add_groups(runtime, [-1, -2])
    first = await queue(runtime)
    second = await queue(runtime, "Tin thứ hai")
    sender = ScriptedSender()
    kicked_result = SendResult(SendStatus.GONE, error="Forbidden: bot was kicked from the group chat")
    sender.then(-1, kicked_result, kicked_result)
    await drainer(runtime, sender, max_in_flight=1).drain()
    rows = await deliveries(runtime)
    by = {(r.bulletin_id, r.group_id): r for r in rows}
    assert by[(first, kicked.id)].status == "inactive" and "kicked" in (by[(first, kicked.id)].error or "")
    assert by[(second, kicked.id)].status == "inactive"
    assert by[(first, other.id)].status == by[(second, other.id)].status == "sent"
    assert sender.attempts.count(-1) == 1  # never retried
    assert not (await group(runtime, kicked.id)).active
    async with runtime.store.session() as s:
        assert (await outbox.queue_bulletin(s, runtime.config, kind="custom", target="all", text="x")).targets == 1


async def test_migrated_group_moves_and_is_resent(runtime: Runtime) -> None:
    (g,) = await add_groups(runtime, [-4001])
    bid = await queue(runtime)
    sender = ScriptedSender()
    sender.then(-4001, SendResult(SendStatus.MIGRATED, new_chat_id=-1001234567890123, error="upgraded"))
    await drainer(runtime, sender).drain(bid)
    (row,) = await deliveries(runtime, bid)
    assert (row.status, row.migrated) == ("sent", True)
    assert [o.chat.id for o in sender.arrived] == [-1001234567890123]
    moved = await group(runtime, g.id)
    assert group_chat_id(moved) == -1001234567890123 and moved.hamlet_code == "NGAIHOI1"
    async with runtime.store.session() as s:
        assert (await outbox.progress(s, bid)).migrated == 1


async def test_rejected_fails_with_reason(runtime: Runtime) -> None:
    await add_groups(runtime, [-1])
    bid = await queue(runtime)
    sender = ScriptedSender()
    sender.then(-1, SendResult(SendStatus.REJECTED, error="Bad Request: can't parse entities"))
    await drainer(runtime, sender).drain(bid)
    (row,) = await deliveries(runtime, bid)
    assert row.status == "failed" and "parse entities" in (row.error or "")


async def test_long_text_split_on_paragraphs_and_resumed_by_part(runtime: Runtime) -> None:
    await add_groups(runtime, [-1])
    paragraphs = [f"Đoạn {i}: " + "chữ " * 30 for i in range(6)]
    bid = await queue(runtime, "\n\n".join(paragraphs))
    sender = ScriptedSender()
    # the second part hits a flood wait: the first part must not be sent again
    limits = PlatformLimits(per_second=1000, per_group_per_minute=20, text_limit=300)
    sender.script[-1] = []
    calls = {"n": 0}
    original = sender.send

    async def send(out):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            return SendResult(SendStatus.RETRY_AFTER, retry_after=0.1)
        return await original(out)

    sender.send = send  # type: ignore[method-assign]
    await drainer(runtime, sender, limits=limits).drain(bid)
    parts = [o.text for o in sender.arrived]
    assert len(parts) >= 3 and all(len(p) <= 300 for p in parts)
    assert "\n\n".join(parts) == "\n\n".join(paragraphs)  # nothing lost, nothing twice, cut between paragraphs
    (row,) = await deliveries(runtime, bid)
    assert row.status == "sent" and row.parts_sent == len(parts)


async def test_group_window_defers_instead_of_flooding(runtime: Runtime) -> None:
    await add_groups(runtime, [-1])
    sender = ScriptedSender()
    limits = PlatformLimits(per_second=1000, per_group_per_minute=2, text_limit=4096)
    d = drainer(runtime, sender, limits=limits)
    for i in range(3):
        await queue(runtime, f"tin {i}")
    for _ in range(3):
        await d.step()
    rows = await deliveries(runtime)
    assert [r.status for r in rows] == ["sent", "sent", "queued"]
    assert rows[2].due_at > rows[0].sent_at + timedelta(seconds=30)
    assert d.counters.deferred >= 1


async def test_crash_mid_broadcast_resumes_without_loss_or_duplicates(runtime: Runtime) -> None:
    chats = [-(i + 1) for i in range(12)]
    await add_groups(runtime, chats)
    bid = await queue(runtime)
    dying = ScriptedSender()
    dying.block_after = 5
    first = drainer(runtime, dying, owner="sender-1", max_in_flight=1)
    task = asyncio.create_task(first.drain(bid))
    await asyncio.wait_for(dying.blocked.wait(), 10)
    task.cancel()  # the process dies with one message in flight
    await asyncio.gather(task, return_exceptions=True)

    restarted = ScriptedSender()
    second = drainer(runtime, restarted, owner="sender-1", max_in_flight=1)
    assert await second.reclaim() > 0  # same sender id: its leases come back at once
    await asyncio.wait_for(second.drain(bid), 10)

    total = {c: dying.arrivals(c) + restarted.arrivals(c) for c in chats}
    assert all(n >= 1 for n in total.values())  # nothing lost
    assert sum(n - 1 for n in total.values()) <= 1  # only the message in flight may repeat
    assert [r.status for r in await deliveries(runtime, bid)] == ["sent"] * len(chats)


async def test_dead_senders_lease_expires_for_another_sender(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2])
    bid = await queue(runtime)
    async with runtime.store.session() as s:
        from bot.store.db import utcnow

        claimed = await outbox.claim(
            s, platform="telegram", limit=10, lease=timedelta(seconds=0.5), owner="dead", now=utcnow()
        )
    assert len(claimed) == 2
    other = ScriptedSender()
    d = drainer(runtime, other, owner="alive")
    assert await d.step(bid) == 0  # still leased by the dead sender
    await asyncio.sleep(0.6)
    await asyncio.wait_for(d.drain(bid), 10)
    assert sorted(o.chat.id for o in other.arrived) == [-2, -1]


async def test_two_senders_share_one_outbox_without_duplicates(runtime: Runtime) -> None:
    chats = [-(i + 1) for i in range(40)]
    await add_groups(runtime, chats)
    bid = await queue(runtime)
    a, b = ScriptedSender(), ScriptedSender()
    batches_of_20 = PlatformLimits(per_second=20, per_group_per_minute=20, text_limit=4096)
    await asyncio.gather(
        drainer(runtime, a, owner="a", limits=batches_of_20).drain(bid),
        drainer(runtime, b, owner="b", limits=batches_of_20).drain(bid),
    )
    got = sorted(o.chat.id for o in a.arrived + b.arrived)
    assert got == sorted(chats)  # each exactly once, whichever sender took it
    if runtime.store.dialect == "postgresql":
        assert a.arrived and b.arrived  # SKIP LOCKED really split the work


class _JumpingPacer(LocalGate):
    """A gate whose second account wait outlasts the lease (like a long 429 pause), on a fake clock."""

    def __init__(self, now: list[float]) -> None:
        super().__init__(FAST)
        self.now = now
        self.calls = 0

    async def acquire(self) -> None:
        self.calls += 1
        if self.calls >= 2:
            self.now[0] += 1000.0


async def test_pause_outlasting_the_lease_gives_rows_back_unsent(runtime: Runtime) -> None:
    await add_groups(runtime, [-1, -2, -3])
    bid = await queue(runtime)
    sender = ScriptedSender()
    d = drainer(runtime, sender, max_in_flight=1, owner="a")
    now = [0.0]
    d.monotonic = lambda: now[0]
    d.pacer = _JumpingPacer(now)  # type: ignore[assignment]
    assert await d.step(bid) == 3
    assert [o.chat.id for o in sender.arrived] == [-1]  # nothing sent once the lease was over
    rows = await deliveries(runtime, bid)
    assert [r.status for r in rows] == ["sent", "queued", "queued"]
    assert [r.leased_by for r in rows[1:]] == [None, None]  # free for another sender at once


async def test_outcome_not_recorded_on_a_row_another_sender_holds(runtime: Runtime) -> None:
    await add_groups(runtime, [-1])
    bid = await queue(runtime)

    class Stolen(ScriptedSender):
        async def send(self, out):  # type: ignore[no-untyped-def]
            async with runtime.store.session() as s:  # our lease ran out and "b" claimed the row
                await s.execute(update(Delivery).values(leased_by="b"))
            return await super().send(out)

    d = drainer(runtime, Stolen(), owner="a")
    await d.step(bid)
    (row,) = await deliveries(runtime, bid)
    assert (row.status, row.leased_by, row.parts_sent) == ("queued", "b", 0)
    assert d.counters.sent == 0


async def test_bulletin_cancelled_after_the_claim_is_not_sent(runtime: Runtime, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    await add_groups(runtime, [-1, -2])
    bid = await queue(runtime)
    real_session = runtime.store.session
    opened = 0

    @asynccontextmanager
    async def session():  # type: ignore[no-untyped-def]
        nonlocal opened
        opened += 1
        if opened == 2:  # after the claim committed, before the rows are loaded
            async with real_session() as s:
                await outbox.cancel_bulletin(s, bid)
        async with real_session() as s:
            yield s

    monkeypatch.setattr(runtime.store, "session", session)
    sender = ScriptedSender()
    await drainer(runtime, sender).step(bid)
    assert sender.attempts == []
    assert {r.status for r in await deliveries(runtime, bid)} == {"cancelled"}


async def test_group_gone_then_added_again_gets_later_bulletins(runtime: Runtime) -> None:
    (g,) = await add_groups(runtime, [-1])
    first = await queue(runtime)
    sender = ScriptedSender()
    sender.then(-1, SendResult(SendStatus.GONE, error="Forbidden: bot was kicked from the group chat"))
    d = drainer(runtime, sender)
    await d.drain(first)
    assert not (await group(runtime, g.id)).active
    async with runtime.store.session() as s:  # the bot is added back to the group
        await set_bot_membership(
            s, ChatRef(Platform.TELEGRAM, -1, ChatKind.GROUP), active=True, is_admin=False, now=utcnow()
        )
    second = await queue(runtime, "Tin thứ hai")
    await asyncio.wait_for(d.drain(second), 10)
    assert [r.status for r in await deliveries(runtime, second)] == ["sent"]
    assert sender.arrivals(-1) == 1


async def test_sent_write_is_retried_after_a_database_error(runtime: Runtime, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    await add_groups(runtime, [-1])
    bid = await queue(runtime)
    real_session = runtime.store.session
    opened = 0

    @asynccontextmanager
    async def session():  # type: ignore[no-untyped-def]
        nonlocal opened
        opened += 1
        if opened == 3:  # claim, load, then the first write of the sent outcome fails
            raise OperationalError("UPDATE deliveries", {}, Exception("database is locked"))
        async with real_session() as s:
            yield s

    monkeypatch.setattr(runtime.store, "session", session)
    monkeypatch.setattr(drain_module, "SENT_WRITE_BACKOFF_S", 0.0)
    sender = ScriptedSender()
    await drainer(runtime, sender).step(bid)
    monkeypatch.setattr(runtime.store, "session", real_session)
    (row,) = await deliveries(runtime, bid)
    assert row.status == "sent" and sender.arrivals(-1) == 1
