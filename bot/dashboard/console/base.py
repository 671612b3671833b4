"""What every console page shares: who may act where, forms with their CSRF token, local times.

Leaders act only on their own commune's hamlets, groups, stations and questions; officials
act everywhere. Every POST is checked here before anything is written, and every successful
one answers 303 to a page (post/redirect/get), so a reload never repeats an action.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.config import Config
from bot.dashboard.auth import Session, Viewer, csrf_ok
from bot.store.db import to_utc_naive, utcnow
from broadcasts.targets import Target, TargetError, hamlet_codes, parse_target

Handler = Callable[[Request, Viewer, Session], Awaitable[Response]]


class RowId(Convertor[int]):
    """``{id:rowid}``: a row id in a path. At most 18 digits always fit a BIGINT; anything longer matches
    no route (404), so a hostile id never reaches int() or the database (Starlette's ``int`` takes any length)."""

    regex = "[0-9]{1,18}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("rowid", RowId())

LOCAL_MINUTE = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends


class Invalid(ValueError):
    """A form value that cannot be used; ``key`` names the Vietnamese message (templates)."""

    def __init__(self, key: str, **detail: object):
        self.key = key
        self.detail = detail
        super().__init__(key)


@dataclass
class Console:
    """The dashboard's pieces the console pages use (given by ``dashboard_routes``)."""

    dash: Any  # bot.dashboard.app.Dashboard (not imported: app imports this package)
    view: Callable[[Handler], Any]  # wraps a handler with the login check and the 403/400 pages
    common: Callable[..., dict[str, Any]]  # the context every page template needs
    form: Callable[[Request], Awaitable[dict[str, str] | None]]
    forbidden: type[Exception]

    @property
    def config(self) -> Config:
        config: Config = self.dash.config
        return config

    @property
    def runtime(self) -> Any:
        return self.dash.runtime

    def page(self, name: str, status: int = 200, **ctx: Any) -> Response:
        response: Response = self.dash.page(f"console/{name}", status, **ctx)
        return response

    def context(self, request: Request, viewer: Viewer, session: Session, active: str) -> dict[str, Any]:
        scope = self.dash.scope_for(request, viewer)
        return {**self.common(viewer, session, scope, active), "tz": self.config.tz}

    async def posted(self, request: Request, session: Session) -> dict[str, str] | None:
        """The form, or None when it is not a small form with this session's CSRF token."""
        form = await self.form(request)
        if form is None or not csrf_ok(session, form.get("csrf")):
            return None
        return form

    def not_found(self, request: Request, viewer: Viewer, session: Session) -> Response:
        response: Response = self.dash.page(
            "error.html.j2", 404, message="not_found", **self.context(request, viewer, session, "")
        )
        return response

    def csrf_refused(self, viewer: Viewer) -> Response:
        response: Response = self.dash.page("error.html.j2", 403, viewer=viewer, csrf="", message="csrf")
        return response

    def refuse_unless(self, allowed: bool) -> None:
        if not allowed:
            raise self.forbidden


def see_other(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


def who(viewer: Viewer) -> str:
    return f"web:{viewer.username}"[:64]


def may_act(viewer: Viewer, commune: str | None) -> bool:
    """Officials everywhere; a leader only in their commune (never on what belongs to none)."""
    if viewer.is_official:
        return True
    return commune is not None and commune == viewer.commune


def commune_of_hamlet(config: Config, hamlet: str | None) -> str | None:
    owner = config.commune_of(hamlet) if hamlet else None
    return owner.code if owner else None


def may_target(viewer: Viewer, target: Target, config: Config) -> bool:
    if viewer.is_official:
        return True
    if target.kind == "all":
        return False
    if target.kind == "commune":
        return all(may_act(viewer, c) for c in target.codes)
    return all(may_act(viewer, commune_of_hamlet(config, h)) for h in target.codes)


def viewer_hamlets(viewer: Viewer, config: Config) -> list[str]:
    return [h.code for c in config.communes if may_act(viewer, c.code) for h in c.hamlets]


def read_target(text: str, config: Config) -> Target:
    """The form's target: a hamlet code, several separated by commas, ``commune:CODE`` (or ``all``)."""
    raw = " ".join((text or "").split())
    if not raw:
        raise Invalid("target_missing")
    if not raw.lower().startswith(("commune:", "hamlet:")) and raw.lower() != "all":
        raw = "hamlet:" + raw
    try:
        return parse_target(raw, config)
    except TargetError:
        raise Invalid("target_unknown", text=text) from None


def target_hamlets(target: Target, config: Config) -> list[str]:
    codes = hamlet_codes(target, config)
    return sorted(codes) if codes is not None else [h.code for h in config.all_hamlets()]


def describe_target(target: str, config: Config) -> str:
    """'commune:DAINGAI' → 'Xã Đại Ngãi'; 'hamlet:A,B' → 'Ấp A, Ấp B'; 'all' → every commune."""
    if target == "all":
        return "Tất cả các xã"
    kind, _, rest = target.partition(":")
    codes = [c for c in rest.split(",") if c]
    if kind == "commune":
        return ", ".join(getattr(config.commune(c), "name", c) for c in codes)
    return ", ".join(getattr(config.hamlet(c), "name", c) for c in codes)


def parse_local_minute(value: str, tz: ZoneInfo) -> datetime | None:
    """``YYYY-MM-DDTHH:MM`` local time → naive UTC; empty → None (now)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        at = datetime.strptime(value, LOCAL_MINUTE)
    except ValueError:
        raise Invalid("bad_time", text=value) from None
    return to_utc_naive(at.replace(tzinfo=tz))


def local_minute(at: datetime | None, tz: ZoneInfo) -> str:
    if at is None:
        return ""
    return at.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz).strftime(LOCAL_MINUTE)


def local(at: datetime | None, tz: ZoneInfo) -> datetime | None:
    """Naive UTC → naive local wall-clock time (for display)."""
    if at is None:
        return None
    return at.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz).replace(tzinfo=None)


def not_in_past(at: datetime | None, now: datetime | None = None, slack: timedelta = timedelta(minutes=1)) -> None:
    if at is not None and at < (now or utcnow()) - slack:
        raise Invalid("past_time")
