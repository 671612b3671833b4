"""Serve a Starlette app with uvicorn on 127.0.0.1, on a free port, for e2e tests.

``serve(app)`` runs in the test's own event loop; ``serve_in_thread(app)`` runs it in a
thread with its own loop, for code under test that calls ``asyncio.run`` (click commands).
uvicorn binds port 0 itself (a pre-bound socket handed to it costs ~40 ms per request on
loopback: its connections miss TCP_NODELAY and meet delayed ACKs).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator

import uvicorn
from starlette.types import ASGIApp


def _server(app: ASGIApp) -> uvicorn.Server:
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_config=None, log_level="warning", lifespan="off", access_log=False
    )
    return uvicorn.Server(config)


def _url(server: uvicorn.Server) -> str:
    port = server.servers[0].sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextlib.asynccontextmanager
async def serve(app: ASGIApp) -> AsyncIterator[str]:
    server = _server(app)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield _url(server)
    finally:
        server.should_exit = True
        await task


@contextlib.contextmanager
def serve_in_thread(app: ASGIApp) -> Iterator[str]:
    server = _server(app)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("fake server did not start")
        threading.Event().wait(0.01)
    try:
        yield _url(server)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
