"""New members who post links or repeat themselves in their first hours.

Pure bookkeeping in memory (bounded): ``joined`` notes when someone joined a group;
``observe`` returns "links" or "repeats" the first time that newcomer crosses a
threshold, and None otherwise (each newcomer is flagged at most once per group).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

NEW_FOR = timedelta(hours=24)
LINK_MESSAGES = 2  # messages with a link that flag a newcomer
REPEATS = 3  # the same text this many times within REPEAT_WINDOW
REPEAT_WINDOW = timedelta(hours=1)
MAX_TRACKED = 20_000


@dataclass
class Newcomer:
    joined_at: datetime
    links: int = 0
    texts: dict[str, list[datetime]] = field(default_factory=dict)
    flagged: bool = False


class FloodWatch:
    def __init__(self, new_for: timedelta = NEW_FOR):
        self.new_for = new_for
        self.people: OrderedDict[tuple[str, str, str], Newcomer] = OrderedDict()

    def joined(self, platform: str, chat_id: object, user_id: object, at: datetime) -> None:
        key = (platform, str(chat_id), str(user_id))
        self.people[key] = Newcomer(at)
        self.people.move_to_end(key)
        while len(self.people) > MAX_TRACKED:
            self.people.popitem(last=False)

    def is_new(self, platform: str, chat_id: object, user_id: object, now: datetime) -> bool:
        n = self.people.get((platform, str(chat_id), str(user_id)))
        return n is not None and now - n.joined_at < self.new_for

    def observe(
        self, platform: str, chat_id: object, user_id: object, folded: str, has_link: bool, now: datetime
    ) -> str | None:
        key = (platform, str(chat_id), str(user_id))
        n = self.people.get(key)
        if n is None:
            return None
        if now - n.joined_at >= self.new_for:
            del self.people[key]
            return None
        if n.flagged:
            return None
        if has_link:
            n.links += 1
            if n.links >= LINK_MESSAGES:
                n.flagged = True
                return "links"
        if folded:
            times = [t for t in n.texts.get(folded, []) if now - t < REPEAT_WINDOW] + [now]
            n.texts[folded] = times
            if len(n.texts) > 50:
                n.texts.pop(next(iter(n.texts)))
            if len(times) >= REPEATS:
                n.flagged = True
                return "repeats"
        return None
