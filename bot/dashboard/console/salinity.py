"""Salinity from the browser: record a reading, see the latest per station with its band, and
which alert each reading triggered. ``POST /salinity`` with ``station``, ``value`` (g/l, comma
or dot) and ``measured_at`` (``YYYY-MM-DDTHH:MM`` local, empty = now), as ``/man`` in a chat and
``loaso salinity add`` do, through the same ``record_reading``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.config import Config, Station
from bot.dashboard.auth import Session, Viewer
from bot.dashboard.console.base import Console, Invalid, local, may_act, parse_local_minute, see_other, who
from bot.salinity import band_for
from bot.store.db import utcnow
from bot.store.outbox import Bulletin, Delivery
from bot.store.readings import SalinityReading
from broadcasts.sources.salinity import ReadingError, find_station, parse_gl, record_reading

FUTURE_TOLERANCE = timedelta(minutes=10)
RECENT = 30


def station_communes(config: Config, station: str) -> set[str]:
    return {c.code for c in config.communes for h in c.hamlets if h.station == station}


def may_record(viewer: Viewer, config: Config, station: str) -> bool:
    """A leader records for stations their commune's hamlets take water at; officials for all."""
    if viewer.is_official:
        return True
    return any(may_act(viewer, c) for c in station_communes(config, station))


def register(c: Console) -> list[BaseRoute]:
    config = c.config
    store = c.runtime.store

    def stations_for(viewer: Viewer) -> list[Station]:
        return [st for st in config.stations if may_record(viewer, config, st.code)]

    async def page(request: Request, viewer: Viewer, session: Session, status: int = 200, **ctx: Any) -> Response:
        stations = stations_for(viewer)
        codes = [st.code for st in stations]
        async with store.session() as s:
            recent = list(
                (
                    await s.execute(
                        select(SalinityReading)
                        .where(SalinityReading.station.in_(codes))
                        .order_by(SalinityReading.at.desc(), SalinityReading.id.desc())
                        .limit(RECENT)
                    )
                ).scalars()
            )
            alerts = (
                await s.execute(
                    select(Bulletin.id, Bulletin.schedule_id, Bulletin.run_at)
                    .where(Bulletin.kind == "salinity_alert", Bulletin.run_at.in_([r.at for r in recent]))
                )
            ).all()  # fmt: skip
            ids = [a[0] for a in alerts]
            groups = dict(
                (
                    await s.execute(
                        select(Delivery.bulletin_id, func.count()).where(Delivery.bulletin_id.in_(ids))
                        .group_by(Delivery.bulletin_id)
                    )
                ).all()
            ) if ids else {}  # fmt: skip
            latest: dict[str, SalinityReading] = {}
            for code in codes:
                row = (
                    await s.execute(
                        select(SalinityReading).where(SalinityReading.station == code)
                        .order_by(SalinityReading.at.desc()).limit(1)
                    )
                ).scalar_one_or_none()  # fmt: skip
                if row is not None:
                    latest[code] = row
        by_reading: dict[tuple[str, Any], int] = {}
        for bid, schedule_id, run_at in alerts:
            station = (schedule_id or "").split(":")[1] if (schedule_id or "").count(":") >= 2 else ""
            by_reading[(station, run_at)] = bid
        names = {st.code: st.name for st in config.stations}
        rows = [
            {
                "r": r, "station": names.get(r.station, r.station), "at": local(r.at, config.tz),
                "band": int(band_for(r.grams_per_litre)), "alert": by_reading.get((r.station, r.at)),
                "source": r.source,
            }
            for r in recent
        ]  # fmt: skip
        latest_rows = [
            {"st": st, "r": r, "at": local(r.at, config.tz) if r else None,
             "band": int(band_for(r.grams_per_litre)) if r else None}
            for st, r in ((st, latest.get(st.code)) for st in stations)
        ]  # fmt: skip
        done = None
        if request.query_params.get("reading", "").isdigit():
            rid = int(request.query_params["reading"])
            done = next((row for row in rows if row["r"].id == rid), None)
        base = c.context(request, viewer, session, "salinity")
        form = {"station": "", "value": "", "measured_at": "", **ctx.pop("form", {})}
        return c.page(
            "salinity.html.j2", status, stations=stations, rows=rows, latest=latest_rows, done=done, form=form,
            error=ctx.pop("error", None), alert_groups=groups, **ctx, **base,
        )  # fmt: skip

    async def show(request: Request, viewer: Viewer, session: Session) -> Response:
        return await page(request, viewer, session)

    async def record(request: Request, viewer: Viewer, session: Session) -> Response:
        form = await c.posted(request, session)
        if form is None:
            return c.csrf_refused(viewer)
        now = utcnow()
        try:
            station = find_station(config, form.get("station", ""))
            if station is None:
                raise Invalid("station_unknown", text=form.get("station", ""))
            try:
                value = parse_gl(form.get("value", ""))
            except ReadingError:
                raise Invalid("value_bad", text=form.get("value", "")) from None
            at = parse_local_minute(form.get("measured_at", ""), config.tz) or now.replace(second=0, microsecond=0)
            if at > now + FUTURE_TOLERANCE:
                raise Invalid("future_time")
        except Invalid as exc:
            return await page(request, viewer, session, 400, form=form, error=exc)
        c.refuse_unless(may_record(viewer, config, station.code))
        async with store.session() as s:
            rec = await record_reading(
                s, config, c.runtime.texts, station=station.code, at=at, grams_per_litre=value,
                source=who(viewer), now=now,
            )  # fmt: skip
            rid = rec.reading.id
        return see_other(f"/salinity?reading={rid}")

    return [
        Route("/salinity", c.view(show), methods=["GET"]),
        Route("/salinity", c.view(record), methods=["POST"]),
    ]
