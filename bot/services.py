"""Which long-running services ``loaso run`` starts, by process role.

``all`` (the default) runs everything. On PostgreSQL it is safe to start several times, on
one machine or several: they share the outbox (``SKIP LOCKED``) and each bot token's flood
budget (``broadcasts.gate.SharedGate``), and leases (``bot.lease``) let exactly one of them
fire schedules and, with polling, call getUpdates per token; when it dies another takes over.
The other roles split the work when wanted: ``bot`` talks to platforms only (updates and
replies, no schedules, no bulletins), ``scheduler`` fires schedules, ``sender`` drains the outbox.
"""

from __future__ import annotations

import logging

from bot.adapters.zalo.services import zalo_services
from bot.config import secret
from bot.runtime import Runtime, Service

log = logging.getLogger(__name__)

ROLES = ("all", "bot", "scheduler", "sender")


class NoPlatform(Exception):
    """Nothing to talk to: no token or platform configured."""


def platform_services(runtime: Runtime) -> list[Service]:
    """Adapters for every configured platform; each registers its sender on the runtime."""
    from bot.adapters.telegram import TelegramService
    from bot.adapters.telegram.service import TOKEN_ENV

    services: list[Service] = []
    token = secret(TOKEN_ENV)
    if token:
        services.append(TelegramService(runtime, token))
    services.extend(zalo_services(runtime))  # zalo_oa / zalo_bot sections, secrets from the environment
    return services


def _any_platform(runtime: Runtime) -> bool:
    from bot.adapters.telegram.service import TOKEN_ENV

    cfg = runtime.config
    return bool(secret(TOKEN_ENV)) or cfg.zalo_oa is not None or cfg.zalo_bot is not None


def broadcast_services(runtime: Runtime, role: str) -> list[Service]:
    from broadcasts.scheduler import SchedulerService
    from broadcasts.sending import SenderService

    out: list[Service] = []
    if role in ("all", "scheduler"):
        out.append(SchedulerService(runtime))
    if role in ("all", "sender"):
        out.append(SenderService(runtime))  # after the platforms: it drains through their senders
    return out


def build_services(runtime: Runtime, role: str = "all") -> list[Service]:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    services: list[Service] = []
    if role in ("all", "bot"):
        services.extend(platform_services(runtime))
        if not services:
            raise NoPlatform("no platform configured: set TELEGRAM_BOT_TOKEN (or configure zalo_oa / zalo_bot)")
    else:  # sender, scheduler: send only; polling here would fight the bot process (Telegram 409)
        from broadcasts.senders import SendOnlyService

        if role == "sender" and not _any_platform(runtime):
            raise NoPlatform("no platform configured: set TELEGRAM_BOT_TOKEN (or configure zalo_oa / zalo_bot)")
        services.append(SendOnlyService(runtime))
    services.extend(broadcast_services(runtime, role))
    if role in ("all", "bot", "scheduler"):
        from bot.safety_jobs import SafetyService

        services.append(SafetyService(runtime, welcome=role != "scheduler", purge=role != "bot"))
    runtime.services = services
    return services
