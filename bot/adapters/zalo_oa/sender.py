"""``ZaloOASender``: the OA's way out, for replies and for the broadcast outbox.

Private chats get consultation messages (``/v3.0/oa/message/cs``, allowed within 48 h of
the person's last message); OA groups get ``/v3.0/oa/group/message``. Zalo has no
formatting, so HTML is turned into plain text, then split at the text limit. Zalo's
answers become a ``SendResult``: 429, quota errors and a pending re-authorisation →
``retry_after``, 5xx and timeouts → ``transient``, a person or group that is gone →
``gone``, the rest → ``rejected``.

Followers (the pseudo-group ``followers:<oa_id>``) get one broadcast ('tin truyền thông')
each, only when ``zalo_oa.followers_hamlet`` is configured; who already got a text is
recorded, so a broadcast resumed after a quota error messages nobody twice.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.adapters.base import SendResult, SendStatus, not_available, split_text
from bot.adapters.zalo.buttons import ButtonMemory, plain_text
from bot.adapters.zalo_oa.client import CS_MESSAGE, GROUP_MESSAGE, TOKEN_INVALID, ZaloAPIError, ZaloOAClient
from bot.adapters.zalo_oa.events import is_followers_chat
from bot.adapters.zalo_oa.tokens import ReauthRequired, TokenRefreshFailed
from bot.model import ChatId, Outbound, Platform
from bot.store.db import Store, utcnow
from bot.store.groups import find_group
from bot.store.tables import Membership, Person
from bot.store.zalo import fanout_done, mark_fanout
from bot.texts import Texts, default_texts

log = logging.getLogger(__name__)

# Zalo OA text messages: at most 2000 characters (Open API v3, "tin tư vấn").
OA_TEXT_LIMIT = 2000
RATE_LIMITED = frozenset({-32})  # "your application reached limit call api"
PERSON_QUOTA = -218  # this one person's receive quota is used up (not the OA's)
OUT_OF_QUOTA = frozenset({-211, PERSON_QUOTA})  # OA quota / this person's receive quota
NIGHT_BLOCKED = -234  # broadcasts are not delivered 22:00–06:00 Vietnam time
GONE_ERRORS = frozenset({-213, -217, -227, -237, -403})  # not a follower, banned, group disabled, OA not in group
DEFAULT_RETRY_AFTER = 60.0  # seconds, when a 429 has no Retry-After
QUOTA_RETRY_AFTER = 3600.0
REAUTH_RETRY_AFTER = 3600.0  # seconds; waiting for a person to re-authorise the OA
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def classify(exc: Exception, sent: tuple[ChatId, ...] = (), now: Callable[[], datetime] = utcnow) -> SendResult:
    """Map a failed call to what the caller should do next."""
    if isinstance(exc, ReauthRequired):  # a person must act: wait long, never give the bulletin up
        return SendResult(SendStatus.RETRY_AFTER, sent, retry_after=REAUTH_RETRY_AFTER, error=str(exc)[:200])
    if isinstance(exc, TokenRefreshFailed):
        return SendResult(SendStatus.TRANSIENT, sent, error=str(exc)[:200])
    if not isinstance(exc, ZaloAPIError):
        return SendResult(SendStatus.TRANSIENT, sent, error=type(exc).__name__)
    error = str(exc)[:300]
    if exc.http_status == 429 or exc.code in RATE_LIMITED:
        return SendResult(SendStatus.RETRY_AFTER, sent, retry_after=exc.retry_after or DEFAULT_RETRY_AFTER, error=error)
    if exc.code in OUT_OF_QUOTA:
        return SendResult(SendStatus.RETRY_AFTER, sent, retry_after=exc.retry_after or QUOTA_RETRY_AFTER, error=error)
    if exc.code == NIGHT_BLOCKED:
        return SendResult(SendStatus.RETRY_AFTER, sent, retry_after=_seconds_until_6am(now()), error=error)
    if exc.http_status is None or exc.http_status >= 500 or exc.code in TOKEN_INVALID:
        return SendResult(SendStatus.TRANSIENT, sent, error=error)
    if exc.code in GONE_ERRORS:
        return SendResult(SendStatus.GONE, sent, error=error)
    return SendResult(SendStatus.REJECTED, sent, error=error)


def fanout_key(chat_id: str, parts: list[str], meta: Mapping[str, str]) -> str:
    """Who already got this delivery is recorded under this key. With the outbox's
    ``meta["delivery_id"]`` (and ``"part"``) each delivery is its own fan-out, so the same
    text sent again later reaches everyone again; without it, chat id + text (old behaviour)."""
    fields = [chat_id, *parts]
    delivery = meta.get("delivery_id")
    if delivery:
        fields = [chat_id, "delivery", str(delivery), str(meta.get("part", "")), *parts]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()[:40]


def _seconds_until_6am(now_utc: datetime) -> float:
    local = now_utc.replace(tzinfo=ZoneInfo("UTC")).astimezone(VN)
    target = local.replace(hour=6, minute=0, second=0, microsecond=0)
    if target <= local:
        target += timedelta(days=1)
    return (target - local).total_seconds()


class ZaloOASender:
    platform = Platform.ZALO_OA

    def __init__(
        self,
        client: ZaloOAClient,
        *,
        store: Store,
        followers_title: str | None = None,
        clock: Callable[[], datetime] = utcnow,
        texts: Texts | None = None,
    ):
        self.client = client
        self.texts = texts or default_texts()
        self.buttons = ButtonMemory()  # numbered choices offered in private chats
        self.store = store
        # None: follower broadcasts are not configured and are refused.
        self.followers_title = followers_title
        self.clock = clock

    async def send(self, out: Outbound) -> SendResult:
        if out.action:  # the OA API cannot delete members' messages or mute them
            return not_available(out, self.platform)
        text = plain_text(out, self.texts, self.buttons)
        if not text:
            return SendResult(SendStatus.REJECTED, error="empty message")
        parts = split_text(text, OA_TEXT_LIMIT)
        if is_followers_chat(out.chat.id):
            return await self._to_followers(out.chat.id, parts, out.meta)  # type: ignore[arg-type]
        if out.chat.is_private:
            path, recipient = CS_MESSAGE, {"user_id": str(out.chat.id)}
        else:
            path, recipient = GROUP_MESSAGE, {"group_id": str(out.chat.id)}
        sent: list[ChatId] = []
        for part in parts:
            try:
                message_id = await self.client.send_text(path, recipient, part)
            except Exception as exc:
                result = classify(exc, tuple(sent), self.clock)
                log.warning("Zalo OA send to %s failed: %s (%s)", out.chat.id, result.status.value, result.error)
                return result
            sent.append(message_id or "")
        return SendResult(SendStatus.SENT, tuple(sent))

    async def _to_followers(self, chat_id: str, parts: list[str], meta: Mapping[str, str]) -> SendResult:
        if self.followers_title is None:
            return SendResult(SendStatus.REJECTED, error="follower broadcasts are off (zalo_oa.followers_hamlet unset)")
        key = fanout_key(chat_id, parts, meta)
        done = await fanout_done(self.store, key)
        followers = [u for u in await self._followers(chat_id) if u not in done]
        delivered = 0
        for user_id in followers:
            for part in parts:
                try:
                    await self.client.send_promotion(user_id, self.followers_title, part)
                except Exception as exc:
                    if isinstance(exc, ZaloAPIError) and exc.code == PERSON_QUOTA and exc.http_status != 429:
                        # Only this follower can take no more: skip them, the fan-out goes on.
                        log.info("follower %s skipped: their receive quota is used up", user_id)
                        break
                    result = classify(exc, (), self.clock)
                    if result.status in (SendStatus.RETRY_AFTER, SendStatus.TRANSIENT):
                        log.warning("follower broadcast paused after %s: %s", delivered, result.error)
                        return result  # progress is saved: resume later
                    log.info("follower %s skipped: %s", user_id, result.status.value)
                    break
            else:
                delivered += 1
            await mark_fanout(self.store, key, user_id, self.clock())
        log.info("follower broadcast: %s delivered, %s already done", delivered, len(done))
        return SendResult(SendStatus.SENT, (f"{delivered} followers",))

    async def _followers(self, chat_id: str) -> list[str]:
        async with self.store.session() as s:
            group = await find_group(s, Platform.ZALO_OA, chat_id)
            if group is None:
                return []
            rows = await s.execute(
                select(Person.external_id)
                .join(Membership, Membership.person_id == Person.id)
                .where(Membership.group_id == group.id, Membership.active.is_(True), Person.external_id.is_not(None))
                .order_by(Person.id)
            )
            return [r for r in rows.scalars() if r]
