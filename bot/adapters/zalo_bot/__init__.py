"""Zalo Bot Platform (Telegram-like bot API) over httpx: webhook or polling in, sendMessage out.

Modules: ``client`` (calls; the token is in the URL and never logged), ``events``
(update → model), ``sender`` (``ZaloBotSender``), ``service`` (``ZaloBotService``).
"""

from bot.adapters.zalo_bot.sender import ZaloBotSender
from bot.adapters.zalo_bot.service import WEBHOOK_PATH, ZaloBotService

__all__ = ["WEBHOOK_PATH", "ZaloBotSender", "ZaloBotService"]
