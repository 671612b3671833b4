"""Logs as JSON lines (``LOASO_LOG_FORMAT=json``), for journald, Loki or any log shipper.

One object per record: ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, and
``exception`` when there is one. The same filters as the text format apply (httpx's
request log stays silenced: its URLs carry the Bot API token).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime

FORMAT_ENV = "LOASO_LOG_FORMAT"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def json_logs_asked(env: dict[str, str] | None = None) -> bool:
    """``LOASO_LOG_FORMAT=json``: everything on stderr must then be a JSON line."""
    return (env if env is not None else os.environ).get(FORMAT_ENV, "").strip().lower() == "json"


def use_json_logs(env: dict[str, str] | None = None) -> bool:
    """Switch the root logger's handlers to JSON lines when asked; True if it did."""
    if not json_logs_asked(env):
        return False
    for handler in logging.getLogger().handlers:
        handler.setFormatter(JsonFormatter())
    return True
