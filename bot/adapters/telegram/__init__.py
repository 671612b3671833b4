"""Telegram through python-telegram-bot 22: translation, sending, and the running service."""

from bot.adapters.telegram.sender import TelegramSender
from bot.adapters.telegram.service import TelegramService
from bot.adapters.telegram.translate import ALLOWED_UPDATES, translate

__all__ = ["ALLOWED_UPDATES", "TelegramSender", "TelegramService", "translate"]
