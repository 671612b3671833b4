"""``loaso zalo login``: authorise the OA (Zalo OAuth v4 with PKCE) and keep its tokens.

Prints the permission URL; the OA's administrator opens it, allows the app, and pastes
back the address the browser landed on (or only its ``code``). The code is exchanged at
once and the tokens are stored in the database, where ``loaso run`` refreshes them: no one
copies a token by hand, and ``ZALO_OA_REFRESH_TOKEN`` is no longer needed.
"""

from __future__ import annotations

import sys

import click
import httpx

from bot.adapters.zalo.secrets import APP_SECRET
from bot.adapters.zalo_oa.login import LoginError, exchange, new_pkce, parse_answer, permission_url, store_tokens
from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.config import secret
from bot.localtime import shown
from bot.store.db import utcnow

TIMEOUT = httpx.Timeout(15.0, connect=5.0)


def register(zalo: click.Group) -> None:
    @zalo.command("login")
    @click.option(
        "--redirect-uri",
        required=True,
        metavar="URL",
        help="the app's 'Official Account Callback Url' (Zalo for Developers → your app → Official Account)",
    )
    @click.pass_context
    def login(ctx: click.Context, redirect_uri: str) -> None:
        """Authorise the Zalo OA for this app and store its tokens (OAuth v4 with PKCE)."""
        config = get_config(ctx)
        cfg = config.zalo_oa
        if cfg is None:
            fail("zalo_oa is not configured in config.yaml (app_id, oa_id): see docs/zalo.md")
            return
        app_secret = secret(APP_SECRET)
        if app_secret is None:
            fail(f"{APP_SECRET} is not set: copy the app's secret key into the environment file")
            return
        pkce = new_pkce()
        click.echo("1. Open this address in a browser where you are logged in to Zalo as the OA's administrator:")
        click.echo(permission_url(cfg.oauth_url, cfg.app_id, redirect_uri, pkce))
        click.echo(f"2. Choose the OA {cfg.oa_id} and allow the app.")
        click.echo("3. Paste here the address the browser then opened (or only the code in it):")
        sys.stdout.flush()
        answer = sys.stdin.readline()
        try:
            granted = parse_answer(answer, pkce.state)
        except LoginError as exc:
            fail(str(exc))
            return
        if granted.oa_id is not None and granted.oa_id != cfg.oa_id:
            fail(f"you authorised OA {granted.oa_id}, but config.yaml says zalo_oa.oa_id {cfg.oa_id}: fix one of them")

        async def go() -> str:
            async with opened(config) as rt, httpx.AsyncClient(timeout=TIMEOUT) as http:
                access, refresh, lifetime = await exchange(
                    http, cfg.oauth_url, cfg.app_id, app_secret, granted.code, pkce
                )
                until = await store_tokens(rt.store, cfg.oa_id, access, refresh, lifetime, utcnow())
            return shown(until, config)

        try:
            until = run_async(go)
        except LoginError as exc:
            fail(str(exc))
        click.echo(f"✓ OA {cfg.oa_id} authorised; tokens stored in the database (access token valid until {until}).")
        click.echo("`loaso run` refreshes them from now on; ZALO_OA_REFRESH_TOKEN is no longer needed.")
        click.echo("Check with `loaso zalo check` or `loaso doctor`.")
