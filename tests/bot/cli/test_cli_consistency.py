"""The command line behaves the same everywhere (issue 12, item 14): bad input exits 2 and says
what is wrong; codes in any case; leaders' commands answer in Vietnamese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bot.cli.helpers import loaso, write_config


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_config(tmp_path)
    return tmp_path


def test_stats_unknown_commune_exits_2(folder: Path) -> None:
    r = loaso(folder, "stats", "--commune", "NOPE")
    assert r.returncode == 2 and "không có xã mã «NOPE»" in r.stderr
    assert loaso(folder, "stats", "--commune", "daingai", "--json").returncode == 0  # any case


@pytest.mark.parametrize(
    "spec", ["telegram:abc", "telegram:12x", "telegram:99999999999999999999999", "zalo_oa:a b", "zalo_bot:" + "9" * 80]
)
def test_roles_grant_validates_the_user_id(folder: Path, spec: str) -> None:
    r = loaso(folder, "roles", "grant", spec, "leader")
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "user id" in r.stderr
    granted = json.loads(loaso(folder, "roles", "list", "--json").stdout)
    assert all(g["source"] == "config" for g in granted)


def test_roles_grant_accepts_real_ids(folder: Path) -> None:
    assert loaso(folder, "roles", "grant", "telegram:-1001", "leader", "--commune", "daingai").returncode == 0
    assert loaso(folder, "roles", "grant", "zalo_oa:579745863508352884", "official").returncode == 0
    listed = {
        (g["platform"], str(g["user_id"]), g["commune"])
        for g in json.loads(loaso(folder, "roles", "list", "--json").stdout)
    }
    assert ("telegram", "-1001", "DAINGAI") in listed and ("zalo_oa", "579745863508352884", None) in listed


def test_users_passwd_on_an_unknown_name_says_so_before_asking(folder: Path) -> None:
    r = loaso(folder, "users", "passwd", "khongco", stdin="")  # no password given: it must not be read
    assert r.returncode == 2 and "no dashboard user 'khongco'" in r.stderr
    assert loaso(folder, "users", "remove", "khongco").returncode == 2


def test_shell_hamlet_in_any_case(folder: Path) -> None:
    r = loaso(folder, "shell", "--hamlet", "phuhuu", stdin="/nhom\n", env=None)
    assert r.returncode == 0, r.stderr
    r = loaso(folder, "shell", "--hamlet", "nope", stdin="/help\n")
    assert r.returncode == 2 and "NGAIHOI1" in r.stderr


def test_broadcast_template_that_needs_data_says_which(folder: Path) -> None:
    r = loaso(folder, "broadcast", "send", "--template", "salinity_alert")
    assert r.returncode == 2 and "station" in r.stderr and "reading" in r.stderr and "cần dữ liệu" in r.stderr
    assert "test" in r.stderr  # and which templates can be sent
    r = loaso(folder, "broadcast", "send", "--template", "khongco")
    assert r.returncode == 2 and "không có mẫu «khongco»" in r.stderr


def test_shell_says_there_is_no_such_button(folder: Path) -> None:
    r = loaso(folder, "shell", stdin="!9\n")
    assert r.returncode == 0 and "Không có nút 9" in r.stdout and "không có nút nào" in r.stdout
    r = loaso(folder, "shell", "--private", stdin="quên mật khẩu vneid\n!9\n")
    assert "Không có nút 9" in r.stdout and "!1 đến !" in r.stdout


def test_leader_commands_answer_in_vietnamese(folder: Path) -> None:
    for args in (
        ("broadcast", "send", "--text", "Họp dân", "--to", "hamlet:ngaihoi1"),
        ("broadcast", "list"),
        ("salinity", "add", "daingai", "0,5"),
    ):
        r = loaso(folder, *args)
        assert r.returncode == 0, r.stderr
        assert any(word in r.stdout for word in ("bản tin", "đã ghi", "đã gửi")), r.stdout
    for args in (("broadcast", "cancel", "999"), ("salinity", "add", "NOPE", "1"), ("stats", "export")):
        r = loaso(folder, *args)
        assert r.returncode == 2 and r.stderr.startswith("loaso: ") and not r.stderr.isascii(), r.stderr
