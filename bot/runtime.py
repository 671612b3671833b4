"""The shared context every part of a running bot sees: config, store, texts, router, dispatcher.

It imports nothing above it: ``bot.wiring.build_runtime`` composes it with the feature handlers
and the flood gates, so ``loaso run``, ``loaso shell``, the CLI commands and the tests all get the
same dispatcher and handlers as Telegram.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from starlette.routing import BaseRoute

from bot.adapters.base import Sender
from bot.config import Config
from bot.dispatcher import Capabilities, Dispatcher
from bot.inbox.lanes import Lanes
from bot.model import Platform
from bot.router import Router
from bot.store.db import Store
from bot.store.schema import ensure_schema
from bot.texts import Texts

log = logging.getLogger(__name__)


class Service(Protocol):
    """A long-running part of ``loaso run`` (a platform adapter, the scheduler, a sender)."""

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def healthy(self) -> bool: ...

    def routes(self) -> list[BaseRoute]: ...


@dataclass
class Runtime:
    config: Config
    store: Store
    texts: Texts
    router: Router
    dispatcher: Dispatcher
    services: list[Service] = field(default_factory=list)
    # One sender per platform account, filled by the platform services; the outbox drains through them.
    senders: dict[Platform, Sender] = field(default_factory=dict)
    # One flood budget per platform account, shared by its reply sender and its bulletin drainer.
    pacers: dict[Platform, Lanes] = field(default_factory=dict)
    # (store, platform, account) → the process's flood gate for that account; given by bot.wiring.
    make_gate: Callable[[Store, Platform, str | None], Any] | None = None

    def lanes(self, platform: Platform) -> Lanes:
        """The account's flood gate with two doors: replies first, bulletins after (made on first use).

        The gate is the process's one gate for the token (``broadcasts.gate``): on PostgreSQL it is
        shared with every process on the token, on SQLite it is local.
        """
        lanes = self.pacers.get(platform)
        if lanes is None:
            if self.make_gate is None:
                raise RuntimeError("this Runtime was built without flood gates: use bot.wiring.build_runtime")
            sender = self.senders.get(platform)
            lanes = Lanes(self.make_gate(self.store, platform, getattr(sender, "account", None)))
            self.pacers[platform] = lanes
        return lanes

    def set_capabilities(self, caps: Capabilities) -> None:
        self.dispatcher.capabilities = caps

    async def open(self) -> str:
        """Create or check the schema; raises SchemaOutdated on an old database."""
        state = await ensure_schema(self.store)
        if state == "created":
            log.info("created a new database at the current schema")
        return state

    async def close(self) -> None:
        await self.dispatcher.flush()
        await self.store.close()
