"""The figures, read from the database with a handful of aggregate queries.

Every query filters by the scope's hamlets through ``groups.hamlet_code`` and by a UTC
range, and groups by UTC hour at most; turning hours into local days and hours of day
happens here in Python, so SQLite and PostgreSQL give identical answers and any time
zone works. No query returns message contents except ``question_rows``.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.faq.knowledge import KnowledgeError
from bot.faq.service import live_knowledge
from bot.stats.figures import (
    BulletinFigures,
    BulletinRow,
    DeliveryRow,
    HamletFigures,
    Overview,
    QuestionFigures,
    QuestionRow,
    TopicFigures,
    WeekFigures,
)
from bot.stats.scope import Scope, local_midnight_utc
from bot.store import rollups
from bot.store.outbox import Bulletin, Delivery
from bot.store.questions import FEEDBACK_NOT_USEFUL, FEEDBACK_USEFUL, Question
from bot.store.rollups import HOURS, activity_days
from bot.store.tables import Activity, Group, MemberEventRow, Membership, Person
from bot.texts import default_texts, html_to_text

PREVIEW_CHARS = 80
TOP_TOPICS = 10


def _scoped_groups(scope: Scope) -> Any:
    return and_(Group.hamlet_code.in_(scope.hamlets), Group.active.is_(True))


def _hour_bucket(s: AsyncSession, column: Any) -> Any:
    if s.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H:00:00", column)
    return func.date_trunc("hour", column)


def _as_datetime(value: Any) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _plain(text: str, html: bool) -> str:
    return html_to_text(text) if html else text


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def group_counts(s: AsyncSession, scope: Scope) -> dict[str, int]:
    rows = await s.execute(
        select(Group.hamlet_code, func.count()).where(_scoped_groups(scope)).group_by(Group.hamlet_code)
    )
    return {h: n for h, n in rows.all() if h is not None}


async def member_counts(s: AsyncSession, scope: Scope) -> dict[str, int]:
    rows = await s.execute(
        select(Group.hamlet_code, func.count(distinct(Membership.person_id)))
        .join(Membership, Membership.group_id == Group.id)
        .where(_scoped_groups(scope), Membership.active.is_(True))
        .group_by(Group.hamlet_code)
    )
    return {h: n for h, n in rows.all() if h is not None}


async def messages_by_hour(s: AsyncSession, scope: Scope) -> list[tuple[datetime, int]]:
    rows = await s.execute(
        select(Activity.hour, func.sum(Activity.messages))
        .join(Group, Group.id == Activity.group_id)
        .where(_scoped_groups(scope), Activity.hour >= scope.start_utc, Activity.hour < scope.end_utc)
        .group_by(Activity.hour)
    )
    return [(_as_datetime(h), int(n or 0)) for h, n in rows.all()]


async def hamlet_activity(s: AsyncSession, scope: Scope) -> dict[str, tuple[int, int, int]]:
    """hamlet → (messages in range, active people 7 days, active people 30 days)."""
    ref = scope.reference
    since = min(scope.start_utc, ref - timedelta(days=30))
    upto = max(scope.end_utc, ref)
    in_range = and_(Activity.hour >= scope.start_utc, Activity.hour < scope.end_utc)
    in_7 = and_(Activity.hour >= ref - timedelta(days=7), Activity.hour < ref)
    in_30 = and_(Activity.hour >= ref - timedelta(days=30), Activity.hour < ref)
    rows = await s.execute(
        select(
            Group.hamlet_code,
            func.sum(case((in_range, Activity.messages), else_=0)),
            func.count(distinct(case((in_7, Activity.person_id)))),
            func.count(distinct(case((in_30, Activity.person_id)))),
        )
        .join(Activity, Activity.group_id == Group.id)
        .where(_scoped_groups(scope), Activity.hour >= since, Activity.hour < upto)
        .group_by(Group.hamlet_code)
    )
    return {h: (int(m or 0), a7, a30) for h, m, a7, a30 in rows.all()}


async def rolled_messages(s: AsyncSession, scope: Scope) -> tuple[dict[date, int], list[int], dict[str, int]]:
    """Messages per local day, per local hour of day, and per hamlet, from the daily roll-up:
    two aggregate queries over (groups × days) rows, no per-row work in Python."""
    days = activity_days.c
    scoped = and_(_scoped_groups(scope), days.day >= scope.start, days.day <= scope.end)
    joined = Group.id == days.group_id
    per_day = await s.execute(
        select(days.day, func.sum(days.messages)).join(Group, joined).where(scoped).group_by(days.day)
    )
    per_hamlet = await s.execute(
        select(Group.hamlet_code, func.sum(days.messages), *(func.sum(days[h]) for h in HOURS))
        .select_from(activity_days)
        .join(Group, joined)
        .where(scoped)
        .group_by(Group.hamlet_code)
    )
    messages: dict[str, int] = {}
    per_hour = [0] * 24
    for hamlet, total, *hours in per_hamlet.all():
        if hamlet is not None:
            messages[hamlet] = int(total or 0)
        for h, n in enumerate(hours):
            per_hour[h] += int(n or 0)
    return {d: int(n or 0) for d, n in per_day.all()}, per_hour, messages


async def active_people(s: AsyncSession, scope: Scope, *, up_to_now: bool = False) -> dict[str, tuple[int, int]]:
    """hamlet → (people active in the 7, in the 30 days before the reference).

    ``up_to_now`` (the reference is now and the roll-up keeps ``memberships.last_active``): from
    each membership's latest active hour, one row per membership; otherwise from those 30 days of
    hourly rows only."""
    ref = scope.reference
    if up_to_now:
        last = Membership.last_active
        rows = await s.execute(
            select(
                Group.hamlet_code,
                func.count(distinct(case((last >= ref - timedelta(days=7), Membership.person_id)))),
                func.count(distinct(case((last >= ref - timedelta(days=30), Membership.person_id)))),
            )
            .join(Membership, Membership.group_id == Group.id)
            .where(_scoped_groups(scope), last >= ref - timedelta(days=30))
            .group_by(Group.hamlet_code)
        )
        return {h: (a7, a30) for h, a7, a30 in rows.all() if h is not None}
    in_7 = Activity.hour >= ref - timedelta(days=7)
    rows = await s.execute(
        select(
            Group.hamlet_code,
            func.count(distinct(case((in_7, Activity.person_id)))),
            func.count(distinct(Activity.person_id)),
        )
        .join(Activity, Activity.group_id == Group.id)
        .where(_scoped_groups(scope), Activity.hour >= ref - timedelta(days=30), Activity.hour < ref)
        .group_by(Group.hamlet_code)
    )
    return {h: (a7, a30) for h, a7, a30 in rows.all() if h is not None}


def _question_scope(scope: Scope) -> Any:
    in_range = and_(Question.asked_at >= scope.start_utc, Question.asked_at < scope.end_utc)
    if scope.commune is None:
        return in_range  # every commune: also questions we could not place in a hamlet
    return and_(in_range, Question.hamlet_code.in_(scope.hamlets))


async def question_figures(s: AsyncSession, scope: Scope) -> tuple[QuestionFigures, dict[str, int]]:
    """Totals, and questions asked per hamlet."""
    rows = await s.execute(
        select(Question.hamlet_code, Question.answered, Question.feedback, func.count())
        .where(_question_scope(scope))
        .group_by(Question.hamlet_code, Question.answered, Question.feedback)
    )
    c: Counter[str] = Counter()
    per_hamlet: Counter[str] = Counter()
    for hamlet, answered, feedback, n in rows.all():
        c["asked"] += n
        c["answered" if answered else "unanswered"] += n
        if feedback in (FEEDBACK_USEFUL, FEEDBACK_NOT_USEFUL):
            c[feedback] += n
        if hamlet:
            per_hamlet[hamlet] += n
    figures = QuestionFigures(c["asked"], c["answered"], c["unanswered"], c["useful"], c["not_useful"])
    return figures, dict(per_hamlet)


async def top_topics(s: AsyncSession, scope: Scope, limit: int = TOP_TOPICS) -> list[TopicFigures]:
    asked = func.count().label("asked")
    rows = await s.execute(
        select(
            Question.topic,
            asked,
            func.sum(case((Question.feedback == FEEDBACK_USEFUL, 1), else_=0)),
            func.sum(case((Question.feedback == FEEDBACK_NOT_USEFUL, 1), else_=0)),
        )
        .where(_question_scope(scope), Question.topic.is_not(None), Question.answered.is_(True))
        .group_by(Question.topic)
        .order_by(asked.desc(), Question.topic)
        .limit(limit)
    )
    return [TopicFigures(t, n, int(u or 0), int(nu or 0)) for t, n, u, nu in rows.all()]


QUESTION_KINDS = ("all", "answered", "unanswered", "not_useful", "useful")


async def question_rows(
    s: AsyncSession, scope: Scope, kind: str = "all", *, hide_names: bool = False, limit: int = 200
) -> list[QuestionRow]:
    """The questions themselves (the only texts residents wrote that we show), newest first."""
    q = (
        select(Question, Person.display_name)
        .outerjoin(Person, Person.id == Question.person_id)
        .where(_question_scope(scope))
        .order_by(Question.asked_at.desc(), Question.id.desc())
        .limit(limit)
    )
    if kind == "answered":
        q = q.where(Question.answered.is_(True))
    elif kind == "unanswered":
        q = q.where(Question.answered.is_(False))
    elif kind in ("useful", "not_useful"):
        q = q.where(Question.feedback == kind)
    elif kind != "all":
        raise ValueError(f"unknown question kind {kind!r}")
    out = []
    for row, name in (await s.execute(q)).all():
        out.append(
            QuestionRow(
                row.id,
                scope.local(row.asked_at),
                row.hamlet_code,
                None if hide_names else name,
                row.text,
                row.topic,
                row.answered,
                row.feedback,
            )
        )
    return out


async def bulletin_rows(s: AsyncSession, scope: Scope) -> list[BulletinRow]:
    """Bulletins due in the range with their delivery results to the scope's groups, newest first."""
    rows = await s.execute(
        select(Bulletin.id, Delivery.status, func.count())
        .join(Delivery, Delivery.bulletin_id == Bulletin.id)
        .join(Group, Group.id == Delivery.group_id)
        .where(
            Group.hamlet_code.in_(scope.hamlets),
            Bulletin.send_at >= scope.start_utc,
            Bulletin.send_at < scope.end_utc,
        )
        .group_by(Bulletin.id, Delivery.status)
    )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for bid, status, n in rows.all():
        counts[bid][status] += n
    if not counts:
        return []
    bulletins = (
        (await s.execute(select(Bulletin).where(Bulletin.id.in_(list(counts))).order_by(Bulletin.send_at.desc())))
        .scalars()
        .all()
    )
    out = []
    for b in bulletins:
        c = counts[b.id]
        preview = " ".join(_plain(b.text or "", b.html).split())[:PREVIEW_CHARS]  # what residents read, not markup
        out.append(
            BulletinRow(
                b.id,
                b.kind,
                b.target,
                scope.local(b.send_at),
                b.status,
                preview,
                sent=c["sent"],
                failed=c["failed"],
                inactive=c["inactive"],
                queued=c["queued"],
                cancelled=c["cancelled"],
            )
        )
    return out


