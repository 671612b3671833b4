"""Where feature modules register what they handle; composed once in ``handlers``.

A handler takes a ``Context`` (the event, the store session, config, texts, the
sender's role) and returns what to send. It never sends anything itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.model import Event, Media, Outbound, Role
from bot.scope import may_act
from bot.texts import Texts

if TYPE_CHECKING:
    from bot.store.cache import GroupInfo
    from bot.store.db import Store
    from bot.store.roles import Grant


@dataclass
class Context:
    event: Event
    config: Config
    store: Store
    session: AsyncSession
    texts: Texts
    now: datetime  # naive UTC
    role: Grant
    group: GroupInfo | None = None
    # Can the bot see every message in this group (admin or privacy mode off)?
    sees_all: bool = False
    extras: dict[str, Any] = field(default_factory=dict)
    # Fetches the message's media from its platform (an image to read); None where it cannot.
    fetch_media: Callable[[Media], Awaitable[bytes]] | None = None

    def has_role(self, role: Role) -> bool:
        return self.role.role.at_least(role)

    def may_manage(self, commune_code: str | None) -> bool:
        """Leaders and officials act in their own commune; those with no commune anywhere."""
        return may_act(self.role.role, self.role.commune, commune_code)


Result = list[Outbound] | None
Handler = Callable[[Context], Awaitable[Result]]


@dataclass(frozen=True)
class CommandSpec:
    names: tuple[str, ...]
    handler: Handler
    role: Role = Role.RESIDENT
    help_key: str | None = None  # a key in templates/messages.yaml describing the command


class Router:
    def __init__(self) -> None:
        self.commands: dict[str, CommandSpec] = {}
        self.specs: list[CommandSpec] = []
        self.text_handlers: list[tuple[int, Handler]] = []
        self.button_handlers: list[tuple[str, Handler]] = []
        self.event_handlers: dict[type, list[Handler]] = {}
        # State a feature keeps for the process (e.g. welcome batches), by feature name.
        self.state: dict[str, Any] = {}

    def command(
        self, *names: str, role: Role = Role.RESIDENT, help_key: str | None = None
    ) -> Callable[[Handler], Handler]:
        def deco(fn: Handler) -> Handler:
            spec = CommandSpec(names, fn, role, help_key)
            for n in names:
                if n in self.commands:
                    raise ValueError(f"command /{n} registered twice")
                self.commands[n] = spec
            self.specs.append(spec)
            return fn

        return deco

    def text(self, priority: int = 100) -> Callable[[Handler], Handler]:
        """Plain (non-command) text; lower priority runs first, first non-None result wins."""

        def deco(fn: Handler) -> Handler:
            self.text_handlers.append((priority, fn))
            self.text_handlers.sort(key=lambda p: p[0])
            return fn

        return deco

    def button(self, prefix: str) -> Callable[[Handler], Handler]:
        def deco(fn: Handler) -> Handler:
            self.button_handlers.append((prefix, fn))
            return fn

        return deco

    def on(self, kind: type) -> Callable[[Handler], Handler]:
        def deco(fn: Handler) -> Handler:
            self.event_handlers.setdefault(kind, []).append(fn)
            return fn

        return deco
