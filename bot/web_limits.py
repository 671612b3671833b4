"""Bounds on what any HTTP request may make the web app read, before any endpoint runs.

An ASGI middleware wrapped around the whole app (``bot.web.build_app``), so every route —
webhooks, the dashboard and whatever is added later — gets the same protection:

- a ``Content-Length`` over the limit is refused with 413 before a byte is read;
- a chunked body (no length) is read only up to the limit, then refused with 413;
- a JSON body nested deeper than ``MAX_JSON_DEPTH`` is refused with 400 (Python's parser
  would raise RecursionError, i.e. a 500 and a traceback, at about 1,000 levels).

Each refusal is one warning line without the body. Limits are in bytes; webhook events are
a few hundred bytes and dashboard forms a few hundred, so the limits are generous.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 256 * 1024  # bytes, any endpoint
MAX_WEBHOOK_BODY = 1024 * 1024  # bytes, /webhooks/…: a Telegram update with a long text and entities fits
MAX_JSON_DEPTH = 64  # nesting levels; platform events use fewer than 10
_JSON_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def limit_for(path: str) -> int:
    return MAX_WEBHOOK_BODY if path.startswith("/webhooks/") else MAX_BODY


def too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Is this JSON-looking body nested deeper than ``limit``? Strings are skipped, so a
    bracket inside a text does not count. Linear time, no recursion."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    depth = 0
    for m in _JSON_TOKENS.finditer(body):
        token = m.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        elif token in (b"]", b"}"):
            depth -= 1
    return False


def loads(raw: bytes | str) -> Any:
    """``json.loads`` that raises ValueError, never RecursionError, on a hostile body."""
    data = raw.encode() if isinstance(raw, str) else raw
    if too_deep(data):
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "?"


async def _refuse(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Reads each request body once, bounded, checks it, and hands it on to the app."""

    def __init__(self, app: ASGIApp, limit: Callable[[str], int] = limit_for):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope.get("path", ""), scope.get("method", "")
        limit = self.limit(path)
        length = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if length is not None:
            if not length.strip().isdigit():
                log.warning("web: %s %s from %s: bad Content-Length refused (400)", method, path, _client(scope))
                await _refuse(send, 400, "bad Content-Length")
                return
            if int(length) > limit:
                log.warning(
                    "web: %s %s from %s: body of %s bytes over the %d-byte limit refused (413)",
                    method, path, _client(scope), int(length), limit,
                )  # fmt: skip
                await _refuse(send, 413, "request body too large")
                return
        body = bytearray()
        disconnected = False
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                disconnected = True
                break
            body += message.get("body", b"")
            if len(body) > limit:
                log.warning(
                    "web: %s %s from %s: streamed body over the %d-byte limit refused (413)",
                    method, path, _client(scope), limit,
                )  # fmt: skip
                await _refuse(send, 413, "request body too large")
                return
            if not message.get("more_body", False):
                break
        if disconnected:
            return
        if body[:1] in (b"{", b"[") or body.lstrip()[:1] in (b"{", b"["):
            if too_deep(bytes(body)):
                log.warning(
                    "web: %s %s from %s: JSON nested deeper than %d levels refused (400)",
                    method, path, _client(scope), MAX_JSON_DEPTH,
                )  # fmt: skip
                await _refuse(send, 400, "JSON nested too deeply")
                return
        await self.app(scope, _replay(bytes(body), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: the disconnect, when it comes

    return replay
