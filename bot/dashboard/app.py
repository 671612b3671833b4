"""Dashboard routes: login, overview, hamlet, bulletins, questions, CSV and Excel exports.

Every page checks the session and the viewer's commune before reading anything; a leader
asking for another commune gets 403. Pages are rendered from ``templates/dashboard``
(autoescaped); charts are server-side SVG from ``bot.dashboard.charts``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import parse_qs, urlencode

from markupsafe import Markup
from sqlalchemy import update
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.config import Config
from bot.dashboard import charts
from bot.dashboard.auth import (
    COOKIE,
    SESSION_HOURS,
    LoginLimiter,
    Session,
    SessionSigner,
    Viewer,
    csrf_ok,
    env_session_secret,
    verify_password,
)
from bot.dashboard.console import Console, console_routes
from bot.faq.knowledge import KnowledgeError
from bot.faq.service import live_knowledge
from bot.model import nfc
from bot.runtime import Runtime
from bot.stats.queries import QUESTION_KINDS, bulletin_rows, delivery_rows, overview, question_rows
from bot.stats.report import Table, overview_tables, percent, to_csv, to_xlsx
from bot.stats.scope import Scope, ScopeError, make_scope
from bot.stats.text import num as _num
from bot.stats.text import pct as _pct
from bot.stats.warnings import warnings
from bot.store.accounts import Account, find_account, stored_secret
from bot.store.db import utcnow
from bot.store.ids import fits_bigint
from bot.store.web_sessions import close_session, open_session, session_alive
from bot.texts import default_texts


def _say(key: str, **kw: object) -> str:
    return default_texts().say(key, **kw)


log = logging.getLogger(__name__)

MAX_FORM_BYTES = 8192
QUESTION_LIMIT = 200
VERIFY_SLOTS = 4  # argon2 checks running at once
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
}


class Forbidden(Exception):
    pass


class Dashboard:
    """State shared by the routes: the runtime, the signer (made on first use), the login limiter."""

    def __init__(self, runtime: Runtime, *, limiter: LoginLimiter | None = None):
        self.runtime = runtime
        self.config: Config = runtime.config
        self.limiter = limiter or LoginLimiter(runtime.store)
        self._signer: SessionSigner | None = None
        self._lock = asyncio.Lock()
        self.verify_slots = asyncio.Semaphore(VERIFY_SLOTS)

    async def signer(self) -> SessionSigner:
        if self._signer is None:
            async with self._lock:
                if self._signer is None:
                    key = env_session_secret() or await stored_secret(self.runtime.store, "session", utcnow())
                    self._signer = SessionSigner(key)
        return self._signer

    # -- sessions -------------------------------------------------------------------------
    async def session(self, request: Request) -> Session | None:
        value = request.cookies.get(COOKIE)
        if value is not None and not value.isascii():  # never one of ours: forged or mangled
            log.warning(
                "dashboard: unreadable session cookie from %s ignored", request.client.host if request.client else "?"
            )
        return (await self.signer()).load(value)

    async def viewer(self, session: Session | None) -> Viewer | None:
        if session is None or session.account_id is None or session.sid is None:
            return None
        if not fits_bigint(session.account_id):
            return None
        async with self.runtime.store.session() as s:
            account = await s.get(Account, session.account_id)
            alive = await session_alive(s, session.sid, session.account_id, utcnow())
        if account is None or not account.active or not alive:  # logged out, new password, account removed
            return None
        if not (await self.signer()).matches(session, account):
            return None
        return Viewer(account.id, account.username, account.role, account.commune)

    async def set_cookie(self, request: Request, response: Response, session: Session) -> None:
        response.set_cookie(
            COOKIE,
            (await self.signer()).dump(session),
            max_age=SESSION_HOURS * 3600,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
            path="/",
        )

    # -- rendering ------------------------------------------------------------------------
    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.runtime.texts.render(
            f"dashboard/{name}", pct=_pct, num=_num, topic_title=self.topic_title, **context
        )
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    def topic_title(self, topic: str | None) -> str:
        """A topic's Vietnamese title (pages never show ids like ``vneid.forgot_password``)."""
        try:
            entry = live_knowledge(self.config).kb.get(topic or "")
        except KnowledgeError:
            entry = None
        return entry.title if entry is not None else (topic or "")

    def scope_for(self, request: Request, viewer: Viewer, *, hamlet: str | None = None) -> Scope:
        params = request.query_params
        commune = params.get("commune")
        if commune is None:
            commune = viewer.default_commune(self.config)
        commune = commune or None  # "" means every commune (officials)
        if hamlet:
            owner = self.config.commune_of(hamlet)
            commune = owner.code if owner else None
            if owner is None:
                raise ScopeError(_say("err_unknown_hamlet", code=hamlet))
        if not viewer.may_see(commune):
            raise Forbidden
        return make_scope(
            self.config, utcnow(), commune=commune, hamlet=hamlet, start=params.get("from"), end=params.get("to")
        )


