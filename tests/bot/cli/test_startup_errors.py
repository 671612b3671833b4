"""Start-up failures an operator meets are one line saying what is wrong and what to do, and a
non-zero exit; never a traceback, never a bot that starts and stays silent (issue 12, item 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bot.cli.helpers import loaso, write_config
from tests.bot.cli.test_run import free_port


def one_line_failure(result, code: int, *words: str) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(("loaso:", "config error"))]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("command", [("shell",), ("groups", "list"), ("db", "status"), ("db", "upgrade")])
def test_postgres_down(tmp_path: Path, command: tuple[str, ...]) -> None:
    write_config(tmp_path, database={"url": "postgresql+asyncpg://postgres@127.0.0.1:9/test"})
    one_line_failure(loaso(tmp_path, *command, stdin="/help\n"), 1, "127.0.0.1:9", "start PostgreSQL")


@pytest.mark.postgres
def test_postgres_database_missing(tmp_path: Path) -> None:
    write_config(tmp_path, database={"url": "postgresql+asyncpg://postgres@127.0.0.1:5432/loaso_no_such_db"})
    result = loaso(tmp_path, "groups", "list")
    if "start PostgreSQL" in result.stderr:
        pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432")
    one_line_failure(result, 1, "does not exist", "createdb loaso_no_such_db")


def test_sqlite_path_unusable(tmp_path: Path) -> None:
    write_config(tmp_path, database={"url": f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'loaso.db'}"})
    for command in (("shell",), ("db", "upgrade")):
        one_line_failure(loaso(tmp_path, *command, stdin="/help\n"), 1, "does not exist", "database.url")


def test_bot_api_unreachable_at_start(tmp_path: Path) -> None:
    write_config(
        tmp_path, telegram={"base_url": "http://127.0.0.1:9/bot"}, web={"host": "127.0.0.1", "port": free_port()}
    )
    token = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    result = loaso(tmp_path, "run", env={"TELEGRAM_BOT_TOKEN": token})
    line = one_line_failure(result, 1, "cannot reach the Telegram Bot API at 127.0.0.1:9", "network")
    assert token not in result.stderr and token not in line
    for verbose in (["-v"], []):  # debug logging from every library: still no token (item 10)
        env = {"TELEGRAM_BOT_TOKEN": token, "LOASO_LOG": "DEBUG"}
        debug = loaso(tmp_path, *verbose, "run", env=env)
        assert debug.returncode == 1 and "DEBUG" in debug.stderr
        assert token not in debug.stderr + debug.stdout and token.split(":")[1] not in debug.stderr


@pytest.mark.parametrize("content", [None, "entries: [1\n", "- just a list\n"])
def test_missing_or_invalid_faq(tmp_path: Path, content: str | None) -> None:
    faq = tmp_path / "faq.yaml"
    if content is not None:
        faq.write_text(content, encoding="utf-8")
    write_config(tmp_path, web={"host": "127.0.0.1", "port": free_port()})
    config = (tmp_path / "config.yaml").read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(config)
    data["faq"] = {"path": str(faq)}
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for command in ("run", "shell"):
        one_line_failure(loaso(tmp_path, command, env={"TELEGRAM_BOT_TOKEN": "1:x"}), 2, "faq.path", "faq.yaml")
