"""Engine and sessions: SQLite by default (a file), PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from bot.store.dbfile import prepare_sqlite_file

# WAL lets the web app read while the bot writes; NORMAL sync is durable across app crashes.
SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=10000")


def utcnow() -> datetime:
    """Naive UTC, the only datetime kind stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def to_utc_naive(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


class Store:
    """Owns the engine; hands out sessions that commit on success and roll back on error."""

    def __init__(self, url: str, *, echo: bool = False, pool_size: int = 5, connect_args: dict[str, Any] | None = None):
        self.url = url
        prepare_sqlite_file(url)  # owner-only file; a path that cannot work is one clear error
        kwargs: dict[str, Any] = {"echo": echo, "connect_args": connect_args or {}}
        if url.startswith("postgresql"):
            kwargs.update(pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # Closed before the engine: e.g. a flood gate's own connection (broadcasts.gate.SharedGate).
        self.on_close: list[Callable[[], Awaitable[None]]] = []

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def insert(self, table: Any) -> Any:
        """A dialect INSERT that supports ``on_conflict_do_update/nothing`` on both engines."""
        return (sqlite.insert if self.is_sqlite else postgresql.insert)(table)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessions() as s:
            try:
                yield s
                await s.commit()
            except BaseException:
                await s.rollback()
                raise

    def lazy_session(self) -> LazySession:
        return LazySession(self)

    async def close(self) -> None:
        hooks, self.on_close = self.on_close, []
        for hook in hooks:
            await hook()
        await self.engine.dispose()


class LazySession:
    """An AsyncSession that is only created (and committed) if someone uses it.

    Most chat messages need no database work at all on the hot path; opening and
    committing an unused session per message still costs a round trip to the driver.
    """

    def __init__(self, store: Store):
        self._store = store
        self._session: AsyncSession | None = None

    def _get(self) -> AsyncSession:
        if self._session is None:
            self._session = self._store.sessions()
        return self._session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)

    @property
    def used(self) -> bool:
        return self._session is not None

    async def finish(self, ok: bool) -> None:
        if self._session is None:
            return
        try:
            if ok:
                await self._session.commit()
            else:
                await self._session.rollback()
        finally:
            await self._session.close()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    for pragma in SQLITE_PRAGMAS:
        cur.execute(f"PRAGMA {pragma}")
    cur.close()