def _filters(scope: Scope) -> dict[str, str]:
    return {"commune": scope.commune or "", "from": scope.start.isoformat(), "to": scope.end.isoformat()}


def _overview_charts(ov: Any) -> dict[str, Markup]:
    """Every chart says its unit on both axes (values and labels)."""
    day_labels = [f"{d:%d/%m}" for d, _ in ov.per_day]
    msgs, days, hours = _say("unit_messages"), _say("axis_day"), _say("axis_hour")
    return {
        "days": Markup(
            charts.bar_chart(_say("chart_messages_per_day"), day_labels, [[n for _, n in ov.per_day]], (), msgs, days)
        ),
        "hours": Markup(
            charts.bar_chart(
                _say("chart_messages_per_hour"), [f"{h}h" for h in range(24)], [ov.per_hour], (), msgs, hours
            )
        ),
        "weeks": Markup(
            charts.bar_chart(
                _say("chart_joins_leaves"),
                [f"{w.start:%d/%m}" for w in ov.weeks],
                [[w.joins for w in ov.weeks], [w.leaves for w in ov.weeks]],
                [_say("chart_joins"), _say("chart_leaves")],
                _say("unit_changes"),
                _say("axis_week"),
            )
        ),
        "trend": Markup(
            charts.line_chart(
                _say("chart_members_trend"),
                [f"{d:%d/%m}" for d, _ in ov.trend],
                [[n for _, n in ov.trend]],
                (),
                _say("unit_people"),
                _say("axis_week_end"),
            )
        ),
        "questions": Markup(
            charts.bar_chart(
                _say("chart_questions_weeks"),
                [f"{w:%d/%m}" for w, _, _ in ov.question_weeks],
                [[ok for _, _, ok in ov.question_weeks], [n - ok for _, n, ok in ov.question_weeks]],
                [_say("chart_answered"), _say("chart_unanswered")],
                _say("unit_questions"),
                _say("axis_week"),
            )
        ),
        "coverage": Markup(
            charts.bar_chart(
                _say("chart_coverage"),
                [h.name for h in ov.hamlets],
                [[percent(h.coverage) or 0 for h in ov.hamlets]],
                (),
                _say("unit_coverage"),
                _say("axis_hamlet"),
            )
        ),
    }


