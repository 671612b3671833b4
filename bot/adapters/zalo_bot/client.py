"""Zalo Bot Platform calls: ``{base_url}/bot<TOKEN>/<method>``, JSON in, ``{ok, result}`` out.

The token is part of every URL, so nothing here ever logs or raises a URL: errors carry
the method name and Zalo's description with the token masked.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from bot.adapters.zalo.errors import ZaloError, transport_error

# Zalo Bot sendMessage: text of 1 to 2000 characters.
BOT_TEXT_LIMIT = 2000
POLL_TIMEOUT = 30  # seconds getUpdates waits for an update (Zalo's default)


class _MaskTokens(logging.Filter):
    """httpx logs every request URL at INFO, and ours carry the bot token: mask it there too,
    whatever log level the operator chose."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.tokens:
            message = record.getMessage()
            masked = message
            for token in self.tokens:
                masked = masked.replace(token, "***")
            if masked != message:
                record.msg, record.args = masked, None
        return True


_MASK = _MaskTokens()
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).addFilter(_MASK)


class ZaloBotError(ZaloError):
    """A failed Zalo Bot Platform call."""


class ZaloBotClient:
    def __init__(self, http: httpx.AsyncClient, base_url: str, token: str):
        self.http = http
        self.base_url = base_url.rstrip("/")
        self._token = token
        if token:
            _MASK.tokens.add(token)

    def _mask(self, text: str) -> str:
        return text.replace(self._token, "***") if self._token else text

    async def call(self, method: str, payload: dict[str, Any] | None = None, *, wait: float | None = None) -> Any:
        """The ``result`` of a successful call; ZaloBotError otherwise (never with the URL)."""
        url = f"{self.base_url}/bot{self._token}/{method}"
        kwargs: dict[str, Any] = {"json": payload or {}}
        if wait is not None:  # a long poll: the server may hold the request ``wait`` seconds
            kwargs["timeout"] = httpx.Timeout(wait + 10, connect=5.0)
        try:
            response = await self.http.post(url, **kwargs)
        except httpx.HTTPError as exc:
            raise transport_error(ZaloBotError, method, exc) from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            body = {}
        if response.status_code == 200 and body.get("ok") is True:
            return body.get("result")
        code = _int(body.get("error_code")) or response.status_code
        description = self._mask(str(body.get("description") or body.get("message") or ""))[:200]
        params: dict[str, Any] = body["parameters"] if isinstance(body.get("parameters"), dict) else {}
        retry_after = _float(params.get("retry_after")) or _float(response.headers.get("Retry-After"))
        raise ZaloBotError(
            f"{method}: HTTP {response.status_code}, error {code}: {description}",
            http_status=response.status_code,
            code=code,
            retry_after=retry_after,
        )

    async def get_me(self) -> dict[str, Any]:
        result = await self.call("getMe")
        return result if isinstance(result, dict) else {}

    async def get_updates(self, wait: int = POLL_TIMEOUT) -> list[dict[str, Any]]:
        """Updates waiting now (Zalo returns one object, a list, or a 408 when none came)."""
        try:
            result = await self.call("getUpdates", {"timeout": str(wait)}, wait=wait)
        except ZaloBotError as exc:
            if exc.code == 408 or exc.http_status == 408:
                return []
            raise
        return unwrap(result)

    async def set_webhook(self, url: str, secret_token: str) -> None:
        await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> None:
        await self.call("deleteWebhook")

    async def send_message(self, chat_id: str, text: str) -> str | None:
        result = await self.call("sendMessage", {"chat_id": chat_id, "text": text})
        return str(result.get("message_id")) if isinstance(result, dict) and result.get("message_id") else None


def unwrap(body: Any) -> list[dict[str, Any]]:
    """Webhook and getUpdates bodies may be bare updates, lists, or wrapped in ``{ok, result}``."""
    if isinstance(body, dict) and "result" in body and ("ok" in body or "message" not in body):
        body = body["result"]
    if isinstance(body, dict):
        return [body] if body else []
    if isinstance(body, list):
        return [u for u in body if isinstance(u, dict)]
    return []


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
