"""Teaching the bot from the browser: the unanswered and "not useful" questions of the
viewer's hamlets with the bot's best guesses; attach one to a topic (``POST
/questions/<id>/teach`` with ``topic``), draft a new answer for an official's review, correct
an answer's text; every change listed with who and when, and undoable.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.dashboard.auth import Session, Viewer
from bot.dashboard.console.base import Console, commune_of_hamlet, local, may_act, see_other, viewer_hamlets, who
from bot.faq import teaching
from bot.faq.teaching import TeachError
from bot.store.db import utcnow
from bot.store.faq_changes import PENDING, FaqChange, handled_questions, recent_changes
from bot.store.questions import Question, needing_work

LOOK_BACK = timedelta(days=90)
LIST_LIMIT = 100


def register(c: Console) -> list[BaseRoute]:
    config = c.config
    store = c.runtime.store

    def topics() -> list[Any]:
        kb = teaching.knowledge(config)
        return sorted((e for e in kb.entries if not e.live), key=lambda e: e.title)

    def question_commune(q: Question) -> str | None:
        return commune_of_hamlet(config, q.hamlet_code)

    async def page(request: Request, viewer: Viewer, session: Session, status: int = 200, **ctx: Any) -> Response:
        now = utcnow()
        hamlets = None if viewer.is_official else viewer_hamlets(viewer, config)
        communes = None if viewer.is_official else [viewer.commune or ""]
        kb = teaching.knowledge(config)
        async with store.session() as s:
            questions = await needing_work(s, now - LOOK_BACK, hamlets, limit=LIST_LIMIT)
            done = await handled_questions(s, [q.id for q in questions])
            changes = await recent_changes(s, communes)
        items = [
            {"q": q, "at": local(q.asked_at, config.tz), "guesses": teaching.guesses(config, q.text),
             "answered_title": getattr(kb.get(q.topic or ""), "title", None)}
            for q in questions if q.id not in done
        ]  # fmt: skip
        hamlet_names = {h.code: h.name for h in config.all_hamlets()}
        rows = [
            {"ch": ch, "at": local(ch.created_at, config.tz), "title": getattr(kb.get(ch.topic), "title", ch.title),
             "may_undo": ch.status == "applied" and (viewer.is_official or ch.commune == viewer.commune)}
            for ch in changes
        ]  # fmt: skip
        base = c.context(request, viewer, session, "teach")
        return c.page(
            "teach.html.j2", status, items=items, topics=topics(), changes=rows, hamlet_names_all=hamlet_names,
            flash=request.query_params.get("done"), error=ctx.pop("error", None), **ctx, **base,
        )  # fmt: skip

    async def show(request: Request, viewer: Viewer, session: Session) -> Response:
        return await page(request, viewer, session)

    async def _question(s: Any, request: Request, viewer: Viewer) -> Question | None:
        q = await s.get(Question, int(request.path_params["id"]))
        if q is not None:
            c.refuse_unless(may_act(viewer, question_commune(q)))
        return q

    async def teach(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        try:
            async with store.session() as s:
                q = await _question(s, request, viewer)
                if q is None:
                    return c.not_found(request, viewer, session)
                await teaching.teach(s, config, q, form.get("topic", ""), who(viewer), question_commune(q), utcnow())
        except TeachError as exc:
            return await page(request, viewer, session, 400, error=exc.reason)
        return see_other("/teach?done=taught")

    async def draft(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        try:
            async with store.session() as s:
                q = await _question(s, request, viewer)
                if q is None:
                    return c.not_found(request, viewer, session)
                phrasings = [q.text, *form.get("phrasings", "").splitlines()]
                await teaching.draft_topic(
                    s, config, q, form.get("title", ""), form.get("answer", ""), phrasings, who(viewer),
                    question_commune(q), utcnow(),
                )  # fmt: skip
        except TeachError as exc:
            return await page(request, viewer, session, 400, error=exc.reason)
        return see_other("/teach?done=drafted")

    async def decide(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        what = request.path_params["what"]
        try:
            async with store.session() as s:
                ch = await s.get(FaqChange, int(request.path_params["id"]))
                if ch is None:
                    return c.not_found(request, viewer, session)
                if what == "undo":
                    c.refuse_unless(viewer.is_official or (ch.commune is not None and ch.commune == viewer.commune))
                    await teaching.undo(s, config, ch, who(viewer), utcnow())
                else:
                    c.refuse_unless(viewer.is_official)  # drafts are reviewed by an official
                    if what == "approve":
                        await teaching.approve(s, config, ch, who(viewer), utcnow())
                    else:
                        await teaching.reject(s, ch, who(viewer), utcnow())
        except TeachError as exc:
            return await page(request, viewer, session, 400, error=exc.reason)
        return see_other(f"/teach?done={what}")

    async def topic_page(request: Request, viewer: Viewer, session: Session, status: int = 200, **ctx: Any) -> Response:
        topic = request.path_params["topic"]
        entry = teaching.knowledge(config).get(topic)
        base = c.context(request, viewer, session, "teach")
        if entry is None or entry.live:
            return c.dash.page("error.html.j2", 404, message="not_found", **base)
        return c.page(
            "topic.html.j2", status, entry=entry, saved=request.query_params.get("saved"),
            error=ctx.pop("error", None), draft=ctx.pop("draft", None), **base,
        )  # fmt: skip

    async def topic_show(request: Request, viewer: Viewer, session: Session) -> Response:
        return await topic_page(request, viewer, session)

    async def answer(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        topic = request.path_params["topic"]
        if teaching.knowledge(config).get(topic) is None:
            return c.not_found(request, viewer, session)
        commune = viewer.commune if not viewer.is_official else None
        c.refuse_unless(viewer.is_official or commune is not None)
        try:
            async with store.session() as s:
                await teaching.correct_answer(s, config, topic, form.get("answer", ""), who(viewer), commune, utcnow())
        except TeachError as exc:
            return await topic_page(request, viewer, session, 400, error=exc.reason, draft=form.get("answer", ""))
        return see_other(f"/topics/{topic}?saved=1")

    async def pending(request: Request, viewer: Viewer, session: Session) -> Response:
        c.refuse_unless(viewer.is_official)
        async with store.session() as s:
            rows = list((await s.execute(select(FaqChange).where(FaqChange.status == PENDING))).scalars())
        return c.page("drafts.html.j2", drafts=rows, **c.context(request, viewer, session, "teach"))

    return [
        Route("/teach", c.view(show), methods=["GET"]),
        Route("/teach/drafts", c.view(pending), methods=["GET"]),
        Route("/questions/{id:rowid}/teach", c.view(teach), methods=["POST"]),
        Route("/questions/{id:rowid}/draft", c.view(draft), methods=["POST"]),
        Route("/changes/{id:rowid}/{what:str}", c.view(decide), methods=["POST"]),
        Route("/topics/{topic:str}", c.view(topic_show), methods=["GET"]),
        Route("/topics/{topic:str}/answer", c.view(answer), methods=["POST"]),
    ]
