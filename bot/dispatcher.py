"""The one entry point for every event, whatever platform it came from (principle 3).

``Dispatcher.feed(event)`` opens one transaction (it only connects when a handler uses
it), resolves the group, the sender and their role, counts activity, runs the observers
registered for the event type (membership), then routes commands, plain text and button
presses to the handlers and returns what to send. A failing handler is logged and
answered with nothing; it never stops the bot.

A resident's answered messages pass ``bot.throttle.SenderThrottle``: one person flooding
the bot gets one polite notice, then silence for a while, and never fills the reply path.

Plain chat is the bulk of the traffic, so the group, person and role look-ups are cached
(``bot.store.cache``) and activity counts are written in batches (``bot.store.activity``).
Any other event drops the cached entries it may have changed.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics
from bot.config import Config
from bot.media.fetch import MediaFetcher
from bot.model import (
    BotMembership,
    ButtonPress,
    ChatMigrated,
    ChatRef,
    Event,
    InboundMessage,
    MemberEvent,
    Outbound,
    Platform,
    Role,
    UserRef,
    nfc,
)
from bot.router import Context, Router
from bot.store import groups, outage, roles
from bot.store.activity import ActivityBuffer
from bot.store.cache import MAX_GROUPS, MAX_PEOPLE, TTL_SECONDS, ExpiringLRU, GroupInfo, PersonInfo
from bot.store.db import Store, utcnow
from bot.store.groups import ensure_group, group_chat_id
from bot.store.ids import row_id, unstorable_id
from bot.store.members import ensure_person
from bot.store.roles import Grant, config_grant
from bot.store.tables import Person, RoleRow
from bot.texts import Texts, default_texts
from bot.throttle import SenderThrottle, Verdict

log = logging.getLogger(__name__)

RESIDENT = Grant("", 0, Role.RESIDENT, None, "default")


@dataclass(frozen=True)
class Capabilities:
    """What the platform account can see; from getMe on Telegram."""

    reads_all_group_messages: bool = False


class HandlerFailed(Exception):
    """A handler raised while writing into the caller's transaction (``feed(event, session)``)."""


def _key(platform: str, ident: int | str) -> tuple[str, str]:
    return (platform, str(ident))


