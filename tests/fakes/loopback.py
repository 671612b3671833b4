"""Serve a Starlette app with uvicorn on 127.0.0.1, on a free port, for e2e tests.

``serve(app)`` runs in the test's own event loop; ``serve_in_thread(app)`` runs it in a
thread with its own loop, for code under test that calls ``asyncio.run`` (click commands).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import AsyncIterator, Iterator

import uvicorn
from starlette.types import ASGIApp


def _server(app: ASGIApp) -> tuple[uvicorn.Server, socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_config=None, log_level="warning", lifespan="off", access_log=False)
    return uvicorn.Server(config), sock


@contextlib.asynccontextmanager
async def serve(app: ASGIApp) -> AsyncIterator[str]:
    server, sock = _server(app)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task
        sock.close()


@contextlib.contextmanager
def serve_in_thread(app: ASGIApp) -> Iterator[str]:
    server, sock = _server(app)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("fake server did not start")
        threading.Event().wait(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
