"""Hourly activity counts, buffered in memory and written in one batch.

Counting a chat message is the most frequent write the bot makes. Writing each one in
its own transaction caps the bot at a few hundred updates per second on SQLite, so
counts are summed in memory and flushed every ``FLUSH_SECONDS`` or ``FLUSH_SIZE``
entries, and on shutdown. A crash loses at most that last second of counts — never a
join, leave, role, bulletin or anything else, which are written in their own transaction.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import case, true
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store import rollups
from bot.store.db import Store
from bot.store.members import hour_of
from bot.store.tables import Activity, Membership

log = logging.getLogger(__name__)

FLUSH_SECONDS = 1.0
FLUSH_SIZE = 2_000
MAX_FAILURES = 3


class ActivityBuffer:
    def __init__(self, store: Store, tz: ZoneInfo | None = None):
        self.store = store
        self.tz = tz  # set: the daily roll-up (``bot.store.rollups``) is kept in step in the same transaction
        self.counts: Counter[tuple[int, int, datetime]] = Counter()
        self.seen: set[tuple[int, int]] = set()
        self._last_flush = time.monotonic()
        self._failures = 0

    def add(self, group_id: int, person_id: int, at: datetime) -> None:
        self.counts[(group_id, person_id, hour_of(at))] += 1
        self.seen.add((group_id, person_id))

    def due(self) -> bool:
        return len(self.counts) >= FLUSH_SIZE or time.monotonic() - self._last_flush >= FLUSH_SECONDS

    async def flush(self, session: AsyncSession | None = None) -> int:
        """Write what was counted; on failure the counts stay for the next try.

        With ``session`` (the inbox processor's transaction) the counts are written into it,
        so they commit or roll back with the update that produced them, and on SQLite no
        second connection waits for the write lock that transaction already holds."""
        self._last_flush = time.monotonic()
        if not self.counts:
            return 0
        counts, seen = self.counts, self.seen
        self.counts, self.seen = Counter(), set()
        if session is not None:
            await self._write(session, counts, seen)
            return len(counts)
        try:
            async with self.store.session() as s:
                await self._write(s, counts, seen)
        except Exception:
            self._failures += 1
            if self._failures >= MAX_FAILURES:
                log.exception("dropping %d activity counts after %d failed writes", len(counts), self._failures)
                self._failures = 0
                return 0
            log.exception("could not write %d activity counts; keeping them for the next flush", len(counts))
            self.counts.update(counts)
            self.seen |= seen
            return 0
        self._failures = 0
        return len(counts)

    async def _write(
        self, s: AsyncSession, counts: Counter[tuple[int, int, datetime]], seen: set[tuple[int, int]]
    ) -> None:
        # Someone who writes in a group is a member, even if we missed their join (no event).
        latest: dict[tuple[int, int], datetime] = {}
        for g, p, h in counts:
            if latest.get((g, p), h) <= h:
                latest[(g, p)] = h
        members = self.store.insert(Membership)
        later = members.excluded.last_active
        members = members.on_conflict_do_update(
            index_elements=[Membership.group_id, Membership.person_id],
            set_={
                "active": true(),
                "last_active": case(
                    (Membership.last_active.is_(None), later),
                    (later > Membership.last_active, later),
                    else_=Membership.last_active,
                ),
            },
        )
        await s.execute(
            members,
            [{"group_id": g, "person_id": p, "active": True, "last_active": latest.get((g, p))}
             for g, p in sorted(seen)],
        )  # fmt: skip
        stmt = self.store.insert(Activity)
        stmt = stmt.on_conflict_do_update(
            index_elements=[Activity.group_id, Activity.person_id, Activity.hour],
            set_={"messages": Activity.messages + stmt.excluded.messages},
        )
        rows = [{"group_id": g, "person_id": p, "hour": h, "messages": n} for (g, p, h), n in sorted(counts.items())]
        await s.execute(stmt, rows)
        if self.tz is not None:
            await rollups.add_counts(s, counts, self.tz)
