"""Run the real ``loaso`` command in a subprocess, in a temporary folder with its own config."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import CLOSED_PORT_URL, SAMPLE


def write_config(folder: Path, **overrides: object) -> Path:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["database"]["url"] = f"sqlite+aiosqlite:///{folder / 'loaso.db'}"
    data["faq"] = {"path": str(SAMPLE.parent / "faq" / "knowledge.yaml")}
    data["sources"]["weather"]["base_url"] = CLOSED_PORT_URL  # no test may reach the real Open-Meteo
    data.update(overrides)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def loaso(
    folder: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LOASO_", "TELEGRAM_", "ZALO_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(folder / "config.yaml"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=folder,
        env={**clean, **(env or {})},
        timeout=120,
    )
