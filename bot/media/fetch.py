"""Fetching a message's media on demand, with a size cap checked before and while downloading.

Each platform adapter registers a ``MediaFetcher`` with the dispatcher; handlers call it only
when they need the bytes (an image to read), never for stickers or voice notes.
"""

from __future__ import annotations

from typing import Protocol

import httpx

from bot.model import Media

# A phone screenshot is 0.2–3 MB; a photo of a screen up to ~8 MB. Past this, refuse politely.
MAX_IMAGE_BYTES = 10 * 1024 * 1024
FETCH_TIMEOUT_S = 20.0
# Where Zalo serves attachments (photos residents send): its CDN domains.
ZALO_MEDIA_HOSTS = ("zdn.vn", "zadn.vn", "zalo.me", "zaloapp.com", "zalo.vn", "zaloplatforms.com")


class MediaTooLarge(Exception):
    """The platform says, or the download shows, the file is over the cap."""


class MediaUnavailable(Exception):
    """The file could not be fetched (expired link, network error, platform error)."""


class MediaFetcher(Protocol):
    async def fetch(self, media: Media, limit: int = MAX_IMAGE_BYTES) -> bytes: ...


def check_declared(media: Media, limit: int) -> None:
    if media.size is not None and media.size > limit:
        raise MediaTooLarge(f"{media.size} bytes > {limit}")


class UrlFetcher:
    """Zalo hands over a CDN URL for an image: stream it with a cap, never follow it elsewhere.

    Only the platform's own attachment URL is fetched (from a signed webhook or the Bot API),
    never a link a resident typed.
    """

    def __init__(self, *, also_host: str | None = None, client: httpx.AsyncClient | None = None):
        self._client = client
        self._also = also_host  # the platform API's own host (a local fake in tests)

    def allowed(self, url: str) -> bool:
        """Only Zalo's media hosts (or the configured API host): a leaked secret is no fetch-anything proxy."""
        host = (httpx.URL(url).host or "").lower()
        return host == self._also or any(host == h or host.endswith("." + h) for h in ZALO_MEDIA_HOSTS)

    async def fetch(self, media: Media, limit: int = MAX_IMAGE_BYTES) -> bytes:
        check_declared(media, limit)
        if not media.ref or not media.ref.startswith(("http://", "https://")):
            raise MediaUnavailable("no URL")
        try:
            if not self.allowed(media.ref):
                raise MediaUnavailable("not a Zalo media host")
        except httpx.InvalidURL as exc:
            raise MediaUnavailable("bad URL") from exc
        client = self._client or httpx.AsyncClient(timeout=FETCH_TIMEOUT_S)
        try:
            async with client.stream("GET", media.ref, timeout=FETCH_TIMEOUT_S) as response:
                if response.status_code != 200:
                    raise MediaUnavailable(f"HTTP {response.status_code}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise MediaTooLarge(f"{declared} bytes > {limit}")
                chunks: list[bytes] = []
                total = 0
                async for chunk in response.aiter_bytes():
                    total += len(chunk)
                    if total > limit:
                        raise MediaTooLarge(f"over {limit} bytes")
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.HTTPError as exc:
            raise MediaUnavailable(type(exc).__name__) from exc
        finally:
            if self._client is None:
                await client.aclose()
