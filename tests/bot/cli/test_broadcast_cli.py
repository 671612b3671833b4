"""The CLI contract of broadcasts, run as the real ``loaso`` command in a subprocess."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.bot.cli.helpers import loaso, write_config

KEYS = {"bulletin_id", "targets", "sent", "failed", "inactive", "migrated", "seconds"}


def _local_iso(offset: timedelta) -> str:
    """A local (Asia/Ho_Chi_Minh) time relative to now, as ``--at`` takes it."""
    return (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) + offset).replace(tzinfo=None).isoformat(timespec="minutes")


def _shell_groups(folder: Path) -> None:
    csv = folder / "groups.csv"
    csv.write_text(
        "platform,chat_id,title,hamlet\nshell,-11,Nhóm 1,NGAIHOI1\nshell,-12,Nhóm 2,PHUHUU\n", encoding="utf-8"
    )
    assert loaso(folder, "groups", "import", str(csv)).returncode == 0


def test_send_wait_json_to_shell_groups(tmp_path: Path) -> None:
    write_config(tmp_path)
    _shell_groups(tmp_path)
    r = loaso(tmp_path, "broadcast", "send", "--text", "Họp dân lúc 19 giờ", "--to", "all", "--wait", "--json")
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert KEYS <= set(summary)
    assert (summary["targets"], summary["sent"], summary["failed"]) == (2, 2, 0)
    assert "Họp dân lúc 19 giờ" in r.stderr  # the shell "platform" prints what it sent

    r = loaso(tmp_path, "broadcast", "send", "--template", "test", "--to", "hamlet:PHUHUU", "--wait")
    assert r.returncode == 0, r.stderr
    assert "1 group(s), sent 1" in r.stdout and "Ấp Phú Hữu" in r.stderr

    two_days_ago = _local_iso(timedelta(days=-2))
    r = loaso(tmp_path, "salinity", "add", "Đại Ngãi", "5", "--at", two_days_ago)
    assert r.returncode == 0, r.stderr
    assert (
        "5 g/l at" in r.stdout
        and "(Asia/Ho_Chi_Minh)" in r.stdout
        and "queued" not in r.stdout
        and "older than a day: no alert" in r.stdout
    )

    r = loaso(tmp_path, "salinity", "add", "Đại Ngãi", "1,5", "--at", _local_iso(timedelta(hours=-2)))
    assert r.returncode == 0, r.stderr
    assert "1.5 g/l at" in r.stdout and "alert bulletin 3 queued for 1 group" in r.stdout

    listed = json.loads(loaso(tmp_path, "broadcast", "list", "--json").stdout)
    assert [(b["kind"], b["status"]) for b in listed] == [
        ("salinity_alert", "queued"),
        ("custom", "done"),
        ("custom", "done"),
    ]
    assert listed[2]["sent"] == 2


def test_groups_without_a_sender_are_reported(tmp_path: Path) -> None:
    write_config(tmp_path)
    csv = tmp_path / "groups.csv"
    csv.write_text("platform,chat_id,title,hamlet\ntelegram,-1001,Nhóm A,NGAIHOI1\n", encoding="utf-8")
    assert loaso(tmp_path, "groups", "import", str(csv)).returncode == 0
    r = loaso(tmp_path, "broadcast", "send", "--text", "x", "--wait", "--json")
    assert r.returncode == 3
    summary = json.loads(r.stdout)
    assert summary["unsent"] == {"telegram": 1} and summary["sent"] == 0
    assert "not sent: no telegram sender" in r.stderr
    r = loaso(tmp_path, "broadcast", "cancel", str(summary["bulletin_id"]))
    assert r.returncode == 0 and "1 unsent delivery stopped" in r.stdout


def test_bad_input_is_named(tmp_path: Path) -> None:
    write_config(tmp_path)
    r = loaso(tmp_path, "broadcast", "send", "--text", "x", "--to", "hamlet:NOPE")
    assert r.returncode == 2 and "unknown hamlet NOPE" in r.stderr
    r = loaso(tmp_path, "broadcast", "cancel", "42")
    assert r.returncode == 1 and "no bulletin 42" in r.stderr
    r = loaso(tmp_path, "salinity", "add", "DAINGAI", "abc")
    assert r.returncode == 2 and "not a salinity" in r.stderr
    r = loaso(tmp_path, "salinity", "add", "DAINGAI", "1", "--at", "2099-01-01T07:00")
    assert r.returncode == 2 and "in the future" in r.stderr


def test_weather_fetch_reports_source_down(tmp_path: Path) -> None:
    write_config(tmp_path, sources={"weather": {"base_url": "http://127.0.0.1:9/v1/forecast", "retries": 0}})
    r = loaso(tmp_path, "weather", "fetch")
    assert r.returncode == 1 and "weather source is down" in r.stderr