def dashboard_routes(runtime: Runtime, *, limiter: LoginLimiter | None = None) -> list[BaseRoute]:
    """The dashboard's routes, to mount at / on the shared web app. Raises WeakSecret if
    LOASO_SESSION_SECRET is set but too short."""
    env_session_secret()
    d = Dashboard(runtime, limiter=limiter)

    async def guarded(request: Request, handler: Any) -> Response:
        session = await d.session(request)
        viewer = await d.viewer(session)
        if viewer is None or session is None:
            if request.url.path.startswith("/export/"):
                return Response(_say("err_login_needed"), status_code=401, headers=SECURITY_HEADERS)
            here = request.url.path + ("?" + request.url.query if request.url.query else "")
            return RedirectResponse("/login?" + urlencode({"next": here}), status_code=303)
        try:
            return await handler(request, viewer, session)
        except Forbidden:
            return d.page("error.html.j2", 403, viewer=viewer, csrf=session.csrf, message="forbidden")
        except ScopeError as exc:
            log.warning("dashboard: %s refused (400): %s", request.url.path[:80], str(exc)[:120])
            return d.page("error.html.j2", 400, viewer=viewer, csrf=session.csrf, message=str(exc))

    def view(handler: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            return await guarded(request, handler)

        return endpoint

    def common(viewer: Viewer, session: Session, scope: Scope, active: str) -> dict[str, Any]:
        communes = [c for c in d.config.communes if viewer.may_see(c.code)]
        return {
            "viewer": viewer,
            "csrf": session.csrf,
            "scope": scope,
            "filters": _filters(scope),
            "query": urlencode(_filters(scope)),
            "communes": communes,
            "active": active,
            "hide_names": d.config.privacy.hide_names,
            "hamlet_names": {h.code: h.name for h in d.config.all_hamlets()},
        }

    async def home(request: Request, viewer: Viewer, session: Session) -> Response:
        scope = d.scope_for(request, viewer)
        async with runtime.store.session() as s:
            ov = await overview(s, d.config, scope)
            warned = await warnings(s, d.config, scope, runtime.texts)
        return d.page(
            "overview.html.j2",
            ov=ov,
            charts=_overview_charts(ov),
            warnings=warned,
            **common(viewer, session, scope, "home"),
        )

    async def hamlet(request: Request, viewer: Viewer, session: Session) -> Response:
        scope = d.scope_for(request, viewer, hamlet=request.path_params["code"])
        async with runtime.store.session() as s:
            ov = await overview(s, d.config, scope)
        ctx = common(viewer, session, scope, "home")
        return d.page("hamlet.html.j2", ov=ov, charts=_overview_charts(ov), **ctx)

    async def bulletins(request: Request, viewer: Viewer, session: Session) -> Response:
        scope = d.scope_for(request, viewer)
        async with runtime.store.session() as s:
            rows = await bulletin_rows(s, scope)
        return d.page("bulletins.html.j2", rows=rows, **common(viewer, session, scope, "bulletins"))

    async def bulletin(request: Request, viewer: Viewer, session: Session) -> Response:
        scope = d.scope_for(request, viewer)
        raw_id = request.path_params["id"]
        if not (raw_id.isascii() and raw_id.isdigit() and len(raw_id) <= 19 and fits_bigint(int(raw_id))):
            raise ScopeError(_say("err_bad_bulletin_id"))  # a number no BIGINT holds is no bulletin of ours
        bulletin_id = int(raw_id)
        async with runtime.store.session() as s:
            rows = await delivery_rows(s, scope, bulletin_id)
        if not rows:  # no such bulletin, or none of its groups is in the viewer's communes
            return d.page("error.html.j2", 404, message="not_found", **common(viewer, session, scope, ""))
        ctx = common(viewer, session, scope, "bulletins")
        return d.page("bulletin.html.j2", bulletin_id=bulletin_id, rows=rows, **ctx)

    async def questions(request: Request, viewer: Viewer, session: Session) -> Response:
        scope = d.scope_for(request, viewer)
        kind = request.query_params.get("kind", "unanswered")
        if kind not in QUESTION_KINDS:
            raise ScopeError(_say("err_bad_question_kind", kind=kind))
        hide = d.config.privacy.hide_names
        async with runtime.store.session() as s:
            rows = await question_rows(s, scope, kind, hide_names=hide, limit=QUESTION_LIMIT)
            ov = await overview(s, d.config, scope)
        return d.page(
            "questions.html.j2", rows=rows, kind=kind, ov=ov, kinds=QUESTION_KINDS, charts=_overview_charts(ov),
            **common(viewer, session, scope, "questions"),
        )  # fmt: skip

    async def report_tables(scope: Scope, questions_kind: str = "all") -> list[Table]:
        hide = d.config.privacy.hide_names
        async with runtime.store.session() as s:
            ov = await overview(s, d.config, scope)
            rows = await bulletin_rows(s, scope)
            qs = await question_rows(s, scope, questions_kind, hide_names=hide, limit=10_000)
        return overview_tables(ov, rows, qs)

    async def export_csv(request: Request, viewer: Viewer, session: Session) -> Response:
        hamlet_code = request.query_params.get("hamlet") or None
        scope = d.scope_for(request, viewer, hamlet=hamlet_code)
        kind = request.query_params.get("kind", "all")  # which questions, as on /questions
        if kind not in QUESTION_KINDS:
            raise ScopeError(_say("err_bad_question_kind", kind=kind))
        tables = {t.id: t for t in await report_tables(scope, kind)}
        table = tables.get(request.path_params["table"])
        if table is None:
            return Response(_say("err_no_such_table"), status_code=404, headers=SECURITY_HEADERS)
        suffix = f"-{kind}" if table.id == "questions" and kind != "all" else ""
        name = f"loaso-{table.id}{suffix}-{scope.commune or 'tatca'}-{scope.start}-{scope.end}.csv"
        return Response(
            to_csv(table),
            media_type="text/csv; charset=utf-8",
            headers={**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def export_xlsx(request: Request, viewer: Viewer, session: Session) -> Response:
        scope = d.scope_for(request, viewer)
        data = await asyncio.to_thread(to_xlsx, await report_tables(scope))
        name = f"loaso-baocao-{scope.commune or 'tatca'}-{scope.start}-{scope.end}.xlsx"
        return Response(
            data,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def login_form(request: Request) -> Response:
        session = await d.session(request)
        if session is None:
            session = (await d.signer()).new()
        response = d.page("login.html.j2", csrf=session.csrf, error=None, next=_safe_next(request), username="")
        await d.set_cookie(request, response, session)
        return response

    async def login(request: Request) -> Response:
        session = await d.session(request)
        form = await _form(request)
        if form is None or not csrf_ok(session, form.get("csrf")):
            return d.page("error.html.j2", 403, viewer=None, csrf="", message="csrf")
        assert session is not None
        username = form.get("username", "").strip()
        password = form.get("password", "")
        ip = request.client.host if request.client else "?"
        nxt = _safe_next(request, form.get("next"))
        stamp = await d.limiter.attempt(ip, username)  # checked and counted in one step: no racing past the limit
        if stamp is None:
            log.warning("dashboard login blocked for too many failures")
            return d.page("login.html.j2", 429, csrf=session.csrf, error="blocked", next=nxt, username=username)
        async with runtime.store.session() as s:
            account = await find_account(s, username) if username else None
            stored = account.password_hash if account is not None else None
        async with d.verify_slots:  # argon2 is slow and memory-hungry: off the event loop, a few at a time
            ok = await asyncio.to_thread(verify_password, stored, password)
        if not ok or account is None or not account.active:
            return d.page("login.html.j2", 401, csrf=session.csrf, error="wrong", next=nxt, username=username)
        fresh = (await d.signer()).new(account)  # new token and session id: no fixation
        assert fresh.sid is not None
        async with runtime.store.session() as s:
            await s.execute(update(Account).where(Account.id == account.id).values(last_login_at=utcnow()))
            await open_session(s, fresh.sid, account.id, utcnow(), SESSION_HOURS)
        await d.limiter.succeeded(ip, username, stamp)
        response = RedirectResponse(nxt, status_code=303)
        await d.set_cookie(request, response, fresh)
        return response

    async def logout(request: Request) -> Response:
        session = await d.session(request)
        form = await _form(request)
        if form is None or not csrf_ok(session, form.get("csrf")):
            return d.page("error.html.j2", 403, viewer=None, csrf="", message="csrf")
        assert session is not None
        if session.sid is not None:  # the session ends on the server: a copy of the cookie opens nothing
            async with runtime.store.session() as s:
                await close_session(s, session.sid)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    console = Console(d, view, common, _form, Forbidden)
    return [
        *console_routes(console),  # first: /bulletins/new must not be read as /bulletins/{id}
        Route("/", view(home)),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/hamlet/{code}", view(hamlet)),
        Route("/bulletins", view(bulletins)),
        Route("/bulletins/{id}", view(bulletin)),
        Route("/questions", view(questions)),
        Route("/export/report.xlsx", view(export_xlsx)),
        Route("/export/{table}.csv", view(export_csv)),
    ]


def _safe_next(request: Request, value: str | None = None) -> str:
    """Only local paths: an attacker's link must not send people elsewhere after login."""
    nxt = value if value is not None else request.query_params.get("next", "/")
    if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
        return "/"
    return nxt


async def _form(request: Request) -> dict[str, str] | None:
    """A small url-encoded form, NFC-normalised; None if it is not one or too large."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return None
    return {k: nfc(v[0]).replace("\x00", "") for k, v in parsed.items()}  # no NUL reaches PostgreSQL
