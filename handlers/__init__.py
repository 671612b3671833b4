"""What the bot does with a message. Each feature module registers on one Router here.

Feature modules import no platform library: they see only ``bot.model`` types.
"""

from __future__ import annotations

from bot.router import Router
from handlers import bulletin, fallback, faq, help, leader, media, membership, safety, stats


def build_router() -> Router:
    router = Router()
    for feature in (membership, help, leader, bulletin, safety, media, faq, stats, fallback):
        feature.register(router)
    return router
