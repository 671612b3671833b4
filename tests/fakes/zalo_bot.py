"""A fake Zalo Bot Platform API (Starlette): ``/bot<TOKEN>/<method>``, ``{ok, result}`` bodies.

getUpdates hands out queued updates (no offset, like Zalo: the same update may be queued
twice) and answers 408 after a short wait when there are none. sendMessage enforces the
2000-character limit and records what was sent; failures can be scripted.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

BOT_TOKEN = "1459232241454765289:secret-bot-token-XYZ"
WEBHOOK_SECRET = "webhook-secret-for-tests"


@dataclass
class FakeZaloBot:
    token: str = BOT_TOKEN
    updates: list[Any] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # for sendMessage
    webhook: dict[str, Any] | None = None
    methods: list[str] = field(default_factory=list)
    can_join_groups: bool = True
    get_me_failures: int = 0  # answer getMe with a 502 this many times first

    async def dispatch(self, request: Request) -> JSONResponse:
        if request.path_params["token"] != self.token:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        method = request.path_params["method"]
        self.methods.append(method)
        try:
            body = await request.json()
        except ValueError:
            body = {}
        if method == "getMe" and self.get_me_failures > 0:
            self.get_me_failures -= 1
            return JSONResponse({"ok": False, "error_code": 502, "description": "Bad Gateway"}, status_code=502)
        if method == "getMe":
            me = {
                "id": "1459232241454765289",
                "account_name": "bot.LoaSo",
                "display_name": "Loa Số",
                "account_type": "BASIC",
                "can_join_groups": self.can_join_groups,
            }
            return JSONResponse({"ok": True, "result": me})
        if method == "getUpdates":
            if not self.updates:
                await asyncio.sleep(min(float(body.get("timeout") or 0), 0.1))
            if not self.updates:
                return JSONResponse({"ok": False, "error_code": 408, "description": "Request timeout"}, status_code=408)
            return JSONResponse({"ok": True, "result": self.updates.pop(0)})
        if method == "setWebhook":
            self.webhook = body
            return JSONResponse({"ok": True, "result": {"url": body.get("url"), "updated_at": 1749538250568}})
        if method == "getWebhookInfo":
            url = (self.webhook or {}).get("url") or ""
            return JSONResponse({"ok": True, "result": {"url": url, "updated_at": 1749538250568}})
        if method == "deleteWebhook":
            self.webhook = None
            return JSONResponse({"ok": True, "result": {"url": "", "updated_at": 1749538250568}})
        if method == "sendMessage":
            if self.failures:
                status, failure = self.failures.pop(0)
                return JSONResponse(failure, status_code=status)
            text = body.get("text") or ""
            if not (1 <= len(text) <= 2000):
                return JSONResponse({"ok": False, "error_code": 400, "description": "text is invalid"}, status_code=400)
            self.sent.append(body)
            return JSONResponse({"ok": True, "result": {"message_id": f"b{len(self.sent)}", "date": 1749632637199}})
        return JSONResponse({"ok": False, "error_code": 404, "description": "method not found"}, status_code=404)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/bot{token}/{method}", self.dispatch, methods=["POST", "GET"])])

    def texts_to(self, chat_id: str) -> list[str]:
        return [m["text"] for m in self.sent if m.get("chat_id") == chat_id]


def text_update(
    message_id: str,
    chat_id: str,
    user_id: str,
    text: str,
    *,
    group: bool = False,
    name: str = "Cô Tư",
    date_ms: int = 1_764_000_000_000,
) -> dict[str, Any]:
    return {
        "event_name": "message.text.received",
        "message": {
            "message_id": message_id,
            "date": date_ms,
            "text": text,
            "chat": {"id": chat_id, "chat_type": "GROUP" if group else "PRIVATE"},
            "from": {"id": user_id, "display_name": name, "is_bot": False},
        },
    }
