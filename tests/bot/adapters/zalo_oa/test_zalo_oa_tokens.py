"""Access-token refresh against the fake OAuth v4 server: before expiry, on -216, rotation
persisted in the database, and -14020 reported to leaders once and never retried in a loop."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import httpx
from sqlalchemy import select

from bot.adapters.base import SendStatus
from bot.adapters.zalo.secrets import MissingSecret, OASecrets
from bot.adapters.zalo_oa import ZaloOAService
from bot.adapters.zalo_oa.tokens import ReauthRequired, TokenManager, _reauth_text
from bot.model import ChatKind, ChatRef, Outbound, Platform
from bot.store.zalo import ZaloToken
from tests.fakes import zalo_oa
from tests.fakes.zalo_env import both_databases


def private(user: str = "u-1") -> Outbound:
    return Outbound(ChatRef(Platform.ZALO_OA, user, ChatKind.PRIVATE), "Chào bà con")


async def token_row(runtime) -> ZaloToken | None:  # type: ignore[no-untyped-def]
    async with runtime.store.session() as s:
        return (await s.execute(select(ZaloToken))).scalar_one_or_none()


def manager(env, *, env_token: str | None, clock=None, on_reauth=None) -> TokenManager:  # type: ignore[no-untyped-def]
    cfg = env.runtime.config.zalo_oa
    kwargs = {"clock": clock} if clock else {}
    return TokenManager(
        env.runtime.store,
        env.service.http,
        oauth_url=cfg.oauth_url,
        app_id=cfg.app_id,
        oa_id=cfg.oa_id,
        app_secret=zalo_oa.APP_SECRET,
        env_refresh_token=env_token,
        on_reauth=on_reauth,
        **kwargs,
    )


@both_databases
async def test_first_refresh_uses_env_and_the_rotation_is_persisted(oa_env):
    assert (await oa_env.service.sender.send(private())).ok
    assert oa_env.fake.refresh_calls == ["R0"]
    row = await token_row(oa_env.runtime)
    assert row is not None and (row.access_token, row.refresh_token) == ("A1", "R1") and not row.needs_reauth
    # A restart: the environment still holds the spent R0, but the database's R1 wins.
    restarted = manager(oa_env, env_token="R0")
    assert await restarted.access_token() == "A1"
    assert oa_env.fake.refresh_calls == ["R0"]
    oa_env.fake.revoke_access_tokens()
    assert await restarted.refresh(stale="A1") == "A2"
    assert oa_env.fake.refresh_calls == ["R0", "R1"]
    row = await token_row(oa_env.runtime)
    assert (row.access_token, row.refresh_token) == ("A2", "R2")


async def test_token_is_refreshed_before_it_expires(oa_env):
    now = [datetime(2026, 11, 24, 8, 0)]
    tokens = manager(oa_env, env_token="R0", clock=lambda: now[0])
    assert await tokens.access_token() == "A1"  # 25 h token
    now[0] += timedelta(hours=23, minutes=50)
    assert await tokens.access_token() == "A1"  # more than an hour left: no refresh
    assert oa_env.fake.refresh_calls == ["R0"]
    now[0] += timedelta(minutes=20)  # less than an hour left: refresh first
    assert await tokens.access_token() == "A2"
    assert oa_env.fake.refresh_calls == ["R0", "R1"]
    row = await token_row(oa_env.runtime)
    assert row.refresh_token == "R2" and row.expires_at == now[0] + timedelta(seconds=90_000)


async def test_invalid_token_216_refreshes_once_and_retries_once(oa_env):
    assert (await oa_env.service.sender.send(private("u-1"))).ok
    oa_env.fake.revoke_access_tokens()  # Zalo revoked A1 before it expired
    result = await oa_env.service.sender.send(private("u-2"))
    assert result.ok
    assert oa_env.fake.refresh_calls == ["R0", "R1"]
    assert [c[1] for c in oa_env.fake.calls if c[0].endswith("/cs")] == ["A1", "A1", "A2"]
    assert oa_env.fake.texts_to("u-2") == ["Chào bà con"]


async def test_persistent_216_is_not_retried_in_a_loop(oa_env):
    oa_env.fake.always_invalid_token = True
    result = await oa_env.service.sender.send(private())
    assert result.status is SendStatus.TRANSIENT
    assert oa_env.fake.refresh_calls == ["R0", "R1"]  # the first token, then one refresh on -216
    assert len(oa_env.fake.calls) == 2  # one call, one retry


@both_databases
async def test_used_refresh_token_14020_is_reported_once_and_not_looped(oa_env):
    oa_env.fake.refresh_tokens.clear()
    oa_env.fake.used_refresh_tokens.add("R0")  # someone else already spent it
    for _ in range(3):
        result = await oa_env.service.sender.send(private())
        # waits for the re-authorisation (the outbox must not give the bulletin up)
        assert result.status is SendStatus.RETRY_AFTER and "re-authoris" in (result.error or "")
        assert result.retry_after == 3600
    assert oa_env.fake.refresh_calls == ["R0"]  # one attempt, then never again
    assert oa_env.fake.calls == []
    (report,) = oa_env.leaders.received
    assert report.chat.id == 2001 and report.chat.is_private
    assert "cấp quyền lại" in report.text and "-14020" in report.text
    assert "ZALO_OA_REFRESH_TOKEN" not in report.text  # no jargon for leaders; the log says how
    assert "ZALO_OA_REFRESH_TOKEN" in _reauth_text(-14020, "")
    row = await token_row(oa_env.runtime)
    assert row.needs_reauth and row.last_error.startswith("-14020")
    assert oa_env.service.healthy() is False
    health = await oa_env.web.get("/healthz")
    assert health.status_code == 503 and health.json()["checks"]["zalo_oa"] is False


async def test_new_env_refresh_token_recovers_after_reauthorisation(oa_env):
    oa_env.fake.refresh_tokens.clear()
    oa_env.fake.used_refresh_tokens.add("R0")
    tokens = manager(oa_env, env_token="R0")
    try:
        await tokens.access_token()
    except ReauthRequired:
        pass
    else:
        raise AssertionError("expected ReauthRequired")
    oa_env.fake.issue_refresh_token("R-new")  # the operator re-authorised the app
    recovered = manager(oa_env, env_token="R-new")
    assert await recovered.access_token() == "A1"
    row = await token_row(oa_env.runtime)
    assert not row.needs_reauth and row.refresh_token == "R1"


async def test_spent_env_refresh_token_is_not_posted_again_after_rejection(oa_env):
    """The DB's rotated R1 is rejected while the spent R0 is still in the environment:
    R0 is tried once (it might be new), then neither is posted again."""
    tokens = manager(oa_env, env_token="R0")
    assert await tokens.access_token() == "A1"  # R0 spent, R1 stored
    oa_env.fake.refresh_tokens.discard("R1")
    oa_env.fake.used_refresh_tokens.add("R1")  # someone else spent R1
    oa_env.fake.revoke_access_tokens()
    for _ in range(4):
        try:
            await tokens.refresh(stale="A1")
        except ReauthRequired:
            pass
        else:
            raise AssertionError("expected ReauthRequired")
    assert oa_env.fake.refresh_calls == ["R0", "R1", "R0"]  # no repeats after that
    row = await token_row(oa_env.runtime)
    assert row.needs_reauth


async def test_refresh_race_between_processes_uses_the_other_process_token(oa_env):
    """Process B reads R1, process A rotates R1 → R2 meanwhile, B's R1 is refused (-14020):
    B takes A's tokens instead of declaring that a person must re-authorise."""
    first = manager(oa_env, env_token="R0")
    assert await first.access_token() == "A1"  # DB: A1 / R1
    other = manager(oa_env, env_token="R0")  # process A
    raced = []

    async def rotate_first(request: httpx.Request) -> None:  # runs just before B's refresh call
        if not raced:
            raced.append(True)
            assert await other.refresh(stale="A1") == "A2"

    cfg = oa_env.runtime.config.zalo_oa
    async with httpx.AsyncClient(event_hooks={"request": [rotate_first]}) as http:
        process_b = TokenManager(
            oa_env.runtime.store,
            http,
            oauth_url=cfg.oauth_url,
            app_id=cfg.app_id,
            oa_id=cfg.oa_id,
            app_secret=zalo_oa.APP_SECRET,
            env_refresh_token="R0",
        )
        assert await process_b.refresh(stale="A1") == "A2"
    assert oa_env.fake.refresh_calls == ["R0", "R1", "R1"]  # A's R1, then B's late R1
    row = await token_row(oa_env.runtime)
    assert not row.needs_reauth and (row.access_token, row.refresh_token) == ("A2", "R2")
    assert oa_env.leaders.received == []


