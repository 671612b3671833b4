"""Flood limits of each platform, as named constants with their source, and the pacers that keep them.

The outbox sender paces one platform account evenly (no bursts) a little under the
platform's rate, keeps a per-group sliding window, and pauses the whole account when
the platform answers 429 with ``retry_after``.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from dataclasses import dataclass

from bot.model import Platform

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

# Transient errors (5xx, timeouts): retry after 1, 2, 4, 8 s (±50% jitter), then give up.
MAX_ATTEMPTS = 5
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 60.0


@dataclass(frozen=True)
class PlatformLimits:
    per_second: float
    per_group_per_minute: int
    text_limit: int


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
