"""No secret in any log line, at any level: tokens and keys are replaced by ``***``.

Every log record is created through one record factory installed at start (``install``),
so the redaction covers every logger and every handler — ours, httpx's, PTB's, SQLAlchemy's
echo of statement parameters, pytest's capture — and the exception text too.

What is redacted:
- every value registered with ``register_secret``: each secret read from the environment
  (``bot.config.secret``), the session-signing secret kept in the database, Zalo access and
  refresh tokens as they are loaded or rotated; also their URL-encoded form;
- anything shaped like a Bot API token (``<digits>:<30+ url-safe characters>``, as in
  ``/bot123456:ABC…/getMe``), for tokens nobody registered.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from typing import Any
from urllib.parse import quote, quote_plus

MASK = "***"
MIN_SECRET = 6  # characters; shorter values would mask ordinary words
TOKEN_SHAPE = re.compile(r"(?<![0-9])[0-9]{5,}:[A-Za-z0-9_-]{16,}")

_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None
_lock = threading.Lock()
_installed = False


def register_secret(value: str | None) -> None:
    """From now on, ``value`` never appears in a log line."""
    global _pattern
    if not value or len(value) < MIN_SECRET:
        return
    forms = {value, quote(value, safe=""), quote_plus(value)}
    with _lock:
        if forms <= _secrets:
            return
        _secrets.update(forms)
        ordered = sorted(_secrets, key=len, reverse=True)  # longest first: no half-masked secret
        _pattern = re.compile("|".join(re.escape(s) for s in ordered))


def redact(text: str) -> str:
    pattern = _pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return TOKEN_SHAPE.sub(MASK, text)


def scrub(record: logging.LogRecord) -> logging.LogRecord:
    """Redact a record in place: its message (with its arguments) and its exception text."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: logging reports it when the record is emitted
        return record
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_text = redact(text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    return record


def install() -> None:
    """Wrap the log record factory once (idempotent): every record is scrubbed when created."""
    global _installed
    with _lock:
        if _installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return scrub(previous(*args, **kwargs))

        logging.setLogRecordFactory(factory)
        _installed = True
