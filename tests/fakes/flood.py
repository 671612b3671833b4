"""Flood limits and injected faults for the fake Bot API (a ``FakeBotAPI.policy``).

Telegram's limits are modelled as token buckets: 30 messages/s per bot (burst 30) and 20
messages/min per chat (burst 20). A request over a limit is answered 429 with
``retry_after`` and counted as a violation. On top, faults are injected
deterministically: kicked chats (403), chats upgraded to supergroups (400 with
``migrate_to_chat_id``, once), a share of 5xx, and a few 429s the bot did not cause.
``accepted`` records every message that really arrived, so a run can count lost and
duplicated messages.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.telegram_api import KICKED, SERVER_ERROR, Failure, migrated, too_many

BOT_RATE_PER_S = 30.0  # https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
CHAT_RATE_PER_MIN = 20.0
MIGRATED_OFFSET = -(10**12)  # new supergroup id = old id + offset (still a BIGINT)


class Bucket:
    def __init__(self, rate_per_s: float, burst: float, now: float):
        self.rate, self.burst, self.tokens, self.at = rate_per_s, burst, burst, now

    def take(self, now: float) -> float:
        """0 if a token was taken, else seconds until one is available."""
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


@dataclass
class FloodPolicy:
    kicked: set[int] = field(default_factory=set)
    migrating: set[int] = field(default_factory=set)
    server_error_rate: float = 0.01
    injected_429_at: tuple[int, ...] = ()  # after this many accepted messages, answer one 429
    injected_retry_after: int = 1
    seed: int = 7
    accepted: Counter[int] = field(default_factory=Counter)
    violations: int = 0
    requests: int = 0
    injected: Counter[str] = field(default_factory=Counter)
    first_at: float | None = None
    last_at: float = 0.0

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._bot: Bucket | None = None
        self._chats: dict[int, Bucket] = {}
        self._migrated_done: set[int] = set()
        self._pending_429 = sorted(self.injected_429_at)

    def __call__(self, method: str, params: dict[str, Any]) -> Failure | None:
        if method != "sendMessage":
            return None
        now = time.monotonic()
        self.requests += 1
        self.first_at = self.first_at if self.first_at is not None else now
        chat = int(params["chat_id"])
        if self._bot is None:
            self._bot = Bucket(BOT_RATE_PER_S, BOT_RATE_PER_S, now)
        wait = self._bot.take(now)
        if wait:
            self.violations += 1
            return too_many(max(1, round(wait)))
        bucket = self._chats.setdefault(chat, Bucket(CHAT_RATE_PER_MIN / 60, CHAT_RATE_PER_MIN, now))
        wait = bucket.take(now)
        if wait:
            self.violations += 1
            return too_many(max(1, round(wait)))
        if chat in self.kicked:
            self.injected["kicked"] += 1
            return KICKED
        if chat in self.migrating:
            self.injected["migrated"] += 1
            return migrated(chat + MIGRATED_OFFSET)
        if self._pending_429 and sum(self.accepted.values()) >= self._pending_429[0]:
            self._pending_429.pop(0)
            self.injected["429"] += 1
            return too_many(self.injected_retry_after)
        if self._rng.random() < self.server_error_rate:
            self.injected["5xx"] += 1
            return SERVER_ERROR
        self.accepted[chat] += 1
        self.last_at = now
        return None

    def expected_chats(self, chats: list[int]) -> set[int]:
        """Where each message should end up: kicked chats get nothing, migrated ones at the new id."""
        return {c + MIGRATED_OFFSET if c in self.migrating else c for c in chats if c not in self.kicked}

    def tally(self, chats: list[int]) -> dict[str, int]:
        expected = self.expected_chats(chats)
        lost = sum(1 for c in expected if self.accepted[c] == 0)
        duplicated = sum(n - 1 for c, n in self.accepted.items() if n > 1)
        stray = sum(n for c, n in self.accepted.items() if c not in expected)
        return {"expected": len(expected), "lost": lost, "duplicated": duplicated, "stray": stray}
