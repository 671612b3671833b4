"""Nothing lost: SIGKILL ``loaso run`` right after the platform's messages were acknowledged,
restart it, count unanswered and duplicated answers (issue 11).

    python -m bench crash [--db sqlite|postgres|both] [--paths telegram_webhook,…] [--scale 1.0]

Message counts are the issue's: 300 (Telegram webhook), 300 (Telegram polling), 300 (Zalo OA
webhook), 100 (Zalo Bot webhook), 100 (Zalo Bot polling); ``--scale`` multiplies them. Each
path gets a fresh SQLite file or PostgreSQL database at 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

from tests.fakes.crash import PATHS, crash

COUNTS = {
    "telegram_webhook": 300,
    "telegram_polling": 300,
    "zalo_oa_webhook": 300,
    "zalo_bot_webhook": 100,
    "zalo_bot_polling": 100,
}
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


@contextlib.asynccontextmanager
async def database(kind: str, folder: Path) -> AsyncIterator[str]:
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / 'loaso.db'}"
        return
    import asyncpg

    admin = await asyncpg.connect(PG_ADMIN, timeout=5)
    name = f"loaso_crash_{uuid.uuid4().hex[:10]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def main(args: argparse.Namespace) -> int:
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    paths = [p for p in args.paths.split(",") if p] if args.paths else list(PATHS)
    bad = 0
    for kind in kinds:
        print(f"--- {kind}", flush=True)
        for path in paths:
            n = max(1, int(COUNTS[path] * args.scale))
            with tempfile.TemporaryDirectory() as tmp:
                t0 = time.monotonic()
                async with database(kind, Path(tmp)) as url:
                    result = await crash(path, n, Path(tmp), url, settle_s=5.0)
                print(f"{result.line()}  ({time.monotonic() - t0:.0f} s)", flush=True)
                allowed = 1 if path == "zalo_bot_polling" else 0
                bad += result.unanswered > allowed or result.duplicates > result.in_flight
    print("nothing lost" if not bad else f"{bad} path(s) lost or duplicated more than allowed")
    return 1 if bad else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--paths", default="", help=f"comma-separated, from {', '.join(PATHS)}")
    parser.add_argument("--scale", type=float, default=1.0)
    raise SystemExit(asyncio.run(main(parser.parse_args())))
