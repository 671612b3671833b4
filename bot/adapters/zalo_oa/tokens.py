"""The OA access token: refreshed before it expires, rotated refresh token kept in the database.

Zalo OAuth v4 (``POST oauth_url``, header ``secret_key`` = app secret, form
``refresh_token, app_id, grant_type=refresh_token``) returns a new access token (~25 h)
AND a new refresh token; the old refresh token is spent. Both are written in ONE
transaction, so a crash can never leave us holding only a used refresh token.

The first refresh token comes from ``ZALO_OA_REFRESH_TOKEN`` only while the database has
none. Error -14020 (refresh token already used) and other refresh-token errors mean a
person must re-authorise the app: the row is marked ``needs_reauth``, leaders are told
once, and no further refresh is attempted until a NEW ``ZALO_OA_REFRESH_TOKEN`` is given
(checked on each call, so a restart with the new variable is enough). A refused refresh
token that another process has meanwhile rotated (the database holds a different, live
one) is not dead: the other process's tokens are used instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from bot.store.db import Store, utcnow
from bot.store.zalo import ZaloToken

log = logging.getLogger(__name__)

# Access tokens live ~25 h; refresh an hour early so no call ever meets an expired one.
REFRESH_MARGIN = timedelta(hours=1)
DEFAULT_EXPIRES_IN = 90_000  # seconds, Zalo's documented lifetime when expires_in is missing
REFRESH_TOKEN_USED = -14020
# Refresh-token errors no retry can fix (used, invalid, expired): a person must re-authorise.
REAUTH_ERRORS = frozenset({REFRESH_TOKEN_USED, -14014, -14016, -14019})


class ReauthRequired(Exception):
    """The OA must be re-authorised by a person (new refresh token in ZALO_OA_REFRESH_TOKEN).

    ``first_time`` is True only for the failure that discovered it, so leaders hear it once.
    """

    def __init__(self, message: str, *, code: int | None = None, reason: str = "", first_time: bool = False):
        super().__init__(message)
        self.code = code
        self.reason = reason
        self.first_time = first_time


class TokenRefreshFailed(Exception):
    """A refresh failed for a reason that may pass (network, 5xx): try again later."""


class _Superseded(Exception):
    """The refresh token just refused was already rotated by another process: not dead."""


Notify = Callable[[ReauthRequired], Awaitable[Any]]


class TokenManager:
    def __init__(
        self,
        store: Store,
        http: httpx.AsyncClient,
        *,
        oauth_url: str,
        app_id: str,
        oa_id: str,
        app_secret: str,
        env_refresh_token: str | None,
        on_reauth: Notify | None = None,
        clock: Callable[[], datetime] = utcnow,
        margin: timedelta = REFRESH_MARGIN,
    ):
        self.store = store
        self.http = http
        self.oauth_url = oauth_url
        self.app_id = app_id
        self.oa_id = oa_id
        self._app_secret = app_secret
        self._env_refresh = env_refresh_token
        self.on_reauth = on_reauth
        self.clock = clock
        self.margin = margin
        self._lock = asyncio.Lock()
        self._token: str | None = None
        self._expires_at: datetime | None = None
        self.refreshes = 0  # how many refresh calls went to Zalo (for health and tests)

    @property
    def expires_at(self) -> datetime | None:
        """When the access token in hand expires (naive UTC), once one was obtained."""
        return self._expires_at

    def _usable(self, token: str | None, expires_at: datetime | None) -> bool:
        return bool(token) and expires_at is not None and self.clock() < expires_at - self.margin

    async def access_token(self) -> str:
        """A valid access token, refreshing first if it expires within the margin."""
        if self._usable(self._token, self._expires_at):
            return self._token  # type: ignore[return-value]
        return await self.refresh()

    async def refresh(self, *, stale: str | None = None) -> str:
        """Refresh now; with ``stale`` (a token Zalo just called invalid, -216) always refresh
        unless another task or process has already replaced that token."""
        # Once the request is out, Zalo may have spent the old refresh token: a shutdown or a
        # cancelled caller must not stop us before the new one is written, or the OA would need
        # a person to re-authorise it. So the exchange runs to its end, then the cancel goes on.
        exchange = asyncio.ensure_future(self._refresh_with_lock(stale))
        try:
            outcome = await asyncio.shield(exchange)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await exchange
            raise
        if isinstance(outcome, str):
            return outcome
        error = outcome
        # Outside the lock: the report may itself try to send through this OA.
        if error.first_time and self.on_reauth is not None:
            try:
                await self.on_reauth(error)
            except Exception:
                log.exception("could not report the Zalo OA re-authorisation to leaders")
        raise error

    async def _refresh_with_lock(self, stale: str | None) -> str | ReauthRequired:
        """The new access token, or the re-authorisation error to report outside the lock."""
        async with self._lock:
            try:
                try:
                    return await self._refresh_locked(stale)
                except _Superseded:
                    log.info("another process rotated the Zalo OA refresh token meanwhile: using its token")
                try:
                    return await self._refresh_locked(stale)
                except _Superseded:
                    raise TokenRefreshFailed("token refresh: refresh token rotated concurrently") from None
            except ReauthRequired as exc:
                return exc

    async def _refresh_locked(self, stale: str | None) -> str:
        now = self.clock()
        async with self.store.session() as s:
            row = (
                await s.execute(select(ZaloToken).where(ZaloToken.oa_id == self.oa_id).with_for_update())
            ).scalar_one_or_none()
            if row is not None and row.access_token != stale and self._usable(row.access_token, row.expires_at):
                self._token, self._expires_at = row.access_token, row.expires_at
                return row.access_token  # type: ignore[return-value]
            refresh_token = self._refresh_token_for(row)
            self.refreshes += 1
            try:
                response = await self.http.post(
                    self.oauth_url,
                    headers={"secret_key": self._app_secret},
                    data={"refresh_token": refresh_token, "app_id": self.app_id, "grant_type": "refresh_token"},
                )
            except httpx.HTTPError as exc:
                raise TokenRefreshFailed(f"token refresh: {type(exc).__name__}") from None
            body = _json(response)
            access = body.get("access_token")
            new_refresh = body.get("refresh_token")
            if response.status_code == 200 and access and new_refresh:
                expires_at = now + timedelta(seconds=_int(body.get("expires_in"), DEFAULT_EXPIRES_IN))
                if row is None:
                    row = ZaloToken(oa_id=self.oa_id)
                    s.add(row)
                row.access_token, row.refresh_token, row.expires_at = access, new_refresh, expires_at
                row.needs_reauth, row.last_error, row.updated_at = False, None, now
                await s.flush()
                self._token, self._expires_at = access, expires_at
                log.info("Zalo OA access token refreshed; valid until %s UTC", expires_at.isoformat(timespec="minutes"))
                return access
            code = _int(body.get("error"), 0)
            if response.status_code >= 500 or response.status_code == 429 or not body:
                raise TokenRefreshFailed(f"token refresh: HTTP {response.status_code}")
            reason = str(body.get("error_name") or body.get("error_description") or body.get("message") or "")[:200]
            if code not in REAUTH_ERRORS:
                raise TokenRefreshFailed(f"token refresh refused: error {code} {reason}".strip())
            if await self._rotated_elsewhere(refresh_token):
                raise _Superseded  # nothing written here: the next try reads the other's tokens
            # The refresh token is dead: remember that in the database (commit) and stop.
            first_time = row is None or not row.needs_reauth
            if row is None:
                row = ZaloToken(oa_id=self.oa_id, refresh_token=refresh_token)
                s.add(row)
            # Remember the token just refused, so a spent ZALO_OA_REFRESH_TOKEN still in the
            # environment is not posted again on every call: only a genuinely new one is tried.
            row.refresh_token = refresh_token
            row.needs_reauth, row.updated_at = True, now
            row.access_token, row.expires_at = None, None
            row.last_error = f"{code} {reason}".strip()[:255]
            self._token = self._expires_at = None
        log.error("Zalo OA refresh token rejected (error %s): re-authorisation needed", code)
        raise ReauthRequired(_reauth_text(code, reason), code=code, reason=reason, first_time=first_time)

    def _refresh_token_for(self, row: ZaloToken | None) -> str:
        """The database's refresh token; the environment's only when the DB has none, or when
        the DB's is dead and the operator has put a different one in the environment."""
        if row is None:
            if not self._env_refresh:
                raise ReauthRequired(
                    "no Zalo OA refresh token yet: run `loaso zalo login` or set ZALO_OA_REFRESH_TOKEN"
                )
            return self._env_refresh
        if row.needs_reauth:
            if self._env_refresh and self._env_refresh != row.refresh_token:
                log.info("using the new ZALO_OA_REFRESH_TOKEN from the environment")
                return self._env_refresh
            raise ReauthRequired("Zalo OA needs re-authorisation (refresh token rejected earlier)")
        return row.refresh_token

    async def _rotated_elsewhere(self, sent: str) -> bool:
        """Whether another process has stored a different, live refresh token since this one
        read the row (a race between processes: one rotated it, the other sent the old one).
        Read in a new session, so it sees what the other process committed."""
        async with self.store.session() as s:
            row = await s.get(ZaloToken, self.oa_id)
            return row is not None and not row.needs_reauth and bool(row.refresh_token) and row.refresh_token != sent

    async def needs_reauth(self) -> bool:
        async with self.store.session() as s:
            row = await s.get(ZaloToken, self.oa_id)
        return bool(row and row.needs_reauth)


def _reauth_text(code: int, reason: str) -> str:
    detail = f": {reason}" if reason else ""
    return (
        f"Zalo OA needs re-authorisation: refresh token rejected (error {code}{detail}); "
        "run `loaso zalo login`, or set a new ZALO_OA_REFRESH_TOKEN and restart"
    )


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
