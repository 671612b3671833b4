"""``loaso users add|list|passwd|remove``: dashboard accounts for officials and leaders.

The password is read from standard input when it is not a terminal (one line), so
scripts can pipe it; at a terminal it is asked twice and never echoed.
"""

from __future__ import annotations

import sys

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.dashboard.auth import hash_password
from bot.localtime import shown
from bot.model import nfc
from bot.store.accounts import ACCOUNT_ROLES, AccountError, add_account, find_account, list_accounts
from bot.store.db import utcnow
from bot.store.web_sessions import close_account_sessions


def read_password() -> str:
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        return hash_password(nfc(password))
    except ValueError as exc:
        fail(str(exc), 2)
        raise  # unreachable: fail exits


def register(main: click.Group) -> None:
    @main.group()
    def users() -> None:
        """Dashboard accounts (officials and leaders; residents have none)."""

    @users.command("add")
    @click.argument("name")
    @click.option("--role", type=click.Choice(ACCOUNT_ROLES), required=True)
    @click.option("--commune", help="commune code; required for leaders, who see only it")
    @click.pass_context
    def add_cmd(ctx: click.Context, name: str, role: str, commune: str | None) -> None:
        """Create account NAME."""
        config = get_config(ctx)
        name = nfc(name.strip())
        if commune:
            known = next((c.code for c in config.communes if c.code.lower() == commune.strip().lower()), None)
            if known is None:
                fail(f"unknown commune {commune!r} (communes: {', '.join(c.code for c in config.communes)})", 2)
            commune = known
        if role == "leader" and not commune:
            fail("a leader needs --commune: leaders see only their own commune", 2)
        password_hash = read_password()

        async def go() -> None:
            async with opened(config) as rt, rt.store.session() as s:
                await add_account(s, name, password_hash, role, commune, utcnow())

        try:
            run_async(go)
        except AccountError as exc:
            fail(str(exc), 2)
        click.echo(f"created {role} {name}" + (f" ({commune})" if commune else ""))

    @users.command("list")
    @click.pass_context
    def list_cmd(ctx: click.Context) -> None:
        config = get_config(ctx)

        async def go():  # type: ignore[no-untyped-def]
            async with opened(config) as rt, rt.store.session() as s:
                return await list_accounts(s)

        for a in run_async(go):
            state = "" if a.active else " (disabled)"
            last = shown(a.last_login_at, config)
            click.echo(f"{a.username:<24} {a.role:<8} {a.commune or '-':<10} last login {last}{state}")

    @users.command("passwd")
    @click.argument("name")
    @click.pass_context
    def passwd_cmd(ctx: click.Context, name: str) -> None:
        """Set a new password for NAME (every session of NAME ends)."""
        config = get_config(ctx)

        async def exists() -> bool:
            async with opened(config) as rt, rt.store.session() as s:
                return await find_account(s, nfc(name)) is not None

        if not run_async(exists):  # before asking for a password nobody will use
            fail(f"no dashboard user {name!r} (see `loaso users list`)", 2)
        password_hash = read_password()

        async def go() -> bool:
            async with opened(config) as rt, rt.store.session() as s:
                account = await find_account(s, nfc(name))
                if account is None:
                    return False
                account.password_hash = password_hash
                await close_account_sessions(s, account.id)  # logged-in cookies end with the old password
                return True

        if not run_async(go):
            fail(f"no dashboard user {name!r} (see `loaso users list`)", 2)
        click.echo(f"password changed for {name}")

    @users.command("remove")
    @click.argument("name")
    @click.pass_context
    def remove_cmd(ctx: click.Context, name: str) -> None:
        """Delete account NAME (its sessions stop working at once)."""
        config = get_config(ctx)

        async def go() -> bool:
            async with opened(config) as rt, rt.store.session() as s:
                account = await find_account(s, nfc(name))
                if account is None:
                    return False
                await close_account_sessions(s, account.id)
                await s.delete(account)
                return True

        if not run_async(go):
            fail(f"no dashboard user {name!r} (see `loaso users list`)", 2)
        click.echo(f"removed {name}")
