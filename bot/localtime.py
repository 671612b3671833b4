"""Times shown to a person: in the config's time zone, with the zone said.

The database keeps naive UTC; a person reads local time, and should never have to guess
which (``2026-12-01 19:30 (Asia/Ho_Chi_Minh)``). Machine output (``--json``) stays UTC ISO.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.config import Config


def shown(at: datetime | None, config: Config, *, never: str = "never") -> str:
    """``at`` (naive UTC, or aware) as local time labelled with the zone."""
    if at is None:
        return never
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone(config.tz).strftime("%Y-%m-%d %H:%M") + f" ({config.timezone})"
