"""``ZaloOAService``: the Official Account inside ``loaso run``.

Webhook ``POST /webhooks/zalo-oa`` on the bot's web server. Order of checks, all before
anything is processed: JSON parses (else 400), ``X-ZEvent-Signature`` matches over the
raw body (else 401), the event is fresh (else 401). Then it is stored in the inbox
(``bot.store.inbox``), unique on its ``msg_id`` / event key, and only then answered 200:
Zalo wants the answer within 2 seconds, and one INSERT is well within that. A retry of an
event already stored is recognised: if it is still waiting it is answered once, when its
turn comes; if it was answered, the retry is acknowledged and dropped. The inbox worker
processes stored events in arrival order per chat and sends replies from the database;
``drain()`` waits for both.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot import metrics
from bot.adapters.zalo.secrets import OA_REFRESH_TOKEN, MissingSecret, OASecrets, oa_secrets
from bot.adapters.zalo_oa import signature
from bot.adapters.zalo_oa.client import ZaloOAClient
from bot.adapters.zalo_oa.events import followers_chat, translate
from bot.adapters.zalo_oa.sender import ZaloOASender
from bot.adapters.zalo_oa.tokens import ReauthRequired, TokenManager, TokenRefreshFailed
from bot.inbox.worker import InboxWorker
from bot.media.fetch import UrlFetcher
from bot.model import ChatRef, Event, InboundMessage, MemberEvent, Platform
from bot.runtime import Runtime
from bot.store import groups
from bot.store.db import utcnow
from bot.store.groups import ensure_group, find_group
from bot.store.ids import unstorable_id
from bot.store.inbox import Incoming
from bot.store.zalo import ZaloToken, purge_seen

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/zalo-oa"
HTTP_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
# How often an idle bot checks its access token, so it is refreshed before it expires even
# when nothing is sent (and the 3-month refresh token keeps rotating).
TOKEN_CHECK_SECONDS = 15 * 60
MAX_BODY = 256 * 1024  # bytes; Zalo events are a few hundred bytes


class ZaloOAService:
    name = "zalo_oa"

    def __init__(
        self,
        runtime: Runtime,
        *,
        secrets: OASecrets | None = None,
        http: httpx.AsyncClient | None = None,
        clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
        token_check_seconds: float = TOKEN_CHECK_SECONDS,  # 0: no background check (tests drive it)
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
        self.token_check_seconds = token_check_seconds
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
        self.sender = ZaloOASender(
            self.client, store=runtime.store, followers_title=self._followers_title(), texts=runtime.texts
        )
        runtime.senders[Platform.ZALO_OA] = self.sender
        runtime.dispatcher.fetchers[Platform.ZALO_OA] = UrlFetcher(also_host=httpx.URL(cfg.base_url).host)
        self.inbox = InboxWorker(runtime, Platform.ZALO_OA, self.sender, self._decode, notes_as_messages=True)
        self._keeper: asyncio.Task[None] | None = None
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
        async with self.runtime.store.session() as s:
            token_row = await s.get(ZaloToken, self.cfg.oa_id)
            followers = await find_group(s, Platform.ZALO_OA, followers_chat(self.cfg.oa_id).id)
            if self.cfg.followers_hamlet is not None:
                followers = followers or await ensure_group(s, followers_chat(self.cfg.oa_id), now)
                followers.hamlet_code = self.cfg.followers_hamlet
                followers.active = True
            else:
                # Follower bulletins switched off: no deliveries for it (not even for "all").
                # Created now if need be, so the first follow event finds it already inactive.
                followers = followers or await ensure_group(s, followers_chat(self.cfg.oa_id), now)
                followers.hamlet_code = None
                followers.active = False
            if followers is not None and not followers.title:  # how the dashboard and figures name it
                followers.title = self.runtime.texts.render("zalo/followers_group_title.txt.j2")
        groups.changed()
        if token_row is None and self.secrets.refresh_token is None:
            raise MissingSecret(
                [f"{OA_REFRESH_TOKEN}: environment variable is required for the first start of zalo_oa"]
            )
        self._reauth = bool(token_row and token_row.needs_reauth)
        if self._reauth:
            log.error("Zalo OA needs re-authorisation: replies and bulletins through the OA are paused")
        if self.token_check_seconds:
            self._keeper = asyncio.create_task(self._keep_token_fresh())
        await self.inbox.start()  # what an earlier run left is processed and sent first
        log.info("Zalo OA webhook at %s (OA %s)", WEBHOOK_PATH, self.cfg.oa_id)

    async def refresh_if_due(self) -> None:
        """Refresh the access token now if it expires within the margin; never raises."""
        try:
            await self.tokens.access_token()
        except ReauthRequired:
            self._reauth = True
        except TokenRefreshFailed as exc:
            log.warning("Zalo OA token check failed (will retry): %s", exc)
        else:
            self._reauth = False

    async def _keep_token_fresh(self) -> None:
        while True:
            try:
                await self.refresh_if_due()
            except Exception:  # e.g. the database is briefly away: try again next round
                log.exception("Zalo OA token check failed")
            await asyncio.sleep(self.token_check_seconds)

    async def stop(self) -> None:
        if self._keeper is not None:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
            self._keeper = None
        await self.inbox.stop()
        if self._own_http:
            await self.http.aclose()

    def healthy(self) -> bool:
        return not self._reauth and self.inbox.healthy()

    def routes(self) -> list[BaseRoute]:
        return [Route(WEBHOOK_PATH, self.webhook, methods=["POST"])]

    # --- webhook ----------------------------------------------------------------------
    async def webhook(self, request: Request) -> JSONResponse:
        raw = await request.body()
        where = request.client.host if request.client else "?"
        if len(raw) > MAX_BODY:
            self.rejected += 1
            log.warning("Zalo OA webhook from %s: body of %s bytes refused (413)", where, len(raw))
            metrics.webhook_rejected("zalo_oa", "too_large")
            return JSONResponse({"ok": False, "error": "body too large"}, status_code=413)
        try:
            payload: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            payload = None
        if not isinstance(payload, dict):
            self.rejected += 1
            log.warning("Zalo OA webhook from %s: body is not a JSON object (400)", where)
            metrics.webhook_rejected("zalo_oa", "malformed")
            return JSONResponse({"ok": False, "error": "malformed JSON"}, status_code=400)
        timestamp = str(payload.get("timestamp") or request.headers.get("timestamp") or "")
        header = request.headers.get(signature.HEADER)
        if not signature.verify(self.cfg.app_id, raw, timestamp, self.secrets.oa_secret_key, header):
            self.rejected += 1
            log.warning("Zalo OA webhook from %s: bad or missing %s (401)", where, signature.HEADER)
            metrics.webhook_rejected("zalo_oa", "signature")
            return JSONResponse({"ok": False, "error": "bad signature"}, status_code=401)
        if not timestamp.isdigit() or not signature.fresh(int(timestamp), self.clock_ms()):
            self.rejected += 1
            log.warning("Zalo OA webhook from %s: stale or future timestamp %s (401)", where, timestamp[:20])
            metrics.webhook_rejected("zalo_oa", "stale")
            return JSONResponse({"ok": False, "error": "stale event"}, status_code=401)
        parsed = translate(payload, oa_id=self.cfg.oa_id, now=utcnow())
        if parsed.event is None:
            log.debug("Zalo OA event %s ignored", parsed.name)
            return JSONResponse({"ok": True, "handled": False})
        event = parsed.event
        problem = unstorable_id(event)
        if problem is not None:  # a forged or broken id no column can hold: acknowledged, dropped, one line
            log.warning("Zalo OA event %s dropped: %s", parsed.name, problem)
            return JSONResponse({"ok": True, "handled": False})
        chat = event.chat if isinstance(event, InboundMessage | MemberEvent) else None
        try:
            new = await self.inbox.accept([Incoming(parsed.key, str(chat.id) if chat else "", payload)])
        except Exception:
            log.exception("Zalo OA event %s could not be stored (503; Zalo will retry)", parsed.name)
            return JSONResponse({"ok": False, "error": "try again"}, status_code=503)
        if not new:
            log.info("Zalo OA event %s %s already stored: acknowledged", parsed.name, parsed.key)
            return JSONResponse({"ok": True, "duplicate": True})
        return JSONResponse({"ok": True})

    async def _decode(self, _key: str, raw: str, session: AsyncSession) -> list[Event]:
        """A stored webhook body → the event to feed (called by the inbox worker)."""
        payload = json.loads(raw)
        event = translate(payload, oa_id=self.cfg.oa_id, now=utcnow()).event
        if event is None:
            return []
        chat = event.chat if isinstance(event, InboundMessage | MemberEvent) else None
        storable = unstorable_id(event) is None  # else the dispatcher drops it with one line
        if storable and chat is not None and not chat.is_private and not str(chat.id).startswith("followers:"):
            await self._mark_oa_group(session, chat)
        if isinstance(event, InboundMessage):
            event = self.sender.buttons.press(event) or event  # "2" answers a numbered choice
        return [event]

    async def _mark_oa_group(self, s: AsyncSession, chat: ChatRef) -> None:
        """The OA owns its GMF groups and receives every message there, like a Telegram bot
        that is an administrator: record that, so handlers know it sees all. Any event from
        the group also proves the OA is in it, so a group marked inactive after a "gone"
        error (possibly by another process) is active again. Checked on every group event:
        no in-process memory, which could not see another process's change. Written in the
        inbox transaction of the event."""
        group = await ensure_group(s, chat, utcnow())
        if not group.bot_is_admin or not group.active:
            group.bot_is_admin = True
            group.active = True
            group.updated_at = utcnow()
            groups.changed()

    async def drain(self) -> None:
        """Wait until every event stored so far has been handled and answered."""
        await self.inbox.drain()

    # --- re-authorisation -------------------------------------------------------------
    async def _report_reauth(self, error: ReauthRequired) -> None:
        from bot.notify import notify_leaders

        self._reauth = True
        text = self.runtime.texts.render("zalo/reauth.txt.j2", code=error.code, oa_name=None)
        await notify_leaders(self.runtime, text)
