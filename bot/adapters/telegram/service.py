"""The Telegram side of ``loaso run``: a real PTB Application fed by polling or a webhook.

Why our own getUpdates loop instead of PTB's Updater: the Updater parses a whole batch at
once, so one malformed update fails the batch and is fetched again forever. Here every
raw update is parsed on its own (``feed_raw``), a bad one is logged once and skipped, and
the offset always moves on. Both polling and the webhook end in ``feed_raw``.

Replies are queued and sent by one worker that honours ``retry_after``, retries transient
errors, follows group migrations and marks kicked groups inactive.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import Update, User
from telegram.error import InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.adapters.base import SendStatus
from bot.adapters.telegram.sender import TelegramSender
from bot.adapters.telegram.translate import ALLOWED_UPDATES, translate
from bot.config import secret
from bot.dispatcher import Capabilities
from bot.logsafe import register_secret
from bot.model import ButtonPress, Outbound, Platform
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import mark_inactive, migrate_group
from bot.store.ids import fits_bigint

log = logging.getLogger(__name__)

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
REPLY_ATTEMPTS = 4
MAX_RETRY_AFTER = 60.0


def describe(raw: Any) -> str:
    """A short, content-free description of a rejected update for the log."""
    if isinstance(raw, dict):
        keys = sorted(str(k)[:20] for k in raw)[:6]
        return f"update_id={str(raw.get('update_id'))[:20]} keys={keys}"
    return f"{type(raw).__name__}"


def insane(update: Update | None) -> str | None:
    """PTB parses leniently (a list where an id belongs passes); check what we and PTB rely on."""
    if update is None or not isinstance(update.update_id, int) or isinstance(update.update_id, bool):
        return "no update_id"
    chat, user, msg = update.effective_chat, update.effective_user, update.effective_message
    for name, value in (
        ("chat.id", chat.id if chat else 0),
        ("user.id", user.id if user else 0),
        ("message_id", msg.message_id if msg else 0),
    ):
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{name} is not an integer"
        if not fits_bigint(value):  # no BIGINT column holds it: not a real Telegram id
            return f"{name} is out of range"
    if msg is not None:
        if not isinstance(msg.date, datetime):
            return "message date is not a time"
        for field_name in ("text", "caption"):
            if getattr(msg, field_name) is not None and not isinstance(getattr(msg, field_name), str):
                return f"{field_name} is not text"
        if chat is None:
            return "message without chat"
    if update.callback_query is not None and not isinstance(update.callback_query.data, str | None):
        return "callback data is not text"
    return None


class TelegramService:
    name = "telegram"

    def __init__(self, runtime: Runtime, token: str, *, send_replies: bool = True):
        self.runtime = runtime
        register_secret(token)  # it is in every Bot API URL: never in a log line
        cfg = runtime.config.telegram
        builder = ApplicationBuilder().token(token).base_url(cfg.base_url).updater(None)
        if cfg.base_file_url:
            builder = builder.base_file_url(cfg.base_file_url)
        self.app: Application = builder.build()  # type: ignore[assignment]
        self.app.add_handler(TypeHandler(Update, self._on_update))
        self.app.add_error_handler(self._on_error)
        self.sender = TelegramSender(self.app.bot)
        self.me: User | None = None
        self.replies: asyncio.Queue[Outbound] = asyncio.Queue()
        self.send_replies = send_replies
        self.rejected = 0
        self._tasks: list[asyncio.Task[None]] = []
        self._running = False
        self._offset = 0
        runtime.senders[Platform.TELEGRAM] = self.sender

    # --- lifecycle -----------------------------------------------------------------
    async def start(self, *, poll: bool | None = None) -> None:
        try:
            await self.app.initialize()
        except InvalidToken:
            raise RuntimeError(f"Telegram refused the token in {TOKEN_ENV}") from None
        except (NetworkError, TimedOut) as exc:  # one line, never the URL (it holds the token)
            host = urlsplit(self.runtime.config.telegram.base_url).netloc
            raise RuntimeError(
                f"cannot reach the Telegram Bot API at {host} ({type(exc).__name__}): "
                f"check this machine's network, proxy and firewall, or telegram.base_url, then start again"
            ) from None
        self.me = self.app.bot.bot
        self.runtime.set_capabilities(Capabilities(reads_all_group_messages=bool(self.me.can_read_all_group_messages)))
        await self.app.start()
        self._running = True
        if self.send_replies:
            self._tasks.append(asyncio.create_task(self._reply_worker(), name="telegram-replies"))
        webhook = self.runtime.config.telegram.webhook
        if poll is None:
            poll = webhook is None
        if poll:
            await self.app.bot.delete_webhook()
            self._tasks.append(asyncio.create_task(self._poll(), name="telegram-poll"))
        elif webhook is not None:
            await self.app.bot.set_webhook(
                url=webhook.url, secret_token=self.webhook_secret(), allowed_updates=ALLOWED_UPDATES
            )
        log.info("telegram: @%s started (%s)", self.me.username, "polling" if poll else "webhook")

    async def stop(self) -> None:
        self._running = False
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        if self.app.running:
            await self.app.stop()  # processes what is already queued first
        await self._confirm_offset()
        await self.app.shutdown()

    async def _confirm_offset(self) -> None:
        """Tell Telegram which updates we handled, or it sends them again after a restart."""
        if not self._offset:
            return
        try:
            await self.app.bot.do_api_request(
                "getUpdates", api_kwargs={"offset": self._offset, "limit": 1, "timeout": 0}
            )
        except TelegramError as exc:
            log.warning("telegram: could not confirm handled updates (%s); some may repeat", type(exc).__name__)

    def healthy(self) -> bool:
        return self._running and all(not t.done() for t in self._tasks)

    def routes(self) -> list[BaseRoute]:
        webhook = self.runtime.config.telegram.webhook
        if webhook is None:
            return []
        return [Route(webhook.path, self._webhook, methods=["POST"])]

    def webhook_secret(self) -> str:
        value = secret(WEBHOOK_SECRET_ENV)
        if not value:
            raise RuntimeError(f"telegram.webhook is configured: set {WEBHOOK_SECRET_ENV}")
        return value

    # --- input ---------------------------------------------------------------------
    def parse(self, raw: Any) -> Update | None:
        """A raw Bot API update → PTB Update, or None (logged once) when it is malformed."""
        try:
            if not isinstance(raw, dict):
                raise TypeError("not an object")
            update = Update.de_json(raw, self.app.bot)
            problem = insane(update)
            if problem:
                raise ValueError(problem)
            return update
        except Exception as exc:
            self.rejected += 1
            log.warning("telegram: rejected malformed update (%s): %s", describe(raw), type(exc).__name__)
            return None

    async def feed_raw(self, raw: Any) -> bool:
        """The one entry point for a raw Bot API update (polling, webhook): queued for PTB."""
        update = self.parse(raw)
        if update is None:
            return False
        await self.app.update_queue.put(update)
        return True

    async def process_raw(self, raw: Any) -> bool:
        """Like ``feed_raw`` but processed before returning (tests and benchmarks)."""
        update = self.parse(raw)
        if update is None:
            return False
        await self.app.process_update(update)
        return True

    async def _poll(self) -> None:
        timeout = self.runtime.config.telegram.poll_timeout
        backoff = 1.0
        while self._running:
            try:
                batch = await self.app.bot.do_api_request(
                    "getUpdates",
                    api_kwargs={"offset": self._offset, "timeout": timeout, "allowed_updates": ALLOWED_UPDATES},
                    read_timeout=timeout + 10,
                )
                backoff = 1.0
            except TelegramError as exc:
                log.warning("telegram: getUpdates failed (%s); retrying in %.0f s", type(exc).__name__, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 60.0)
                continue
            for raw in batch if isinstance(batch, list) else []:
                uid = raw.get("update_id") if isinstance(raw, dict) else None
                if isinstance(uid, int):
                    self._offset = max(self._offset, uid + 1)
                await self.feed_raw(raw)

    async def _webhook(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.webhook_secret().encode()):
            log.warning("telegram: webhook request with a wrong secret token from %s", request.client)
            return JSONResponse({"ok": False}, status_code=401)
        try:
            raw = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            log.warning("telegram: webhook body is not JSON")
            return JSONResponse({"ok": False}, status_code=400)
        accepted = await self.feed_raw(raw)
        return JSONResponse({"ok": accepted}, status_code=200 if accepted else 400)

    # --- processing ----------------------------------------------------------------
    async def _on_update(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert self.me is not None
        try:
            events = translate(update, self.me)
        except Exception as exc:  # a malformed update PTB let through: one line, no traceback
            self.rejected += 1
            log.warning("telegram: could not translate update %s (%s)", update.update_id, type(exc).__name__)
            return
        for event in events:
            outs = await self.runtime.dispatcher.feed(event)
            if isinstance(event, ButtonPress) and event.callback_id:
                note = next((o.answer_callback for o in outs if o.answer_callback), None)
                await self._answer_callback(event.callback_id, note)
            for out in outs:
                if out.text:
                    self.replies.put_nowait(out)

    async def _answer_callback(self, callback_id: str, text: str | None) -> None:
        try:
            await self.app.bot.answer_callback_query(callback_id, text=text)
        except TelegramError as exc:
            log.info("telegram: answerCallbackQuery failed: %s", exc)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        uid = getattr(update, "update_id", None)
        log.error("telegram: error while handling update %s", uid, exc_info=context.error)

    async def _reply_worker(self) -> None:
        while True:
            out = await self.replies.get()
            try:
                await self.deliver(out)
            except Exception:
                log.exception("telegram: reply to %s failed", out.chat.id)
            finally:
                self.replies.task_done()

    async def deliver(self, out: Outbound) -> bool:
        """Send one reply, with bounded retries; follow migrations, retire kicked groups."""
        for attempt in range(REPLY_ATTEMPTS):
            result = await self.sender.send(out)
            if result.ok:
                return True
            if result.status is SendStatus.RETRY_AFTER:
                await asyncio.sleep(min(result.retry_after, MAX_RETRY_AFTER))
            elif result.status is SendStatus.TRANSIENT:
                await asyncio.sleep(min(2**attempt, 30))
            elif result.status is SendStatus.MIGRATED and result.new_chat_id is not None:
                await self.runtime.dispatcher.flush()
                async with self.runtime.store.session() as s:
                    await migrate_group(s, Platform.TELEGRAM, out.chat.id, result.new_chat_id, utcnow())
                out = replace(out, chat=replace(out.chat, id=result.new_chat_id), reply_to=None)
            elif result.status is SendStatus.GONE:
                async with self.runtime.store.session() as s:
                    await mark_inactive(s, Platform.TELEGRAM, out.chat.id, utcnow())
                log.info("telegram: chat %s is gone (%s); marked inactive", out.chat.id, result.error)
                return False
            else:
                log.warning("telegram: reply to %s rejected: %s", out.chat.id, result.error)
                return False
        return False
