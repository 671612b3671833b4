"""The database as the operator sees it: a SQLite file only its owner can read, and errors
that say what is wrong and what to do instead of a driver traceback.

SQLite gives the ``-wal`` and ``-shm`` files the permissions of the database file, so
creating the file 0600 before SQLite does keeps all three private (they hold residents'
memberships and questions, dashboard password hashes and the Zalo tokens).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

FILE_MODE = 0o600


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened or reached; the message says what to do (one line)."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for PostgreSQL or an in-memory database."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def prepare_sqlite_file(url: str) -> None:
    """Create the SQLite file owner-only (0600) if it does not exist yet; refuse a path that
    cannot hold a database, naming it."""
    path = sqlite_path(url)
    if path is None:
        return
    if not path.parent.is_dir():
        raise DatabaseUnavailable(
            f"cannot open the SQLite database {path}: folder {path.parent} does not exist "
            f"(create it, or fix database.url in config.yaml)"
        )
    if path.is_dir():
        raise DatabaseUnavailable(f"cannot open the SQLite database {path}: it is a folder (fix database.url)")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            log.warning("database file %s can be read by other users (mode %o): chmod 600 it", path, mode)
        if not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseUnavailable(
                f"cannot open the SQLite database {path}: no permission to read and write it (check its owner)"
            ) from None
        return
    except OSError as exc:
        raise DatabaseUnavailable(
            f"cannot create the SQLite database {path}: {exc.strerror} (check the folder's permissions "
            f"or fix database.url)"
        ) from None
    os.close(fd)


def explain(exc: BaseException, url: str) -> str:
    """One line for an error met while connecting: what is wrong and what to do."""
    where = make_url(url)
    text = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    if where.drivername.startswith("postgresql"):
        target = f"PostgreSQL at {where.host or 'localhost'}:{where.port or 5432}, database {where.database!r}"
        lowered = text.lower()
        if "does not exist" in lowered and "database" in lowered:
            return f"{target} does not exist: create it (createdb {where.database}) or fix database.url"
        if "password" in lowered or "authentication" in lowered:
            return f"{target} refused the login: check the user and password in database.url"
        return f"cannot reach {target} ({text}): start PostgreSQL or fix database.url"
    return f"cannot open the SQLite database {where.database} ({text}): check the path in database.url"
