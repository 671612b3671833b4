"""``loaso roles list|grant|revoke``: who is a leader or an official."""

from __future__ import annotations

import json

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.model import Platform, Role, UserRef
from bot.store.db import utcnow
from bot.store.ids import fits_bigint
from bot.store.roles import grant_role, list_grants, revoke_role

# Platforms whose user ids are numbers; Zalo's are opaque strings of letters and digits.
INT_ID_PLATFORMS = frozenset({Platform.TELEGRAM, Platform.SHELL})
MAX_EXTERNAL_ID = 64  # characters (people.external_id)


def _user(spec: str) -> UserRef:
    """PLATFORM:USER_ID, checked the way the platform writes its ids; bad input exits 2."""
    platform, _, raw = spec.strip().partition(":")
    try:
        p = Platform(platform.lower())
    except ValueError:
        fail(f"{spec!r}: write PLATFORM:USER_ID, e.g. telegram:123456 (platforms: {', '.join(Platform)})", 2)
    if raw == "":
        fail(f"{spec!r}: missing user id", 2)
    if p in INT_ID_PLATFORMS:
        if not (raw.isascii() and raw.lstrip("-").isdigit() and len(raw) <= 20 and fits_bigint(int(raw))):
            fail(f"{spec!r}: a {p.value} user id is a whole number, e.g. {p.value}:123456789", 2)
        return UserRef(p, int(raw))
    if not (raw.isascii() and raw.isalnum() and len(raw) <= MAX_EXTERNAL_ID):
        fail(f"{spec!r}: a {p.value} user id is letters and digits only (at most {MAX_EXTERNAL_ID})", 2)
    return UserRef(p, raw)


def register(main: click.Group) -> None:
    @main.group()
    def roles() -> None:
        """Leaders and officials."""

    @roles.command("list")
    @click.option("--json", "as_json", is_flag=True)
    @click.pass_context
    def list_cmd(ctx: click.Context, as_json: bool) -> None:
        config = get_config(ctx)

        async def go():  # type: ignore[no-untyped-def]
            async with opened(config) as rt, rt.store.session() as s:
                return await list_grants(s, config)

        grants = run_async(go)
        if as_json:
            click.echo(
                json.dumps(
                    [
                        {
                            "platform": g.platform,
                            "user_id": g.user_id,
                            "role": g.role.value,
                            "commune": g.commune,
                            "source": g.source,
                        }
                        for g in grants
                    ],
                    ensure_ascii=False,
                )
            )
            return
        for g in grants:
            who = f"{g.platform}:{g.user_id}"
            click.echo(f"{who}  {g.role.value:<8} {g.commune or '-':<10} ({g.source}) {g.name or ''}")

    @roles.command("grant")
    @click.argument("user")
    @click.argument("role", type=click.Choice([r.value for r in Role if r is not Role.RESIDENT]))
    @click.option("--commune", help="limit a leader to one commune")
    @click.pass_context
    def grant_cmd(ctx: click.Context, user: str, role: str, commune: str | None) -> None:
        """Grant ROLE to USER (PLATFORM:USER_ID)."""
        config = get_config(ctx)
        if commune:
            known = next((c.code for c in config.communes if c.code.lower() == commune.strip().lower()), None)
            if known is None:
                fail(f"unknown commune {commune!r} (communes: {', '.join(c.code for c in config.communes)})", 2)
            commune = known
        ref = _user(user)

        async def go() -> None:
            async with opened(config) as rt, rt.store.session() as s:
                await grant_role(s, ref, Role(role), commune, "cli", utcnow())

        run_async(go)
        click.echo(f"{user} is now {role}")

    @roles.command("revoke")
    @click.argument("user")
    @click.pass_context
    def revoke_cmd(ctx: click.Context, user: str) -> None:
        """Revoke a role granted at run time (config.yaml roles are changed in the file)."""
        config = get_config(ctx)
        ref = _user(user)

        async def go() -> bool:
            async with opened(config) as rt, rt.store.session() as s:
                return await revoke_role(s, ref.platform, ref.id)

        click.echo(f"revoked {user}" if run_async(go) else f"{user} had no granted role")