async def delivery_rows(s: AsyncSession, scope: Scope, bulletin_id: int) -> list[DeliveryRow]:
    """Each delivery of one bulletin to the scope's groups (empty if none is in scope)."""
    rows = await s.execute(
        select(Group.hamlet_code, Group.title, Group.id, Delivery)
        .join(Delivery, Delivery.group_id == Group.id)
        .where(Delivery.bulletin_id == bulletin_id, Group.hamlet_code.in_(scope.hamlets))
        .order_by(Group.hamlet_code, Group.id)
    )
    return [
        DeliveryRow(
            hamlet,
            title or f"#{gid}",
            d.status,
            d.attempts,
            scope.local(d.sent_at) if d.sent_at else None,
            d.error,
        )
        for hamlet, title, gid, d in rows.all()
    ]


def bulletin_figures(rows: list[BulletinRow]) -> BulletinFigures:
    return BulletinFigures(
        bulletins=len(rows),
        sent_bulletins=sum(1 for r in rows if r.sent),
        sent=sum(r.sent for r in rows),
        failed=sum(r.failed for r in rows),
        inactive=sum(r.inactive for r in rows),
        queued=sum(r.queued for r in rows),
    )


def _weeks(scope: Scope) -> list[date]:
    first = week_start(scope.start)
    return [first + timedelta(weeks=i) for i in range((scope.end - first).days // 7 + 1)]


def _week_bounds(scope: Scope, weeks: list[date]) -> list[datetime]:
    """UTC ends of each week of the range: the local midnight starting the next Monday, and the
    range's end for the last week."""
    return [local_midnight_utc(w, scope.tz) for w in weeks[1:]] + [scope.end_utc]


async def joins_leaves(s: AsyncSession, scope: Scope) -> tuple[dict[str, int], dict[str, int]]:
    """Joins and leaves per hamlet in the range: one aggregate query."""
    rows = await s.execute(
        select(Group.hamlet_code, MemberEventRow.change, func.count())
        .join(MemberEventRow, MemberEventRow.group_id == Group.id)
        .where(_scoped_groups(scope), MemberEventRow.at >= scope.start_utc, MemberEventRow.at < scope.end_utc)
        .group_by(Group.hamlet_code, MemberEventRow.change)
    )
    joins: dict[str, int] = {}
    leaves: dict[str, int] = {}
    for hamlet, change, n in rows.all():
        if hamlet is not None:
            (joins if change == "joined" else leaves)[hamlet] = n
    return joins, leaves


@dataclass
class WeeklyChanges:
    """Joins and leaves per local week of the range (in total and per hamlet), and after it."""

    total: list[tuple[int, int]]
    after: int
    by_hamlet: dict[str, list[tuple[int, int]]]
    after_by_hamlet: dict[str, int]


def _week_bucket(s: AsyncSession, column: Any, scope: Scope, weeks: list[date]) -> Any:
    """The week (0…) a UTC time falls in, len(weeks) after the range, computed by the database.

    When the weeks' UTC bounds (local midnights) are exactly 7 days apart (no clock change in the
    range, always so in Vietnam) it is arithmetic on the time; otherwise a CASE over the bounds."""
    bounds = _week_bounds(scope, weeks)
    inner = bounds[:-1]
    last = len(bounds)
    if len(inner) >= 2 and all(b - a == timedelta(days=7) for a, b in itertools.pairwise(inner)):
        first = inner[0]
        if s.get_bind().dialect.name == "sqlite":
            seconds = func.cast(func.strftime("%s", column), Integer) - int(first.replace(tzinfo=UTC).timestamp())
            offset = seconds // (7 * 86400)  # whole seconds, integer division: exact at a bound
        else:
            offset = func.cast(func.floor(func.extract("epoch", column - first) / (7 * 86400)), Integer)
        return case((column < first, 0), (column >= bounds[-1], last), else_=offset + 1).label("week")
    return case(*((column < b, i) for i, b in enumerate(bounds)), else_=last).label("week")


async def weekly_changes(s: AsyncSession, scope: Scope, weeks: list[date]) -> WeeklyChanges:
    """Joins and leaves per local week of the range and the net change after it, per hamlet."""
    bucket = _week_bucket(s, MemberEventRow.at, scope, weeks)
    rows = await s.execute(
        select(bucket, Group.hamlet_code, MemberEventRow.change, func.count())
        .select_from(Group)
        .join(MemberEventRow, MemberEventRow.group_id == Group.id)
        .where(_scoped_groups(scope), MemberEventRow.at >= min(scope.start_utc, scope.now))
        .group_by(bucket, Group.hamlet_code, MemberEventRow.change)
    )
    total = [[0, 0] for _ in weeks]
    by_hamlet: dict[str, list[list[int]]] = {h: [[0, 0] for _ in weeks] for h in scope.hamlets}
    after = 0
    after_by_hamlet: dict[str, int] = dict.fromkeys(scope.hamlets, 0)
    for week, hamlet, change, n in rows.all():
        if hamlet not in by_hamlet:
            continue
        if week >= len(weeks):
            net = n if change == "joined" else -n
            after += net
            after_by_hamlet[hamlet] += net
        else:
            side = 0 if change == "joined" else 1
            total[week][side] += n
            by_hamlet[hamlet][week][side] += n
    return WeeklyChanges(
        [(j, lv) for j, lv in total], after, {h: [(j, lv) for j, lv in w] for h, w in by_hamlet.items()},
        after_by_hamlet,
    )  # fmt: skip


async def question_weeks(s: AsyncSession, scope: Scope, weeks: list[date]) -> list[tuple[date, int, int]]:
    """(week's Monday, questions asked, answered) per local week of the range."""
    bucket = _week_bucket(s, Question.asked_at, scope, weeks)
    rows = await s.execute(
        select(bucket, Question.answered, func.count())
        .where(_question_scope(scope))
        .group_by(bucket, Question.answered)
    )
    asked = [0] * len(weeks)
    answered = [0] * len(weeks)
    for week, ok, n in rows.all():
        if week < len(weeks):
            asked[week] += n
            answered[week] += n if ok else 0
    return [(w, asked[i], answered[i]) for i, w in enumerate(weeks)]


def _trend(
    scope: Scope, members_now: int, week_changes: list[tuple[int, int]], after_range: int, weeks: list[date]
) -> list[tuple[date, int]]:
    """Members at the end of each week (or of the range), counting back from now:
    members(end of week w) = members now − net changes of the later weeks and after the range."""
    points = []
    later = after_range
    for monday, (joins, leaves) in reversed(list(zip(weeks, week_changes, strict=True))):
        points.append((min(monday + timedelta(days=6), scope.end), max(0, members_now - later)))
        later += joins - leaves
    return points[::-1]


def _title(config: Config, topic: str) -> str:
    """A topic's title from the knowledge base, the id itself if it is gone or unreadable."""
    try:
        entry = live_knowledge(config).kb.get(topic)
    except KnowledgeError:
        entry = None
    return entry.title if entry is not None else topic


def scope_title(config: Config, scope: Scope) -> str:
    if scope.hamlet:
        h = config.hamlet(scope.hamlet)
        return h.name if h else scope.hamlet
    if scope.commune:
        c = config.commune(scope.commune)
        return c.name if c else scope.commune
    return default_texts().say("all_communes")


async def overview(s: AsyncSession, config: Config, scope: Scope) -> Overview:
    """Every figure for one commune (or hamlet, or all) and date range."""
    groups = await group_counts(s, scope)
    members = await member_counts(s, scope)
    weeks = _weeks(scope)
    joins, leaves = await joins_leaves(s, scope)
    changes = await weekly_changes(s, scope, weeks)
    asked_weeks = await question_weeks(s, scope, weeks)
    rolled = await rollups.ready(s, scope.tz)
    if rolled:
        day_counts, per_hour, messages = await rolled_messages(s, scope)
        people = await active_people(s, scope, up_to_now=scope.reference >= scope.now)
        activity = {h: (messages.get(h, 0), *people.get(h, (0, 0))) for h in set(messages) | set(people)}
    else:  # the roll-up is not built (yet): the exact hourly rows, converted here
        by_hour = await messages_by_hour(s, scope)
        activity = await hamlet_activity(s, scope)
    questions, asked = await question_figures(s, scope)
    topics = [replace(t, title=_title(config, t.topic)) for t in await top_topics(s, scope)]
    bulletins = bulletin_figures(await bulletin_rows(s, scope))

    rows = []
    for code in scope.hamlets:
        h = config.hamlet(code)
        msgs, a7, a30 = activity.get(code, (0, 0, 0))
        rows.append(
            HamletFigures(
                code,
                h.name if h else code,
                h.households if h else 0,
                groups=groups.get(code, 0),
                members=members.get(code, 0),
                joins=joins.get(code, 0),
                leaves=leaves.get(code, 0),
                active_7d=a7,
                active_30d=a30,
                messages=msgs,
                questions=asked.get(code, 0),
            )
        )
    total = HamletFigures("", default_texts().say("total_row"), 0)
    for row in rows:
        total.add(row)
    total.questions = questions.asked  # includes questions not placed in a hamlet (all-communes view)

    if not rolled:
        day_counts, per_hour = {}, [0] * 24
        for at, n in by_hour:
            local = scope.local(at)
            day_counts[local.date()] = day_counts.get(local.date(), 0) + n
            per_hour[local.hour] += n
    per_day = [(d, day_counts.get(d, 0)) for d in scope.days]

    week_rows = [WeekFigures(w, j, lv) for w, (j, lv) in zip(weeks, changes.total, strict=True)]
    hamlet_trend = {
        code: [n for _, n in _trend(scope, members.get(code, 0), changes.by_hamlet[code], changes.after_by_hamlet[code],
                                    weeks)]
        for code in scope.hamlets
    }  # fmt: skip
    return Overview(
        scope=scope,
        title=scope_title(config, scope),
        hamlets=rows,
        total=total,
        per_day=per_day,
        per_hour=per_hour,
        weeks=week_rows,
        trend=_trend(scope, total.members, changes.total, changes.after, weeks),
        questions=questions,
        topics=topics,
        bulletins=bulletins,
        hamlet_trend=hamlet_trend,
        question_weeks=asked_weeks,
    )
