"""``loaso demo [--days N] [--force]``: fill the configured, empty database with a believable
commune's last N days and print the dashboard logins it created."""

from __future__ import annotations

import secrets

import click

from bot.cli.base import fail, get_config, run_async
from bot.cli.common import opened
from bot.dashboard.auth import hash_password
from bot.stats.demo import fill_demo, has_real_data
from bot.store.accounts import add_account, find_account
from bot.store.db import utcnow

MAX_DAYS = 400


def register(main: click.Group) -> None:
    @main.command()
    @click.option("--days", default=90, show_default=True, type=click.IntRange(7, MAX_DAYS), help="how many days back")
    @click.option("--force", is_flag=True, help="add the demo even if the database already holds data")
    @click.pass_context
    def demo(ctx: click.Context, days: int, force: bool) -> None:
        """Fill the database with a sample commune's last DAYS days (groups, members, messages,
        questions, bulletins) and create dashboard logins, so the dashboard has something to show."""
        config = get_config(ctx)

        async def go() -> list[str]:
            async with opened(config) as rt:
                async with rt.store.session() as s:
                    if await has_real_data(s) and not force:
                        fail(
                            "the database already holds groups, people, questions or bulletins; "
                            "`loaso demo --force` adds the demo beside them (better: use an empty database)",
                            1,
                        )
                    now = utcnow()
                    summary = await fill_demo(s, config, now, days=days)
                    logins = []
                    accounts: list[tuple[str, str, str | None]] = [("demo-canbo", "official", None)]
                    if config.communes:
                        accounts.append(("demo-totruong", "leader", config.communes[0].code))
                    for name, role, commune in accounts:
                        username, n = name, 1
                        while await find_account(s, username) is not None:
                            n += 1
                            username = f"{name}{n}"
                        password = secrets.token_urlsafe(9)
                        await add_account(s, username, hash_password(password), role, commune, now)
                        who = "cán bộ xã" if role == "official" else "tổ trưởng"
                        logins.append(f"  {username} / {password}  ({who})")
            lines = [
                f"demo data for the last {days} days: {summary.groups} groups, {summary.people} residents, "
                f"{summary.events} joins/leaves, {summary.activity} hourly message counts, {summary.questions} "
                f"questions, {summary.bulletins} bulletins ({summary.deliveries} deliveries), "
                f"{summary.readings} salinity readings",
                "dashboard logins (user / password):",
                *logins,
                f"open http://{config.web.host}:{config.web.port}/ after `loaso dashboard` (or `loaso run`)",
            ]
            return lines

        for line in run_async(go):
            click.echo(line)
