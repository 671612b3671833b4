"""The one entry point for every event, whatever platform it came from (principle 3).

``Dispatcher.feed(event)`` opens one transaction, records the group and the sender,
runs the observers registered for the event type (membership, activity), then routes
commands, plain text and button presses to the handlers and returns what to send.
A failing handler is logged and answered with nothing; it never stops the bot.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.config import Config
from bot.model import ButtonPress, Event, InboundMessage, Outbound, Role, nfc
from bot.router import Context, Router
from bot.store.db import Store, utcnow
from bot.store.groups import ensure_group
from bot.store.members import ensure_person
from bot.store.roles import Grant, role_of
from bot.texts import Texts, default_texts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Capabilities:
    """What the platform account can see; from getMe on Telegram."""

    reads_all_group_messages: bool = False


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

    async def feed(self, event: Event) -> list[Outbound]:
        try:
            async with self.store.session() as session:
                ctx = await self._context(session, event)
                return await self._route(ctx)
        except Exception:
            log.exception("handler failed on %s in %s", type(event).__name__, _where(event))
            return []

    async def _context(self, session, event: Event) -> Context:  # type: ignore[no-untyped-def]
        now = utcnow()
        default = Grant("", 0, Role.RESIDENT, None, "default")
        ctx = Context(event, self.config, self.store, session, self.texts, now, default)
        if isinstance(event, InboundMessage | ButtonPress):
            chat = event.chat
            if not chat.is_private:
                ctx.group = await ensure_group(session, chat, now)
            keep = not self.config.privacy.hide_names
            ctx.extras["person"] = await ensure_person(session, event.sender, now, keep_name=keep)
            ctx.role = await role_of(session, self.config, event.sender)
            ctx.sees_all = (
                chat.is_private
                or self.capabilities.reads_all_group_messages
                or bool(ctx.group is not None and ctx.group.bot_is_admin)
            )
        return ctx

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


def _where(event: Event) -> str:
    chat = getattr(event, "chat", None)
    if chat is not None:
        return f"{chat.platform.value}:{chat.id}"
    return f"{getattr(event, 'platform', '?')}"


def clean_text(text: str) -> str:
    """NFC, no control characters, trimmed: every adapter runs input through this."""
    text = nfc(text)
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable()).strip()
