"""Who is looking at the dashboard: passwords, signed session cookies, CSRF, login limits.

- Passwords: argon2id (argon2-cffi's defaults), never stored or logged in clear.
- Sessions: a cookie holding {account, csrf token, issue time, account tag, session id}, signed
  with HMAC-SHA256; the session id names a row in ``web_sessions`` that logging out, a new
  password or removing the account deletes, so a copied cookie stops working at once. The
  tag, a MAC over the account's id, password hash and creation time, also ends a cookie when
  the account is re-created or its password changes.
  The secret is ``LOASO_SESSION_SECRET`` or one generated and kept in the database.
  HttpOnly, SameSite=Lax, Secure on https; valid for ``SESSION_HOURS``.
- CSRF: every form carries the session's token; a POST without the same token is refused.
- Logins: at most ``MAX_FAILS_PER_USER`` failures per (user name, address) pair and
  ``MAX_FAILS_PER_IP`` per address in ``WINDOW_SECONDS``; then 429 until the window passes.
  Counted in the database; the address is the socket peer unless ``web.trusted_proxies``
  names the proxy in front (``bot.webserver``).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, secret
from bot.scope import within
from bot.store.db import Store, utcnow
from bot.store.web_sessions import add_attempts, count_attempts, forget_attempts, purge_attempts

COOKIE = "loaso_session"
SESSION_HOURS = 8
SECRET_ENV = "LOASO_SESSION_SECRET"
MIN_SECRET = 32  # characters; shorter secrets can be guessed offline from one signed cookie
MIN_PASSWORD = 8
WINDOW_SECONDS = 15 * 60
MAX_FAILS_PER_USER = 5
MAX_FAILS_PER_IP = 20

_hasher = PasswordHasher()
# Verified against when the user name does not exist, so both cases take as long.
_dummy_hash: str | None = None


def use_hasher(hasher: PasswordHasher) -> None:
    """Swap the argon2 parameters (tests use cheap ones to stay fast)."""
    global _hasher, _dummy_hash
    _hasher, _dummy_hash = hasher, None


def _dummy() -> str:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("loaso-dummy-password")
    return _dummy_hash


class WeakSecret(ValueError):
    """LOASO_SESSION_SECRET is set but too short to sign sessions with."""


def env_session_secret() -> str | None:
    """The session secret from the environment, None if unset; refuses one that is too short."""
    value = secret(SECRET_ENV)
    if value is not None and len(value) < MIN_SECRET:
        raise WeakSecret(
            f"{SECRET_ENV} is too short ({len(value)} characters; at least {MIN_SECRET} needed). "
            f"Use e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`, "
            f"or unset it to use a secret generated and kept in the database."
        )
    return value


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password must have at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _dummy(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


class AccountLike(Protocol):
    id: int
    password_hash: str
    created_at: datetime


@dataclass(frozen=True)
class Session:
    account_id: int | None
    csrf: str
    issued: float
    tag: str | None = None  # binds the cookie to one account's id, password and creation time
    sid: str | None = None  # names the server-side session row (bot.store.web_sessions); logging out deletes it


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SessionSigner:
    """Turns a Session into a cookie value and back; a forged or stale cookie reads as None."""

    def __init__(self, secret: str, clock: Callable[[], float] = time.time):
        self._key = hashlib.sha256(("loaso-session:" + secret).encode()).digest()
        self._clock = clock

    def new(self, account: AccountLike | None = None) -> Session:
        if account is None:
            return Session(None, secrets.token_urlsafe(32), self._clock())
        return Session(
            account.id, secrets.token_urlsafe(32), self._clock(), self.tag(account), secrets.token_urlsafe(32)
        )

    def tag(self, account: AccountLike) -> str:
        """A short MAC over what makes an account itself: a reused id, a new password or a
        re-created account gives another tag, so older cookies stop working."""
        created = account.created_at.replace(tzinfo=None).isoformat() if account.created_at else ""
        msg = f"account-tag:{account.id}:{account.password_hash}:{created}".encode()
        return _b64(hmac.new(self._key, msg, hashlib.sha256).digest()[:16])

    def matches(self, session: Session, account: AccountLike) -> bool:
        return session.tag is not None and hmac.compare_digest(session.tag, self.tag(account))

    def dump(self, session: Session) -> str:
        data = {"a": session.account_id, "c": session.csrf, "t": session.issued, "g": session.tag, "s": session.sid}
        body = _b64(json.dumps(data).encode())
        return body + "." + _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())

    def load(self, value: str | None) -> Session | None:
        if not value or not value.isascii() or value.count(".") != 1:
            return None  # compare_digest refuses non-ASCII text: such a cookie is simply not ours
        body, sig = value.split(".")
        expected = _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(sig, expected):
            return None
        try:
            data = json.loads(_unb64(body))
            tag, sid = data.get("g"), data.get("s")
            account_id = data["a"]
            if account_id is not None and (not isinstance(account_id, int) or isinstance(account_id, bool)):
                return None
            session = Session(
                account_id, str(data["c"]), float(data["t"]), None if tag is None else str(tag),
                None if sid is None else str(sid),
            )  # fmt: skip
        except (ValueError, KeyError, TypeError):
            return None
        if not 0 <= self._clock() - session.issued <= SESSION_HOURS * 3600:
            return None
        return session


def csrf_ok(session: Session | None, submitted: str | None) -> bool:
    return bool(session and submitted and hmac.compare_digest(session.csrf.encode(), submitted.encode()))


class LoginLimiter:
    """Failed logins per (user name, address) and per address in a sliding window, counted in
    the database (``bot.store.web_sessions``): a restart does not forget them and every
    process serving the dashboard sees the same counts."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow):
        self._store = store
        self._clock = clock
        self._lock = asyncio.Lock()  # check-and-count is one step within a process

    @staticmethod
    def _keys(ip: str, username: str) -> tuple[str, str]:
        # Per user name *from one address*: a stranger failing on purpose cannot lock the owner out.
        return "ip:" + ip, f"user:{ip}|{username.lower()}"

    async def _blocked(self, s: AsyncSession, ip: str, username: str, now: datetime) -> bool:
        since = now - timedelta(seconds=WINDOW_SECONDS)
        by_ip, by_user = self._keys(ip, username)
        if await count_attempts(s, by_ip, since) >= MAX_FAILS_PER_IP:
            return True
        return await count_attempts(s, by_user, since) >= MAX_FAILS_PER_USER

    async def blocked(self, ip: str, username: str) -> bool:
        async with self._store.session() as s:
            return await self._blocked(s, ip, username, self._clock())

    async def failed(self, ip: str, username: str) -> list[int]:
        async with self._store.session() as s:
            return await add_attempts(s, list(self._keys(ip, username)), self._clock())

    async def attempt(self, ip: str, username: str) -> list[int] | None:
        """Check and count one login attempt in one step, so concurrent attempts cannot all
        pass the check before any is counted. None: blocked. The attempt counts as a failure
        until ``succeeded`` takes it back."""
        async with self._lock, self._store.session() as s:
            now = self._clock()
            await purge_attempts(s, now - timedelta(seconds=WINDOW_SECONDS))
            if await self._blocked(s, ip, username, now):
                return None
            return await add_attempts(s, list(self._keys(ip, username)), now)

    async def succeeded(self, ip: str, username: str, stamp: list[int] | None = None) -> None:
        async with self._store.session() as s:
            await forget_attempts(s, key=self._keys(ip, username)[1], ids=stamp)


@dataclass(frozen=True)
class Viewer:
    """A logged-in account. Leaders see their own commune; officials theirs, or all when they have none."""

    account_id: int
    username: str
    role: str
    commune: str | None

    @property
    def is_official(self) -> bool:
        return self.role == "official"

    def may_see(self, commune: str | None) -> bool:
        """The same scope rule as in chat (``bot.scope``); a leader always has a commune."""
        return (self.is_official or self.commune is not None) and within(self.commune, commune)

    def communes(self, config: Config) -> list[str]:
        return [c.code for c in config.communes if self.may_see(c.code)]

    def default_commune(self, config: Config) -> str | None:
        if self.commune:
            return self.commune
        return config.communes[0].code if len(config.communes) == 1 else None
