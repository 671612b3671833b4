"""A fake media CDN on 127.0.0.1: serves the images residents send, as Zalo's CDN would."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@dataclass
class FakeCDN:
    files: dict[str, bytes] = field(default_factory=dict)
    fetched: list[str] = field(default_factory=list)

    async def get(self, request: Request) -> Response:
        name = request.path_params["name"]
        self.fetched.append(name)
        data = self.files.get(name)
        return Response(data, media_type="image/jpeg") if data is not None else Response(status_code=404)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/media/{name}", self.get, methods=["GET"])])
