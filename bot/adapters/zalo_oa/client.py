"""Calls to the Zalo OA Open API with the access token, one refresh-and-retry on -216.

A call succeeded only if HTTP is 200 AND the body's ``error`` is 0; anything else raises
``ZaloAPIError`` carrying the HTTP status and Zalo's error code for the sender to classify.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from bot.adapters.zalo.errors import ZaloError, transport_error
from bot.adapters.zalo_oa.tokens import TokenManager

log = logging.getLogger(__name__)

# -216: access token invalid; -220: expired or removed. Both: refresh once, retry once.
TOKEN_INVALID = frozenset({-216, -220})

CS_MESSAGE = "/v3.0/oa/message/cs"  # reply to a person within 48 h of their message
PROMOTION_MESSAGE = "/v3.0/oa/message/promotion"  # broadcast to followers (OA broadcast quota)
GROUP_MESSAGE = "/v3.0/oa/group/message"  # OA groups (GMF)
GET_OA = "/v2.0/oa/getoa"
GROUPS_OF_OA = "/v3.0/oa/group/getgroupsofoa"


class ZaloAPIError(ZaloError):
    """A failed Zalo OA Open API call."""


class ZaloOAClient:
    def __init__(self, http: httpx.AsyncClient, base_url: str, tokens: TokenManager):
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens

    async def call(
        self, method: str, path: str, *, json: dict[str, Any] | None = None, params: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The response body of a successful call; raises ZaloAPIError, ReauthRequired or
        TokenRefreshFailed otherwise."""
        token = await self.tokens.access_token()
        status, body, retry_after = await self._once(method, path, token, json, params)
        if _code(body) in TOKEN_INVALID:
            log.info("Zalo OA said the access token is invalid (%s): refreshing once", _code(body))
            token = await self.tokens.refresh(stale=token)
            status, body, retry_after = await self._once(method, path, token, json, params)
        code = _code(body)
        if status == 200 and code == 0:
            return body
        message = str(body.get("message") or body.get("error_name") or f"HTTP {status}")[:200]
        raise ZaloAPIError(
            f"{path}: HTTP {status}, error {code}: {message}", http_status=status, code=code, retry_after=retry_after
        )

    async def _once(
        self, method: str, path: str, token: str, json: dict[str, Any] | None, params: dict[str, Any] | None
    ) -> tuple[int, dict[str, Any], float | None]:
        try:
            response = await self.http.request(
                method, self.base_url + path, headers={"access_token": token}, json=json, params=params
            )
        except httpx.HTTPError as exc:
            raise transport_error(ZaloAPIError, path, exc) from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            body = {}
        return response.status_code, body, _retry_after(response)

    async def get_oa(self) -> dict[str, Any]:
        return (await self.call("GET", GET_OA)).get("data") or {}

    async def list_groups(self, page: int = 50, max_pages: int = 100) -> list[dict[str, Any]]:
        """The OA's groups (GMF): ``group_id``, ``name``, ``status``, ``total_member``."""
        groups: list[dict[str, Any]] = []
        for number in range(max_pages):
            data = (await self.call("GET", GROUPS_OF_OA, params={"offset": number * page, "count": page})).get("data")
            batch = [g for g in ((data or {}).get("groups") or []) if isinstance(g, dict) and g.get("group_id")]
            groups.extend(batch)
            total = (data or {}).get("total")
            if len(batch) < page or (isinstance(total, int) and len(groups) >= total):
                break
        return groups

    async def send_text(self, path: str, recipient: dict[str, str], text: str) -> str | None:
        body = await self.call("POST", path, json={"recipient": recipient, "message": {"text": text}})
        data = body.get("data") or {}
        return data.get("message_id") or data.get("msg_id")

    async def send_promotion(self, user_id: str, title: str, text: str) -> str | None:
        """A broadcast ('tin truyền thông') to one follower: header and text elements."""
        elements = [{"type": "header", "content": title}, {"type": "text", "align": "left", "content": text}]
        message = {"attachment": {"type": "template", "payload": {"template_type": "promotion", "elements": elements}}}
        body = await self.call("POST", PROMOTION_MESSAGE, json={"recipient": {"user_id": user_id}, "message": message})
        return (body.get("data") or {}).get("message_id")


def _code(body: dict[str, Any]) -> int | None:
    value = body.get("error")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value else None
    except ValueError:
        return None
