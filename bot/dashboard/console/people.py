"""People (officials only): the dashboard accounts of leaders and officials, and the roles
people have in the chats (granted at run time, next to the fixed ones in config.yaml).

A leader asking for any of these pages or actions gets 403: only officials hand out rights.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.dashboard.auth import MIN_PASSWORD, Session, Viewer, hash_password
from bot.dashboard.console.base import Console, Invalid, see_other, who
from bot.model import Platform, Role, UserRef
from bot.store.accounts import Account, AccountError, add_account, list_accounts
from bot.store.db import utcnow
from bot.store.roles import grant_role, list_grants, revoke_role

CHAT_PLATFORMS = (Platform.TELEGRAM, Platform.ZALO_BOT, Platform.ZALO_OA)


def register(c: Console) -> list[BaseRoute]:
    config = c.config
    store = c.runtime.store

    async def page(request: Request, viewer: Viewer, session: Session, status: int = 200, **ctx: Any) -> Response:
        c.refuse_unless(viewer.is_official)
        async with store.session() as s:
            accounts = await list_accounts(s)
            grants = await list_grants(s, config)
        base = c.context(request, viewer, session, "people")
        return c.page(
            "people.html.j2", status, accounts=accounts, grants=grants, platforms=CHAT_PLATFORMS,
            flash=request.query_params.get("done"), error=ctx.pop("error", None), form=ctx.pop("form", {}),
            min_password=MIN_PASSWORD, **base,
        )  # fmt: skip

    async def show(request: Request, viewer: Viewer, session: Session) -> Response:
        return await page(request, viewer, session)

    def commune_field(form: dict[str, str]) -> str | None:
        code = form.get("commune", "").strip() or None
        if code is not None and config.commune(code) is None:
            raise Invalid("commune_unknown", text=code)
        return code

    async def add(request: Request, viewer: Viewer, session: Session) -> Response:
        c.refuse_unless(viewer.is_official)
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        try:
            role = form.get("role", "leader")
            if role not in ("leader", "official"):
                raise Invalid("role_unknown")
            commune = commune_field(form)
            if role == "leader" and commune is None:
                raise Invalid("leader_needs_commune")
            password = form.get("password", "")
            if len(password) < MIN_PASSWORD:
                raise Invalid("password_short", min=MIN_PASSWORD)
            hashed = await asyncio.to_thread(hash_password, password)
            async with store.session() as s:
                try:
                    await add_account(s, form.get("username", "").strip(), hashed, role, commune, utcnow())
                except AccountError as exc:
                    raise Invalid("account_refused", text=str(exc)) from None
        except Invalid as exc:
            return await page(request, viewer, session, 400, error=exc, form=form)
        return see_other("/people?done=account")

    async def toggle(request: Request, viewer: Viewer, session: Session) -> Response:
        c.refuse_unless(viewer.is_official)
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        async with store.session() as s:
            account = await s.get(Account, int(request.path_params["id"]))
            if account is None:
                return c.not_found(request, viewer, session)
            if account.id == viewer.account_id:
                return await page(request, viewer, session, 400, error=Invalid("not_yourself"))
            account.active = form.get("active") == "1"
        return see_other("/people?done=" + ("enabled" if form.get("active") == "1" else "disabled"))

    def chat_user(form: dict[str, str]) -> UserRef:
        try:
            platform = Platform(form.get("platform", ""))
        except ValueError:
            raise Invalid("platform_unknown") from None
        raw = form.get("user_id", "").strip()
        if not raw:
            raise Invalid("user_missing")
        uid: int | str = int(raw) if raw.lstrip("-").isdigit() and platform is Platform.TELEGRAM else raw
        if platform is Platform.TELEGRAM and not isinstance(uid, int):
            raise Invalid("user_missing")
        return UserRef(platform, uid)

    async def grant(request: Request, viewer: Viewer, session: Session) -> Response:
        c.refuse_unless(viewer.is_official)
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        try:
            user = chat_user(form)
            try:
                role = Role(form.get("role", ""))
            except ValueError:
                raise Invalid("role_unknown") from None
            commune = commune_field(form)
            if role is Role.LEADER and commune is None:
                raise Invalid("leader_needs_commune")
        except Invalid as exc:
            return await page(request, viewer, session, 400, error=exc, form=form)
        async with store.session() as s:
            await grant_role(s, user, role, commune, who(viewer), utcnow())
        return see_other("/people?done=granted")

    async def revoke(request: Request, viewer: Viewer, session: Session) -> Response:
        c.refuse_unless(viewer.is_official)
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        try:
            user = chat_user(form)
        except Invalid as exc:
            return await page(request, viewer, session, 400, error=exc)
        async with store.session() as s:
            await revoke_role(s, user.platform, user.id)
        return see_other("/people?done=revoked")

    return [
        Route("/people", c.view(show), methods=["GET"]),
        Route("/people/accounts", c.view(add), methods=["POST"]),
        Route("/people/accounts/{id:rowid}/active", c.view(toggle), methods=["POST"]),
        Route("/people/roles", c.view(grant), methods=["POST"]),
        Route("/people/roles/revoke", c.view(revoke), methods=["POST"]),
    ]
