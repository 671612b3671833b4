"""``loaso users``, ``loaso stats`` and ``loaso stats export`` end to end on a SQLite file."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from bot.cli import main
from bot.dashboard.auth import verify_password
from bot.stats.sample import CONFIG, END, START, seed_sample
from bot.store.accounts import find_account
from bot.store.db import Store
from bot.store.schema import ensure_schema


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    db = tmp_path / "cli.db"
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({**CONFIG, "database": {"url": f"sqlite+aiosqlite:///{db}"}}), encoding="utf-8")

    async def seed() -> None:
        store = Store(f"sqlite+aiosqlite:///{db}")
        await ensure_schema(store)
        await seed_sample(store)
        await store.close()

    asyncio.run(seed())
    return path


def run(config_file: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--config", str(config_file), *args], input=input)


def test_users_add_reads_password_from_stdin(config_file: Path) -> None:
    r = run(config_file, "users", "add", "totruong", "--role", "leader", "--commune", "DAINGAI", input="mat-khau-123\n")
    assert r.exit_code == 0, r.output
    assert "created leader totruong (DAINGAI)" in r.output

    url = yaml.safe_load(config_file.read_text())["database"]["url"]

    async def check() -> bool:
        store = Store(url)
        async with store.session() as s:
            account = await find_account(s, "totruong")
        await store.close()
        return account is not None and verify_password(account.password_hash, "mat-khau-123")

    assert asyncio.run(check())
    listed = run(config_file, "users", "list")
    assert "totruong" in listed.output and "leader" in listed.output
    again = run(config_file, "users", "add", "totruong", "--role", "official", input="mat-khau-123\n")
    assert again.exit_code == 2 and "already exists" in again.output


def test_users_add_refuses_bad_input(config_file: Path) -> None:
    assert run(config_file, "users", "add", "dan", "--role", "resident", input="12345678\n").exit_code == 2
    r = run(config_file, "users", "add", "tt", "--role", "leader", input="12345678\n")
    assert r.exit_code == 2 and "--commune" in r.output
    r = run(config_file, "users", "add", "tt1", "--role", "leader", "--commune", "NOPE", input="12345678\n")
    assert r.exit_code == 2 and "unknown commune" in r.output
    r = run(config_file, "users", "add", "canbo", "--role", "official", input="short\n")
    assert r.exit_code == 2 and "at least 8" in r.output


def test_stats_json_and_text(config_file: Path) -> None:
    r = run(config_file, "stats", "--json", "--commune", "DAINGAI", "--from", START, "--to", END)
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["total"]["members"] == 6 and data["total"]["messages"] == 15
    assert data["questions"] == {"asked": 4, "answered": 3, "unanswered": 1, "useful": 1, "not_useful": 1}
    assert data["bulletins"]["delivery_rate"] == pytest.approx(0.6)
    text = run(config_file, "stats", "--commune", "DAINGAI", "--from", START, "--to", END).output
    assert "Thống kê Xã Đại Ngãi" in text and "Thành viên: 6" in text
    bad = run(config_file, "stats", "--from", "2026-13-01")
    assert bad.exit_code == 2 and "ngày không hợp lệ" in bad.output


def test_stats_export_xlsx_and_csv(config_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "baocao.xlsx"
    folder = tmp_path / "csv"
    r = run(
        config_file, "stats", "export", "--commune", "DAINGAI", "--from", START, "--to", END,
        "--xlsx", str(out), "--csv-dir", str(folder),
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    wb = load_workbook(out)
    assert "Theo ấp" in wb.sheetnames and wb["Theo ấp"]["E2"].value == 4
    assert (folder / "hamlets.csv").read_text(encoding="utf-8-sig").startswith("Mã ấp,Tên ấp")
    assert run(config_file, "stats", "export").exit_code == 2
