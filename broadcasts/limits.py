"""Flood limits of each platform, as named constants with their source, and the pure pacing arithmetic.

Each limit is a GCRA bucket (a "theoretical arrival time" moved on by every send; ``gcra``):
the account (30 msg/s on Telegram, a burst of at most ``CATCH_UP_SLOTS``), a group (a burst of
5, then one every 4 s, so no 60-second window holds more than 20) and a private chat (≈1/s).
``broadcasts.gate`` keeps the buckets (in memory, or in PostgreSQL for every process on a
token). ``AccountPacer`` and ``GroupWindow`` are the earlier in-process pacers, kept for callers
written against them.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from dataclasses import dataclass

from bot.model import ChatKind, Platform

# https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
TELEGRAM_MESSAGES_PER_SECOND = 30  # per bot, all chats together
TELEGRAM_GROUP_MESSAGES_PER_MINUTE = 20  # per group
# https://core.telegram.org/bots/api#sendmessage — "1-4096 characters after entities parsing"
TELEGRAM_TEXT_LIMIT = 4096
# Zalo Bot Platform sendMessage: text ≤ 2000 characters (bot.zapps.me docs). No rate is documented:
# stay conservative and honour 429.
ZALO_BOT_TEXT_LIMIT = 2000
ZALO_MESSAGES_PER_SECOND = 5
# Zalo OA Open API v3 message text: ≤ 2000 characters (developers.zalo.me, "Gửi tin nhắn").
ZALO_OA_TEXT_LIMIT = 2000
SHELL_TEXT_LIMIT = 4096
# Pace at 99% of the documented rate so clock jitter never tips a one-second window over.
SAFETY = 0.99
# A pacer that fell behind (a slow database write, a batch boundary) may catch up this many
# slots at once; a longer stall restarts the grid. Bounded, so a burst stays far below 30.
CATCH_UP_SLOTS = 3
# https://core.telegram.org/bots/faq: "avoid sending more than one message per second" in one chat.
PRIVATE_INTERVAL_S = 1.0
PRIVATE_BURST = 3
# In a group, a few answers may go out at once; then the pace keeps any minute at ≤ 20.
GROUP_BURST = 5

# Transient errors (5xx, timeouts): retry after 1, 2, 4, 8 s (±50% jitter), then give up.
MAX_ATTEMPTS = 5
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 60.0


@dataclass(frozen=True)
class Pace:
    """A GCRA bucket's parameters: one send per ``interval`` seconds, up to ``burst`` at once."""

    interval: float
    burst: int


@dataclass(frozen=True)
class PlatformLimits:
    per_second: float
    per_group_per_minute: int
    text_limit: int
    private: Pace = Pace(PRIVATE_INTERVAL_S, PRIVATE_BURST)

    @property
    def account(self) -> Pace:
        return Pace(1.0 / (self.per_second * SAFETY), CATCH_UP_SLOTS)

    @property
    def group(self) -> Pace:
        """``burst`` at once, then evenly, so that burst + 60 s / interval ≤ the per-minute limit."""
        per_min = self.per_group_per_minute
        burst = max(1, min(GROUP_BURST, per_min))
        return Pace(60.0 / (per_min - burst) if per_min > burst else 60.0, burst)

    def chat(self, kind: ChatKind) -> Pace:
        return self.private if kind is ChatKind.PRIVATE else self.group


LIMITS: dict[Platform, PlatformLimits] = {
    Platform.TELEGRAM: PlatformLimits(
        TELEGRAM_MESSAGES_PER_SECOND, TELEGRAM_GROUP_MESSAGES_PER_MINUTE, TELEGRAM_TEXT_LIMIT
    ),
    Platform.ZALO_BOT: PlatformLimits(
        ZALO_MESSAGES_PER_SECOND, TELEGRAM_GROUP_MESSAGES_PER_MINUTE, ZALO_BOT_TEXT_LIMIT
    ),
    Platform.ZALO_OA: PlatformLimits(ZALO_MESSAGES_PER_SECOND, TELEGRAM_GROUP_MESSAGES_PER_MINUTE, ZALO_OA_TEXT_LIMIT),
    Platform.SHELL: PlatformLimits(1000, 1000, SHELL_TEXT_LIMIT),
}


def backoff_seconds(attempt: int, rng: random.Random | None = None) -> float:
    """Exponential backoff for the ``attempt``-th failure (1-based), with jitter."""
    base = min(BACKOFF_BASE_S * 2 ** max(attempt - 1, 0), BACKOFF_CAP_S)
    return base * (0.5 + (rng or random).random() * 0.5)


class AccountPacer:
    """Evenly spaced send slots for one platform account, plus a pause for 429s.

    Slots sit on a fixed grid (``interval`` apart): a slot taken late does not push the
    following ones back, so sleep overshoot and batch boundaries do not slow the account down.
    """

    def __init__(self, per_second: float, *, clock=time.monotonic):  # type: ignore[no-untyped-def]
        self.interval = 1.0 / per_second
        self.clock = clock
        self._next = 0.0
        self.paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    def paused_for(self) -> float:
        return max(0.0, self.paused_until - self.clock())

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                now = self.clock()
                at = max(self._next, self.paused_until)
                if at <= now:
                    # Slightly late: stay on the grid (catch up a few slots); long idle: restart it.
                    behind = now - self._next
                    self._next = (self._next if behind < self.interval * CATCH_UP_SLOTS else now) + self.interval
                    return
                await asyncio.sleep(at - now)


class GroupWindow:
    """At most ``limit`` sends per group in any ``window`` seconds (sliding)."""

    def __init__(self, limit: int, window: float = 60.0, *, clock=time.monotonic):  # type: ignore[no-untyped-def]
        self.limit = limit
        self.window = window
        self.clock = clock
        self._sent: dict[object, deque[float]] = {}

    def wait_for(self, key: object) -> float:
        """Seconds until ``key`` may receive another message (0 = now)."""
        q = self._sent.get(key)
        if not q:
            return 0.0
        now = self.clock()
        while q and q[0] <= now - self.window:
            q.popleft()
        if len(q) < self.limit:
            return 0.0
        return q[0] + self.window - now

    def record(self, key: object) -> None:
        self._sent.setdefault(key, deque()).append(self.clock())


def gcra(tat: float, paused_until: float, now: float, pace: Pace, *, block: bool) -> tuple[float, float]:
    """(seconds to wait, new tat) for one send at ``now`` on a bucket at ``tat``.

    The send may go at ``at = max(now, paused_until, tat - (burst - 1) · interval)``; the bucket
    then moves to ``max(tat, at) + interval``. Without ``block``, a send that would have to wait
    reserves nothing (the bucket stays at ``tat``). The same arithmetic runs in SQL in
    ``bot.store.flood`` for the shared gate.
    """
    at = max(now, paused_until, tat - (pace.burst - 1) * pace.interval)
    if not block and at > now:
        return at - now, tat
    return at - now, max(tat, at) + pace.interval
