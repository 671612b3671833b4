"""Dashboard accounts (officials and leaders) and the dashboard's own secrets.

Residents never get an account: the dashboard is for people who report upward or
improve the FAQ. Passwords are stored only as argon2 hashes. The session-signing
secret comes from ``LOASO_SESSION_SECRET`` or, failing that, is generated once and
kept in ``app_secrets`` so restarts do not log everyone out (never in the repo).
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from sqlalchemy import Boolean, DateTime, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.logsafe import register_secret
from bot.store.base import Base, BigPK
from bot.store.db import Store

ACCOUNT_ROLES = ("official", "leader")


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))  # official | leader
    commune: Mapped[str | None] = mapped_column(String(32))  # a leader's commune; None: all (officials)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)


class AppSecret(Base):
    """Random secrets the app generates for itself on first start."""

    __tablename__ = "app_secrets"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime)


async def find_account(s: AsyncSession, username: str) -> Account | None:
    return (await s.execute(select(Account).where(Account.username == username))).scalar_one_or_none()


async def list_accounts(s: AsyncSession) -> list[Account]:
    return list((await s.execute(select(Account).order_by(Account.username))).scalars())


async def stored_secret(store: Store, name: str, now: datetime) -> str:
    """The named secret, created (race-safely) on first use."""
    candidate = secrets.token_hex(32)
    register_secret(candidate)  # SQL echo shows statement parameters
    async with store.session() as s:
        stmt = store.insert(AppSecret).values(name=name, value=candidate, created_at=now)
        await s.execute(stmt.on_conflict_do_nothing(index_elements=["name"]))
    async with store.session() as s:
        value: str = (await s.execute(select(AppSecret.value).where(AppSecret.name == name))).scalar_one()
    register_secret(value)
    return value


USERNAME_RE = r"^[\w.@-]{3,64}$"


class AccountError(ValueError):
    """A dashboard account that cannot be created or changed as asked."""


async def add_account(
    s: AsyncSession, username: str, password_hash: str, role: str, commune: str | None, now: datetime
) -> Account:
    if not re.match(USERNAME_RE, username):
        raise AccountError("user name: 3–64 letters, digits, '.', '@', '-' or '_'")
    if role not in ACCOUNT_ROLES:
        raise AccountError(f"role must be one of {', '.join(ACCOUNT_ROLES)} (residents have no dashboard account)")
    if role == "leader" and not commune:
        raise AccountError("a leader needs --commune: leaders see only their own commune")
    if await find_account(s, username) is not None:
        raise AccountError(f"user {username!r} already exists")
    account = Account(
        username=username, password_hash=password_hash, role=role, commune=commune, active=True, created_at=now
    )
    s.add(account)
    await s.flush()
    return account
