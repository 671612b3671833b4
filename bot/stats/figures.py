"""What each number means. Every figure shown on the dashboard, in Excel or in /thongke is here.

Definitions (also in docs/stats.md):

- groups: active groups linked to the hamlet (``groups.active`` and ``hamlet_code``), now.
- members: people with an active membership in those groups, now; a person in two groups
  of one hamlet counts once; totals are sums over hamlets.
- member trend: members at the end of each week of the range, counted back from now:
  members(t) = members now − joins after t + leaves after t (from ``member_events``).
- joins / leaves: ``member_events`` of the hamlet's groups in the range, per local week
  (Monday to Sunday).
- active members (7 / 30 days): people with at least one message in the hamlet's groups in
  the 7 (30) days before the end of the range (or before now, if the range ends later).
- coverage: members ÷ households (households from config.yaml), as a percentage.
- messages: messages counted in ``activity`` (hourly counts, never contents) in the range,
  per local day and per local hour of day.
- questions asked: questions residents asked the bot in the range (hamlet from the group
  or the resident's group); answered: the bot gave an FAQ answer; unanswered: it did not;
  useful / not useful: the resident's feedback on the answer.
- bulletins sent: bulletins due in the range with at least one delivery to the scope's
  groups that went out; delivery rate: sent ÷ (sent + failed + inactive) deliveries;
  queued and cancelled deliveries are not counted.
- top FAQ topics: the topics of answered questions in the range, most asked first.
- members per hamlet over time: the member trend, per hamlet (same rule), at the end of each week.
- questions per week: asked and answered in each local week of the range.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bot.stats.scope import Scope


def ratio(part: int, whole: int) -> float | None:
    """part ÷ whole, or None when there is nothing to divide by (shown as '–')."""
    return part / whole if whole else None


@dataclass
class HamletFigures:
    code: str
    name: str
    households: int
    groups: int = 0
    members: int = 0
    joins: int = 0
    leaves: int = 0
    active_7d: int = 0
    active_30d: int = 0
    messages: int = 0
    questions: int = 0

    @property
    def coverage(self) -> float | None:
        return ratio(self.members, self.households)

    def add(self, other: HamletFigures) -> None:
        for name in ("households", "groups", "members", "joins", "leaves", "active_7d", "active_30d"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.messages += other.messages
        self.questions += other.questions


@dataclass(frozen=True)
class WeekFigures:
    start: date  # the Monday
    joins: int
    leaves: int


@dataclass(frozen=True)
class QuestionFigures:
    asked: int = 0
    answered: int = 0
    unanswered: int = 0
    useful: int = 0
    not_useful: int = 0


@dataclass(frozen=True)
class TopicFigures:
    topic: str
    asked: int
    useful: int
    not_useful: int
    title: str = ""  # the knowledge base's Vietnamese title (what people read instead of the id)


@dataclass(frozen=True)
class BulletinRow:
    id: int
    kind: str
    target: str
    send_at: datetime  # local time
    status: str
    preview: str
    sent: int = 0
    failed: int = 0
    inactive: int = 0
    queued: int = 0
    cancelled: int = 0

    @property
    def settled(self) -> int:
        return self.sent + self.failed + self.inactive

    @property
    def rate(self) -> float | None:
        return ratio(self.sent, self.settled)


@dataclass(frozen=True)
class BulletinFigures:
    bulletins: int = 0  # with at least one delivery in scope
    sent_bulletins: int = 0  # with at least one delivery sent
    sent: int = 0
    failed: int = 0
    inactive: int = 0
    queued: int = 0

    @property
    def rate(self) -> float | None:
        return ratio(self.sent, self.sent + self.failed + self.inactive)


@dataclass(frozen=True)
class QuestionRow:
    id: int
    asked_at: datetime  # local time
    hamlet: str | None
    asker: str | None  # None when names are hidden or unknown
    text: str
    topic: str | None
    answered: bool
    feedback: str | None


@dataclass
class Overview:
    scope: Scope
    title: str  # the commune's or hamlet's name, or "Tất cả các xã"
    hamlets: list[HamletFigures]
    total: HamletFigures
    per_day: list[tuple[date, int]]
    per_hour: list[int]  # 24 local hours
    weeks: list[WeekFigures]
    trend: list[tuple[date, int]]  # members at the end of each week
    questions: QuestionFigures
    topics: list[TopicFigures]
    bulletins: BulletinFigures
    extra: dict[str, object] = field(default_factory=dict)
    hamlet_trend: dict[str, list[int]] = field(default_factory=dict)  # hamlet → members at the end of each week
    question_weeks: list[tuple[date, int, int]] = field(default_factory=list)  # (Monday, asked, answered)


@dataclass(frozen=True)
class DeliveryRow:
    """One group's copy of a bulletin (the outbox row), for the bulletin's detail page."""

    hamlet: str | None
    group: str
    status: str
    attempts: int
    sent_at: datetime | None  # local time
    error: str | None
