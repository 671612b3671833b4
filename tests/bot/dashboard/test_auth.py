"""Dashboard access: passwords, cookies, CSRF, login limits, commune scoping, no residents."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import select

from bot.dashboard.auth import (
    COOKIE,
    LoginLimiter,
    SessionSigner,
    WeakSecret,
    hash_password,
    verify_password,
)
from bot.runtime import Runtime
from bot.store.accounts import AccountError, AppSecret, add_account, find_account
from bot.store.db import Store, utcnow
from tests.bot.dashboard.dash_helpers import PASSWORD, csrf_of, login


async def test_anonymous_is_sent_to_login(client: httpx.AsyncClient) -> None:
    for path in ("/", "/bulletins", "/questions", "/hamlet/PHUHUU"):
        r = await client.get(path)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    assert (await client.get("/export/hamlets.csv")).status_code == 401
    assert (await client.get("/export/report.xlsx")).status_code == 401
    assert (await client.get("/healthz")).status_code == 200


async def test_wrong_password_and_unknown_user(client: httpx.AsyncClient) -> None:
    r = await login(client, "canbo", "sai-mat-khau")
    assert r.status_code == 401 and "không đúng" in r.text
    r = await login(client, "khongco", PASSWORD)
    assert r.status_code == 401
    assert (await client.get("/")).status_code == 303


async def test_login_sets_a_safe_cookie(client: httpx.AsyncClient) -> None:
    r = await login(client, "canbo")
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    page = await client.get("/")
    assert page.status_code == 200 and "Tất cả các xã" in page.text
    assert page.headers["x-frame-options"] == "DENY"


async def test_cookie_is_secure_on_https(dash_runtime: Runtime, limiter: LoginLimiter) -> None:
    from bot.dashboard import dashboard_routes
    from bot.web import build_app

    app = build_app(dash_runtime, dashboard_routes(dash_runtime, limiter=limiter))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as c:
        r = await login(c, "canbo")
    assert r.status_code == 303 and "secure" in r.headers["set-cookie"].lower()


async def test_csrf_is_required_on_every_form(client: httpx.AsyncClient) -> None:
    await client.get("/login")
    data = {"username": "canbo", "password": PASSWORD}
    assert (await client.post("/login", data=data)).status_code == 403
    assert (await client.post("/login", data={**data, "csrf": "forged"})).status_code == 403
    assert (await login(client, "canbo")).status_code == 303
    assert (await client.post("/logout", data={})).status_code == 403
    assert (await client.post("/logout", data={"csrf": "forged"})).status_code == 403
    token = await csrf_of(client, "/")
    assert (await client.post("/logout", data={"csrf": token})).status_code == 303
    client.cookies.clear()
    assert (await client.get("/")).status_code == 303


async def test_tampered_cookie_is_ignored(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    value = client.cookies[COOKIE]
    client.cookies.set(COOKIE, value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert (await client.get("/")).status_code == 303


async def test_login_is_rate_limited_per_user(client: httpx.AsyncClient) -> None:
    for _ in range(5):
        assert (await login(client, "canbo", "sai")).status_code == 401
    r = await login(client, "canbo")  # right password, but too many failures
    assert r.status_code == 429 and "quá nhiều lần" in r.text
    assert (await login(client, "totruong")).status_code == 303  # another user is not blocked


async def test_concurrent_logins_cannot_race_past_the_limit(client: httpx.AsyncClient) -> None:
    token = await csrf_of(client)
    data = {"csrf": token, "username": "canbo", "password": "sai-mat-khau", "next": "/"}
    results = await asyncio.gather(*(client.post("/login", data=data) for _ in range(20)))
    codes = sorted(r.status_code for r in results)
    assert codes.count(401) <= 5 and codes.count(429) >= 15, codes
    assert (await login(client, "canbo")).status_code == 429


async def test_successful_login_clears_its_own_attempt(client: httpx.AsyncClient) -> None:
    for _ in range(4):
        assert (await login(client, "canbo", "sai")).status_code == 401
    assert (await login(client, "canbo")).status_code == 303
    for _ in range(5):
        assert (await login(client, "canbo", "sai")).status_code == 401
    assert (await login(client, "canbo")).status_code == 429


async def test_strangers_cannot_lock_a_user_out(dash_runtime: Runtime, limiter: LoginLimiter) -> None:
    from bot.dashboard import dashboard_routes
    from bot.web import build_app

    app = build_app(dash_runtime, dashboard_routes(dash_runtime, limiter=limiter))

    def client_from(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 5555))
        return httpx.AsyncClient(transport=transport, base_url="http://testserver")

    async with client_from("10.9.9.9") as stranger, client_from("10.0.0.7") as owner:
        for _ in range(5):
            assert (await login(stranger, "canbo", "sai")).status_code == 401
        assert (await login(stranger, "canbo")).status_code == 429
        assert (await login(owner, "canbo")).status_code == 303


async def test_login_is_rate_limited_per_address(client: httpx.AsyncClient) -> None:
    for i in range(20):
        assert (await login(client, f"nguoi{i}", "sai")).status_code == 401
    assert (await login(client, "totruong")).status_code == 429


async def test_limiter_window_passes(sqlite_store: Store) -> None:
    now = [datetime(2026, 12, 1, 8, 0)]
    limiter = LoginLimiter(sqlite_store, clock=lambda: now[0])
    for _ in range(5):
        await limiter.failed("1.2.3.4", "Canbo")
    assert await limiter.blocked("1.2.3.4", "canbo")
    assert await LoginLimiter(sqlite_store, clock=lambda: now[0]).blocked("1.2.3.4", "canbo")  # another process
    now[0] += timedelta(seconds=15 * 60 + 1)
    assert not await limiter.blocked("1.2.3.4", "canbo")


def test_sessions_expire_and_reject_forgery() -> None:
    now = [0.0]
    signer = SessionSigner("secret-a", clock=lambda: now[0])
    account = SimpleNamespace(id=7, password_hash="$argon2id$x", created_at=datetime(2026, 1, 1))
    cookie = signer.dump(signer.new(account))
    assert signer.load(cookie).account_id == 7
    assert SessionSigner("secret-b", clock=lambda: now[0]).load(cookie) is None
    now[0] += 8 * 3600 + 1
    assert signer.load(cookie) is None
    assert signer.load("garbage") is None and signer.load(None) is None


def test_passwords() -> None:
    h = hash_password("dai-ngai-2026")
    assert h.startswith("$argon2id$") and "dai-ngai-2026" not in h
    assert verify_password(h, "dai-ngai-2026") and not verify_password(h, "dai-ngai-2027")
    assert not verify_password(None, "anything") and not verify_password("not-a-hash", "x")
    with pytest.raises(ValueError):
        hash_password("short")


async def test_leader_sees_only_own_commune(client: httpx.AsyncClient) -> None:
    assert (await login(client, "totruong")).status_code == 303
    page = await client.get("/")
    assert page.status_code == 200 and "Xã Đại Ngãi" in page.text and "Xã Long Đức" not in page.text
    for path in (
        "/?commune=LONGDUC",
        "/?commune=",
        "/hamlet/LONGTHOI",
        "/bulletins?commune=LONGDUC",
        "/questions?commune=LONGDUC",
        "/export/hamlets.csv?commune=LONGDUC",
        "/export/report.xlsx?commune=LONGDUC",
        "/export/questions.csv?hamlet=LONGTHOI",
    ):
        r = await client.get(path)
        assert r.status_code == 403, path
    assert (await client.get("/hamlet/PHUHUU")).status_code == 200


async def test_official_sees_every_commune(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    assert "Xã Long Đức" in (await client.get("/?commune=LONGDUC")).text
    assert (await client.get("/hamlet/LONGTHOI")).status_code == 200


async def test_bad_filters_are_explained(client: httpx.AsyncClient) -> None:
    await login(client, "canbo")
    r = await client.get("/?from=2026-11-20&to=2026-11-01")
    assert r.status_code == 400 and "ngày bắt đầu" in r.text
    assert (await client.get("/?commune=NOPE")).status_code == 400
    assert (await client.get("/questions?kind=secret")).status_code == 400
    assert (await client.get("/export/nothing.csv")).status_code == 404


async def test_removed_account_loses_access(client: httpx.AsyncClient, dash_runtime: Runtime) -> None:
    await login(client, "totruong")
    async with dash_runtime.store.session() as s:
        await s.delete(await find_account(s, "totruong"))
    assert (await client.get("/")).status_code == 303


async def test_old_cookie_does_not_fit_a_new_account_with_the_same_id(
    client: httpx.AsyncClient, dash_runtime: Runtime
) -> None:
    assert (await login(client, "totruong")).status_code == 303
    async with dash_runtime.store.session() as s:
        old = await find_account(s, "totruong")
        old_id = old.id
        await s.delete(old)
    async with dash_runtime.store.session() as s:  # SQLite hands the freed id to the next account
        new = await add_account(s, "canbo2", hash_password("mat-khau-moi-1"), "official", None, utcnow())
        assert new.id == old_id
    assert (await client.get("/")).status_code == 303
    assert (await client.get("/export/report.xlsx")).status_code == 401


async def test_password_change_ends_old_sessions(client: httpx.AsyncClient, dash_runtime: Runtime) -> None:
    assert (await login(client, "canbo")).status_code == 303
    assert (await client.get("/")).status_code == 200
    async with dash_runtime.store.session() as s:
        (await find_account(s, "canbo")).password_hash = hash_password("mat-khau-moi-2")
    assert (await client.get("/")).status_code == 303
    assert (await login(client, "canbo", "mat-khau-moi-2")).status_code == 303
    assert (await client.get("/")).status_code == 200


async def test_open_redirect_is_refused(client: httpx.AsyncClient) -> None:
    token = await csrf_of(client)
    data = {"csrf": token, "username": "canbo", "password": PASSWORD, "next": "//evil.example/x"}
    r = await client.post("/login", data=data)
    assert r.headers["location"] == "/"


async def test_residents_cannot_have_accounts(dash_runtime: Runtime) -> None:
    async with dash_runtime.store.session() as s:
        with pytest.raises(AccountError):
            await add_account(s, "dan", hash_password("12345678"), "resident", None, utcnow())
        with pytest.raises(AccountError):
            await add_account(s, "totruong2", hash_password("12345678"), "leader", None, utcnow())
        with pytest.raises(AccountError):
            await add_account(s, "canbo", hash_password("12345678"), "official", None, utcnow())


async def test_secret_from_env_or_database(
    dash_runtime: Runtime, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await login(client, "canbo")
    async with dash_runtime.store.session() as s:
        stored = (await s.execute(select(AppSecret.value).where(AppSecret.name == "session"))).scalar_one()
    assert SessionSigner(stored).load(client.cookies[COOKIE]) is not None

    from bot.dashboard import dashboard_routes
    from bot.web import build_app

    monkeypatch.setenv("LOASO_SESSION_SECRET", "from-the-environment-" + "x" * 16)
    app = build_app(dash_runtime, dashboard_routes(dash_runtime))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        await login(c, "canbo")
        assert SessionSigner("from-the-environment-" + "x" * 16).load(c.cookies[COOKIE]).account_id is not None


async def test_short_env_secret_is_refused(dash_runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.dashboard import dashboard_routes

    monkeypatch.setenv("LOASO_SESSION_SECRET", "x" * 31)
    with pytest.raises(WeakSecret, match="LOASO_SESSION_SECRET"):
        dashboard_routes(dash_runtime)
    monkeypatch.setenv("LOASO_SESSION_SECRET", "x" * 32)
    assert dashboard_routes(dash_runtime)
