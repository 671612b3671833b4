"""``ZaloBotService``: the Zalo Bot inside ``loaso run``, by webhook or by getUpdates polling.

Webhook ``POST /webhooks/zalo-bot``: the ``X-Bot-Api-Secret-Token`` header must equal
``ZALO_BOT_WEBHOOK_SECRET`` (constant-time compare, else 401); a body that is not JSON is
a 400. With ``zalo_bot.webhook_url`` set, the webhook is registered with setWebhook at
start. Polling has no offset on Zalo, so updates are deduped by ``message_id`` in the
database, exactly like webhook deliveries.

Nothing is lost (issue 11): every update is stored in the inbox (unique on its key) before
the webhook's 200, and a polled batch is stored before the next getUpdates call. The inbox
worker processes stored updates in order per chat and sends replies from the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot import metrics
from bot.adapters.zalo.secrets import BotSecrets, bot_secrets
from bot.adapters.zalo_bot.client import POLL_TIMEOUT, ZaloBotClient, ZaloBotError, unwrap
from bot.adapters.zalo_bot.events import translate
from bot.adapters.zalo_bot.sender import ZaloBotSender
from bot.inbox.worker import InboxWorker
from bot.lease import Leased
from bot.media.fetch import UrlFetcher
from bot.model import Event, Platform
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.ids import unstorable_id
from bot.store.inbox import Incoming
from bot.store.zalo import purge_seen

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
        runtime.dispatcher.fetchers[Platform.ZALO_BOT] = UrlFetcher(also_host=httpx.URL(cfg.base_url).host)
        self.poll_timeout = poll_timeout
        self.names: tuple[str, ...] = ()
        self.can_join_groups = False
        self.inbox = InboxWorker(runtime, Platform.ZALO_BOT, self.sender, self._decode, notes_as_messages=True)
        self._poller: asyncio.Task[None] | None = None
        self._healthy = True
        self.rejected = 0

    # --- Service protocol -------------------------------------------------------------
    async def start(self) -> None:
        await purge_seen(self.runtime.store, utcnow())
        await self._identify()
        await self.inbox.start()  # what an earlier run left is processed and sent first
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
        await self.inbox.stop()
        if self._own_http:
            await self.http.aclose()

    def healthy(self) -> bool:
        return self._healthy and self.inbox.healthy()

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
            metrics.webhook_rejected("zalo_bot", "secret")
            return JSONResponse({"ok": False, "error": "unauthorized"}, status_code=401)
        raw = await request.body()
        if len(raw) > MAX_BODY:
            self.rejected += 1
            log.warning("Zalo Bot webhook from %s: body of %s bytes refused (413)", where, len(raw))
            metrics.webhook_rejected("zalo_bot", "too_large")
            return JSONResponse({"ok": False, "error": "body too large"}, status_code=413)
        try:
            body: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            self.rejected += 1
            log.warning("Zalo Bot webhook from %s: body is not JSON (400)", where)
            metrics.webhook_rejected("zalo_bot", "malformed")
            return JSONResponse({"ok": False, "error": "malformed JSON"}, status_code=400)
        try:
            accepted = await self.take(unwrap(body))
        except Exception:
            log.exception("Zalo Bot updates could not be stored (503; to be sent again)")
            return JSONResponse({"ok": False, "error": "try again"}, status_code=503)
        return JSONResponse({"ok": True, "accepted": accepted})

    async def take(self, updates: list[dict[str, Any]]) -> int:
        """Store the messages among ``updates`` in the inbox (one transaction); returns how many were new.

        Only when this returns may Zalo be told they were received."""
        items = []
        for update in updates:
            parsed = translate(update, now=utcnow(), names=self.names)
            problem = unstorable_id(parsed.message) if parsed.message is not None else None
            if problem is not None:  # a forged or broken id no column can hold: dropped, one line
                log.warning("Zalo Bot update %s dropped: %s", parsed.name, problem)
            elif parsed.message is not None:
                items.append(Incoming(parsed.key, str(parsed.message.chat.id), update))
        new = await self.inbox.accept(items)
        if len(items) > new:
            log.info("Zalo Bot: %d updates already stored: acknowledged", len(items) - new)
        return new

    async def _decode(self, _key: str, raw: str, _session: AsyncSession) -> list[Event]:
        """A stored update → the message to feed (called by the inbox worker)."""
        update = json.loads(raw)
        if not self.names:  # getMe failed at start: learn the bot's name (for mentions) now
            await self._identify()
        message = translate(update, now=utcnow(), names=self.names).message
        if message is None:
            return []
        return [self.sender.buttons.press(message) or message]  # "2" answers a numbered choice

    async def drain(self) -> None:
        """Wait until every stored update is handled and answered."""
        await self.inbox.drain()

    # --- polling ----------------------------------------------------------------------
    async def poll_once(self) -> int:
        """One getUpdates call; stores what came (processed by the inbox worker); returns how many were new."""
        return await self.take(await self.client.get_updates(self.poll_timeout))

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
