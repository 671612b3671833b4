"""A fake Telegram Bot API server on 127.0.0.1 for tests and benchmarks.

Speaks enough of the Bot API for python-telegram-bot's real HTTP stack (``base_url``):
getMe, getUpdates (long polling over queued updates), sendMessage, answerCallbackQuery,
setWebhook/deleteWebhook/getWebhookInfo, getChatMember (the bot's status per chat).
Records every call. ``fail_with`` injects errors per chat
(429 with retry_after, 5xx, "bot was kicked", "chat not found", group migration), and
``policy`` lets a benchmark enforce flood limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

BOT_ID = 777000111
BOT_USERNAME = "loaso_test_bot"


@dataclass
class Sent:
    method: str
    params: dict[str, Any]
    at: float


@dataclass
class Failure:
    """One injected error: HTTP status and Bot API error fields."""

    status: int
    description: str
    parameters: dict[str, Any] | None = None


class FakeError(Exception):
    """Raised by a method handler to answer with a Bot API error."""

    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description


Policy = Callable[[str, dict[str, Any]], Failure | None]


@dataclass
class FakeBotAPI:
    token: str = "123456:TEST-token"
    can_read_all_group_messages: bool = False
    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Sent] = field(default_factory=list)
    failures: dict[int | str, list[Failure]] = field(default_factory=dict)
    policy: Policy | None = None
    offsets: list[int] = field(default_factory=list)  # every getUpdates offset, in order (confirmations)
    port: int = 0
    # getWebhookInfo: what Telegram knows about the webhook (setWebhook/deleteWebhook change url)
    webhook_url: str = ""
    pending_update_count: int = 0
    last_error_date: int | None = None
    last_error_message: str | None = None
    # getChatMember for the bot: chat id -> status ("administrator", "member", "left", "kicked");
    # a chat not listed answers "chat not found"
    bot_status: dict[int, str] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _update_ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)
    # file_id → bytes, served by getFile and the file URL (photos residents send)
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; assigns update_id when missing."""
        update = dict(update)
        update.setdefault("update_id", next(self._update_ids))
        self.updates.append(update)
        self._new_update.set()
        return int(update["update_id"])

    def fail_with(self, chat_id: int | str, failure: Failure, times: int = 1) -> None:
        self.failures.setdefault(chat_id, []).extend([failure] * times)

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method]

    async def wait_sent(self, count: int, method: str = "sendMessage", within: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + within
        while len(self.sent(method)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} {method}, got {len(self.sent(method))}: {self.sent(method)}")
            await asyncio.sleep(0.01)
        return self.sent(method)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/bot{token}/{method}", self._handle, methods=["GET", "POST"]),
                Route("/file/bot{token}/{path:path}", self._file, methods=["GET"]),
            ]
        )

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    def add_file(self, file_id: str, data: bytes) -> None:
        self.files[file_id] = data

    async def _file(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        data = self.files.get(request.path_params["path"].removeprefix("photos/"))
        if data is None:
            return _error(404, "Not Found")
        return Response(data, media_type="image/png")

    async def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise LookupError(file_id)
        data = self.files[file_id]
        return {"file_id": file_id, "file_unique_id": file_id, "file_size": len(data), "file_path": f"photos/{file_id}"}

    async def _params(self, request: Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query_params)
        body = await request.body()
        if not body:
            return params
        ctype = request.headers.get("content-type", "")
        if "json" in ctype:
            params.update(json.loads(body))
            return params
        form = await request.form()
        for key, value in form.items():
            if isinstance(value, str):
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    params[key] = value
        return params

    async def _handle(self, request: Request) -> JSONResponse:
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.path_params["method"]
        params = await self._params(request)
        if method != "getUpdates":
            self.calls.append(Sent(method, params, time.monotonic()))
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        if method == "sendMessage":
            failure = self._failure(params)
            if failure is not None:
                return _error(failure.status, failure.description, failure.parameters)
        try:
            result = await handler(params)
        except LookupError:
            return _error(400, "Bad Request: invalid file_id")
        except FakeError as exc:
            return _error(exc.status, exc.description)
        return JSONResponse({"ok": True, "result": result})

    def _failure(self, params: dict[str, Any]) -> Failure | None:
        chat_id = params.get("chat_id")
        queue = self.failures.get(chat_id) or self.failures.get(str(chat_id))
        if queue:
            return queue.pop(0)
        if self.policy is not None:
            return self.policy("sendMessage", params)
        return None

    async def _m_getMe(self, _: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Loa Số",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": self.can_read_all_group_messages,
            "supports_inline_queries": False,
        }

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        self.offsets.append(offset)
        timeout = float(params.get("timeout") or 0)
        pending = [u for u in self.updates if u.get("update_id", 0) >= offset]
        if not pending and timeout:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), min(timeout, 1.0))
            pending = [u for u in self.updates if u.get("update_id", 0) >= offset]
        # Updates are dropped once confirmed by a higher offset, as on Telegram.
        self.updates = pending
        return pending[:100]

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        return {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "group" if int(chat_id) < 0 else "private", "title": "g"},
            "text": params.get("text", ""),
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Loa Số", "username": BOT_USERNAME},
        }

    async def _m_answerCallbackQuery(self, _: dict[str, Any]) -> bool:
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = str(params.get("url") or "")
        return True

    async def _m_deleteWebhook(self, _: dict[str, Any]) -> bool:
        self.webhook_url = ""
        return True

    async def _m_deleteMessage(self, _: dict[str, Any]) -> bool:
        return True

    async def _m_restrictChatMember(self, _: dict[str, Any]) -> bool:
        return True

    async def _m_getWebhookInfo(self, _: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": self.pending_update_count,
        }
        if self.last_error_message:
            info["last_error_date"] = self.last_error_date or int(time.time())
            info["last_error_message"] = self.last_error_message
        return info

    async def _m_getChatMember(self, params: dict[str, Any]) -> Any:
        status = self.bot_status.get(int(params["chat_id"]))
        if status is None:
            raise FakeError(400, "Bad Request: chat not found")
        user = {"id": int(params["user_id"]), "is_bot": True, "first_name": "Loa Số", "username": BOT_USERNAME}
        member: dict[str, Any] = {"status": status, "user": user}
        if status == "administrator":
            member.update(can_be_edited=False, can_manage_chat=True, can_delete_messages=True, can_invite_users=True)
        return member


def _error(status: int, description: str, parameters: dict[str, Any] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return JSONResponse(body, status_code=status)


KICKED = Failure(403, "Forbidden: bot was kicked from the group chat")
NOT_FOUND = Failure(400, "Bad Request: chat not found")
SERVER_ERROR = Failure(502, "Bad Gateway")


def too_many(retry_after: int = 1) -> Failure:
    return Failure(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})


def migrated(new_id: int) -> Failure:
    return Failure(400, "Bad Request: group chat was upgraded to a supergroup chat", {"migrate_to_chat_id": new_id})


@contextlib.asynccontextmanager
async def serve(app: Any) -> AsyncIterator[int]:
    """Serve an ASGI app with uvicorn on a free 127.0.0.1 port in this event loop."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield port
    finally:
        server.should_exit = True
        await task


@contextlib.asynccontextmanager
async def running_fake(**kwargs: Any) -> AsyncIterator[FakeBotAPI]:
    fake = FakeBotAPI(**kwargs)
    async with serve(fake.app()) as port:
        fake.port = port
        yield fake
