"""The OA's first authorisation: Zalo OAuth v4 code flow with PKCE, as ``loaso zalo login`` runs it.

1. A random ``code_verifier`` (43–128 URL-safe characters) and its
   ``code_challenge = base64url(sha256(code_verifier))`` without padding.
2. The OA's administrator opens the permission URL
   ``https://oauth.zaloapp.com/v4/oa/permission?app_id=…&redirect_uri=…&code_challenge=…&state=…``
   (the ``oauth_url`` with ``access_token`` replaced by ``permission``), picks the OA and
   allows it; Zalo redirects to ``redirect_uri?oa_id=…&code=…&state=…``.
3. ``POST oauth_url`` with header ``secret_key`` = app secret and form ``app_id, code,
   code_verifier, grant_type=authorization_code`` returns an access token (~25 h) and a
   refresh token (three months, single use) — stored like a refresh's, in one transaction.

Pure helpers here; the HTTP exchange and the database write at the bottom.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from bot.adapters.zalo_oa.tokens import DEFAULT_EXPIRES_IN
from bot.store.db import Store
from bot.store.zalo import ZaloToken


class LoginError(Exception):
    """The authorisation did not go through; the message says why (never a token)."""


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str
    state: str

    def __repr__(self) -> str:  # the verifier is a secret until it is spent
        return "Pkce(***)"


def challenge_for(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_pkce() -> Pkce:
    verifier = secrets.token_urlsafe(48)  # 64 characters of A-Z a-z 0-9 - _
    return Pkce(verifier, challenge_for(verifier), secrets.token_urlsafe(12))


def permission_url(oauth_url: str, app_id: str, redirect_uri: str, pkce: Pkce) -> str:
    base = oauth_url.rsplit("/", 1)[0] + "/permission"  # …/v4/oa/access_token → …/v4/oa/permission
    query = {"app_id": app_id, "redirect_uri": redirect_uri, "code_challenge": pkce.challenge, "state": pkce.state}
    return f"{base}?{urlencode(query)}"


@dataclass(frozen=True)
class Granted:
    code: str
    oa_id: str | None


def parse_answer(answer: str, state: str) -> Granted:
    """The redirect URL the browser landed on, or only the code copied from it."""
    text = answer.strip()
    if not text:
        raise LoginError("nothing pasted: paste the whole address the browser opened after you allowed the app")
    if "://" not in text and "code=" not in text:
        return Granted(text, None)
    query = parse_qs(urlsplit(text).query if "://" in text else text.lstrip("?"))
    if query.get("error") or query.get("error_code"):
        reason = (query.get("error_description") or query.get("error") or query.get("error_code") or ["?"])[0]
        raise LoginError(f"Zalo did not grant the permission: {reason}")
    code = (query.get("code") or [""])[0]
    if not code:
        raise LoginError("that address has no code= in it: paste the address Zalo redirected to")
    given_state = query["state"][0] if query.get("state") else None
    if given_state is not None and given_state != state:
        raise LoginError("the state in that address is not this login's: start `loaso zalo login` again")
    return Granted(code, query["oa_id"][0] if query.get("oa_id") else None)


async def exchange(
    http: httpx.AsyncClient, oauth_url: str, app_id: str, app_secret: str, code: str, pkce: Pkce
) -> tuple[str, str, int]:
    """(access token, refresh token, seconds the access token lives)."""
    form = {"app_id": app_id, "code": code, "code_verifier": pkce.verifier, "grant_type": "authorization_code"}
    try:
        response = await http.post(oauth_url, headers={"secret_key": app_secret}, data=form)
    except httpx.HTTPError as exc:
        raise LoginError(f"cannot reach {oauth_url} ({type(exc).__name__})") from None
    try:
        body = response.json()
    except ValueError:
        body = {}
    body = body if isinstance(body, dict) else {}
    access, refresh = body.get("access_token"), body.get("refresh_token")
    if response.status_code != 200 or not access or not refresh:
        reason = body.get("error_name") or body.get("error_description") or body.get("message") or ""
        detail = f"error {body.get('error')}" if body.get("error") else f"HTTP {response.status_code}"
        raise LoginError(f"Zalo refused the code ({detail} {reason}".strip() + ")")
    try:
        lifetime = int(body.get("expires_in") or DEFAULT_EXPIRES_IN)
    except (TypeError, ValueError):
        lifetime = DEFAULT_EXPIRES_IN
    return str(access), str(refresh), lifetime


async def store_tokens(store: Store, oa_id: str, access: str, refresh: str, lifetime: int, now: datetime) -> datetime:
    """Keep the new pair as the OA's tokens (a re-authorisation replaces a dead pair)."""
    expires_at = now + timedelta(seconds=lifetime)
    async with store.session() as s:
        row = await s.get(ZaloToken, oa_id, with_for_update=True)
        if row is None:
            row = ZaloToken(oa_id=oa_id)
            s.add(row)
        row.access_token, row.refresh_token, row.expires_at = access, refresh, expires_at
        row.needs_reauth, row.last_error, row.updated_at = False, None, now
    return expires_at
