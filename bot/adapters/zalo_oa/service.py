"""``ZaloOAService``: the Official Account inside ``loaso run``.

Webhook ``POST /webhooks/zalo-oa`` on the bot's web server. Order of checks, all before
anything is processed: JSON parses (else 400), ``X-ZEvent-Signature`` matches over the
raw body (else 401), the event is fresh (else 401), the event is new (``msg_id`` claimed
in the database, else acknowledged and dropped). Zalo wants an answer within 2 seconds,
so the event is handled in a background task after the 200; ``drain()`` waits for them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot.adapters.zalo_oa import signature
from bot.adapters.zalo_oa.client import ZaloOAClient
from bot.adapters.zalo_oa.events import followers_chat, translate
from bot.adapters.zalo_oa.sender import ZaloOASender
from bot.adapters.zalo_oa.tokens import ReauthRequired, TokenManager
from bot.adapters.zalo_secrets import OASecrets, oa_secrets
from bot.model import Event, Platform
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.groups import ensure_group
from bot.store.zalo import claim_event, purge_seen

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/zalo-oa"
HTTP_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class ZaloOAService:
    name = "zalo_oa"

    def __init__(
        self,
        runtime: Runtime,
        *,
        secrets: OASecrets | None = None,
        http: httpx.AsyncClient | None = None,
        clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
    ):
        cfg = runtime.config.zalo_oa
        if cfg is None:
            raise ValueError("zalo_oa is not configured")
        self.runtime = runtime
        self.cfg = cfg
        self.secrets = secrets or oa_secrets()  # MissingSecret (a ConfigError) names the variable
        self._own_http = http is None
        self.http = http or httpx.AsyncClient(timeout=HTTP_TIMEOUT)
        self.clock_ms = clock_ms
        self.tokens = TokenManager(
            runtime.store,
            self.http,
            oauth_url=cfg.oauth_url,
            app_id=cfg.app_id,
            oa_id=cfg.oa_id,
            app_secret=self.secrets.app_secret,
            env_refresh_token=self.secrets.refresh_token,
            on_reauth=self._report_reauth,
        )
        self.client = ZaloOAClient(self.http, cfg.base_url, self.tokens)
        self.sender = ZaloOASender(self.client, store=runtime.store, followers_title=self._followers_title())
        runtime.senders[Platform.ZALO_OA] = self.sender
        self._tasks: set[asyncio.Task[None]] = set()
        self._reauth = False
        self.rejected = 0  # forged, stale or malformed webhook calls (for health/tests)

    def _followers_title(self) -> str | None:
        code = self.cfg.followers_hamlet
        if code is None:
            return None
        hamlet = self.runtime.config.hamlet(code)
        return self.runtime.texts.render("zalo/followers_title.txt.j2", place=hamlet.name if hamlet else None)

    # --- Service protocol -------------------------------------------------------------
    async def start(self) -> None:
        now = utcnow()
        await purge_seen(self.runtime.store, now)
        if self.cfg.followers_hamlet is not None:
            async with self.runtime.store.session() as s:
                group = await ensure_group(s, followers_chat(self.cfg.oa_id), now)
                group.hamlet_code = self.cfg.followers_hamlet
        self._reauth = await self.tokens.needs_reauth()
        if self._reauth:
            log.error("Zalo OA needs re-authorisation: replies and bulletins through the OA are paused")
        log.info("Zalo OA webhook at %s (OA %s)", WEBHOOK_PATH, self.cfg.oa_id)

    async def stop(self) -> None:
        await self.drain()
        if self._own_http:
            await self.http.aclose()

    def healthy(self) -> bool:
        return not self._reauth

    def routes(self) -> list[BaseRoute]:
        return [Route(WEBHOOK_PATH, self.webhook, methods=["POST"])]

    # --- webhook ----------------------------------------------------------------------
    async def webhook(self, request: Request) -> JSONResponse:
        raw = await request.body()
        where = request.client.host if request.client else "?"
        try:
            payload: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            payload = None
        if not isinstance(payload, dict):
            self.rejected += 1
            log.warning("Zalo OA webhook from %s: body is not a JSON object (400)", where)
            return JSONResponse({"ok": False, "error": "malformed JSON"}, status_code=400)
        timestamp = str(payload.get("timestamp") or request.headers.get("timestamp") or "")
        header = request.headers.get(signature.HEADER)
        if not signature.verify(self.cfg.app_id, raw, timestamp, self.secrets.oa_secret_key, header):
            self.rejected += 1
            log.warning("Zalo OA webhook from %s: bad or missing %s (401)", where, signature.HEADER)
            return JSONResponse({"ok": False, "error": "bad signature"}, status_code=401)
        if not timestamp.isdigit() or not signature.fresh(int(timestamp), self.clock_ms()):
            self.rejected += 1
            log.warning("Zalo OA webhook from %s: stale or future timestamp %s (401)", where, timestamp[:20])
            return JSONResponse({"ok": False, "error": "stale event"}, status_code=401)
        parsed = translate(payload, oa_id=self.cfg.oa_id, now=utcnow())
        if parsed.event is None:
            log.debug("Zalo OA event %s ignored", parsed.name)
            return JSONResponse({"ok": True, "handled": False})
        if not await claim_event(self.runtime.store, Platform.ZALO_OA.value, parsed.key, utcnow()):
            log.info("Zalo OA event %s %s already handled: ignored", parsed.name, parsed.key)
            return JSONResponse({"ok": True, "duplicate": True})
        self._spawn(parsed.event)
        return JSONResponse({"ok": True})

    def _spawn(self, event: Event) -> None:
        task = asyncio.create_task(self.handle(event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def handle(self, event: Event) -> None:
        """Feed one event to the dispatcher and send its replies; never raises."""
        try:
            for out in await self.runtime.dispatcher.feed(event):
                result = await self.sender.send(out)
                if not result.ok:
                    log.warning("Zalo OA reply not sent: %s %s", result.status.value, result.error)
        except Exception:
            log.exception("Zalo OA event handling failed")

    async def drain(self) -> None:
        """Wait until every event accepted so far has been handled."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    # --- re-authorisation -------------------------------------------------------------
    async def _report_reauth(self, error: ReauthRequired) -> None:
        from bot.notify import notify_leaders

        self._reauth = True
        text = self.runtime.texts.render("zalo/reauth.txt.j2", code=error.code, oa_name=None)
        await notify_leaders(self.runtime, text)
