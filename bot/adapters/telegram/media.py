"""Fetching a photo or an image document through the Bot API (getFile, then the file URL).

The Bot API serves files up to 20 MB; the cap here is lower and is checked against the size
Telegram declares before anything is downloaded.
"""

from __future__ import annotations

from telegram import Bot
from telegram.error import TelegramError

from bot.media.fetch import MAX_IMAGE_BYTES, MediaTooLarge, MediaUnavailable, check_declared
from bot.model import Media


class TelegramFetcher:
    def __init__(self, bot: Bot):
        self._bot = bot

    async def fetch(self, media: Media, limit: int = MAX_IMAGE_BYTES) -> bytes:
        check_declared(media, limit)
        if not media.ref:
            raise MediaUnavailable("no file_id")
        try:
            file = await self._bot.get_file(media.ref)
            if file.file_size is not None and file.file_size > limit:
                raise MediaTooLarge(f"{file.file_size} bytes > {limit}")
            data = await file.download_as_bytearray()
        except TelegramError as exc:
            raise MediaUnavailable(type(exc).__name__) from exc
        if len(data) > limit:
            raise MediaTooLarge(f"{len(data)} bytes > {limit}")
        return bytes(data)
