"""Wiring: the one place that composes the shared Runtime with what sits above it.

``bot.runtime`` is the shared context and imports nothing above it; the feature handlers
(``handlers``) and the flood gates (``broadcasts.gate``) build on it, so they are joined here,
where every entry point (``loaso run``, ``loaso shell``, the CLI, tests, benchmarks) gets them.
"""

from __future__ import annotations

from bot import logsafe
from bot.config import Config
from bot.dispatcher import Dispatcher
from bot.router import Router
from bot.runtime import Runtime
from bot.store.db import Store
from bot.texts import default_texts
from broadcasts.gate import gate_for
from handlers import build_router


def build_runtime(config: Config, *, store: Store | None = None, router: Router | None = None) -> Runtime:
    """The Runtime every entry point uses: this config's store, all feature handlers, the flood gates."""
    logsafe.install()  # whatever the entry point: no secret in any log line
    store = store or Store(config.database.url, echo=config.database.echo)
    texts = default_texts()
    router = router or build_router()
    dispatcher = Dispatcher(config, store, router, texts)
    return Runtime(config, store, texts, router, dispatcher, make_gate=gate_for)
