"""Per-sender throttle: one resident who floods the bot never delays anyone else.

Every platform ends in ``Dispatcher.feed``; there, after the handlers decided what to send,
each resident's ANSWERED messages are counted in a sliding window. Over the limit, the first
extra message gets one polite notice (``throttled`` in templates/messages.yaml) and the rest
get no answer at all until the window has room again (then a later flood earns one new
notice). Unanswered messages are not queued for later: a reply minutes late to a repeated
``/help`` helps nobody, and holding them would let one person fill the reply queue.

Leaders and officials are not throttled (they are few, named in config or by an official,
and a bulletin dialogue takes several quick steps), nor is the local ``loaso shell`` (the
operator's own terminal, often fed a file of questions). Pure logic on an injected clock; the
state is in this process's memory, bounded, and forgets a sender after one quiet window.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field

ANSWERS_PER_WINDOW = 12  # answered messages per resident (a conversation with buttons is several a minute) …
WINDOW_S = 60.0  # … in any 60 seconds, over all chats
MAX_SENDERS = 50_000  # bound on the memory: quiet senders are dropped first


class Verdict(enum.Enum):
    ANSWER = "answer"
    NOTICE = "notice"  # the first message over the limit: say once that we slow down
    SILENT = "silent"  # further messages over the limit: no answer


@dataclass
class _Sender:
    answered: deque[float] = field(default_factory=deque)
    noticed: bool = False


class SenderThrottle:
    def __init__(self, limit: int = ANSWERS_PER_WINDOW, window: float = WINDOW_S, max_senders: int = MAX_SENDERS):
        self.limit = limit
        self.window = window
        self.max_senders = max_senders
        self._senders: dict[Hashable, _Sender] = {}
        self.silenced = 0  # messages left unanswered (for logs and benchmarks)

    def check(self, sender: Hashable, now: float) -> Verdict:
        """Whether a message from ``sender`` at ``now`` (seconds) that would be answered is answered."""
        state = self._senders.get(sender)
        if state is None:
            if len(self._senders) >= self.max_senders:
                self._forget(now)
            state = self._senders[sender] = _Sender()
        while state.answered and state.answered[0] <= now - self.window:
            state.answered.popleft()
        if len(state.answered) < self.limit:
            state.answered.append(now)
            state.noticed = False  # back under the limit: a later flood earns one new notice
            return Verdict.ANSWER
        self.silenced += 1
        if state.noticed:
            return Verdict.SILENT
        state.noticed = True
        return Verdict.NOTICE

    def _forget(self, now: float) -> None:
        quiet = [k for k, s in self._senders.items() if not s.answered or s.answered[-1] <= now - self.window]
        for key in quiet:
            del self._senders[key]
        while len(self._senders) >= self.max_senders:  # all busy: drop the oldest entries
            del self._senders[next(iter(self._senders))]
