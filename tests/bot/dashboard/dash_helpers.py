"""Helpers the dashboard tests share: log in through the real form, with its CSRF token."""

from __future__ import annotations

import re

import httpx

PASSWORD = "mat-khau-dung-1"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


async def csrf_of(client: httpx.AsyncClient, path: str = "/login") -> str:
    page = await client.get(path)
    match = CSRF_RE.search(page.text)
    assert match, page.text[:500]
    return match.group(1)


async def login(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> httpx.Response:
    token = await csrf_of(client)
    return await client.post("/login", data={"csrf": token, "username": username, "password": password, "next": "/"})
