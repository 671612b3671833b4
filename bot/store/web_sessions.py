"""Dashboard sessions and failed logins, kept in the database.

Sessions: a signed cookie alone cannot be taken back, so every logged-in cookie names a
session row (by the SHA-256 of its random id: the table alone opens nothing). Logging out,
changing the password and removing the account delete the rows, and the cookie stops
working at once, in every process.

Login attempts: counted per address and per (address, user name) in the database, so the
limit holds across restarts and across several processes serving the dashboard.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import DateTime, ForeignKey, Index, String, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.base import Base, BigPK


class WebSession(Base):
    __tablename__ = "web_sessions"
    __table_args__ = (Index("ix_web_sessions_account_id", "account_id"),)

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex SHA-256 of the cookie's session id
    account_id: Mapped[int] = mapped_column(BigPK, ForeignKey("accounts.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200))  # "ip:<address>" or "user:<address>|<user name>"
    at: Mapped[datetime] = mapped_column(DateTime)


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


async def open_session(s: AsyncSession, session_id: str, account_id: int, now: datetime, hours: float) -> None:
    await s.execute(delete(WebSession).where(WebSession.expires_at < now))  # keep the table small
    s.add(
        WebSession(
            id_hash=_hash(session_id), account_id=account_id, created_at=now, expires_at=now + timedelta(hours=hours)
        )
    )


async def session_alive(s: AsyncSession, session_id: str, account_id: int, now: datetime) -> bool:
    row = await s.get(WebSession, _hash(session_id))
    return row is not None and row.account_id == account_id and row.expires_at > now


async def close_session(s: AsyncSession, session_id: str) -> None:
    await s.execute(delete(WebSession).where(WebSession.id_hash == _hash(session_id)))


async def close_account_sessions(s: AsyncSession, account_id: int) -> int:
    """Every session of an account (password changed, account removed); returns how many."""
    result = await s.execute(delete(WebSession).where(WebSession.account_id == account_id))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def count_attempts(s: AsyncSession, key: str, since: datetime) -> int:
    q = select(func.count()).select_from(LoginAttempt).where(LoginAttempt.key == key, LoginAttempt.at >= since)
    return int((await s.execute(q)).scalar_one())


async def add_attempts(s: AsyncSession, keys: list[str], now: datetime) -> list[int]:
    rows = [LoginAttempt(key=k[:200], at=now) for k in keys]
    s.add_all(rows)
    await s.flush()
    return [r.id for r in rows]


async def forget_attempts(s: AsyncSession, *, key: str | None = None, ids: list[int] | None = None) -> None:
    if key is not None:
        await s.execute(delete(LoginAttempt).where(LoginAttempt.key == key))
    if ids:
        await s.execute(delete(LoginAttempt).where(LoginAttempt.id.in_(ids)))


async def purge_attempts(s: AsyncSession, before: datetime) -> None:
    await s.execute(delete(LoginAttempt).where(LoginAttempt.at < before))