async def test_network_failure_during_refresh_keeps_the_refresh_token(oa_env):
    async with httpx.AsyncClient() as http:
        cfg = oa_env.runtime.config.zalo_oa
        broken = TokenManager(
            oa_env.runtime.store,
            http,
            oauth_url="http://127.0.0.1:9/v4/oa/access_token",  # nothing listens on port 9
            app_id=cfg.app_id,
            oa_id=cfg.oa_id,
            app_secret=zalo_oa.APP_SECRET,
            env_refresh_token="R0",
        )
        try:
            await broken.access_token()
        except Exception as exc:
            assert type(exc).__name__ == "TokenRefreshFailed"
    assert await token_row(oa_env.runtime) is None  # nothing half-written
    assert await manager(oa_env, env_token="R0").access_token() == "A1"  # R0 still usable


def background_keeper(env) -> ZaloOAService:  # type: ignore[no-untyped-def]
    """A service whose own background check gets the token (first refresh from R0 in the environment)."""
    return ZaloOAService(
        env.runtime,
        secrets=OASecrets(zalo_oa.OA_SECRET_KEY, zalo_oa.APP_SECRET, "R0"),
        token_check_seconds=3600,
    )


async def test_idle_service_refreshes_in_the_background(oa_env):
    """With nothing to send, the background check still gets (and later renews) the token."""
    keeper = background_keeper(oa_env)
    await keeper.start()
    try:
        for _ in range(500):
            if (row := await token_row(oa_env.runtime)) is not None:
                break
            await asyncio.sleep(0.02)
    finally:
        await keeper.stop()
    assert oa_env.fake.refresh_calls == ["R0"]
    assert row is not None and row.refresh_token == "R1"


