"""`loaso db downgrade`: a rollback of Loa Số steps the schema back and keeps the data."""

from __future__ import annotations

from pathlib import Path

from tests.bot.cli.helpers import loaso, write_config


def test_downgrade_then_upgrade_keeps_groups(tmp_path: Path) -> None:
    write_config(tmp_path)
    assert loaso(tmp_path, "db", "upgrade").returncode == 0
    (tmp_path / "g.csv").write_text("platform,chat_id,title,hamlet\ntelegram,-1001,Ấp 1,NGAIHOI1\n", encoding="utf-8")
    assert loaso(tmp_path, "groups", "import", "g.csv").returncode == 0
    down = loaso(tmp_path, "db", "downgrade", "0005")
    assert down.returncode == 0, down.stderr
    assert down.stdout.strip().endswith("→ 0005")
    status = loaso(tmp_path, "db", "status")
    assert "database: 0005" in status.stdout and "out of date" in status.stdout
    refused = loaso(tmp_path, "groups", "list")
    assert refused.returncode == 1 and "loaso db upgrade" in refused.stderr  # the newer code refuses an old schema
    assert loaso(tmp_path, "db", "upgrade").returncode == 0
    listed = loaso(tmp_path, "groups", "list", "--json")
    assert '"chat_id": -1001' in listed.stdout
