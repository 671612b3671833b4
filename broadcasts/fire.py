"""One firing of a schedule: fetch its data, render per hamlet, queue ONE bulletin.

Idempotent by construction: the bulletin is unique on (schedule id, run time), so a
double fire, a catch-up after a restart and a second scheduler all end with one bulletin.
If the data source stays down, the leaders are told and nothing is queued.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from bot.notify import notify_leaders
from bot.runtime import Runtime
from bot.store.db import utcnow
from broadcasts.compose import local, salinity_texts, weather_texts
from broadcasts.outbox import bulletin_exists, queue_bulletin
from broadcasts.schedule import ScheduleDef
from broadcasts.sources import policy, salinity
from broadcasts.sources.weather import WeatherDown, fetch_forecasts, save_forecasts

log = logging.getLogger(__name__)

DIGEST_PERIOD = timedelta(days=7)


@dataclass(frozen=True)
class Fired:
    schedule_id: str
    run_at: datetime
    outcome: str  # queued | already | off_season | source_down | nothing
    bulletin_id: int | None = None
    targets: int = 0


async def fire(
    runtime: Runtime, defn: ScheduleDef, run_at: datetime, *, client: httpx.AsyncClient | None = None
) -> Fired:
    """Queue the bulletin of ``defn`` for the run at ``run_at`` (naive UTC)."""
    config, texts = runtime.config, runtime.texts
    if not defn.in_season(run_at.replace(tzinfo=UTC).astimezone(config.tz)):
        return Fired(defn.id, run_at, "off_season")
    async with runtime.store.session() as s:
        if await bulletin_exists(s, defn.id, run_at):
            return Fired(defn.id, run_at, "already")
    own = client is None
    client = client or httpx.AsyncClient(timeout=config.sources.weather.timeout)
    try:
        now = utcnow()
        per_hamlet: dict[str, str] | None = None
        text: str | None = None
        html = False
        if defn.kind == "weather":
            try:
                forecasts = await fetch_forecasts(config, client)
            except WeatherDown as exc:
                await _source_down(runtime, defn, run_at, str(exc))
                return Fired(defn.id, run_at, "source_down")
            async with runtime.store.session() as s:
                await save_forecasts(s, forecasts, now)
            per_hamlet = weather_texts(config, texts, forecasts, local(config, run_at).date())
        elif defn.kind == "salinity":
            if config.sources.salinity.url:
                await _pull_salinity(runtime, client)
            async with runtime.store.session() as s:
                latest = await salinity.latest_by_station(s, config)
            per_hamlet = salinity_texts(config, texts, latest, now)
        elif defn.kind == "policy_digest":
            url = config.sources.policy.feed_url
            if not url:
                log.info("schedule %s: no sources.policy.feed_url; nothing to send", defn.id)
                return Fired(defn.id, run_at, "nothing")
            try:
                items = await policy.recent_items(url, client, run_at - DIGEST_PERIOD)
            except (httpx.HTTPError, ValueError) as exc:
                await _source_down(runtime, defn, run_at, type(exc).__name__)
                return Fired(defn.id, run_at, "source_down")
            if not items:
                return Fired(defn.id, run_at, "nothing")
            text, html = texts.render("bulletins/policy_digest.html.j2", items=items, source=url), True
        if not per_hamlet and text is None:
            log.info("schedule %s: nothing to send for %s", defn.id, run_at)
            return Fired(defn.id, run_at, "nothing")
        async with runtime.store.session() as s:
            q = await queue_bulletin(
                s,
                config,
                kind=defn.kind,
                target=defn.target,
                text=text,
                per_hamlet=per_hamlet,
                html=html,
                schedule_id=defn.id,
                run_at=run_at,
                created_by=f"schedule:{defn.id}",
                now=now,
            )
        if not q.created:
            return Fired(defn.id, run_at, "already")
        log.info("schedule %s run %s: bulletin %s to %d groups", defn.id, run_at, q.bulletin_id, q.targets)
        return Fired(defn.id, run_at, "queued", q.bulletin_id, q.targets)
    finally:
        if own:
            await client.aclose()


async def _source_down(runtime: Runtime, defn: ScheduleDef, run_at: datetime, reason: str) -> None:
    text = runtime.texts.render(
        "bulletins/source_down.txt.j2",
        what=runtime.texts.say(f"kind_{defn.kind}") if runtime.texts.has(f"kind_{defn.kind}") else defn.kind,
        at_local=local(runtime.config, run_at),
        reason=reason,
    )
    await notify_leaders(runtime, text)


async def _pull_salinity(runtime: Runtime, client: httpx.AsyncClient) -> None:
    try:
        readings, problems = await salinity.pull(runtime.config, client)
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("salinity url failed: %s", exc)
        return
    for p in problems:
        log.warning("salinity url: %s", p)
    async with runtime.store.session() as s:
        for r in readings:
            await salinity.record_reading(
                s,
                runtime.config,
                runtime.texts,
                station=r.station,
                at=r.at,
                grams_per_litre=r.grams_per_litre,
                source="url",
            )
