"""Bulletins from the browser: write, preview per platform, send now or later, follow the
delivery live, cancel; recurring schedules with their next run, editable.

Contract (issue 13): ``GET/POST /bulletins/new`` with ``text``, ``target`` (a hamlet code,
several separated by commas, or ``commune:<code>``), ``send_at`` (``YYYY-MM-DDTHH:MM`` local,
empty = now) and ``action`` (``preview`` | ``send`` → 303 to ``/bulletins/<id>``);
``POST /bulletins/<id>/cancel``.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.config import cron_trigger
from bot.dashboard.auth import Session, Viewer
from bot.dashboard.console.base import (
    Console,
    Invalid,
    describe_target,
    local,
    may_target,
    not_in_past,
    parse_local_minute,
    read_target,
    see_other,
    viewer_hamlets,
    who,
)
from bot.dashboard.console.render import PLATFORMS, as_shown, plain, telegram_html
from bot.stats.scope import ScopeError
from bot.store.broadcasts import ScheduleRow
from bot.store.db import utcnow
from bot.store.ids import fits_bigint
from bot.store.outbox import Bulletin, Delivery
from bot.store.tables import Group
from bot.texts import default_texts
from broadcasts import outbox
from broadcasts.compose import policy_html
from broadcasts.schedule import ScheduleDef, all_schedules
from broadcasts.targets import Target, TargetError, hamlet_codes, parse_target, target_groups

MAX_BULLETIN_CHARS = 3500  # as in the chat dialog (/thongbao): room for header and signature under 4096
SCHEDULE_KINDS = ("weather", "salinity", "policy_digest")


def _target_or_none(text: str, config: Any) -> Target | None:
    try:
        return parse_target(text, config)
    except TargetError:
        return None


async def _platform_counts(s: AsyncSession, target: Target, config: Any) -> dict[str, int]:
    return dict(Counter(g.platform for g in await target_groups(s, target, config)))


def _previews(text: str, html: bool, counts: dict[str, int]) -> list[dict[str, Any]]:
    shown = [p for p in PLATFORMS if counts.get(p)] or ["telegram", "zalo_oa"]
    return [{"platform": p, "groups": counts.get(p, 0), "parts": as_shown(p, text, html)} for p in shown]


def register(c: Console) -> list[BaseRoute]:
    config = c.config
    store = c.runtime.store
    texts = c.runtime.texts

    def compose_page(request: Request, viewer: Viewer, session: Session, status: int = 200, **ctx: Any) -> Response:
        communes = [co for co in config.communes if viewer.is_official or co.code == viewer.commune]
        base = c.context(request, viewer, session, "compose")
        form = {"text": "", "target": "", "send_at": "", "kind": "policy", **ctx.pop("form", {})}
        return c.page(
            "bulletin_new.html.j2", status, form=form, targets=communes, error=ctx.pop("error", None),
            max_chars=MAX_BULLETIN_CHARS, **ctx, **base,
        )  # fmt: skip

    async def new_form(request: Request, viewer: Viewer, session: Session) -> Response:
        prefill = {"target": request.query_params.get("target", "")}
        return compose_page(request, viewer, session, form=prefill)

    async def new_post(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        action = form.get("action", "preview")
        kind = form.get("kind", "policy")  # policy: the commune's heading and signature; custom: as written
        body = form.get("text", "").strip()
        try:
            if action not in ("preview", "send") or kind not in ("policy", "custom"):
                raise Invalid("bad_action")
            if not body:
                raise Invalid("text_missing")
            if len(body) > MAX_BULLETIN_CHARS:
                raise Invalid("text_too_long", length=len(body), limit=MAX_BULLETIN_CHARS)
            target = read_target(form.get("target", ""), config)
            send_at = parse_local_minute(form.get("send_at", ""), config.tz)
            not_in_past(send_at)
        except Invalid as exc:
            return compose_page(request, viewer, session, 400, form=form, error=exc)
        c.refuse_unless(may_target(viewer, target, config))
        commune = target.codes[0] if target.kind == "commune" else viewer.commune
        if target.kind == "hamlet":
            owners = {getattr(config.commune_of(h), "code", None) for h in target.codes}
            commune = owners.pop() if len(owners) == 1 else None
        html = kind == "policy"
        message = policy_html(config, texts, body, None, commune) if html else body
        now = utcnow()
        async with store.session() as s:
            if action == "preview":
                counts = await _platform_counts(s, target, config)
                return compose_page(
                    request, viewer, session, form=form, previews=_previews(message, html, counts),
                    groups=sum(counts.values()), described=describe_target(str(target), config),
                    when=local(send_at, config.tz),
                )  # fmt: skip
            queued = await outbox.queue_bulletin(
                s, config, kind=kind, target=target, text=message, html=html,
                send_at=send_at if send_at and send_at > now else None, created_by=who(viewer), now=now,
            )  # fmt: skip
        return see_other(f"/bulletins/{queued.bulletin_id}")

    async def _visible_bulletin(s: AsyncSession, viewer: Viewer, bulletin_id: int) -> Bulletin | None:
        if not fits_bigint(bulletin_id):  # /bulletins/99999999999999999999: no such row, and no overflow
            return None
        b = await s.get(Bulletin, bulletin_id)
        if b is None:
            return None
        target = _target_or_none(b.target, config)
        if viewer.is_official or (target is not None and may_target(viewer, target, config)):
            return b
        mine = viewer_hamlets(viewer, config)
        hit = await s.execute(
            select(Delivery.id)
            .join(Group, Group.id == Delivery.group_id)
            .where(Delivery.bulletin_id == bulletin_id, Group.hamlet_code.in_(mine))
            .limit(1)
        )
        return b if hit.first() is not None else None

    async def _deliveries(s: AsyncSession, viewer: Viewer, b: Bulletin) -> list[dict[str, Any]]:
        q = (
            select(Delivery, Group.title, Group.hamlet_code, Group.id)
            .join(Group, Group.id == Delivery.group_id)
            .where(Delivery.bulletin_id == b.id)
            .order_by(Group.hamlet_code, Group.id)
        )
        if not viewer.is_official:
            q = q.where(Group.hamlet_code.in_(viewer_hamlets(viewer, config)))
        now = utcnow()
        rows = []
        for d, title, hamlet, gid in (await s.execute(q)).all():
            rows.append(
                {
                    "hamlet": hamlet, "group": title or f"#{gid}", "group_id": gid, "platform": d.platform,
                    "status": d.status, "state": _state(d, now), "attempts": d.attempts,
                    "sent_at": local(d.sent_at, config.tz), "due_at": local(d.due_at, config.tz),
                }
            )  # fmt: skip
        return rows

    async def live_context(viewer: Viewer, bulletin_id: int) -> dict[str, Any] | None:
        async with store.session() as s:
            b = await _visible_bulletin(s, viewer, bulletin_id)
            if b is None:
                return None
            rows = await _deliveries(s, viewer, b)
            sample = b.text
            if sample is None:
                first = (
                    await s.execute(select(Delivery.text).where(Delivery.bulletin_id == b.id).limit(1))
                ).scalar_one_or_none()
                sample = first or ""
        counts = Counter(r["status"] for r in rows)
        target = _target_or_none(b.target, config)
        pending = counts.get("queued", 0) > 0 and b.status != "cancelled"
        mine = target is not None and may_target(viewer, target, config)
        return {
            "b": b,
            "rows": rows,
            "counts": counts,
            "live": pending,
            "text_html": telegram_html(sample) if b.html else None,
            "text_plain": plain(sample, b.html),
            "described": describe_target(b.target, config),
            "send_at": local(b.send_at, config.tz),
            "created_at": local(b.created_at, config.tz),
            "may_cancel": pending and (viewer.is_official or mine),
        }  # fmt: skip

    def _id(request: Request) -> int:
        """The bulletin id in the path; anything no BIGINT column holds is a bad request (400), never a 500."""
        raw = str(request.path_params["id"])
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 19 and fits_bigint(int(raw))):
            raise ScopeError(default_texts().say("err_bad_bulletin_id"))
        return int(raw)

    async def detail(request: Request, viewer: Viewer, session: Session) -> Response:
        ctx = await live_context(viewer, _id(request))
        base = c.context(request, viewer, session, "bulletins")
        if ctx is None:
            return c.dash.page("error.html.j2", 404, message="not_found", **base)
        return c.page("bulletin.html.j2", **ctx, **base)

    async def live(request: Request, viewer: Viewer, session: Session) -> Response:
        ctx = await live_context(viewer, _id(request))
        if ctx is None:
            return Response("", status_code=404)
        return c.page("_deliveries.html.j2", **ctx, **c.context(request, viewer, session, "bulletins"))

    async def cancel(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        bid = _id(request)
        async with store.session() as s:
            b = await s.get(Bulletin, bid)
            if b is None:
                return c.not_found(request, viewer, session)
            target = _target_or_none(b.target, config)
            c.refuse_unless(viewer.is_official or (target is not None and may_target(viewer, target, config)))
            await outbox.cancel_bulletin(s, bid, utcnow())
        return see_other(f"/bulletins/{bid}")

    # -- schedules ----------------------------------------------------------------------------
    async def schedule_list(s: AsyncSession, viewer: Viewer) -> list[dict[str, Any]]:
        active = {d.id: d for d in await all_schedules(s, config)}
        rows = {r.id: r for r in (await s.execute(select(ScheduleRow))).scalars()}
        defs: dict[str, ScheduleDef] = {}
        for conf in config.schedules:
            row = rows.get(conf.id)
            if conf.id in active:
                defs[conf.id] = active[conf.id]
            elif row is not None and row.kind == conf.kind:  # turned off in the console
                defs[conf.id] = ScheduleDef(row.id, row.kind, row.cron, row.target, tuple(row.months or ()),
                                            row.grace_minutes, "config")  # fmt: skip
        for r in rows.values():
            if r.id not in defs and r.id not in {x.id for x in config.schedules}:
                defs[r.id] = ScheduleDef(r.id, r.kind, r.cron, r.target, tuple(r.months or ()), r.grace_minutes,
                                         "database")  # fmt: skip
        last = dict(
            (await s.execute(
                select(Bulletin.schedule_id, func.max(Bulletin.run_at)).where(Bulletin.schedule_id.in_(list(defs)))
                .group_by(Bulletin.schedule_id)
            )).all()
        )  # fmt: skip
        out = []
        now = datetime.now(UTC)
        mine = set(viewer_hamlets(viewer, config))
        for d in defs.values():
            target = _target_or_none(d.target, config)
            reach = set(hamlet_codes(target, config) or mine) if target is not None else set()
            nxt = None
            if d.id in active:
                t = d.trigger(config.tz).get_next_fire_time(None, now)
                while t is not None and not d.in_season(t.astimezone(config.tz)):
                    t = d.trigger(config.tz).get_next_fire_time(t, t + timedelta(minutes=1))
                nxt = t.astimezone(config.tz).replace(tzinfo=None) if t else None
            out.append(
                {
                    "d": d, "on": d.id in active, "next": nxt, "last": local(last.get(d.id), config.tz),
                    "described": describe_target(d.target, config),
                    "target_form": _target_field(d.target),
                    "editable": target is not None and may_target(viewer, target, config),
                    "shown": viewer.is_official or bool(reach & mine),  # not another commune's schedule
                }
            )  # fmt: skip
        return out

    async def upcoming(s: AsyncSession, viewer: Viewer) -> list[dict[str, Any]]:
        rows = (
            await s.execute(
                select(Bulletin).where(Bulletin.status == "scheduled").order_by(Bulletin.send_at).limit(100)
            )
        ).scalars()
        out = []
        for b in rows:
            target = _target_or_none(b.target, config)
            if not (viewer.is_official or (target is not None and may_target(viewer, target, config))):
                continue
            out.append({"b": b, "send_at": local(b.send_at, config.tz), "described": describe_target(b.target, config),
                        "preview": plain(b.text or "", b.html)[:120]})  # fmt: skip
        return out

    async def schedules_page(
        request: Request, viewer: Viewer, session: Session, status: int = 200, error: Invalid | None = None
    ) -> Response:
        async with store.session() as s:
            items = await schedule_list(s, viewer)
            later = await upcoming(s, viewer)
        base = c.context(request, viewer, session, "schedules")
        return c.page("schedules.html.j2", status, items=items, later=later, error=error, **base)

    async def schedules(request: Request, viewer: Viewer, session: Session) -> Response:
        return await schedules_page(request, viewer, session)

    async def schedule_edit(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        sid = request.path_params["sid"]
        async with store.session() as s:
            items = {i["d"].id: i for i in await schedule_list(s, viewer)}
        item = items.get(sid)
        if item is None:
            return c.not_found(request, viewer, session)
        c.refuse_unless(item["editable"])
        d: ScheduleDef = item["d"]
        try:
            cron = " ".join(form.get("cron", d.cron).split())
            try:
                cron_trigger(cron, config.tz)
            except ValueError:
                raise Invalid("bad_cron", text=cron) from None
            target = read_target(form.get("target", ""), config)
        except Invalid as exc:
            return await schedules_page(request, viewer, session, 400, exc)
        c.refuse_unless(may_target(viewer, target, config))
        on = form.get("active") in ("1", "on", "true")
        async with store.session() as s:
            row = await s.get(ScheduleRow, sid)
            if row is None:
                row = ScheduleRow(id=sid, kind=d.kind, months=list(d.months), grace_minutes=d.grace_minutes,
                                  created_by=who(viewer), created_at=utcnow())  # fmt: skip
                s.add(row)
            row.cron, row.target, row.active = cron, str(target), on
        return see_other("/schedules")

    return [
        Route("/bulletins/new", c.view(new_form), methods=["GET"]),
        Route("/bulletins/new", c.view(new_post), methods=["POST"]),
        Route("/bulletins/{id}", c.view(detail), methods=["GET"]),
        Route("/bulletins/{id}/live", c.view(live), methods=["GET"]),
        Route("/bulletins/{id}/cancel", c.view(cancel), methods=["POST"]),
        Route("/schedules", c.view(schedules), methods=["GET"]),
        Route("/schedules/{sid}", c.view(schedule_edit), methods=["POST"]),
    ]


def _target_field(target: str) -> str:
    """A stored target as the form writes it: hamlet codes bare, communes as ``commune:CODE``."""
    return target.removeprefix("hamlet:")


def _state(d: Delivery, now: datetime) -> str:
    """Which Vietnamese sentence describes this row (templates/dashboard/console/_words.html.j2)."""
    error = (d.error or "").lower()
    if d.status == "queued":
        if d.due_at > now and not d.error:
            return "waiting_time"
        return "retrying" if d.error else "waiting"
    if d.status == "failed":
        if error.startswith("gave up"):
            return "failed_gave_up"
        if "too long" in error or "message is too long" in error:
            return "failed_too_long"
        if "forbidden" in error or "not enough rights" in error or "admin" in error:
            return "failed_rights"
        return "failed_rejected"
    if d.status == "inactive":
        return "inactive"
    if d.status == "cancelled":
        return "cancelled"
    return "sent"
