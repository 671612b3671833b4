"""The weekly policy digest from an RSS/Atom feed served on 127.0.0.1."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

from bot.wiring import build_runtime
from broadcasts.fire import fire
from broadcasts.schedule import ScheduleDef
from broadcasts.sources.policy import parse_feed
from tests.broadcasts.helpers import add_groups, deliveries
from tests.conftest import sample_config
from tests.fakes.telegram_api import serve

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Cổng TTĐT</title>
<item><title>Hỗ trợ học phí năm học 2026 &amp; miễn phí xe buýt</title><link>https://example.vn/a</link>
<pubDate>Tue, 24 Nov 2026 02:00:00 +0700</pubDate></item>
<item><title>Tin cũ</title><link>https://example.vn/old</link><pubDate>Mon, 02 Nov 2026 02:00:00 +0700</pubDate></item>
</channel></rss>"""
ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Đăng ký tạm trú qua VNeID</title>
<link href="https://example.vn/b"/><updated>2026-11-23T08:00:00+07:00</updated></entry></feed>"""


def test_parse_rss_and_atom() -> None:
    rss = parse_feed(RSS)
    assert [i.title for i in rss] == ["Hỗ trợ học phí năm học 2026 & miễn phí xe buýt", "Tin cũ"]
    assert rss[0].published == datetime(2026, 11, 23, 19, 0)
    (atom,) = parse_feed(ATOM)
    assert atom.link == "https://example.vn/b" and atom.published == datetime(2026, 11, 23, 1, 0)


async def test_digest_lists_recent_items_escaped(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = Starlette(routes=[Route("/feed", lambda _: Response(RSS, media_type="application/rss+xml"))])
    async with serve(app) as port:
        cfg = sample_config(tmp_path, sources={"policy": {"feed_url": f"http://127.0.0.1:{port}/feed"}})
        rt = build_runtime(cfg, store=store)
        await rt.open()
        await add_groups(rt, [-1])
        defn = ScheduleDef("policy-weekly", "policy_digest", "0 19 * * 5", "all")
        async with httpx.AsyncClient() as client:
            fired = await fire(rt, defn, datetime(2026, 11, 27, 12, 0), client=client)
    assert fired.outcome == "queued"
    (row,) = await deliveries(rt)
    assert row.html and "học phí năm học 2026 &amp; miễn phí" in row.text and "Tin cũ" not in row.text
