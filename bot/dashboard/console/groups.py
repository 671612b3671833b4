"""Every group of the commune with its platform, hamlet, members, last activity and health
(bot not admin, removed from the group, moved to a new chat id, sending failures), and
linking or unlinking a group to a hamlet (``POST /groups/<id>/hamlet`` with ``hamlet``).

Leaders see their commune's groups and the groups not linked to any hamlet yet (so they
can link the one they just added the bot to); they link only to their own hamlets.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import case, func, or_, select, update
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.dashboard.auth import Session, Viewer
from bot.dashboard.console.base import Console, commune_of_hamlet, local, may_act, see_other, viewer_hamlets
from bot.store import groups as group_store
from bot.store.db import utcnow
from bot.store.outbox import Delivery
from bot.store.tables import Activity, Group, Membership

FAILURE_WINDOW = timedelta(days=30)


def register(c: Console) -> list[BaseRoute]:
    config = c.config
    store = c.runtime.store

    def may_manage(viewer: Viewer, hamlet: str | None) -> bool:
        """Unlinked groups are anyone's to link; a linked one belongs to its hamlet's commune."""
        return hamlet is None or may_act(viewer, commune_of_hamlet(config, hamlet))

    async def show(request: Request, viewer: Viewer, session: Session) -> Response:
        now = utcnow()
        q = select(Group).where(Group.kind != "private").order_by(Group.hamlet_code, Group.platform, Group.id)
        if not viewer.is_official:
            q = q.where(or_(Group.hamlet_code.in_(viewer_hamlets(viewer, config)), Group.hamlet_code.is_(None)))
        async with store.session() as s:
            groups = list((await s.execute(q)).scalars())
            ids = [g.id for g in groups]
            members = dict(
                (await s.execute(
                    select(Membership.group_id, func.count()).where(Membership.group_id.in_(ids),
                    Membership.active.is_(True)).group_by(Membership.group_id)
                )).all()
            ) if ids else {}  # fmt: skip
            last = dict(
                (await s.execute(
                    select(Activity.group_id, func.max(Activity.hour)).where(Activity.group_id.in_(ids))
                    .group_by(Activity.group_id)
                )).all()
            ) if ids else {}  # fmt: skip
            health = {
                gid: (int(failed or 0), int(migrated or 0))
                for gid, failed, migrated in (await s.execute(
                    select(
                        Delivery.group_id,
                        func.sum(case((Delivery.status == "failed", 1), else_=0)),
                        func.sum(case((Delivery.migrated.is_(True), 1), else_=0)),
                    ).where(Delivery.group_id.in_(ids), Delivery.updated_at >= now - FAILURE_WINDOW)
                    .group_by(Delivery.group_id)
                )).all()
            } if ids else {}  # fmt: skip
        rows = []
        for g in groups:
            failed, migrated = health.get(g.id, (0, 0))
            at = last.get(g.id)
            rows.append(
                {
                    "g": g, "members": members.get(g.id, 0), "last": local(at, config.tz),
                    "failed": failed, "migrated": migrated, "may_manage": may_manage(viewer, g.hamlet_code),
                    "ok": g.active and g.bot_is_admin and not failed,
                }
            )  # fmt: skip
        hamlets = [h for co in config.communes if may_act(viewer, co.code) for h in co.hamlets]
        base = c.context(request, viewer, session, "groups")
        return c.page("groups.html.j2", rows=rows, hamlets=hamlets, flash=request.query_params.get("done"), **base)

    async def link(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        hamlet = form.get("hamlet", "").strip() or None
        if hamlet is not None and config.hamlet(hamlet) is None:
            return c.not_found(request, viewer, session)
        async with store.session() as s:
            g = await s.get(Group, int(request.path_params["id"]))
            if g is None:
                return c.not_found(request, viewer, session)
            c.refuse_unless(may_manage(viewer, g.hamlet_code))
            c.refuse_unless(hamlet is None or may_act(viewer, commune_of_hamlet(config, hamlet)))
            group_store.changed()  # drop this process's cached copy at once
            await s.execute(update(Group).where(Group.id == g.id).values(hamlet_code=hamlet, updated_at=utcnow()))
        return see_other("/groups?done=" + ("linked" if hamlet else "unlinked"))

    return [
        Route("/groups", c.view(show), methods=["GET"]),
        Route("/groups/{id:rowid}/hamlet", c.view(link), methods=["POST"]),
    ]
