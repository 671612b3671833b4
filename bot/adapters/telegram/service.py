"""The Telegram side of ``loaso run``: a real PTB Application fed by polling or a webhook.

Why our own getUpdates loop instead of PTB's Updater: the Updater parses a whole batch at
once, so one malformed update fails the batch and is fetched again forever. Here every
raw update is parsed on its own, a bad one is logged once and skipped, and the offset
always moves on.

Nothing is lost (issue 11): a webhook update is stored in the inbox before the 200, a
getUpdates batch is stored in ONE transaction before its offset is confirmed (the next
getUpdates call carries it). The inbox worker (``bot.inbox.worker``) then processes the
updates and sends the replies from the database. A button press has its callback answered
as soon as it is processed; the message it leads to is a durable reply like any other.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import Update, User
from telegram.error import InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import Application, ApplicationBuilder

from bot import metrics
from bot.adapters.telegram.media import TelegramFetcher
from bot.adapters.telegram.sender import TelegramSender
from bot.adapters.telegram.translate import ALLOWED_UPDATES, translate
from bot.config import secret
from bot.dispatcher import Capabilities
from bot.inbox.worker import InboxWorker
from bot.lease import Leased
from bot.logsafe import register_secret
from bot.model import ButtonPress, Event, Outbound, Platform
from bot.runtime import Runtime
from bot.store.ids import fits_bigint
from bot.store.inbox import Incoming

log = logging.getLogger(__name__)

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PARSED_KEPT = 5_000  # parsed updates kept for the worker (a dict lookup instead of parsing twice)


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
        self.sender = TelegramSender(self.app.bot)
        self.me: User | None = None
        self._parsed: dict[str, Update] = {}  # update_id → parsed, between storing and processing
        self.inbox = InboxWorker(runtime, Platform.TELEGRAM, self.sender, self._decode, after=self._after)
        self.send_replies = send_replies
        self.rejected = 0
        self._tasks: list[asyncio.Task[None]] = []
        self._running = False
        self._offset = 0
        self.poll_lease: Leased | None = None
        runtime.senders[Platform.TELEGRAM] = self.sender
        runtime.dispatcher.fetchers[Platform.TELEGRAM] = TelegramFetcher(self.app.bot)

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
        self._running = True
        await self.inbox.start(send=self.send_replies)  # what an earlier run left is processed and sent first
        webhook = self.runtime.config.telegram.webhook
        if poll is None:
            poll = webhook is None
        if poll:
            await self.app.bot.delete_webhook()
            # However many processes run on this token, exactly one calls getUpdates (409s otherwise).
            self.poll_lease = Leased(self.runtime.store, f"telegram:getUpdates:{self.sender.account}", self._poll)
            self._tasks.append(asyncio.create_task(self.poll_lease.run(), name="telegram-poll"))
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
        await self._confirm_offset()  # everything fetched is stored: safe to confirm
        await self.inbox.stop()
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
        return self._running and all(not t.done() for t in self._tasks) and self.inbox.healthy()

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

    def incoming(self, raw: Any) -> Incoming | None:
        """A raw update as an inbox row (its update_id, its chat), or None when malformed."""
        update = self.parse(raw)
        if update is None:
            return None
        chat = update.effective_chat
        key = str(update.update_id)
        self._parsed[key] = update  # the worker in this process need not parse it again
        while len(self._parsed) > PARSED_KEPT:
            self._parsed.pop(next(iter(self._parsed)))
        return Incoming(key, str(chat.id) if chat else "", raw)

    async def feed_raw(self, raw: Any) -> bool:
        """The one entry point for a raw Bot API update (webhook): stored in the inbox.

        Returns once the update is committed (False: malformed, not stored). A database
        error propagates, so the webhook answers 5xx and Telegram sends the update again."""
        item = self.incoming(raw)
        if item is None:
            return False
        await self.inbox.accept([item])
        return True

    async def feed_batch(self, raws: Sequence[Any]) -> int:
        """A getUpdates batch: every well-formed update stored in ONE transaction."""
        items = [i for i in (self.incoming(raw) for raw in raws) if i is not None]
        await self.inbox.accept(items)
        return len(items)

    async def process_raw(self, raw: Any) -> bool:
        """Like ``feed_raw`` but processed before returning (tests and benchmarks)."""
        if not await self.feed_raw(raw):
            return False
        await self.inbox.process_pending()
        return True

    async def drain(self) -> None:
        """Wait until every stored update is processed and every reply sent."""
        await self.inbox.drain(replies=self.send_replies)

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
            raws = batch if isinstance(batch, list) else []
            try:
                await self.feed_batch(raws)
            except Exception:
                # Not stored: do not move the offset, so Telegram hands the batch over again.
                log.exception("telegram: could not store %d updates; fetching them again", len(raws))
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 60.0)
                continue
            for raw in raws:  # confirmed by the next getUpdates call, after the commit above
                uid = raw.get("update_id") if isinstance(raw, dict) else None
                if isinstance(uid, int) and not isinstance(uid, bool):
                    self._offset = max(self._offset, uid + 1)

    async def _webhook(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.webhook_secret().encode()):
            log.warning("telegram: webhook request with a wrong secret token from %s", request.client)
            metrics.webhook_rejected("telegram", "secret")
            return JSONResponse({"ok": False}, status_code=401)
        try:
            raw = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            log.warning("telegram: webhook body is not JSON")
            metrics.webhook_rejected("telegram", "malformed")
            return JSONResponse({"ok": False}, status_code=400)
        try:
            accepted = await self.feed_raw(raw)
        except Exception:
            log.exception("telegram: could not store a webhook update; Telegram will send it again")
            return JSONResponse({"ok": False}, status_code=503)
        return JSONResponse({"ok": accepted}, status_code=200 if accepted else 400)

    # --- processing (called by the inbox worker) -----------------------------------------
    async def _decode(self, key: str, raw: str, _session: AsyncSession) -> list[Event]:
        assert self.me is not None
        update = self._parsed.pop(key, None) or Update.de_json(json.loads(raw), self.app.bot)
        try:
            return list(translate(update, self.me))
        except Exception as exc:  # a malformed update PTB let through: one line, no traceback, nothing to answer
            self.rejected += 1
            log.warning("telegram: could not translate update %s (%s)", update.update_id, type(exc).__name__)
            return []

    async def _after(self, events: list[Event], outs: list[Outbound]) -> None:
        """Answer a button press's callback at once (its message goes through the reply outbox)."""
        for event in events:
            if isinstance(event, ButtonPress) and event.callback_id:
                note = next((o.answer_callback for o in outs if o.answer_callback), None)
                await self._answer_callback(event.callback_id, note)

    async def _answer_callback(self, callback_id: str, text: str | None) -> None:
        try:
            await self.app.bot.answer_callback_query(callback_id, text=text)
        except TelegramError as exc:
            log.info("telegram: answerCallbackQuery failed: %s", exc)
