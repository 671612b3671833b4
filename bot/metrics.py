"""Prometheus metrics: what a commune's IT person alerts on (docs/operations.md).

Counters are defined here, once, in this process's own registry, and incremented with one
call at a few choke points (``Dispatcher.feed``, reply and bulletin outcomes, webhook
rejections, the FAQ decision). The outbox depth and age are read from the database when
``/metrics`` is scraped, so every process (and the outbox shared by several senders)
reports the same truth.

``/metrics`` is not public: with ``LOASO_METRICS_TOKEN`` set it needs
``Authorization: Bearer <token>``; without it, it answers only direct loopback requests
(no ``X-Forwarded-For``/``Forwarded`` header, so never through the reverse proxy).
"""

from __future__ import annotations

import hmac
import ipaddress
import time

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.process_collector import ProcessCollector
from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.config import secret
from bot.store.db import Store, utcnow

TOKEN_ENV = "LOASO_METRICS_TOKEN"
REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)  # memory, CPU, open files, start time

UPDATES = Counter(
    "loaso_updates", "Events fed to the dispatcher, by platform and kind", ["platform", "kind"], registry=REGISTRY
)
REPLIES = Counter(
    "loaso_replies", "Replies sent to chats, by platform and result", ["platform", "result"], registry=REGISTRY
)
DELIVERIES = Counter(
    "loaso_bulletin_deliveries",
    "Bulletin deliveries (one per group) finished or retried, by platform and result",
    ["platform", "result"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "loaso_rate_limited",
    "Flood-limit answers (HTTP 429 / retry_after) from a platform",
    ["platform"],
    registry=REGISTRY,
)
FAQ = Counter(
    "loaso_faq_decisions",
    "FAQ decisions on a question: answered, suggested, unknown (asked, not known), silent (not sure, group)",
    ["decision"],
    registry=REGISTRY,
)
WEBHOOK_REJECTED = Counter(
    "loaso_webhook_rejected",
    "Webhook requests refused, by platform and reason",
    ["platform", "reason"],
    registry=REGISTRY,
)
OUTBOX_QUEUED = Gauge(
    "loaso_outbox_queued", "Bulletin deliveries waiting, by platform", ["platform"], registry=REGISTRY
)
OUTBOX_OLDEST = Gauge(
    "loaso_outbox_oldest_due_seconds",
    "How long the oldest waiting delivery has been due, by platform (0 when none)",
    ["platform"],
    registry=REGISTRY,
)
SCRAPED = Gauge("loaso_metrics_scrape_time_seconds", "Unix time of this scrape", registry=REGISTRY)


def update_in(platform: str, kind: str) -> None:
    UPDATES.labels(platform, kind).inc()


def reply_out(platform: str, result: str) -> None:
    REPLIES.labels(platform, result).inc()
    if result == "retry_after":
        RATE_LIMITED.labels(platform).inc()


def delivery_out(platform: str, result: str) -> None:
    DELIVERIES.labels(platform, result).inc()
    if result == "retry_after":
        RATE_LIMITED.labels(platform).inc()


def faq_decision(decision: str) -> None:
    FAQ.labels(decision).inc()


def webhook_rejected(platform: str, reason: str) -> None:
    WEBHOOK_REJECTED.labels(platform, reason).inc()


async def read_outbox(store: Store) -> None:
    """Set the outbox gauges from the database (all platforms, all processes)."""
    from bot.store.outbox import Delivery

    now = utcnow()
    async with store.session() as s:
        rows = (
            await s.execute(
                select(Delivery.platform, func.count(), func.min(Delivery.due_at))
                .where(Delivery.status == "queued")
                .group_by(Delivery.platform)
            )
        ).all()
    OUTBOX_QUEUED.clear()
    OUTBOX_OLDEST.clear()
    for platform, count, oldest in rows:
        OUTBOX_QUEUED.labels(platform).set(count)
        OUTBOX_OLDEST.labels(platform).set(max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)


def allowed(request: Request) -> bool:
    """A bearer token when one is configured; otherwise a direct request from this machine."""
    token = secret(TOKEN_ENV)
    if token is not None:
        given = request.headers.get("authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    if "x-forwarded-for" in request.headers or "forwarded" in request.headers:
        return False  # came through a proxy: not this machine's operator
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint(store: Store):  # type: ignore[no-untyped-def]
    async def metrics(request: Request) -> Response:
        if not allowed(request):
            return PlainTextResponse("not found\n", status_code=404)
        try:
            await read_outbox(store)
        except Exception:  # the database is down: the rest still tells a story (and /healthz says so)
            OUTBOX_QUEUED.clear()
        SCRAPED.set(time.time())
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return metrics