class Dispatcher:
    def __init__(
        self,
        config: Config,
        store: Store,
        router: Router,
        texts: Texts | None = None,
        capabilities: Capabilities = Capabilities(),
    ):
        self.config = config
        self.store = store
        self.router = router
        self.texts = texts or default_texts()
        self.capabilities = capabilities
        self.activity = ActivityBuffer(store, config.tz)
        self.groups: ExpiringLRU[tuple[str, str], GroupInfo] = ExpiringLRU(MAX_GROUPS)
        self.people: ExpiringLRU[tuple[str, str], PersonInfo] = ExpiringLRU(MAX_PEOPLE)
        self._roles: dict[tuple[str, str], Grant] | None = None
        self._roles_loaded = 0.0
        self._roles_generation = -1
        self._groups_generation = groups.generation
        # Each platform adapter registers how to fetch its media (on start); handlers ask on demand.
        self.fetchers: dict[Platform, MediaFetcher] = {}
        self.throttle = SenderThrottle()
        self.database_down = False  # set while an event waits for the database (see feed)

    async def feed(self, event: Event, session: AsyncSession | None = None) -> list[Outbound]:
        """Handle one event; returns what to send.

        Without ``session`` the dispatcher opens (lazily) and commits its own transaction;
        while the database is unreachable the same event is retried with backoff (one warning
        line per try), so nothing is lost and the bot resumes by itself.
        With ``session`` (the inbox processor's transaction) every write of the handlers,
        and the activity counts, go into it and the CALLER commits: the update is marked
        done and its replies queued in that same transaction, so a crash either keeps all of
        it or none of it. A handler error is then raised (``HandlerFailed``) so the caller
        rolls back instead of committing half a handler's writes.
        """
        metrics.update_in(_platform(event).value, type(event).__name__)
        problem = unstorable_id(event)
        if problem is not None:  # a forged or broken event: no row of ours can hold it
            log.warning("dropped %s in %s: %s", type(event).__name__, _where(event)[:40], problem)
            return []
        if session is not None:
            return await self._feed_into(event, session)
        delay = outage.FIRST_DELAY
        first = True
        while True:
            try:
                return await self._feed_once(event, count=first)
            except _DatabaseDown as down:
                self.database_down = True
                log.warning(
                    "database unavailable (%s); %s in %s waits, next try in %.0f s",
                    down, type(event).__name__, _where(event), delay,
                )  # fmt: skip
                await asyncio.sleep(delay)
                delay = outage.next_delay(delay)
                first = False  # the message was counted on the first try

    async def _feed_once(self, event: Event, *, count: bool = True) -> list[Outbound]:
        if isinstance(event, MemberEvent | BotMembership | ChatMigrated):
            await self.activity.flush()  # a leave or a migration must come after the counts before it
        lazy = self.store.lazy_session()
        ok = False
        down: BaseException | None = None
        try:
            ctx = await self._context(lazy, event, count=count)  # type: ignore[arg-type]
            out = self._throttled(ctx, await self._route(ctx))
            ok = True
        except Exception as exc:
            if outage.is_outage(exc):
                down = exc
            else:
                log.exception("handler failed on %s in %s", type(event).__name__, _where(event))
            out = []
        finally:
            try:
                await lazy.finish(ok)
            except Exception as exc:
                if outage.is_outage(exc):
                    down = down or exc
                else:
                    log.exception("could not commit %s in %s", type(event).__name__, _where(event))
                out = []
        if down is not None:
            raise _DatabaseDown(type(down).__name__) from down
        if self.database_down:
            self.database_down = False
            log.warning("database reachable again: handling resumes")
        if self.activity.due():
            await self.activity.flush()
        return out

    async def _feed_into(self, event: Event, session: AsyncSession) -> list[Outbound]:
        try:
            if isinstance(event, MemberEvent | BotMembership | ChatMigrated):
                await self.activity.flush(session)
            ctx = await self._context(session, event)
            out = self._throttled(ctx, await self._route(ctx))
            if self.activity.due():
                await self.activity.flush(session)
            return out
        except Exception as exc:
            log.exception("handler failed on %s in %s", type(event).__name__, _where(event))
            self.forget()  # cached rows written in the transaction the caller now rolls back
            raise HandlerFailed(f"{type(exc).__name__} in {_where(event)}") from exc

    def forget(self) -> None:
        """Drop cached groups and people (after a rollback they may name rows that do not exist)."""
        self.groups.clear()
        self.people.clear()

    def _throttled(self, ctx: Context, out: list[Outbound]) -> list[Outbound]:
        """A resident's answer, the one notice, or nothing (see ``bot.throttle``)."""
        event = ctx.event
        if not out or not isinstance(event, InboundMessage | ButtonPress) or event.sender.is_bot:
            return out
        if ctx.role.role is not Role.RESIDENT or event.sender.platform is Platform.SHELL:
            return out  # leaders need quick dialogues; the local shell is the operator's own terminal
        verdict = self.throttle.check((event.sender.platform.value, str(event.sender.id)), time.monotonic())
        if verdict is Verdict.ANSWER:
            return out
        if verdict is Verdict.NOTICE:
            log.info("throttling %s:%s (too many messages)", event.sender.platform.value, event.sender.id)
            reply_to = event.message_id if isinstance(event, InboundMessage) else None
            return [Outbound(event.chat, self.texts.say("throttled"), reply_to=reply_to)]
        return []

    async def flush(self) -> None:
        """Write buffered activity now (shutdown, tests)."""
        await self.activity.flush()

    async def _context(self, session: AsyncSession, event: Event, *, count: bool = True) -> Context:
        now = utcnow()
        ctx = Context(event, self.config, self.store, session, self.texts, now, RESIDENT)
        if isinstance(event, InboundMessage | ButtonPress):
            chat = event.chat
            if not chat.is_private:
                ctx.group = await self._group(session, chat, now)
            person = await self._person(session, event.sender, now)
            ctx.extras["person"] = person
            ctx.role = await self._role(session, event.sender)
            ctx.sees_all = (
                chat.is_private
                or self.capabilities.reads_all_group_messages
                or bool(ctx.group is not None and ctx.group.bot_is_admin)
            )
            if count and isinstance(event, InboundMessage) and ctx.group is not None and not event.sender.is_bot:
                self.activity.add(ctx.group.id, person.id, now)
            if isinstance(event, InboundMessage) and event.media is not None:
                fetcher = self.fetchers.get(chat.platform)
                ctx.fetch_media = fetcher.fetch if fetcher is not None else None
        return ctx

    async def _group(self, session: AsyncSession, chat: ChatRef, now: datetime) -> GroupInfo:
        if self._groups_generation != groups.generation:
            self.groups.clear()
            self._groups_generation = groups.generation
        key = _key(chat.platform.value, chat.id)
        info = self.groups.get(key)
        if info is None:
            row = await ensure_group(session, chat, now)
            info = GroupInfo(
                row.id, row.platform, group_chat_id(row), row.title, row.hamlet_code, row.active, row.bot_is_admin
            )
            self.groups.put(key, info)
        return info

    async def _person(self, session: AsyncSession, user: UserRef, now: datetime) -> PersonInfo:
        key = _key(user.platform.value, user.id)
        info = self.people.get(key)
        if info is None:
            row = await ensure_person(session, user, now, keep_name=not self.config.privacy.hide_names)
            info = PersonInfo(row.id, row.display_name)
            self.people.put(key, info)
        return info

    async def _role(self, session: AsyncSession, user: UserRef) -> Grant:
        """The higher of the config role and the database role (all database roles cached together)."""
        stale = time.monotonic() - self._roles_loaded > TTL_SECONDS or self._roles_generation != roles.generation
        if self._roles is None or stale:
            rows = await session.execute(select(RoleRow, Person).join(Person, Person.id == RoleRow.person_id))
            self._roles = {
                _key(p.platform, row_id(p, "user_id")): Grant(
                    p.platform, row_id(p, "user_id"), Role(r.role), r.commune, "database"
                )
                for r, p in rows.all()
            }
            self._roles_loaded = time.monotonic()
            self._roles_generation = roles.generation
        best = config_grant(self.config, user.platform, user.id)
        stored = self._roles.get(_key(user.platform.value, user.id))
        if stored is not None and (best is None or stored.role.rank > best.role.rank):
            best = stored
        return best or RESIDENT

    async def _route(self, ctx: Context) -> list[Outbound]:
        out: list[Outbound] = []
        for observer in self.router.event_handlers.get(type(ctx.event), []):
            out.extend(await observer(ctx) or [])
        event = ctx.event
        if isinstance(event, InboundMessage):
            out.extend(await self._message(ctx, event))
        elif isinstance(event, ButtonPress):
            for prefix, handler in self.router.button_handlers:
                if event.data.startswith(prefix):
                    out.extend(await handler(ctx) or [])
                    break
        return out

    async def _message(self, ctx: Context, msg: InboundMessage) -> list[Outbound]:
        if msg.command is not None:
            spec = self.router.commands.get(msg.command.name)
            if spec is None:
                if msg.chat.is_private:
                    return [Outbound(msg.chat, self.texts.say("unknown_command", command=msg.command.name))]
                return []
            if not ctx.has_role(spec.role):
                log.info("refused /%s to %s (role %s)", msg.command.name, msg.sender.id, ctx.role.role.value)
                return [Outbound(msg.chat, self.texts.say("refused"), reply_to=msg.message_id)]
            return await spec.handler(ctx) or []
        for _, handler in self.router.text_handlers:
            result = await handler(ctx)
            if result is not None:
                return result
        return []


class _DatabaseDown(Exception):
    """The database could not be reached while handling an event (bot.store.outage)."""


def _platform(event: Event) -> Platform:
    return event.platform if isinstance(event, ChatMigrated) else event.chat.platform


def _where(event: Event) -> str:
    chat = getattr(event, "chat", None)
    if chat is not None:
        return f"{chat.platform.value}:{chat.id}"
    return f"{getattr(event, 'platform', '?')}"


# Control and invisible formatting characters (zero-width, bidi overrides); not \t or \n.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """NFC, no control characters, trimmed: every adapter runs input through this."""
    return _INVISIBLE.sub("", nfc(text)).strip()
