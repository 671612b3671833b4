"""Small, bounded, expiring caches for the hot path: who is this group, this person, this role.

Most updates are plain chat in groups. Looking the group and the person up in the
database for each costs more than everything else together, and these rows rarely
change. The dispatcher drops a chat's entry after any event that may change it, and
every entry expires (``TTL_SECONDS``) so changes made by other processes show up.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

TTL_SECONDS = 60.0
MAX_GROUPS = 20_000
MAX_PEOPLE = 50_000


class ExpiringLRU(Generic[K, V]):
    def __init__(self, max_size: int, ttl: float = TTL_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.max_size = max_size
        self.ttl = ttl
        self.clock = clock
        self._data: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def get(self, key: K) -> V | None:
        item = self._data.get(key)
        if item is None:
            return None
        expires, value = item
        if expires < self.clock():
            del self._data[key]
            return None
        self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._data[key] = (self.clock() + self.ttl, value)
        self._data.move_to_end(key)
        while len(self._data) > self.max_size:
            self._data.popitem(last=False)

    def pop(self, key: K) -> None:
        self._data.pop(key, None)

    def clear(self) -> None:
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


@dataclass(frozen=True, slots=True)
class GroupInfo:
    """What handlers read about a group; changes go through ``bot.store.groups``."""

    id: int
    platform: str
    chat_id: int | str
    title: str | None
    hamlet_code: str | None
    active: bool
    bot_is_admin: bool


@dataclass(frozen=True, slots=True)
class PersonInfo:
    id: int
    display_name: str | None
