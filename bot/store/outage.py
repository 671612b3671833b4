"""Telling a database outage (server down, connection cut, restarting) from a bug.

An outage is worth waiting out: the event being handled is retried with backoff until the
database answers again, so nothing is lost and the bot resumes by itself. Any other error
is a bug in one handler: logged once and the event dropped, as before.
"""

from __future__ import annotations

import asyncio

from sqlalchemy.exc import DBAPIError

FIRST_DELAY = 1.0  # seconds before the first retry; doubled each time
MAX_DELAY = 60.0
# Substrings of driver messages that mean "the server is not there (right now)".
_OUTAGE_WORDS = (
    "connection refused",
    "connection is closed",
    "connection was closed",
    "connection reset",
    "terminating connection",
    "the database system is starting up",
    "the database system is shutting down",
    "could not connect",
    "server closed the connection",
    "cannot connect now",
    "connectiondoesnotexist",
    "unable to open database file",
)


def is_outage(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:  # the error, its .orig, its causes
        seen.add(id(current))
        if isinstance(current, ConnectionError | TimeoutError | asyncio.TimeoutError):
            return True
        if isinstance(current, OSError) and current.errno is not None:
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        text = f"{type(current).__name__} {current}".lower()
        if any(word in text for word in _OUTAGE_WORDS):
            return True
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return False


def next_delay(delay: float) -> float:
    return min(delay * 2, MAX_DELAY)
