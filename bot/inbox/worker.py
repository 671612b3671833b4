"""One platform account's durable pipeline: store → process → reply.

``accept`` stores updates (one transaction per webhook call or getUpdates batch) and must
return before the platform is told they were received. The processor claims pending
updates (a lease; several processes may share the inbox on PostgreSQL), feeds each through
``Dispatcher.feed`` inside ONE transaction per claimed batch that also marks the updates
done and queues their replies: a crash keeps all of a batch's effects or none, and a batch
that was not committed is simply processed again. If a handler fails, the batch is rolled
back and processed again one update at a time, so only the failing update is set aside
(marked done with the error, never retried forever).

The reply sender claims queued replies (oldest first, one chat's replies in order), sends
them through the platform ``Sender`` paced by the account's shared pacer ahead of
bulletins (``bot.inbox.lanes``), and records each outcome like the bulletin drainer:
``retry_after`` pauses the account and retries the reply, transient errors back off,
a migrated group is followed, a kicked group is marked inactive. Only a reply in flight at
a crash can be sent twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics
from bot.adapters.base import Sender, SendResult, SendStatus
from bot.dispatcher import HandlerFailed
from bot.model import Event, Outbound, Platform
from bot.runtime import Runtime
from bot.store import inbox as box
from bot.store.db import utcnow
from bot.store.groups import mark_inactive, migrate_group

log = logging.getLogger(__name__)

BATCH = 100  # updates per claim and per transaction (a getUpdates batch holds at most 100)
REPLY_BATCH = 30  # replies per claim: about a second of Telegram's budget
LEASE = timedelta(seconds=30)  # a claimed row is ours this long; a dead process's rows come back after it
IDLE_S = 0.25  # how often an idle worker looks for rows another process stored
MAX_HANDED = 10_000  # updates stored but not yet processed that this process keeps in memory
MAX_TRIES = 5  # claims of one update (or sends of one reply on transient errors) before giving up
REPLY_CONCURRENCY = 4  # chats sent to at once (one chat's replies always one after another)
PURGE_EVERY_S = 3600.0

# (the platform's update key, the stored update as JSON text, the inbox transaction) → events to feed
Decode = Callable[[str, Any, AsyncSession], Awaitable[list[Event]]]
After = Callable[[list[Event], list[Outbound]], Awaitable[None]]


def default_owner(platform: Platform) -> str:
    """``LOASO_SENDER_ID`` makes it stable, so a restarted process takes its own leases back at once."""
    fixed = os.environ.get("LOASO_SENDER_ID", "").strip()
    base = fixed or f"{socket.gethostname()}:{os.getpid()}"
    return f"{base}:{platform.value}"[:64]


def backoff(attempt: int) -> float:
    """Seconds before retrying a reply after its ``attempt``-th transient failure (1, 2, 4, 8 s ±50%)."""
    return min(2.0 ** max(attempt - 1, 0), 60.0) * (0.5 + random.random() * 0.5)


@dataclass
class Counters:
    stored: int = 0
    duplicates: int = 0
    processed: int = 0
    failed: int = 0
    sent: int = 0
    reply_failures: int = 0


class InboxWorker:
    def __init__(
        self,
        runtime: Runtime,
        platform: Platform,
        sender: Sender,
        decode: Decode,
        *,
        after: After | None = None,
        owner: str | None = None,
        notes_as_messages: bool = False,
    ):
        self.runtime = runtime
        self.store = runtime.store
        self.platform = platform
        self.sender = sender
        self.decode = decode
        self.after = after
        self.owner = owner or default_owner(platform)
        self.notes_as_messages = notes_as_messages  # Zalo: a button's pop-up note is sent as a message
        self.counters = Counters()
        self._inbox_wake = asyncio.Event()
        self._reply_wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = False
        self._process_lock = asyncio.Lock()
        self._handed: list[box.Claimed] = []  # stored by this process, leased to it (SQLite)
        self._unclaimed = True  # rows may wait in the database that nobody handed over
        self._last_purge = 0.0

    # --- lifecycle -----------------------------------------------------------------
    async def start(self, *, process: bool = True, send: bool = True) -> None:
        """Take back this process's leases (all of them on SQLite: one process) and start."""
        owner = None if self.store.is_sqlite else self.owner
        async with self.store.session() as s:
            n = await box.release_leases(s, self.platform, owner)
            await box.purge(s, utcnow())
        self._handed.clear()  # their leases were just given back: they are claimed like the rest
        self._unclaimed = True
        self._last_purge = time.monotonic()
        self._stopping = False
        if n:
            log.info("%s: resumed %d updates and replies left by an earlier run", self.platform.value, n)
        if process:
            self._tasks.append(asyncio.create_task(self._process_loop(), name=f"inbox:{self.platform.value}"))
        if send:
            self._tasks.append(asyncio.create_task(self._reply_loop(), name=f"replies:{self.platform.value}"))
        self._inbox_wake.set()
        self._reply_wake.set()

    async def stop(self, grace: float = 5.0) -> None:
        """Finish what is in hand (up to ``grace`` seconds), then stop; the rest waits in the database.

        The loops are asked to stop between batches and given ``grace`` to get there; only one still busy
        after that is cancelled (a cancellation inside a transaction's rollback leaves the connection
        pool with a broken connection to reset at shutdown)."""
        if self._tasks:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.drain(), grace)
        self._stopping = True
        self._inbox_wake.set()
        self._reply_wake.set()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=grace)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

    def healthy(self) -> bool:
        return all(not t.done() for t in self._tasks)

    # --- input ---------------------------------------------------------------------
    async def accept(self, items: Sequence[box.Incoming]) -> int:
        """Store updates (one transaction); only after this returns may the platform be told.

        Raises on a database error: the caller then answers 5xx / does not confirm, and the
        platform sends the updates again."""
        if not items:
            return 0
        # SQLite has one process: rows are stored already leased to it and handed to the
        # processor in memory, which saves a claim per batch (if this process dies, the next
        # start releases every lease). On PostgreSQL whoever is free claims them.
        lease_to = self.owner if self.store.is_sqlite and len(self._handed) < MAX_HANDED else None
        async with self.store.session() as s:
            new = await box.store_updates(s, self.platform, items, utcnow(), lease_to=lease_to, lease=LEASE)
        if lease_to:
            self._handed.extend(new)
        else:
            self._unclaimed = True
        self.counters.stored += len(new)
        self.counters.duplicates += len(items) - len(new)
        if new:
            self._inbox_wake.set()
        return len(new)

    # --- processing ----------------------------------------------------------------
    async def _process_loop(self) -> None:
        while not self._stopping:
            try:
                claimed = await self.process_pending()
            except Exception:
                log.exception("%s: inbox processing failed; retrying", self.platform.value)
                claimed = 0
                await asyncio.sleep(1.0)
            if time.monotonic() - self._last_purge > PURGE_EVERY_S:
                await self._purge()
            if not claimed and not self._stopping:
                self._inbox_wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._inbox_wake.wait(), IDLE_S)

    async def process_pending(self) -> int:
        """Process every update that can be claimed now, then those handed over in memory;
        returns how many were processed (older updates of an earlier run go first)."""
        total = 0
        async with self._process_lock:
            # On SQLite this process stores every row itself and hands it over, so the database
            # is only asked after a start or when the hand-over overflowed.
            while self._unclaimed or not self.store.is_sqlite:
                async with self.store.session() as s:
                    rows = await box.claim_updates(
                        s, self.platform, limit=BATCH, owner=self.owner, now=utcnow(), lease=LEASE
                    )
                if not rows:
                    self._unclaimed = False
                    break
                total += await self._process_all(rows)
                if len(rows) < BATCH:
                    self._unclaimed = False
                    break  # all there was (anything newer wakes the loop again)
            while self._handed:
                rows = self._handed[:BATCH]
                total += await self._process_all(rows)  # if this raises (database away), they stay
                del self._handed[: len(rows)]
        return total

    async def _process_all(self, rows: Sequence[box.Claimed]) -> int:
        if not await self._process(rows):
            for row in rows:  # one failed: find it, commit the others
                await self._process([row])
        return len(rows)

    async def _process(self, rows: Sequence[box.Claimed]) -> bool:
        """All of ``rows`` in one transaction; False when a handler failed in a batch of several."""
        now = utcnow()
        handled: list[tuple[list[Event], list[Outbound]]] = []
        done: list[int] = []
        replies: list[dict[str, Any]] = []
        dispatcher = self.runtime.dispatcher
        async with self.store.sessions() as s:
            try:
                for row in rows:
                    if row.raw is None:  # already processed by someone whose lease we took over
                        continue
                    if row.attempts > MAX_TRIES:
                        log.error("%s: update %s given up after %d tries", self.platform.value, row.id, row.attempts)
                        await box.finish_update(s, row.id, self.owner, now, error="gave up")
                        self.counters.failed += 1
                        continue
                    try:
                        events = await self.decode(row.update_key, row.raw, s)
                    except HandlerFailed:
                        raise
                    except Exception as exc:
                        why = f"unreadable: {type(exc).__name__}"
                        log.warning("%s: update %s %s", self.platform.value, row.id, why)
                        await box.finish_update(s, row.id, self.owner, now, error=why)
                        self.counters.failed += 1
                        continue
                    outs: list[Outbound] = []
                    for event in events:
                        outs.extend(await dispatcher.feed(event, s))
                    replies.extend(box.reply_rows(outs, row.id, now, notes=self.notes_as_messages))
                    done.append(row.id)
                    handled.append((events, outs))
                await box.insert_replies(s, replies)
                if await box.finish_updates(s, done, self.owner, now) != len(done):
                    raise LeaseLost(",".join(map(str, done)))
                await s.commit()
            except (HandlerFailed, IntegrityError) as exc:  # a handler's bug, or its writes refused at commit
                await s.rollback()
                dispatcher.forget()
                if len(rows) > 1:
                    return False
                async with self.store.session() as s2:
                    why = str(exc) if isinstance(exc, HandlerFailed) else f"refused: {type(exc).__name__}"
                    await box.finish_update(s2, rows[0].id, self.owner, utcnow(), error=why)
                self.counters.failed += 1
                return True
            except LeaseLost as exc:
                await s.rollback()
                dispatcher.forget()
                if len(rows) > 1:
                    return False  # one at a time: commit those still ours
                log.warning("%s: updates %s are no longer leased to us; left to their holder", self.platform.value, exc)
                return True
            except BaseException:
                await s.rollback()
                dispatcher.forget()
                raise
        self.counters.processed += len(handled)
        if any(outs for _, outs in handled):
            self._reply_wake.set()
        if self.after is not None:
            for events, outs in handled:
                try:
                    await self.after(events, outs)
                except Exception:
                    log.exception("%s: after-processing hook failed", self.platform.value)
        return True

    async def _purge(self) -> None:
        self._last_purge = time.monotonic()
        try:
            async with self.store.session() as s:
                await box.purge(s, utcnow())
        except Exception:
            log.exception("%s: could not purge old inbox rows", self.platform.value)

    # --- replies -------------------------------------------------------------------
    async def _reply_loop(self) -> None:
        while not self._stopping:
            try:
                claimed = await self.send_pending()
            except Exception:
                log.exception("%s: reply sending failed; retrying", self.platform.value)
                claimed = 0
                await asyncio.sleep(1.0)
            if not claimed and not self._stopping:
                self._reply_wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._reply_wake.wait(), IDLE_S)

    async def send_pending(self) -> int:
        """Send one claimed batch of due replies; returns how many were claimed."""
        async with self.store.session() as s:
            rows = await box.claim_replies(
                s, self.platform, limit=REPLY_BATCH, owner=self.owner, now=utcnow(), lease=LEASE
            )
        if not rows:
            return 0
        by_chat: dict[str, list[box.ReplyRow]] = {}
        for row in rows:
            by_chat.setdefault(row.chat_id, []).append(row)
        lanes = self.runtime.lanes(self.platform)
        slots = asyncio.Semaphore(REPLY_CONCURRENCY)

        async def chat(queue: list[box.ReplyRow]) -> None:
            async with slots:
                for i, row in enumerate(queue):
                    if not await self._send(row, lanes.replies):
                        await self._release([r.id for r in queue[i + 1 :]])  # keep the chat's order
                        return

        async with lanes.replying():
            await asyncio.gather(*(chat(q) for q in by_chat.values()))
        return len(rows)

    async def _release(self, ids: list[int]) -> None:
        if not ids:
            return
        async with self.store.session() as s:
            for row_id in ids:
                await s.execute(box.own_reply(row_id, self.owner).values(lease_until=None, leased_by=None))

    async def _send(self, row: box.ReplyRow, pacer: Any) -> bool:
        """Send one reply and record the outcome; False when it is not sent (yet)."""
        out = box.outbound(row)
        for _ in range(2):  # a second time only after following a group migration
            # This chat's pace (20/min in a group, ~1/s in private): a chat that must wait gives its row
            # back with a due time instead of holding a sending slot, so other chats and bulletins go on.
            wait = await pacer.try_chat(out.chat.id, out.chat.kind)
            if wait > 0:
                await self._defer(row, wait)
                return False
            await pacer.acquire()  # then the account's slot
            try:
                result = await self.sender.send(out)
            except Exception as exc:  # a bug in a sender must not stop the others
                result = SendResult(SendStatus.TRANSIENT, error=f"{type(exc).__name__}: {exc}")
            if result.status is SendStatus.MIGRATED and result.new_chat_id is not None:
                out = await self._migrated(row, out, result.new_chat_id)
                continue
            return await self._outcome(row, out, result, pacer)
        return await self._outcome(row, out, SendResult(SendStatus.REJECTED, error="migrated twice"), pacer)

    async def _defer(self, row: box.ReplyRow, seconds: float) -> None:
        due = utcnow() + timedelta(seconds=seconds)
        async with self.store.session() as s:
            await s.execute(box.own_reply(row.id, self.owner).values(lease_until=None, leased_by=None, due_at=due))

    async def _migrated(self, row: box.ReplyRow, out: Outbound, new_id: Any) -> Outbound:
        from dataclasses import replace

        now = utcnow()
        await self.runtime.dispatcher.flush()
        async with self.store.session() as s:
            await migrate_group(s, self.platform, out.chat.id, new_id, now)
            await s.execute(box.own_reply(row.id, self.owner).values(chat_id=str(new_id), reply_to=None))
        log.info("%s: group %s moved to %s; replying there", self.platform.value, out.chat.id, new_id)
        return replace(out, chat=replace(out.chat, id=new_id), reply_to=None)

    async def _outcome(self, row: box.ReplyRow, out: Outbound, result: SendResult, pacer: Any) -> bool:
        metrics.reply_out(self.platform.value, result.status.value)
        now = utcnow()
        mine = box.own_reply(row.id, self.owner)
        status = result.status
        async with self.store.session() as s:
            if status is SendStatus.SENT:
                await s.execute(mine.values(status=box.SENT, sent_at=now, lease_until=None, error=None))
                self.counters.sent += 1
                return True
            reason = (result.error or status.value)[:500]
            if status is SendStatus.RETRY_AFTER:
                wait = max(result.retry_after, 0.0)
                pacer.pause_chat(out.chat.id, wait, out.chat.kind)  # the chat; two chats at once: the account
                log.warning("%s asked to wait %.1f s for chat %s", self.platform.value, wait, out.chat.id)
                due = now + timedelta(seconds=wait)
                await s.execute(mine.values(lease_until=None, leased_by=None, due_at=due, error=reason))
                return False
            if status is SendStatus.TRANSIENT and row.attempts + 1 < MAX_TRIES:
                due = now + timedelta(seconds=backoff(row.attempts + 1))
                values = dict(attempts=row.attempts + 1, due_at=due, lease_until=None, leased_by=None, error=reason)
                await s.execute(mine.values(**values))
                return False
            self.counters.reply_failures += 1
            if status is SendStatus.GONE:
                if not out.chat.is_private:
                    await mark_inactive(s, self.platform, out.chat.id, now)
                log.info("%s: chat %s is gone (%s)", self.platform.value, out.chat.id, reason)
                await s.execute(mine.values(status=box.GONE, lease_until=None, error=reason))
            else:
                level = logging.INFO if out.action else logging.WARNING  # a moderation right the bot lacks
                log.log(
                    level, "%s: %s to %s not sent: %s", self.platform.value, out.action or "reply", out.chat.id, reason
                )
                await s.execute(
                    mine.values(status=box.FAILED, attempts=row.attempts + 1, lease_until=None, error=reason)
                )
            return True  # final: the chat's next replies may go

    # --- waiting (tests, shutdown) ---------------------------------------------------
    async def drain(self, *, replies: bool = True) -> None:
        """Wait until every stored update is processed and (with ``replies``) every reply sent."""
        while True:
            async with self.store.session() as s:
                left = await box.pending_updates(s, self.platform)
                queued = (await box.pending_replies(s, self.platform))[0] if replies else 0
            if not left and not queued:
                return
            self._inbox_wake.set()
            self._reply_wake.set()
            await asyncio.sleep(0.01)


class LeaseLost(Exception):
    """Another process took an update over (our lease ran out): its transaction is not ours to commit."""