@both_databases
async def test_a_stop_during_the_exchange_still_keeps_the_new_refresh_token(oa_env):
    """Zalo spends R0 the moment it answers: stopping the bot then must not lose R1."""
    oa_env.fake.refresh_delay = 0.3
    keeper = background_keeper(oa_env)
    await keeper.start()
    try:
        for _ in range(500):
            if oa_env.fake.refresh_calls:  # R0 is spent; the answer is on its way
                break
            await asyncio.sleep(0.01)
    finally:
        await keeper.stop()
    assert oa_env.fake.refresh_calls == ["R0"]
    row = await token_row(oa_env.runtime)
    assert row is not None and (row.refresh_token, row.access_token) == ("R1", "A1")
    assert await manager(oa_env, env_token="R0").access_token() == "A1"  # no re-authorisation needed


async def test_background_check_reports_14020_once(oa_env):
    oa_env.fake.refresh_tokens.clear()
    oa_env.fake.used_refresh_tokens.add("R0")
    for _ in range(3):
        await oa_env.service.refresh_if_due()
    assert oa_env.fake.refresh_calls == ["R0"] and len(oa_env.leaders.received) == 1
    assert not oa_env.service.healthy()


async def test_first_start_without_any_refresh_token_names_the_variable(oa_env):
    service = ZaloOAService(oa_env.runtime, secrets=OASecrets(zalo_oa.OA_SECRET_KEY, zalo_oa.APP_SECRET, None))
    try:
        await service.start()
    except MissingSecret as exc:
        assert exc.problems == [
            "ZALO_OA_REFRESH_TOKEN: environment variable is required for the first start of zalo_oa"
        ]
    else:
        raise AssertionError("expected MissingSecret")
    finally:
        await service.stop()
    # Once the database holds a refresh token, the variable is no longer needed.
    assert (await oa_env.service.sender.send(private())).ok
    later = ZaloOAService(oa_env.runtime, secrets=OASecrets(zalo_oa.OA_SECRET_KEY, zalo_oa.APP_SECRET, None))
    await later.start()
    await later.stop()
