"""A broken config names the key and the reason, and the CLI exits 2 before anything starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.config import ConfigError, load_config, parse_config
from tests.conftest import SAMPLE


def sample_data() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def problems(data: object) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(data)
    return info.value.problems


def test_sample_config_is_valid_and_realistic() -> None:
    cfg = load_config(SAMPLE)
    assert cfg.timezone == "Asia/Ho_Chi_Minh"
    hamlets = cfg.all_hamlets()
    assert len(hamlets) >= 3
    assert all(h.station and h.households > 0 and h.team for h in hamlets)
    roles = {g.role.value for g in cfg.roles}
    assert {"leader", "official"} <= roles


def test_number_error_names_the_path() -> None:
    data = sample_data()
    data["communes"][0]["hamlets"][2]["lat"] = "chín độ"
    assert problems(data) == ["communes[0].hamlets[2].lat: must be a number"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["communes"][0]["hamlets"][1].pop("name"), "communes[0].hamlets[1].name: is required"),
        (lambda d: d["communes"][0]["hamlets"][0].update(lat=123), "communes[0].hamlets[0].lat: must be ≤ 90"),
        (lambda d: d.update(timezone="Mars/Olympus"), "timezone: unknown time zone"),
        (lambda d: d["web"].update(port="tám"), "web.port: must be a whole number"),
        (lambda d: d.update(colour="red"), "colour: unknown key"),
        (lambda d: d["database"].update(url="mysql://x"), "database.url: must start with sqlite+aiosqlite://"),
        (
            lambda d: d["communes"][0]["hamlets"][3].update(station="NOWHERE"),
            "communes[0].hamlets[3].station: unknown station 'NOWHERE'",
        ),
        (lambda d: d["schedules"][0].update(cron="every day"), "schedules[0].cron: must have five crontab fields"),
        (lambda d: d["schedules"][0].update(cron="0 25 * * *"), "schedules[0].cron: bad cron"),
        (lambda d: d["schedules"][0].update(cron="0 7 * * 8"), "schedules[0].cron: bad cron"),
        (lambda d: d["roles"][0].update(role="king"), "roles[0].role: must be one of"),
        (lambda d: d.update(communes=[]), "communes: must not be empty"),
    ],
)
def test_each_error_names_its_key(mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = sample_data()
    mutate(data)
    found = problems(data)
    assert any(p.startswith(expected) for p in found), found


def test_not_a_mapping() -> None:
    assert problems(["a", "list"]) == ["(top level): must be a mapping of keys"]


def test_cli_exits_2_with_the_key(tmp_path: Path) -> None:
    data = sample_data()
    data["communes"][0]["hamlets"][2]["lat"] = "abc"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for args, env in ((["--config", str(bad)], {}), ([], {"LOASO_CONFIG": str(bad)})):
        proc = subprocess.run(
            [sys.executable, "-m", "bot", *args, "shell"],
            input="/help\n",
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**_env(), **env},
            timeout=60,
        )
        assert proc.returncode == 2
        assert "communes[0].hamlets[2].lat: must be a number" in proc.stderr
        assert proc.stdout == ""
        assert not (tmp_path / "loaso.db").exists()  # nothing started


def test_cli_reports_yaml_syntax_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("communes: [\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(broken), "groups", "list"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )
    assert proc.returncode == 2 and "not valid YAML" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(tmp_path / "nope.yaml"), "groups", "list"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )
    assert proc.returncode == 2 and "config file not found" in proc.stderr


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "LOASO_CONFIG"}


def test_sunday_as_7_is_a_valid_cron() -> None:
    data = sample_data()
    data["schedules"][0]["cron"] = "0 7 * * 7"
    assert parse_config(data).schedules[0].cron == "0 7 * * 7"
