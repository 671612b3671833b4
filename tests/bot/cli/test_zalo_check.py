"""``loaso zalo check`` in a subprocess against the fake Zalo servers (threads on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

from tests.bot.cli.helpers import loaso, write_config
from tests.fakes import zalo_bot, zalo_oa
from tests.fakes.loopback import serve_in_thread

OA_ENV = {"ZALO_OA_SECRET_KEY": zalo_oa.OA_SECRET_KEY, "ZALO_APP_SECRET": zalo_oa.APP_SECRET}


def configure(folder: Path, oa_base: str, bot_base: str) -> None:
    write_config(
        folder,
        zalo_oa={
            "app_id": zalo_oa.APP_ID,
            "oa_id": zalo_oa.OA_ID,
            "base_url": oa_base,
            "oauth_url": f"{oa_base}/v4/oa/access_token",
        },
        zalo_bot={"base_url": bot_base, "mode": "webhook"},
    )


def test_check_prints_both_identities_and_keeps_the_rotated_token(tmp_path: Path) -> None:
    oa, bot = zalo_oa.FakeZaloOA(), zalo_bot.FakeZaloBot()
    oa.issue_refresh_token("R0")
    env = {
        **OA_ENV,
        "ZALO_OA_REFRESH_TOKEN": "R0",
        "ZALO_BOT_TOKEN": zalo_bot.BOT_TOKEN,
        "ZALO_BOT_WEBHOOK_SECRET": zalo_bot.WEBHOOK_SECRET,
    }
    with serve_in_thread(oa.app()) as oa_base, serve_in_thread(bot.app()) as bot_base:
        configure(tmp_path, oa_base, bot_base)
        first = loaso(tmp_path, "zalo", "check", env=env)
        assert first.returncode == 0, first.stderr
        assert f"Zalo OA: Xã Đại Ngãi (id {zalo_oa.OA_ID}), 1234 followers" in first.stdout
        assert "Zalo Bot: Loa Số (bot.LoaSo, id 1459232241454765289); groups: yes; mode webhook" in first.stdout
        # The second run uses the access token saved by the first: no new refresh, no -14020.
        again = loaso(tmp_path, "zalo", "check", env=env)
        assert again.returncode == 0, again.stdout + again.stderr
        # The OA's groups, as a CSV ready for `loaso groups import` once hamlets are filled in.
        oa.groups = [{"group_id": "gmf-a", "name": "Ấp Ngãi Hội 1, chung", "status": "enabled", "total_member": 80}]
        listed = loaso(tmp_path, "zalo", "groups", env=env)
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout.splitlines() == ["platform,chat_id,title,hamlet", 'zalo_oa,gmf-a,"Ấp Ngãi Hội 1, chung",']
        (tmp_path / "groups.csv").write_text(listed.stdout.rstrip("\n") + "NGAIHOI1\n", encoding="utf-8")
        imported = loaso(tmp_path, "groups", "import", "groups.csv", env=env)
        assert imported.returncode == 0 and "1 new" in imported.stdout, imported.stdout + imported.stderr
    assert oa.refresh_calls == ["R0"]
    assert zalo_bot.BOT_TOKEN not in first.stdout + first.stderr + again.stdout + again.stderr


def test_check_says_why_it_cannot(tmp_path: Path) -> None:
    oa, bot = zalo_oa.FakeZaloOA(), zalo_bot.FakeZaloBot()
    oa.used_refresh_tokens.add("R-old")
    env = {**OA_ENV, "ZALO_OA_REFRESH_TOKEN": "R-old", "ZALO_BOT_TOKEN": "123:wrong"}
    with serve_in_thread(oa.app()) as oa_base, serve_in_thread(bot.app()) as bot_base:
        configure(tmp_path, oa_base, bot_base)
        proc = loaso(tmp_path, "zalo", "check", env=env)
    assert proc.returncode == 1
    assert "zalo_oa: Zalo OA needs re-authorisation" in proc.stdout and "-14020" in proc.stdout
    assert "zalo_bot: getMe at" in proc.stdout and "the token was refused" in proc.stdout
    assert "123:wrong" not in proc.stdout + proc.stderr


def test_missing_secrets_are_named(tmp_path: Path) -> None:
    configure(tmp_path, "http://127.0.0.1:9", "http://127.0.0.1:9")
    proc = loaso(tmp_path, "zalo", "check", env={"ZALO_APP_SECRET": "x"})
    assert proc.returncode == 1
    assert "zalo_oa: cannot check: ZALO_OA_SECRET_KEY: environment variable is required" in proc.stdout
    assert "zalo_bot: cannot check: ZALO_BOT_TOKEN: environment variable is required" in proc.stdout
    run = loaso(tmp_path, "run", env={"ZALO_APP_SECRET": "x"})
    assert run.returncode != 0
    assert "ZALO_OA_SECRET_KEY: environment variable is required when zalo_oa is configured" in run.stderr
    assert "Traceback" not in run.stderr
