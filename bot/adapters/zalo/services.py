"""The Zalo services ``loaso run`` starts: one per configured section (``zalo_oa``, ``zalo_bot``).

Constructing them checks the secrets: a configured section without its environment
variables raises ``MissingSecret`` naming them, before anything starts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.runtime import Runtime, Service


def zalo_services(runtime: Runtime) -> list[Service]:
    services: list[Service] = []
    if runtime.config.zalo_oa is not None:
        from bot.adapters.zalo_oa import ZaloOAService

        services.append(ZaloOAService(runtime))
    if runtime.config.zalo_bot is not None:
        from bot.adapters.zalo_bot import ZaloBotService

        services.append(ZaloBotService(runtime))
    return services


async def attach_zalo_senders(runtime: Runtime) -> list[Callable[[], Awaitable[None]]]:
    """Only the senders (for CLI commands that deliver in-process): the services are built,
    which registers their senders in ``runtime.senders``, but not started — no webhook, no
    polling, no background token check. Returns what to close afterwards."""
    return [service.stop for service in zalo_services(runtime)]
