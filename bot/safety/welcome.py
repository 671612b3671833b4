"""Welcome batches: several people joining a group within a few minutes get one greeting.

Pure bookkeeping (the clock is passed in): ``add`` a join, ``due`` hands back the groups
whose first pending join is at least ``window`` old. Kept in memory: a restart loses at
most one pending greeting, never anything a leader set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.config import Hamlet
from bot.model import ChatRef
from bot.texts import Texts

WINDOW = timedelta(minutes=3)
MAX_NAMES = 20  # more than this are greeted as "và N người khác"


@dataclass
class Batch:
    chat: ChatRef
    group_id: int
    first_at: datetime
    names: list[str] = field(default_factory=list)
    more: int = 0


class WelcomeBatcher:
    def __init__(self, window: timedelta = WINDOW):
        self.window = window
        self.pending: dict[tuple[str, str], Batch] = {}

    def add(self, chat: ChatRef, group_id: int, name: str, now: datetime) -> None:
        key = (chat.platform.value, str(chat.id))
        batch = self.pending.get(key)
        if batch is None:
            batch = self.pending[key] = Batch(chat, group_id, now)
        if name in batch.names:
            return
        if len(batch.names) < MAX_NAMES:
            batch.names.append(name)
        else:
            batch.more += 1

    def due(self, now: datetime) -> list[Batch]:
        ready = [k for k, b in self.pending.items() if now - b.first_at >= self.window]
        return [self.pending.pop(k) for k in ready]


def greeting(texts: Texts, hamlet: Hamlet | None, custom: str | None, names: list[str], more: int = 0) -> str:
    """The hamlet's greeting; a leader's own text (``/chaomung sua``) replaces it, ``{ten}`` → the names."""
    shown = [*names, texts.say("welcome_more", count=more)] if more else names
    if custom:
        return custom.replace("{ten}", ", ".join(shown)).strip()
    return texts.render("safety/welcome.txt.j2", custom=None, names=shown, hamlet=hamlet)
