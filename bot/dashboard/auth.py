"""Who is looking at the dashboard: passwords, signed session cookies, CSRF, login limits.

- Passwords: argon2id (argon2-cffi's defaults), never stored or logged in clear.
- Sessions: a cookie holding {account, csrf token, issue time, account tag}, signed with
  HMAC-SHA256. The tag is a MAC over the account's id, password hash and creation time, so a
  cookie stops working when the account is removed (even if its id is reused), re-created or
  its password changes.
  The secret is ``LOASO_SESSION_SECRET`` or one generated and kept in the database.
  HttpOnly, SameSite=Lax, Secure on https; valid for ``SESSION_HOURS``.
- CSRF: every form carries the session's token; a POST without the same token is refused.
- Logins: at most ``MAX_FAILS_PER_USER`` failures per (user name, address) pair and
  ``MAX_FAILS_PER_IP`` per address in ``WINDOW_SECONDS``; then 429 until the window passes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.config import Config, secret
from bot.scope import within

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
        return Session(account.id, secrets.token_urlsafe(32), self._clock(), self.tag(account))

    def tag(self, account: AccountLike) -> str:
        """A short MAC over what makes an account itself: a reused id, a new password or a
        re-created account gives another tag, so older cookies stop working."""
        created = account.created_at.replace(tzinfo=None).isoformat() if account.created_at else ""
        msg = f"account-tag:{account.id}:{account.password_hash}:{created}".encode()
        return _b64(hmac.new(self._key, msg, hashlib.sha256).digest()[:16])

    def matches(self, session: Session, account: AccountLike) -> bool:
        return session.tag is not None and hmac.compare_digest(session.tag, self.tag(account))

    def dump(self, session: Session) -> str:
        data = {"a": session.account_id, "c": session.csrf, "t": session.issued, "g": session.tag}
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
            tag = data.get("g")
            session = Session(data["a"], str(data["c"]), float(data["t"]), None if tag is None else str(tag))
        except (ValueError, KeyError, TypeError):
            return None
        if not 0 <= self._clock() - session.issued <= SESSION_HOURS * 3600:
            return None
        return session


def csrf_ok(session: Session | None, submitted: str | None) -> bool:
    return bool(session and submitted and hmac.compare_digest(session.csrf.encode(), submitted.encode()))


class LoginLimiter:
    """Failed logins per (user name, address) and per address in a sliding window (in memory, per process)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._fails: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str) -> int:
        q = self._fails[key]
        limit = self._clock() - WINDOW_SECONDS
        while q and q[0] < limit:
            q.popleft()
        if not q:
            del self._fails[key]
            return 0
        return len(q)

    def blocked(self, ip: str, username: str) -> bool:
        by_ip = self._recent("ip:" + ip) >= MAX_FAILS_PER_IP
        return by_ip or self._recent(self._user_key(ip, username)) >= MAX_FAILS_PER_USER

    @staticmethod
    def _user_key(ip: str, username: str) -> str:
        # Per user name *from one address*: a stranger failing on purpose cannot lock the owner out.
        return f"user:{ip}|{username.lower()}"

    def failed(self, ip: str, username: str) -> float:
        now = self._clock()
        self._fails["ip:" + ip].append(now)
        self._fails[self._user_key(ip, username)].append(now)
        return now

    def attempt(self, ip: str, username: str) -> float | None:
        """Check and count one login attempt in one step (no await between them), so
        concurrent attempts cannot all pass the check before any is counted. None: blocked.
        The attempt counts as a failure until ``succeeded`` takes it back."""
        if self.blocked(ip, username):
            return None
        return self.failed(ip, username)

    def succeeded(self, ip: str, username: str, stamp: float | None = None) -> None:
        self._fails.pop(self._user_key(ip, username), None)
        q = self._fails.get("ip:" + ip)
        if q is not None and stamp is not None:
            try:
                q.remove(stamp)
            except ValueError:
                pass
            if not q:
                del self._fails["ip:" + ip]


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
