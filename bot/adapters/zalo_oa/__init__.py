"""Zalo Official Account (OA Open API v3) over httpx: webhook in, messages out, tokens kept.

Modules: ``signature`` (webhook MAC), ``tokens`` (OAuth v4 refresh, rotation in the DB),
``client`` (API calls with one refresh-and-retry on -216), ``events`` (payload → model),
``sender`` (``ZaloOASender``), ``service`` (``ZaloOAService`` for ``loaso run``).
"""

from bot.adapters.zalo_oa.sender import ZaloOASender
from bot.adapters.zalo_oa.service import WEBHOOK_PATH, ZaloOAService

__all__ = ["WEBHOOK_PATH", "ZaloOASender", "ZaloOAService"]
