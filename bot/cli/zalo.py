"""``loaso zalo check``: are the Zalo credentials good? Prints the OA's and the bot's identity.

For the OA it gets a valid access token the same way ``loaso run`` does (the database's,
refreshed if needed, rotation saved) and calls ``GET /v2.0/oa/getoa``; for the bot it
calls getMe. Each failure is one line saying why, and the exit status is 1.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from typing import Any

import click
import httpx

from bot.adapters.zalo.secrets import BOT_WEBHOOK_SECRET, MissingSecret, bot_secrets, oa_secrets
from bot.cli import zalo_login
from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.config import Config, secret
from bot.localtime import shown

Echo = Callable[[str], None]
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


def _tokens(runtime: Any, http: httpx.AsyncClient, cfg: Any, secrets: Any) -> Any:
    """The OA's token manager, exactly as ``loaso run`` builds it (refreshes are saved)."""
    from bot.adapters.zalo_oa.tokens import TokenManager

    return TokenManager(
        runtime.store,
        http,
        oauth_url=cfg.oauth_url,
        app_id=cfg.app_id,
        oa_id=cfg.oa_id,
        app_secret=secrets.app_secret,
        env_refresh_token=secrets.refresh_token,
    )


async def check_oa(config: Config, echo: Echo) -> bool:
    from bot.adapters.zalo_oa.client import ZaloAPIError, ZaloOAClient
    from bot.adapters.zalo_oa.tokens import ReauthRequired, TokenRefreshFailed

    cfg = config.zalo_oa
    assert cfg is not None
    try:
        secrets = oa_secrets()
    except MissingSecret as exc:
        for line in exc.problems:
            echo(f"zalo_oa: cannot check: {line}")
        return False
    async with opened(config) as runtime, httpx.AsyncClient(timeout=TIMEOUT) as http:
        tokens = _tokens(runtime, http, cfg, secrets)
        try:
            info = await ZaloOAClient(http, cfg.base_url, tokens).get_oa()
        except ReauthRequired as exc:
            echo(f"zalo_oa: {exc}")
            return False
        except TokenRefreshFailed as exc:
            echo(f"zalo_oa: cannot get an access token from {cfg.oauth_url}: {exc}")
            return False
        except ZaloAPIError as exc:
            echo(f"zalo_oa: Zalo refused the call: {exc}")
            return False
    name, oa_id = info.get("name") or "?", str(info.get("oa_id") or "?")
    followers = info.get("num_follower")
    until = shown(tokens.expires_at, config, never="?")
    echo(
        f"Zalo OA: {name} (id {oa_id})"
        + (f", {followers} followers" if followers is not None else "")
        + f"; access token valid until {until}"
    )
    if oa_id != cfg.oa_id:
        echo(f"zalo_oa: warning: config says oa_id {cfg.oa_id}, but the token belongs to {oa_id}")
        return False
    return True


async def check_bot(config: Config, echo: Echo) -> bool:
    from bot.adapters.zalo_bot.client import ZaloBotClient, ZaloBotError

    cfg = config.zalo_bot
    assert cfg is not None
    try:
        token = bot_secrets("polling").token  # the webhook secret is not needed to call getMe
    except MissingSecret as exc:
        for line in exc.problems:
            echo(f"zalo_bot: cannot check: {line}")
        return False
    async with httpx.AsyncClient(timeout=TIMEOUT) as http:
        try:
            me = await ZaloBotClient(http, cfg.base_url, token).get_me()
        except ZaloBotError as exc:
            reason = "the token was refused" if exc.http_status in (401, 403) else str(exc)
            echo(f"zalo_bot: getMe at {cfg.base_url} failed: {reason}")
            return False
    name = me.get("display_name") or me.get("account_name") or "?"
    groups = "yes" if me.get("can_join_groups") else "no"
    echo(f"Zalo Bot: {name} ({me.get('account_name', '?')}, id {me.get('id', '?')}); groups: {groups}; mode {cfg.mode}")
    if cfg.mode == "webhook" and secret(BOT_WEBHOOK_SECRET) is None:
        echo(f"zalo_bot: {BOT_WEBHOOK_SECRET} is not set: webhook mode cannot start without it")
        return False
    return True


async def oa_groups(config: Config) -> list[dict[str, Any]]:
    """The OA's groups, for ``loaso zalo groups`` (raises on any failure)."""
    from bot.adapters.zalo_oa.client import ZaloOAClient

    cfg = config.zalo_oa
    assert cfg is not None
    secrets = oa_secrets()
    async with opened(config) as runtime, httpx.AsyncClient(timeout=TIMEOUT) as http:
        return await ZaloOAClient(http, cfg.base_url, _tokens(runtime, http, cfg, secrets)).list_groups()


def register(main: click.Group) -> None:
    @main.group()
    def zalo() -> None:
        """Zalo Official Account and Zalo Bot."""

    zalo_login.register(zalo)

    @zalo.command("check")
    @click.pass_context
    def check(ctx: click.Context) -> None:
        """Check the Zalo credentials and print the OA's and the bot's identity."""
        config = get_config(ctx)
        if config.zalo_oa is None and config.zalo_bot is None:
            fail("neither zalo_oa nor zalo_bot is configured in config.yaml")

        async def go() -> bool:
            ok = True
            if config.zalo_oa is not None:
                ok = await check_oa(config, click.echo) and ok
            if config.zalo_bot is not None:
                ok = await check_bot(config, click.echo) and ok
            return ok

        sys.exit(0 if run_async(go) else 1)

    @zalo.command("groups")
    @click.pass_context
    def groups_cmd(ctx: click.Context) -> None:
        """List the OA's groups as CSV for `loaso groups import` (fill in the hamlet column)."""
        config = get_config(ctx)
        if config.zalo_oa is None:
            fail("zalo_oa is not configured in config.yaml")
        try:
            found = run_async(lambda: oa_groups(config))
        except MissingSecret as exc:
            fail("; ".join(exc.problems))
        except Exception as exc:  # ZaloAPIError, ReauthRequired, TokenRefreshFailed: say why, no traceback
            fail(f"cannot list the OA's groups: {exc}")
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(["platform", "chat_id", "title", "hamlet"])
        for group in found:
            out.writerow(["zalo_oa", group["group_id"], group.get("name") or "", ""])
