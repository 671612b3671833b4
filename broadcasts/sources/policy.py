"""Policy news from the province portal's RSS or Atom feed, for the weekly digest."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

import httpx

from bot.model import nfc
from bot.store.db import to_utc_naive

ATOM = "{http://www.w3.org/2005/Atom}"
MAX_ITEMS = 8  # a digest people read on a phone


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str | None
    published: datetime | None  # naive UTC


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return to_utc_naive(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return to_utc_naive(parsedate_to_datetime(text.strip()))
    except (TypeError, ValueError):
        return None


def parse_feed(body: str) -> list[FeedItem]:
    """RSS 2.0 ``item`` or Atom ``entry`` elements; raises ValueError on malformed XML."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ValueError(f"not XML: {exc}") from None
    items: list[FeedItem] = []
    for it in root.iter("item"):
        items.append(
            FeedItem(nfc((it.findtext("title") or "").strip()), it.findtext("link"), _when(it.findtext("pubDate")))
        )
    for e in root.iter(f"{ATOM}entry"):
        link = e.find(f"{ATOM}link")
        items.append(
            FeedItem(
                nfc((e.findtext(f"{ATOM}title") or "").strip()),
                link.get("href") if link is not None else None,
                _when(e.findtext(f"{ATOM}updated") or e.findtext(f"{ATOM}published")),
            )
        )
    return [i for i in items if i.title]


async def recent_items(url: str, client: httpx.AsyncClient, since: datetime) -> list[FeedItem]:
    resp = await client.get(url)
    resp.raise_for_status()
    items = [i for i in parse_feed(resp.text) if i.published is None or i.published >= since]
    return items[:MAX_ITEMS]
