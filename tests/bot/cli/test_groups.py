"""``loaso groups import`` is all or nothing and names the bad line; ``list --json`` shows the result."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot.cli.helpers import loaso, write_config

GOOD = """platform,chat_id,title,hamlet
telegram,-1001234567890123,Nhóm Ấp Ngãi Hội 1,NGAIHOI1
telegram,-4002,Nhóm Ấp Phú Hữu,PHUHUU
zalo_oa,f414c8f76fa586fbdfb4,Nhóm Zalo Ấp Phụng An,PHUNGAN
"""


def test_import_then_list_json(tmp_path: Path) -> None:
    write_config(tmp_path)
    (tmp_path / "groups.csv").write_text(GOOD, encoding="utf-8")
    proc = loaso(tmp_path, "groups", "import", "groups.csv")
    assert proc.returncode == 0, proc.stderr
    assert "3 new" in proc.stdout
    rows = json.loads(loaso(tmp_path, "groups", "list", "--json").stdout)
    assert {(r["platform"], r["chat_id"], r["hamlet"]) for r in rows} == {
        ("telegram", -1001234567890123, "NGAIHOI1"),
        ("telegram", -4002, "PHUHUU"),
        ("zalo_oa", "f414c8f76fa586fbdfb4", "PHUNGAN"),
    }
    # Importing again updates instead of duplicating.
    assert "3 updated" in loaso(tmp_path, "groups", "import", "groups.csv").stdout


def test_bad_rows_are_named_and_nothing_is_imported(tmp_path: Path) -> None:
    write_config(tmp_path)
    bad = GOOD + "telegram,mười hai,Nhóm lỗi,NGAIHOI2\nviber,1,Nhóm lạ,\ntelegram,-4003,Nhóm,KHONGCO\n"
    (tmp_path / "groups.csv").write_text(bad, encoding="utf-8")
    proc = loaso(tmp_path, "groups", "import", "groups.csv")
    assert proc.returncode == 2
    assert "line 5: chat_id must be a whole number on telegram" in proc.stderr
    assert "line 6: platform must be one of" in proc.stderr
    assert "line 7: unknown hamlet 'KHONGCO'" in proc.stderr
    assert "nothing imported" in proc.stderr
    assert json.loads(loaso(tmp_path, "groups", "list", "--json").stdout) == []


def test_missing_columns(tmp_path: Path) -> None:
    write_config(tmp_path)
    (tmp_path / "g.csv").write_text("platform,id\ntelegram,1\n", encoding="utf-8")
    proc = loaso(tmp_path, "groups", "import", "g.csv")
    assert proc.returncode == 2 and "missing column(s) chat_id, title, hamlet" in proc.stderr


def test_roles_cli(tmp_path: Path) -> None:
    write_config(tmp_path)
    assert loaso(tmp_path, "roles", "grant", "telegram:5001", "leader", "--commune", "DAINGAI").returncode == 0
    listed = json.loads(loaso(tmp_path, "roles", "list", "--json").stdout)
    assert {
        "platform": "telegram",
        "user_id": 5001,
        "role": "leader",
        "commune": "DAINGAI",
        "source": "database",
    } in listed
    assert "revoked" in loaso(tmp_path, "roles", "revoke", "telegram:5001").stdout
    bad = loaso(tmp_path, "roles", "grant", "fax:1", "leader")
    assert bad.returncode == 2 and "PLATFORM:USER_ID" in bad.stderr
