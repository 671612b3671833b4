"""Drain one bulletin to completion in this process (``loaso broadcast send --wait``).

Platforms with a sender are drained concurrently; rows on platforms without one stay
queued (a running ``loaso run`` with that platform will send them) and are reported by
platform, never silently dropped.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.model import Platform
from bot.runtime import Runtime
from broadcasts import outbox
from broadcasts.drain import Drainer


@dataclass(frozen=True)
class Summary:
    bulletin_id: int
    targets: int
    sent: int
    failed: int
    inactive: int
    migrated: int
    seconds: float
    unsent: dict[str, int]  # platform → rows left queued because this process cannot send there
    cancelled: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "bulletin_id": self.bulletin_id,
            "targets": self.targets,
            "sent": self.sent,
            "failed": self.failed,
            "inactive": self.inactive,
            "migrated": self.migrated,
            "seconds": round(self.seconds, 3),
            "unsent": self.unsent,
            "cancelled": self.cancelled,
        }


async def drain_bulletin(
    runtime: Runtime, bulletin_id: int, on_progress: Callable[[outbox.Progress], None] | None = None
) -> Summary:
    started = time.monotonic()
    async with runtime.store.session() as s:
        first = await outbox.progress(s, bulletin_id)
    platforms = {Platform(p) for p, _ in first.by_platform_queued}
    drainers = [Drainer(runtime.store, runtime.senders[p]) for p in platforms if p in runtime.senders]

    async def report() -> None:
        if on_progress is not None:
            async with runtime.store.session() as s:
                on_progress(await outbox.progress(s, bulletin_id))

    await asyncio.gather(*(d.drain(bulletin_id, on_step=report) for d in drainers))
    async with runtime.store.session() as s:
        final = await outbox.progress(s, bulletin_id)
    if on_progress is not None:
        on_progress(final)
    return Summary(
        bulletin_id=bulletin_id,
        targets=final.targets,
        sent=final.sent,
        failed=final.failed,
        inactive=final.inactive,
        migrated=final.migrated,
        seconds=time.monotonic() - started,
        unsent=dict(final.by_platform_queued),
        cancelled=final.cancelled,
    )
