"""Shared set-up for the Zalo e2e tests: a config pointing at the fakes, a database on
SQLite or PostgreSQL (a fresh database per test, skipped when no server answers), and
signed OA webhook bodies."""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.zalo_oa.signature import sign
from bot.config import Config, parse_config
from bot.runtime import Runtime
from bot.wiring import build_runtime
from tests.fakes import zalo_oa

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"

# Tests where the database matters run on both engines (the ``db_kind`` fixture is "sqlite").
both_databases = pytest.mark.parametrize("db_kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])


def make_config(db_url: str, *, oa_base: str | None = None, bot_base: str | None = None, **extra: Any) -> Config:
    data: dict[str, Any] = {
        "database": {"url": db_url},
        "communes": [
            {
                "code": "DAINGAI",
                "name": "Xã Đại Ngãi",
                "province": "Thành phố Cần Thơ",
                "office": "Bộ phận một cửa UBND xã Đại Ngãi",
                "hamlets": [
                    {"code": "NGAIHOI1", "name": "Ấp Ngãi Hội 1", "lat": 9.73, "lon": 106.07, "households": 412}
                ],
            }
        ],
        "roles": [{"platform": "telegram", "user_id": 2001, "role": "leader", "name": "Anh Sơn"}],
    }
    if oa_base is not None:
        data["zalo_oa"] = {
            "app_id": zalo_oa.APP_ID,
            "oa_id": zalo_oa.OA_ID,
            "base_url": oa_base,
            "oauth_url": f"{oa_base}/v4/oa/access_token",
        }
    if bot_base is not None:
        data["zalo_bot"] = {"base_url": bot_base, "mode": "webhook"}
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return parse_config(data)


@contextlib.asynccontextmanager
async def database(kind: str, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database URL: a SQLite file, or a new PostgreSQL database dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'zalo.db'}"
        return
    import asyncpg

    try:
        admin = await asyncpg.connect(PG_ADMIN, timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        if os.environ.get("LOASO_REQUIRE_PG"):
            pytest.fail("PostgreSQL is required here (LOASO_REQUIRE_PG) but 127.0.0.1:5432 does not answer")
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432")
    name = f"loaso_zalo_{uuid.uuid4().hex[:12]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@contextlib.asynccontextmanager
async def opened_runtime(config: Config) -> AsyncIterator[Runtime]:
    runtime = build_runtime(config)
    await runtime.open()
    try:
        yield runtime
    finally:
        await runtime.close()


def now_ms() -> int:
    return int(time.time() * 1000)


def signed(payload: dict[str, Any], *, secret: str = zalo_oa.OA_SECRET_KEY, prefix: str = "mac=") -> tuple[bytes, dict]:
    """The raw body and headers Zalo would send for ``payload`` (its timestamp is signed)."""
    raw = json.dumps(payload, ensure_ascii=False).encode()
    mac = sign(zalo_oa.APP_ID, raw, str(payload.get("timestamp", "")), secret)
    return raw, {"X-ZEvent-Signature": f"{prefix}{mac}", "Content-Type": "application/json"}


def oa_text(user_id: str, text: str, msg_id: str, *, ts: int | None = None) -> dict[str, Any]:
    return {
        "app_id": zalo_oa.APP_ID,
        "event_name": "user_send_text",
        "sender": {"id": user_id},
        "recipient": {"id": zalo_oa.OA_ID},
        "message": {"text": text, "msg_id": msg_id},
        "timestamp": str(ts or now_ms()),
    }


def oa_group_event(
    name: str, user_id: str, group_id: str, *, text: str | None = None, msg_id: str | None = None, ts: int | None = None
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "app_id": zalo_oa.APP_ID,
        "oa_id": zalo_oa.OA_ID,
        "event_name": name,
        "sender": {"id": user_id},
        "recipient": {"id": group_id},
        "timestamp": str(ts or now_ms()),
    }
    if text is not None:
        payload["message"] = {"text": text, "msg_id": msg_id}
    return payload


def oa_follow(name: str, user_id: str, *, ts: int | None = None) -> dict[str, Any]:
    return {
        "app_id": zalo_oa.APP_ID,
        "oa_id": zalo_oa.OA_ID,
        "event_name": name,
        "follower": {"id": user_id},
        "source": "oa_profile",
        "timestamp": str(ts or now_ms()),
        "user_id_by_app": "552177279252305",
    }
