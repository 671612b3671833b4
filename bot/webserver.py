"""How ``loaso run`` and ``loaso dashboard`` serve the web app with uvicorn.

- Proxy headers: uvicorn believes ``X-Forwarded-For`` from 127.0.0.1 by default, so anyone
  behind a proxy on the same host could pick their own address (and dodge the login limit).
  Here they are believed only from the addresses in ``web.trusted_proxies``; with none
  configured the client is the socket's peer, whatever the headers say.
- The listening socket is opened before anything else starts, so a busy port is one clear
  line and exit status 1, not a traceback after the bot has already connected.
"""

from __future__ import annotations

import errno
import socket
from typing import Any

import uvicorn

from bot.config import Web


class CannotListen(RuntimeError):
    """The web server's address cannot be used; the message says what to do."""


def listen(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket for ``host:port`` (port 0: any free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise CannotListen(f"web.host {host!r} is not an address of this machine: fix web.host or use --host") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise CannotListen(
                f"port {port} on {host} is already in use (another loaso or program?): "
                f"stop it, or choose another port with --port or web.port"
            ) from None
        if exc.errno == errno.EACCES:
            raise CannotListen(f"no permission to listen on port {port}: use a port above 1024") from None
        raise CannotListen(f"cannot listen on {host}:{port} ({exc.strerror}): check web.host and web.port") from None
    sock.set_inheritable(True)
    return sock


def server_config(app: Any, web: Web, *, host: str, port: int, **options: Any) -> uvicorn.Config:
    """uvicorn settings for the loaso web app: proxy headers only from trusted proxies."""
    trusted = list(web.trusted_proxies)
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        proxy_headers=bool(trusted),
        forwarded_allow_ips=trusted or [],
        server_header=False,
        lifespan="off",
        **options,
    )
