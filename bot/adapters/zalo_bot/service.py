"""``ZaloBotService``: the Zalo Bot inside ``loaso run``, by webhook or by getUpdates polling.

Webhook ``POST /webhooks/zalo-bot``: the ``X-Bot-Api-Secret-Token`` header must equal
``ZALO_BOT_WEBHOOK_SECRET`` (constant-time compare, else 401); a body that is not JSON is
a 400. With ``zalo_bot.webhook_url`` set, the webhook is registered with setWebhook at
start. Polling has no offset on Zalo, so updates are deduped by ``message_id`` in the
database, exactly like webhook deliveries.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot.adapters.zalo.queue import InOrder
from bot.adapters.zalo.secrets import BotSecrets, bot_secrets
from bot.adapters.zalo_bot.client import POLL_TIMEOUT, ZaloBotClient, ZaloBotError, unwrap
from bot.adapters.zalo_bot.events import translate
from bot.adapters.zalo_bot.sender import ZaloBotSender
from bot.lease import Leased
from bot.model import InboundMessage, Platform
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.zalo import claim_event, purge_seen

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/zalo-bot"
SECRET_HEADER = "X-Bot-Api-Secret-Token"
HTTP_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
BACKOFF_MIN, BACKOFF_MAX = 1.0, 60.0  # seconds between failed getUpdates calls
MAX_BODY = 256 * 1024  # bytes; updates are a few hundred bytes


class ZaloBotService:
    name = "zalo_bot"

    def __init__(
        self,
        runtime: Runtime,
        *,
        secrets: BotSecrets | None = None,
        http: httpx.AsyncClient | None = None,
        poll_timeout: int = POLL_TIMEOUT,
    ):
        cfg = runtime.config.zalo_bot
        if cfg is None:
            raise ValueError("zalo_bot is not configured")
        self.runtime = runtime
        self.cfg = cfg
        self.secrets = secrets or bot_secrets(cfg.mode)  # MissingSecret names the variable
        self._own_http = http is None
        self.http = http or httpx.AsyncClient(timeout=HTTP_TIMEOUT)
        self.client = ZaloBotClient(self.http, cfg.base_url, self.secrets.token)
        self.sender = ZaloBotSender(self.client, runtime.texts)
        runtime.senders[Platform.ZALO_BOT] = self.sender
        self.poll_timeout = poll_timeout
        self.names: tuple[str, ...] = ()
        self.can_join_groups = False
        self._inbox: InOrder[InboundMessage] = InOrder(self.handle)
        self._poller: asyncio.Task[None] | None = None
        self._healthy = True
        self.rejected = 0

    # --- Service protocol -------------------------------------------------------------
    async def start(self) -> None:
        await purge_seen(self.runtime.store, utcnow())
        await self._identify()
        if self.cfg.mode == "polling":
            with contextlib.suppress(ZaloBotError):
                await self.client.delete_webhook()  # getUpdates does not work while a webhook is set
            # Several `loaso run` on one PostgreSQL: exactly one of them calls getUpdates.
            self._poller = asyncio.create_task(Leased(self.runtime.store, "zalo_bot:getUpdates", self._poll_loop).run())
            log.info("Zalo Bot polling getUpdates")
        else:
            if self.cfg.webhook_url and self.secrets.webhook_secret:
                try:
                    await self.client.set_webhook(self.cfg.webhook_url, self.secrets.webhook_secret)
                    log.info("Zalo Bot webhook registered")
                except ZaloBotError as exc:
                    self._healthy = False
                    log.error("Zalo Bot setWebhook failed: %s", exc)
            log.info("Zalo Bot webhook at %s", WEBHOOK_PATH)

    async def _identify(self) -> None:
        try:
            me = await self.client.get_me()
        except ZaloBotError as exc:
            self._healthy = False
            log.error("Zalo Bot getMe failed: %s", exc)
            return
        self.names = tuple(str(me[k]) for k in ("display_name", "account_name", "name") if me.get(k))
        self.can_join_groups = bool(me.get("can_join_groups"))
        self._healthy = True
        log.info("Zalo Bot %s (groups %s)", self.names[0] if self.names else "?", self.can_join_groups)

    async def stop(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None
        await self._inbox.close()
        if self._own_http:
            await self.http.aclose()

    def healthy(self) -> bool:
        return self._healthy

    def routes(self) -> list[BaseRoute]:
        return [Route(WEBHOOK_PATH, self.webhook, methods=["POST"])]

    # --- webhook ----------------------------------------------------------------------
    async def webhook(self, request: Request) -> JSONResponse:
        where = request.client.host if request.client else "?"
        given = request.headers.get(SECRET_HEADER, "")
        expected = self.secrets.webhook_secret or ""
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            self.rejected += 1
            log.warning("Zalo Bot webhook from %s: wrong or missing %s (401)", where, SECRET_HEADER)
            return JSONResponse({"ok": False, "error": "unauthorized"}, status_code=401)
        raw = await request.body()
        if len(raw) > MAX_BODY:
            self.rejected += 1
            log.warning("Zalo Bot webhook from %s: body of %s bytes refused (413)", where, len(raw))
            return JSONResponse({"ok": False, "error": "body too large"}, status_code=413)
        try:
            body: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            self.rejected += 1
            log.warning("Zalo Bot webhook from %s: body is not JSON (400)", where)
            return JSONResponse({"ok": False, "error": "malformed JSON"}, status_code=400)
        accepted = 0
        for update in unwrap(body):
            message = await self._claim(update)
            if message is not None:
                self._inbox.put(message)
                accepted += 1
        return JSONResponse({"ok": True, "accepted": accepted})

    async def _claim(self, update: dict[str, Any]) -> InboundMessage | None:
        parsed = translate(update, now=utcnow(), names=self.names)
        if parsed.message is None:
            return None
        if not await claim_event(self.runtime.store, Platform.ZALO_BOT.value, parsed.key, utcnow()):
            log.info("Zalo Bot update %s already handled: ignored", parsed.key)
            return None
        return parsed.message

    async def handle(self, message: InboundMessage) -> None:
        """Feed one message to the dispatcher and send its replies; never raises."""
        try:
            if not self.names:  # getMe failed at start: learn the bot's name (for mentions) now
                await self._identify()
            event = self.sender.buttons.press(message) or message  # "2" answers a numbered choice
            for out in await self.runtime.dispatcher.feed(event):
                result = await self.sender.send(out)
                if not result.ok:
                    log.warning("Zalo Bot reply not sent: %s %s", result.status.value, result.error)
        except Exception:
            log.exception("Zalo Bot message handling failed")

    async def drain(self) -> None:
        await self._inbox.drain()

    # --- polling ----------------------------------------------------------------------
    async def poll_once(self) -> int:
        """One getUpdates call; handles what came (in order) and returns how many were new."""
        handled = 0
        for update in await self.client.get_updates(self.poll_timeout):
            message = await self._claim(update)
            if message is not None:
                await self.handle(message)
                handled += 1
        return handled

    async def _poll_loop(self) -> None:
        delay = BACKOFF_MIN
        while True:
            try:
                await self.poll_once()
                delay = BACKOFF_MIN
                self._healthy = True
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self._healthy = False
                log.warning("Zalo Bot getUpdates failed (%s): retry in %.0f s", _safe(exc), delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, BACKOFF_MAX)


def _safe(exc: Exception) -> str:
    """ZaloBotError messages are token-free; other errors may embed a URL: show the type only."""
    return str(exc) if isinstance(exc, ZaloBotError) else type(exc).__name__
