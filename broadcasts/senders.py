"""Senders for CLI commands that deliver in-process (``loaso broadcast send --wait``).

Platform senders come from ``loaso run``'s platform services when they can be built
(tokens in the environment); shell groups always get the local ``ShellSender``.
"""

from __future__ import annotations

import logging

from bot.model import Platform
from bot.runtime import Runtime
from broadcasts.shell_sender import ShellSender

log = logging.getLogger(__name__)


async def attach_senders(runtime: Runtime) -> list[object]:
    """Fill ``runtime.senders``; returns objects to close afterwards."""
    opened: list[object] = []
    runtime.senders.setdefault(Platform.SHELL, ShellSender())
    return opened


async def close_senders(opened: list[object]) -> None:
    for obj in opened:
        stop = getattr(obj, "stop", None)
        if stop is not None:
            try:
                await stop()
            except Exception:
                log.exception("could not stop %r", obj)
