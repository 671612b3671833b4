"""A fake Zalo OA Open API + OAuth v4 server (Starlette), recording what the bot sent.

OAuth v4 includes the permission page (redirects with a code bound to its PKCE
``code_challenge``) and the code exchange (``grant_type=authorization_code``, which checks
``code_verifier`` against that challenge), as well as the refresh.

It behaves like Zalo where our code depends on it: access tokens checked on every call
(-216 when unknown or revoked), refresh tokens single-use and rotating (-14020 on reuse),
``error`` in every body, and scripted failures (HTTP status + body) popped per call.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

APP_ID = "1234567890123456789"
OA_ID = "579745863508352884"
APP_SECRET = "app-secret-for-tests"
OA_SECRET_KEY = "oa-secret-key-for-tests"


@dataclass
class Sent:
    path: str
    recipient: dict[str, str]
    message: dict[str, Any]

    @property
    def text(self) -> str:
        if "text" in self.message:
            return str(self.message["text"])
        elements = self.message["attachment"]["payload"]["elements"]
        return "\n".join(e["content"] for e in elements if e["type"] == "text")


@dataclass
class FakeZaloOA:
    refresh_tokens: set[str] = field(default_factory=set)  # valid, unused
    used_refresh_tokens: set[str] = field(default_factory=set)
    access_tokens: set[str] = field(default_factory=set)
    expires_in: int = 90_000
    sent: list[Sent] = field(default_factory=list)
    refresh_calls: list[str] = field(default_factory=list)  # refresh tokens presented
    calls: list[tuple[str, str]] = field(default_factory=list)  # (path, access token)
    failures: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # for message calls
    always_invalid_token: bool = False
    oa_name: str = "Xã Đại Ngãi"
    groups: list[dict[str, Any]] = field(default_factory=list)  # GMF groups of the OA
    codes: dict[str, str] = field(default_factory=dict)  # authorisation code -> its code_challenge
    deny: bool = False  # the administrator refuses the permission
    token_prefix: str = ""  # e.g. a long one, so log tests can look for the tokens issued
    refresh_delay: float = 0.0  # seconds between spending a refresh token and answering
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def issue_refresh_token(self, value: str = "R0") -> str:
        self.refresh_tokens.add(value)
        return value

    def revoke_access_tokens(self) -> None:
        self.access_tokens.clear()

    # --- OAuth v4 ---------------------------------------------------------------------
    async def oauth(self, request: Request) -> JSONResponse:
        # application/x-www-form-urlencoded, parsed by hand (no python-multipart needed)
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        if request.headers.get("secret_key") != APP_SECRET or form.get("app_id") != APP_ID:
            return JSONResponse({"error": -14002, "error_name": "Invalid app"})
        if form.get("grant_type") == "authorization_code":
            return self._exchange_code(form)
        if form.get("grant_type") != "refresh_token":
            return JSONResponse({"error": -14001, "error_name": "Invalid grant type"})
        token = str(form.get("refresh_token") or "")
        self.refresh_calls.append(token)
        if token in self.used_refresh_tokens:
            return JSONResponse({"error": -14020, "error_name": "Refresh token has been used"})
        if token not in self.refresh_tokens:
            return JSONResponse({"error": -14014, "error_name": "Invalid refresh token"})
        self.refresh_tokens.discard(token)
        self.used_refresh_tokens.add(token)
        n = next(self._counter)
        access, new_refresh = f"{self.token_prefix}A{n}", f"{self.token_prefix}R{n}"
        self.access_tokens.add(access)
        self.refresh_tokens.add(new_refresh)
        await asyncio.sleep(self.refresh_delay)
        return JSONResponse({"access_token": access, "refresh_token": new_refresh, "expires_in": str(self.expires_in)})

    def _exchange_code(self, form: dict[str, str]) -> JSONResponse:
        """PKCE: the code is single-use and only good with the verifier of its challenge."""
        challenge = self.codes.pop(str(form.get("code") or ""), None)
        if challenge is None:
            return JSONResponse({"error": -14019, "error_name": "Invalid authorization code"})
        verifier = str(form.get("code_verifier") or "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if digest != challenge:
            return JSONResponse({"error": -14003, "error_name": "Invalid code verifier"})
        n = next(self._counter)
        access, refresh = f"A{n}", f"R{n}"
        self.access_tokens.add(access)
        self.refresh_tokens.add(refresh)
        return JSONResponse({"access_token": access, "refresh_token": refresh, "expires_in": str(self.expires_in)})

    async def permission(self, request: Request) -> Response:
        """The page the OA's administrator allows the app on: redirects with a code (or an error)."""
        q = request.query_params
        if q.get("app_id") != APP_ID or not q.get("code_challenge") or not q.get("redirect_uri"):
            return JSONResponse({"error": -14002, "error_name": "Invalid app or parameters"}, status_code=400)
        if self.deny:
            target = f"{q['redirect_uri']}?{urlencode({'error': 'access_denied', 'state': q.get('state', '')})}"
            return RedirectResponse(target, status_code=302)
        code = f"code-{next(self._counter)}"
        self.codes[code] = q["code_challenge"]
        params = {"oa_id": OA_ID, "code": code, "state": q.get("state", ""), "code_challenge": q["code_challenge"]}
        return RedirectResponse(f"{q['redirect_uri']}?{urlencode(params)}", status_code=302)

    # --- Open API ---------------------------------------------------------------------
    def _token_error(self, request: Request) -> JSONResponse | None:
        token = request.headers.get("access_token", "")
        self.calls.append((request.url.path, token))
        if self.always_invalid_token or token not in self.access_tokens:
            return JSONResponse({"error": -216, "message": "Access token is invalid"})
        return None

    async def message(self, request: Request) -> JSONResponse:
        if (denied := self._token_error(request)) is not None:
            return denied
        if self.failures:
            status, body = self.failures.pop(0)
            return JSONResponse(body, status_code=status)
        body = await request.json()
        message = body.get("message") or {}
        text = message.get("text")
        if text is not None and not (1 <= len(text) <= 2000):
            return JSONResponse({"error": -201, "message": "text is invalid"})
        self.sent.append(Sent(request.url.path, body.get("recipient") or {}, message))
        return JSONResponse({"error": 0, "message": "Success", "data": {"message_id": f"m{len(self.sent)}"}})

    async def getoa(self, request: Request) -> JSONResponse:
        if (denied := self._token_error(request)) is not None:
            return denied
        data = {"oa_id": OA_ID, "name": self.oa_name, "num_follower": 1234, "is_verified": True}
        return JSONResponse({"error": 0, "message": "Success", "data": data})

    async def groups_of_oa(self, request: Request) -> JSONResponse:
        if (denied := self._token_error(request)) is not None:
            return denied
        offset, count = int(request.query_params.get("offset", 0)), int(request.query_params.get("count", 5))
        page = self.groups[offset : offset + count]
        return JSONResponse(
            {"error": 0, "data": {"offset": offset, "count": count, "total": len(self.groups), "groups": page}}
        )

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v4/oa/access_token", self.oauth, methods=["POST"]),
                Route("/v4/oa/permission", self.permission, methods=["GET"]),
                Route("/v3.0/oa/message/cs", self.message, methods=["POST"]),
                Route("/v3.0/oa/message/promotion", self.message, methods=["POST"]),
                Route("/v3.0/oa/group/message", self.message, methods=["POST"]),
                Route("/v2.0/oa/getoa", self.getoa, methods=["GET"]),
                Route("/v3.0/oa/group/getgroupsofoa", self.groups_of_oa, methods=["GET"]),
            ]
        )

    def texts_to(self, recipient_id: str) -> list[str]:
        return [s.text for s in self.sent if recipient_id in s.recipient.values()]
