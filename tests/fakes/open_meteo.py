"""A fake Open-Meteo forecast endpoint on 127.0.0.1: answers like the real one, or fails on demand.

``plan`` is a list of what to do for the next requests ("ok", "500", "bad_json", "slow",
"bad_shape"); when it is empty every request is answered "ok". ``requests`` records the
query parameters of every call.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


@dataclass
class FakeOpenMeteo:
    start: date
    codes: list[int] = field(default_factory=lambda: [3, 95, 61])  # per day
    rain: list[float] = field(default_factory=lambda: [0.0, 62.5, 4.2])
    plan: list[str] = field(default_factory=list)
    requests: list[dict[str, str]] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1/forecast"

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/v1/forecast", self._forecast)])

    def _location(self, lat: float, lon: float) -> dict[str, Any]:
        days = len(self.codes)
        return {
            "latitude": lat,
            "longitude": lon,
            "timezone": "Asia/Ho_Chi_Minh",
            "daily_units": {"precipitation_sum": "mm"},
            "daily": {
                "time": [(self.start + timedelta(days=i)).isoformat() for i in range(days)],
                "weather_code": self.codes,
                "temperature_2m_max": [32.4 + i for i in range(days)],
                "temperature_2m_min": [24.6 + i for i in range(days)],
                "precipitation_sum": self.rain,
                "precipitation_probability_max": [10, 90, None][:days],
            },
        }

    async def _forecast(self, request: Request) -> Response:
        params = dict(request.query_params)
        self.requests.append(params)
        action = self.plan.pop(0) if self.plan else "ok"
        if action == "500":
            return JSONResponse({"error": True, "reason": "upstream"}, status_code=503)
        if action == "bad_json":
            return Response("{not json", media_type="application/json")
        if action == "slow":
            await asyncio.sleep(1)
        lats = [float(x) for x in params["latitude"].split(",")]
        lons = [float(x) for x in params["longitude"].split(",")]
        locations = [self._location(a, b) for a, b in zip(lats, lons, strict=True)]
        if action == "bad_shape":
            locations = locations[:-1]
        return JSONResponse(locations if len(locations) > 1 else locations[0])
