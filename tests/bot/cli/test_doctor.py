"""``loaso doctor`` in a subprocess against the fake Bot API and the fake Zalo servers.

One healthy installation passes every line (exit 0); then each thing an operator can get
wrong is broken on purpose and must show as its own ✗ line with the fix (exit 1).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.store.db import Store, utcnow
from bot.store.schema import ensure_schema
from bot.store.tables import Group
from bot.store.zalo import ZaloSeenEvent, ZaloToken
from tests.bot.cli.helpers import loaso, write_config
from tests.fakes import zalo_bot, zalo_oa
from tests.fakes.loopback import serve_in_thread
from tests.fakes.telegram_api import FakeBotAPI

TG_TOKEN = FakeBotAPI().token
BOT_HOOK = "https://loaso.example.vn/webhooks/zalo-bot"
ENV = {
    "TELEGRAM_BOT_TOKEN": TG_TOKEN,
    "ZALO_OA_SECRET_KEY": zalo_oa.OA_SECRET_KEY,
    "ZALO_APP_SECRET": zalo_oa.APP_SECRET,
    "ZALO_OA_REFRESH_TOKEN": "R0",
    "ZALO_BOT_TOKEN": zalo_bot.BOT_TOKEN,
    "ZALO_BOT_WEBHOOK_SECRET": zalo_bot.WEBHOOK_SECRET,
}


def configure(folder: Path, tg: str, oa: str, bot: str, **extra: Any) -> None:
    write_config(
        folder,
        telegram={"base_url": f"{tg}/bot", **extra.pop("telegram", {})},
        zalo_oa={
            "app_id": zalo_oa.APP_ID,
            "oa_id": zalo_oa.OA_ID,
            "base_url": oa,
            "oauth_url": f"{oa}/v4/oa/access_token",
        },
        zalo_bot={"base_url": bot, "mode": "webhook", "webhook_url": BOT_HOOK},
        **extra,
    )


def seed(
    folder: Path,
    groups: list[dict[str, Any]],
    *,
    oa_event: bool = True,
    token_age_days: int = 0,
    oa_groups: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> None:
    """The database at the current schema with these Telegram groups (and a Zalo OA event seen)."""

    async def go() -> None:
        store = Store(f"sqlite+aiosqlite:///{folder / 'loaso.db'}")
        try:
            await ensure_schema(store)
            now = utcnow()
            async with store.session() as s:
                for g in groups:
                    created = now - timedelta(days=g.pop("age_days", 0))
                    s.add(Group(platform="telegram", kind="supergroup", active=True, bot_is_admin=False,
                                created_at=created, updated_at=created, **g))  # fmt: skip
                for g in oa_groups:
                    s.add(Group(platform="zalo_oa", kind="group", active=True, bot_is_admin=True,
                                created_at=now, updated_at=now, **g))  # fmt: skip
                if oa_event:
                    s.add(ZaloSeenEvent(platform="zalo_oa", event_key="e1", seen_at=now))
                if token_age_days:
                    s.add(ZaloToken(oa_id=zalo_oa.OA_ID, access_token=None, refresh_token="R0",
                                    updated_at=now - timedelta(days=token_age_days)))  # fmt: skip
        finally:
            await store.close()

    asyncio.run(go())


def fakes() -> tuple[FakeBotAPI, zalo_oa.FakeZaloOA, zalo_bot.FakeZaloBot]:
    tg, oa, bot = FakeBotAPI(), zalo_oa.FakeZaloOA(), zalo_bot.FakeZaloBot()
    oa.issue_refresh_token("R0")
    bot.webhook = {"url": BOT_HOOK}
    return tg, oa, bot


def lines(out: str, mark: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(mark)]


def test_healthy_installation_passes_every_check(tmp_path: Path) -> None:
    tg, oa, bot = fakes()
    tg.bot_status = {-1001: "administrator"}
    oa.groups = [{"group_id": "gmf-1", "name": "Ấp Ngãi Hội 2", "status": "enabled", "total_member": 80}]
    with serve_in_thread(tg.app()) as t, serve_in_thread(oa.app()) as o, serve_in_thread(bot.app()) as b:
        configure(tmp_path, t, o, b)
        seed(
            tmp_path,
            [{"chat_id": -1001, "title": "Ấp Ngãi Hội 1", "hamlet_code": "NGAIHOI1"}],
            oa_groups=[{"external_id": "gmf-1", "title": "Ấp Ngãi Hội 2", "hamlet_code": "NGAIHOI2"}],
        )
        proc = loaso(tmp_path, "doctor", "--min-free-mb", "1", env=ENV)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert lines(out, "✗") == []
    for expected in (
        "✓ config:",
        "✓ database: ",
        "✓ telegram: @loaso_test_bot",
        "✓ telegram webhook: none (long polling)",
        "✓ telegram group Ấp Ngãi Hội 1: hamlet NGAIHOI1: admin",
        "✓ zalo OA: Xã Đại Ngãi",
        "✓ zalo OA token: access token valid until",
        "✓ zalo OA webhook: last signed event",
        "✓ zalo OA group Ấp Ngãi Hội 2: hamlet NGAIHOI2, 80 members",
        "✓ zalo bot: Loa Số",
        f"✓ zalo bot webhook: {BOT_HOOK}",
        "✓ schedule weather-daily: next run ",
        "✓ outbox: nothing waiting",
        "✓ disk:",
    ):
        assert expected in out, out
    assert "(Asia/Ho_Chi_Minh)" in out  # times shown are local and labelled
    assert TG_TOKEN not in out + proc.stderr and zalo_bot.BOT_TOKEN not in out + proc.stderr


def test_each_problem_is_one_failed_line_with_its_fix(tmp_path: Path) -> None:
    tg, oa, bot = fakes()
    tg.webhook_url = "https://someone-else.example/hook"  # config polls
    tg.bot_status = {-1001: "member", -1002: "kicked"}  # -1003 is unknown to Telegram: "chat not found"
    oa.refresh_tokens.clear()
    oa.used_refresh_tokens.add("R0")  # the refresh token in the environment was spent
    bot.webhook = {"url": "https://old.example/zalo"}
    with serve_in_thread(tg.app()) as t, serve_in_thread(oa.app()) as o, serve_in_thread(bot.app()) as b:
        configure(tmp_path, t, o, b)
        seed(
            tmp_path,
            [
                {"chat_id": -1001, "title": "member only", "hamlet_code": "NGAIHOI1", "age_days": 3},
                {"chat_id": -1002, "title": "kicked", "hamlet_code": "NGAIHOI2"},
                {"chat_id": -1003, "title": "gone", "hamlet_code": "PHUHUU"},
                {"chat_id": -1004, "title": "unlinked"},
            ],
        )
        _queue_late_delivery(tmp_path)
        proc = loaso(tmp_path, "doctor", "--min-free-mb", str(10**12), env=ENV)
    assert proc.returncode == 1
    failed = "\n".join(lines(proc.stdout, "✗"))
    for expected in (
        "✗ telegram webhook: a webhook is set (https://someone-else.example/hook) but config.yaml uses polling → ",
        "✗ telegram group member only: hamlet NGAIHOI1: member, not admin",
        "→ make the bot an administrator of the group",
        "✗ telegram group kicked: hamlet NGAIHOI2: the bot is no longer a member → add the bot again",
        "✗ telegram group gone: hamlet PHUHUU: Bad Request: chat not found",
        "✗ telegram group unlinked: not linked to a hamlet → a leader types /ganap <mã ấp> in the group",
        "✗ zalo OA token: Zalo OA needs re-authorisation: refresh token rejected (error -14020",
        "→ run `loaso zalo login`",
        "✗ zalo bot webhook: Zalo has https://old.example/zalo, config says " + BOT_HOOK,
        "✗ schedule weather-daily: the run of ",
        "✗ outbox: 1 delivery(ies) waiting since ",
        "✗ disk: ",
    ):
        assert expected in failed, failed
    assert "some checks failed" in proc.stdout


@pytest.mark.parametrize(
    ("fake_state", "expected"),
    [
        (
            {"webhook_url": "https://old.example/hook"},
            "✗ telegram webhook: Telegram has https://old.example/hook, config",
        ),
        (
            {"last_error_message": "Connection refused", "pending_update_count": 7},
            "last delivery error 20",  # a local date follows
        ),
        ({"pending_update_count": 500}, "500 updates waiting"),
    ],
)
def test_telegram_webhook_problems(tmp_path: Path, fake_state: dict[str, Any], expected: str) -> None:
    tg, oa, bot = fakes()
    hook = "https://loaso.example.vn/webhooks/telegram"
    tg.webhook_url = hook
    for key, value in fake_state.items():
        setattr(tg, key, value)
    with serve_in_thread(tg.app()) as t, serve_in_thread(oa.app()) as o, serve_in_thread(bot.app()) as b:
        configure(tmp_path, t, o, b, telegram={"webhook": {"url": hook}})
        oa.groups = [{"group_id": "gmf-new", "name": "mới", "status": "enabled"}]
        seed(
            tmp_path,
            [],
            oa_event=False,
            token_age_days=80,
            oa_groups=[
                {"external_id": "gmf-gone", "title": "đã rời", "hamlet_code": "NGAIHOI1"},
                {"external_id": "gmf-new", "title": "mới"},
            ],
        )
        proc = loaso(tmp_path, "doctor", "--min-free-mb", "1", env={**ENV, "TELEGRAM_WEBHOOK_SECRET": "s" * 32})
    assert proc.returncode == 1
    webhook = [line for line in lines(proc.stdout, "✗") if line.startswith("✗ telegram webhook")]
    assert len(webhook) == 1 and expected in webhook[0], proc.stdout
    assert "(Asia/Ho_Chi_Minh)" in webhook[0] or "last delivery error" not in expected
    # The OA webhook has never delivered an event, and the refresh token is about to expire.
    assert "✗ zalo OA webhook: no signed event received yet" in proc.stdout
    assert "✗ zalo OA token: refresh token last rotated 80 days ago" in proc.stdout
    assert (
        "✗ zalo OA group đã rời: hamlet NGAIHOI1: the OA is no longer in this group → add the OA again" in proc.stdout
    )
    assert "✗ zalo OA group mới: not linked to a hamlet → a leader types /ganap" in proc.stdout


def test_wrong_tokens_and_missing_database(tmp_path: Path) -> None:
    tg, oa, bot = fakes()
    with serve_in_thread(tg.app()) as t, serve_in_thread(oa.app()) as o, serve_in_thread(bot.app()) as b:
        configure(tmp_path, t, o, b)
        env = {**ENV, "TELEGRAM_BOT_TOKEN": "999:wrong", "ZALO_BOT_TOKEN": "1:wrong", "LOASO_SESSION_SECRET": "short"}
        proc = loaso(tmp_path, "doctor", "--min-free-mb", "1", env=env)
    assert proc.returncode == 1
    out = proc.stdout
    assert "✗ dashboard secret: LOASO_SESSION_SECRET is too short" in out
    assert "loaso.db does not exist → run `loaso db upgrade`" in out
    assert "✗ telegram: getMe: Unauthorized → TELEGRAM_BOT_TOKEN was refused" in out
    assert "✗ zalo OA: cannot check without the database" in out
    assert "✗ zalo bot: getMe: the token was refused → copy ZALO_BOT_TOKEN again" in out
    assert "999:wrong" not in out + proc.stderr and "1:wrong" not in out + proc.stderr
    assert not (tmp_path / "loaso.db").exists()  # the check did not create an empty database


def test_unconfigured_platforms_are_skipped_not_failed(tmp_path: Path) -> None:
    write_config(tmp_path)
    seed(tmp_path, [], oa_event=False)
    proc = loaso(tmp_path, "doctor", "--min-free-mb", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "– telegram: skipped (TELEGRAM_BOT_TOKEN is not set)" in proc.stdout
    assert "– zalo OA: skipped (zalo_oa is not configured)" in proc.stdout
    assert "– zalo bot: skipped (zalo_bot is not configured)" in proc.stdout


def _queue_late_delivery(folder: Path) -> None:
    from bot.store.outbox import Bulletin, Delivery

    async def go() -> None:
        store = Store(f"sqlite+aiosqlite:///{folder / 'loaso.db'}")
        try:
            late = utcnow() - timedelta(hours=1)
            async with store.session() as s:
                b = Bulletin(kind="custom", target="all", text="x", status="queued", send_at=late, created_at=late)
                s.add(b)
                await s.flush()
                s.add(Delivery(bulletin_id=b.id, group_id=1, platform="telegram", text="x", status="queued",
                               due_at=late, updated_at=late))  # fmt: skip
        finally:
            await store.close()

    asyncio.run(go())
