"""Draining the outbox through one platform account, under its flood limits.

One ``Drainer`` per platform account. It leases a second's worth of due rows, paces the
sends evenly, and writes every outcome in its own short transaction, so a crash loses
nothing: leased rows come back when the lease ends (or at once when the same sender id
restarts), and only a message in flight at the moment of the crash can be sent twice.

Pacing goes through the process's one ``FloodGate`` for the account (``gate_for``), shared
with the reply sender and, on PostgreSQL, with every other process on the same token.

Outcomes (``bot.adapters.base.SendStatus``): sent → row sent with the message id;
retry_after → the chat pauses (the account too when several chats get one), the row is retried; transient → retried with
exponential backoff, failed after ``MAX_ATTEMPTS``; gone → group marked inactive, its
queued rows stopped; migrated → the group moves to its new id and the text is resent
there; rejected → failed with the platform's reason.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from bot import metrics
from bot.adapters.base import Sender, SendResult, SendStatus, split_text
from bot.model import ChatKind, ChatRef, Outbound, Platform
from bot.store.db import Store, utcnow
from bot.store.groups import group_chat_id, mark_inactive, migrate_group
from bot.store.outbox import Delivery
from bot.store.tables import Group
from broadcasts import outbox
from broadcasts.gate import FloodGate, gate_for
from broadcasts.limits import LIMITS, MAX_ATTEMPTS, PlatformLimits, backoff_seconds

log = logging.getLogger(__name__)

LEASE_S = 20.0  # a claimed row is ours this long; a dead sender's rows come back after it
LEASE_MARGIN_S = 5.0  # do not start a send this close to the end of the lease
MAX_IN_FLIGHT = 4  # concurrent requests per account: enough to hide round trips, few to repeat after a crash
IDLE_POLL_S = 1.0  # how often an idle sender looks for new rows
SENT_WRITE_TRIES = 4  # writes of a sent outcome before giving up (the row would be resent after the lease)
SENT_WRITE_BACKOFF_S = 0.1  # first wait between them, doubling
MAX_DB_FAILURES = 10  # consecutive database errors before ``drain`` gives up


_warned_senders = False


def sender_share() -> int:
    """Always 1: the flood budget is shared through ``FloodGate``, never split (kept for old callers)."""
    warn_obsolete_senders()
    return 1


def warn_obsolete_senders() -> None:
    """``LOASO_SENDERS`` split the rate statically; the flood budget is shared now (said once)."""
    global _warned_senders
    if os.environ.get("LOASO_SENDERS", "").strip() and not _warned_senders:
        _warned_senders = True
        log.warning("LOASO_SENDERS is ignored: processes on one PostgreSQL share each token's flood budget")


def default_owner(platform: Platform) -> str:
    """A stable id (``LOASO_SENDER_ID``) lets a restarted sender take back its own leases at once."""
    fixed = os.environ.get("LOASO_SENDER_ID", "").strip()
    return f"{fixed}:{platform.value}" if fixed else f"{socket.gethostname()}:{os.getpid()}:{platform.value}"


@dataclass
class DrainCounters:
    """What this drainer did (all bulletins): for logs, health and the bench."""

    sent: int = 0
    failed: int = 0
    inactive: int = 0
    migrated: int = 0
    retried: int = 0
    paused: int = 0
    deferred: int = 0
    errors: list[str] = field(default_factory=list)


class Drainer:
    def __init__(
        self,
        store: Store,
        sender: Sender,
        *,
        owner: str | None = None,
        limits: PlatformLimits | None = None,
        lease_s: float = LEASE_S,
        max_in_flight: int = MAX_IN_FLIGHT,
        clock: Callable[[], datetime] = utcnow,
        backoff: Callable[[int], float] = backoff_seconds,
        gate: FloodGate | None = None,
    ):
        self.store = store
        self.sender = sender
        self.platform = Platform(sender.platform)
        self.limits = limits or LIMITS[self.platform]
        warn_obsolete_senders()
        # The process's one gate for this account (shared with replies); ``limits`` gives a gate of its own.
        self.pacer: FloodGate = gate or gate_for(store, self.platform, getattr(sender, "account", None), limits)
        self.owner = owner or default_owner(self.platform)
        self.lease = timedelta(seconds=lease_s)
        self.batch = max(1, int(self.limits.per_second))  # about one second of sending
        self.max_in_flight = max_in_flight
        self.clock = clock
        self.backoff = backoff
        self.counters = DrainCounters()
        self.monotonic: Callable[[], float] = time.monotonic  # lease deadlines (a test can replace it)
        self.last_activity = time.monotonic()

    async def reclaim(self) -> int:
        """Give back rows an earlier life of this same sender id had leased."""
        async with self.store.session() as s:
            n = await outbox.release_owned(s, self.owner)
        if n:
            log.info("sender %s resumed %d leased rows", self.owner, n)
        return n

    async def step(self, bulletin_id: int | None = None) -> int:
        """Claim one batch and send it; returns how many rows were claimed."""
        now = self.clock()
        async with self.store.session() as s:
            ids = await outbox.claim(
                s,
                platform=self.platform.value,
                limit=self.batch,
                lease=self.lease,
                owner=self.owner,
                now=now,
                bulletin_id=bulletin_id,
            )
        if not ids:
            return 0
        batch = _Batch(deadline=self.monotonic() + self.lease.total_seconds() - LEASE_MARGIN_S)
        async with self.store.session() as s:
            rows = list(
                (
                    await s.execute(
                        select(Delivery, Group)
                        .join(Group, Group.id == Delivery.group_id)
                        .where(
                            Delivery.id.in_(ids),
                            # cancelled (or otherwise finished) after the claim: not ours to send
                            Delivery.status == outbox.QUEUED,
                            Delivery.leased_by == self.owner,
                        )
                    )
                ).all()
            )
        rows.sort(key=lambda r: (r[0].due_at, r[0].id))
        slots = asyncio.Semaphore(self.max_in_flight)
        tasks: list[asyncio.Task[None]] = []
        for i, (delivery, group) in enumerate(rows):
            if self.monotonic() > batch.deadline:
                await self._release_rest(rows[i:])  # the lease is ending: give the rest back now
                break
            if group.id in batch.gone:
                continue  # already marked inactive together with the group
            wait = await self.pacer.try_chat(group_chat_id(group), ChatKind.GROUP)  # reserves the slot when 0
            if wait > 0:
                await self._defer(delivery.id, wait)
                continue
            await slots.acquire()
            await self.pacer.acquire()
            # A flood pause (429) may have outlasted the lease while we waited: another sender
            # may hold these rows now, so sending would duplicate them.
            if self.monotonic() > batch.deadline:
                slots.release()
                await self._release_rest(rows[i:])
                break
            tasks.append(asyncio.create_task(self._deliver(delivery, group, slots, batch)))
        if tasks:
            await asyncio.gather(*tasks)
        self.last_activity = time.monotonic()
        return len(ids)

    async def _release_rest(self, rows: Sequence[tuple[Delivery, Group]]) -> None:
        ids = [d.id for d, _ in rows]
        log.info("sender %s: lease ending; giving back %d unsent rows", self.owner, len(ids))
        async with self.store.session() as s:
            await outbox.release(s, ids, owner=self.owner)

    async def _defer(self, delivery_id: int, seconds: float) -> None:
        self.counters.deferred += 1
        async with self.store.session() as s:
            await outbox.release(s, [delivery_id], due_at=self.clock() + timedelta(seconds=seconds), owner=self.owner)

    async def _deliver(self, d: Delivery, group: Group, slots: asyncio.Semaphore, batch: _Batch) -> None:
        try:
            await self._deliver_parts(d, group, batch)
        except Exception as exc:  # a bug or a dead database must not kill the sender loop
            log.exception("delivery %s failed unexpectedly", d.id)
            self.counters.errors.append(repr(exc))
        finally:
            slots.release()

    async def _deliver_parts(self, d: Delivery, group: Group, batch: _Batch) -> None:
        parts = split_text(d.text, self.limits.text_limit)
        chat_id = group_chat_id(group)
        part = d.parts_sent
        first_id: str | None = d.platform_message_id
        while part < len(parts):
            if part > d.parts_sent:
                wait = await self.pacer.try_chat(chat_id, ChatKind.GROUP)
                if wait > 0:
                    await self._defer(d.id, wait)
                    return
                await self.pacer.acquire()
                if self.monotonic() > batch.deadline:
                    return  # the lease has run out: the next holder resumes from ``parts_sent``
            chat = ChatRef(self.platform, chat_id, ChatKind.GROUP)
            try:
                meta = {"delivery_id": str(d.id), "part": str(part)}  # lets a fan-out sender tell deliveries apart
                result = await self.sender.send(Outbound(chat, parts[part], html=d.html, meta=meta))
            except Exception as exc:
                result = SendResult(SendStatus.TRANSIENT, error=f"{type(exc).__name__}: {exc}")
            if result.status is SendStatus.SENT:
                first_id = first_id or (str(result.message_ids[0]) if result.message_ids else None)
                part += 1
                if not await self._sent(d.id, part, len(parts), first_id):
                    return  # no longer ours (lease lost or cancelled): send nothing more
                continue
            if result.status is SendStatus.MIGRATED and result.new_chat_id is not None and d.attempts < MAX_ATTEMPTS:
                d.attempts += 1
                await self._migrated(d.id, chat_id, result.new_chat_id)
                chat_id = result.new_chat_id
                continue
            await self._failure(d, group, result, chat_id, batch.gone)
            return

    def _own(self, delivery_id: int) -> Any:
        """UPDATE of one row this sender still holds and that is still queued."""
        return update(Delivery).where(
            Delivery.id == delivery_id, Delivery.leased_by == self.owner, Delivery.status == outbox.QUEUED
        )

    async def _sent(self, delivery_id: int, parts_sent: int, total: int, message_id: str | None) -> bool:
        """Record a sent part; False when the row is no longer ours (nothing written)."""
        now = self.clock()
        values: dict[str, object] = {"parts_sent": parts_sent, "platform_message_id": message_id, "updated_at": now}
        done = parts_sent >= total
        if done:
            values.update(status=outbox.SENT, sent_at=now, lease_until=None, error=None)
        for attempt in range(SENT_WRITE_TRIES):
            try:
                async with self.store.session() as s:
                    result = await s.execute(self._own(delivery_id).values(**values))
                break
            except DBAPIError:
                # The message went out: losing this write would resend it after the lease.
                if attempt + 1 >= SENT_WRITE_TRIES:
                    raise
                log.warning("sender %s: could not record delivery %s as sent; retrying", self.owner, delivery_id)
                await asyncio.sleep(SENT_WRITE_BACKOFF_S * 2**attempt)
        if not result.rowcount:  # type: ignore[attr-defined]
            log.warning("sender %s: delivery %s is no longer leased to it; not recorded", self.owner, delivery_id)
            return False
        if done:
            self.counters.sent += 1
            metrics.delivery_out(self.platform.value, "sent")
        return True

    async def _migrated(self, delivery_id: int, old_id: object, new_id: object) -> None:
        now = self.clock()
        self.counters.migrated += 1
        async with self.store.session() as s:
            await migrate_group(s, self.platform, old_id, new_id, now)  # type: ignore[arg-type]
            await s.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id)
                .values(migrated=True, attempts=Delivery.attempts + 1, updated_at=now)
            )
        log.info("group %s moved to %s; resending", old_id, new_id)

    async def _failure(
        self, d: Delivery, group: Group, result: SendResult, chat_id: object, gone: set[int] | None = None
    ) -> None:
        now = self.clock()
        status = result.status
        reason = result.error or status.value
        metrics.delivery_out(self.platform.value, status.value)
        async with self.store.session() as s:
            row = self._own(d.id)
            if status is SendStatus.RETRY_AFTER:
                self.counters.paused += 1
                self.pacer.pause_chat(chat_id, max(result.retry_after, 0.0))  # type: ignore[arg-type]
                log.warning("%s asked to wait %.1f s in a group; pausing it", self.platform.value, result.retry_after)
                due = now + timedelta(seconds=max(result.retry_after, 0.0))  # the group cannot take it before
                await s.execute(row.values(lease_until=None, leased_by=None, due_at=due, updated_at=now))
            elif status is SendStatus.TRANSIENT or (status is SendStatus.MIGRATED and d.attempts < MAX_ATTEMPTS):
                attempts = d.attempts + 1
                if attempts >= MAX_ATTEMPTS:
                    self.counters.failed += 1
                    await s.execute(
                        row.values(status=outbox.FAILED, attempts=attempts, error=f"gave up: {reason}", updated_at=now)
                    )
                else:
                    self.counters.retried += 1
                    due = now + timedelta(seconds=self.backoff(attempts))
                    await s.execute(
                        row.values(attempts=attempts, due_at=due, lease_until=None, error=reason, updated_at=now)
                    )
            elif status is SendStatus.GONE:
                self.counters.inactive += 1
                if gone is not None:
                    gone.add(group.id)  # skip its other rows in this batch
                await mark_inactive(s, self.platform, chat_id, now)  # type: ignore[arg-type]
                await s.execute(
                    update(Delivery)
                    .where(Delivery.group_id == group.id, Delivery.status == outbox.QUEUED)
                    .values(status=outbox.INACTIVE, error=reason, lease_until=None, updated_at=now)
                )
            else:  # rejected, or a migration loop
                self.counters.failed += 1
                await s.execute(row.values(status=outbox.FAILED, attempts=d.attempts + 1, error=reason, updated_at=now))

    async def pending(self, bulletin_id: int | None = None) -> tuple[int, datetime | None]:
        """(queued rows on this platform, earliest due time)."""
        async with self.store.session() as s:
            q = select(Delivery.due_at).where(
                Delivery.status == outbox.QUEUED, Delivery.platform == self.platform.value
            )
            if bulletin_id is not None:
                q = q.where(Delivery.bulletin_id == bulletin_id)
            dues = list((await s.execute(q)).scalars())
        return len(dues), (min(dues) if dues else None)

    async def drain(self, bulletin_id: int | None = None, on_step: Callable[[], object] | None = None) -> None:
        """Send until no queued row of ``bulletin_id`` (or any) is left on this platform."""
        failures = 0
        while True:
            try:
                claimed = await self.step(bulletin_id)
                failures = 0
            except DBAPIError:  # e.g. "database is locked" while another process writes
                failures += 1
                if failures >= MAX_DB_FAILURES:
                    raise
                log.warning("sender %s: database busy; retrying", self.owner, exc_info=True)
                await asyncio.sleep(IDLE_POLL_S)
                continue
            if on_step is not None:
                await _maybe_await(on_step())
            if claimed:
                continue
            left, due = await self.pending(bulletin_id)
            if left == 0:
                return
            await asyncio.sleep(self._idle_sleep(due))

    async def run(self, stop: asyncio.Event) -> None:
        """The long-running loop of ``loaso run --role sender``."""
        while not stop.is_set():
            try:
                claimed = await self.step()
            except Exception:
                log.exception("sender %s: step failed; retrying", self.owner)
                claimed = 0
            if claimed:
                continue
            self.last_activity = time.monotonic()
            try:
                await asyncio.wait_for(stop.wait(), IDLE_POLL_S)
            except TimeoutError:
                pass

    def _idle_sleep(self, due: datetime | None) -> float:
        if due is None:
            return IDLE_POLL_S
        return min(max((due - self.clock()).total_seconds(), 0.02), IDLE_POLL_S)


@dataclass
class _Batch:
    """One ``step``: its lease deadline (monotonic) and the groups found gone in it."""

    deadline: float
    gone: set[int] = field(default_factory=set)


async def _maybe_await(value: object) -> None:
    if asyncio.iscoroutine(value):
        await value
