"""``loaso shell`` reads piped messages and prints the bot's replies, through the real dispatcher."""

from __future__ import annotations

from pathlib import Path

from tests.bot.cli.helpers import loaso, write_config


def test_piped_shell_answers_in_vietnamese(tmp_path: Path) -> None:
    write_config(tmp_path)
    proc = loaso(tmp_path, "shell", stdin="/help\n\n/ganap PHUHUU\n/lenhla\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Xin chào! Loa Số là trợ lý của Tổ công nghệ số cộng đồng." in out
    assert "Anh Sơn (tổ trưởng): 0901 234 501" in out  # contacts of the shell's hamlet
    assert "chỉ dành cho tổ trưởng" in out  # a resident may not link the group
    assert "Bạn:" not in out  # no prompts when piped
    assert (tmp_path / "loaso.db").exists()  # a fresh database was created


def test_shell_as_leader_links_and_persists(tmp_path: Path) -> None:
    write_config(tmp_path)
    first = loaso(tmp_path, "shell", "--as", "2001", stdin="/ganap phuhuu\n")
    assert "Đã gắn nhóm này với Ấp Phú Hữu, Xã Đại Ngãi" in first.stdout
    listed = loaso(tmp_path, "groups", "list", "--json")
    assert '"hamlet": "PHUHUU"' in listed.stdout


def test_private_shell_says_when_it_does_not_know(tmp_path: Path) -> None:
    write_config(tmp_path)
    proc = loaso(tmp_path, "shell", "--private", stdin="/lenhla\nxyzzy qwerty\n")
    assert proc.returncode == 0, proc.stderr
    assert "Loa Số chưa biết lệnh /lenhla" in proc.stdout
    assert "không dám trả lời sai" in proc.stdout or "chưa" in proc.stdout


def test_outdated_database_is_refused(tmp_path: Path) -> None:
    import sqlite3

    write_config(tmp_path)
    assert loaso(tmp_path, "shell", stdin="/help\n").returncode == 0
    with sqlite3.connect(tmp_path / "loaso.db") as conn:
        conn.execute("DELETE FROM alembic_version")
    proc = loaso(tmp_path, "shell", stdin="/help\n")
    assert proc.returncode == 1
    assert "loaso db upgrade" in proc.stderr
    assert proc.stdout == ""
