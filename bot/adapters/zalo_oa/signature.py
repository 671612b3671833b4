"""``X-ZEvent-Signature``: how a Zalo OA webhook proves it came from Zalo.

The header is the hex SHA-256 of ``app_id + raw_body + timestamp + oa_secret_key``
(sometimes written ``mac=<hex>``). It must be computed over the exact bytes received,
never over re-serialised JSON. ``timestamp`` is the event's milliseconds since the epoch.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

HEADER = "X-ZEvent-Signature"
# Zalo retries a failed webhook for about two hours (30 s, 5 min, 15 min, 30 min, 1 h);
# older events are refused. Replays inside the window are stopped by the msg_id dedupe.
MAX_AGE = timedelta(hours=2)
MAX_SKEW_FUTURE = timedelta(minutes=5)


def sign(app_id: str, raw_body: bytes, timestamp: str, oa_secret_key: str) -> str:
    data = app_id.encode() + raw_body + timestamp.encode() + oa_secret_key.encode()
    return hashlib.sha256(data).hexdigest()


def verify(app_id: str, raw_body: bytes, timestamp: str, oa_secret_key: str, header: str | None) -> bool:
    """Constant-time check of the header (with or without the ``mac=`` prefix)."""
    if not header:
        return False
    given = header.strip()
    if given.lower().startswith("mac="):
        given = given[4:].strip()
    expected = sign(app_id, raw_body, timestamp, oa_secret_key)
    return hmac.compare_digest(given.lower().encode(), expected.encode())


def fresh(timestamp_ms: int, now_ms: int) -> bool:
    """Not older than ``MAX_AGE`` and not further in the future than clock skew allows."""
    age_ms = now_ms - timestamp_ms
    return -MAX_SKEW_FUTURE.total_seconds() * 1000 <= age_ms <= MAX_AGE.total_seconds() * 1000
