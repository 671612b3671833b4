"""``loaso demo``: fills an empty database with a living commune, prints working logins, and
refuses a database that holds data unless ``--force``."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from bot.cli import main
from bot.config import load_config
from bot.dashboard.auth import verify_password
from bot.stats.queries import overview
from bot.stats.scope import make_scope
from bot.store.accounts import find_account
from bot.store.db import Store, utcnow
from bot.store.outbox import Bulletin
from bot.store.tables import Group
from tests.bot.cli.helpers import write_config


def test_demo_fills_an_empty_database_then_refuses_unless_forced(tmp_path: Path) -> None:
    cfg = write_config(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["--config", str(cfg), "demo", "--days", "30"])
    assert result.exit_code == 0, result.output
    logins = re.findall(r"^\s+(demo-\S+) / (\S+)", result.output, re.M)
    assert [u for u, _ in logins] == ["demo-canbo", "demo-totruong"]
    config = load_config(cfg)

    async def check() -> None:
        store = Store(config.database.url)
        try:
            async with store.session() as s:
                for user, password in logins:
                    account = await find_account(s, user)
                    assert account is not None and verify_password(account.password_hash, password)
                assert await s.scalar(select(func.count()).select_from(Group)) == 2 * len(config.all_hamlets())
                assert await s.scalar(select(func.count()).select_from(Bulletin)) >= 30
                ov = await overview(s, config, make_scope(config, utcnow(), commune=config.communes[0].code))
            assert ov.total.members > 100 and ov.total.messages > 1000 and ov.total.joins > 0
            assert ov.questions.asked > 10 and 0 < ov.questions.unanswered < ov.questions.asked
            assert ov.bulletins.sent_bulletins >= 30 and 0.5 < (ov.bulletins.rate or 0) < 1
            assert len({n for _, n in ov.trend}) > 1  # members change over time
        finally:
            await store.close()

    asyncio.run(check())
    again = runner.invoke(main, ["--config", str(cfg), "demo"])
    assert again.exit_code == 1 and "--force" in again.output
    forced = runner.invoke(main, ["--config", str(cfg), "demo", "--days", "7", "--force"])
    assert forced.exit_code == 0, forced.output
    assert "demo-canbo2 /" in forced.output
