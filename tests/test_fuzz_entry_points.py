"""Fuzzing every way in (issue 12): random and malformed Telegram updates, webhook bodies for
Telegram, the Zalo OA (validly signed, so the garbage reaches the parser) and the Zalo Bot,
and dashboard query parameters — through the real app (the Starlette app over httpx's ASGI
transport, the real services and dispatcher, fake platform servers on 127.0.0.1).

Nothing may answer 500, and nothing may log an error or a traceback.
"""

from __future__ import annotations

import json
import logging
import string
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from bot.adapters.zalo_oa.signature import sign
from bot.dashboard.auth import use_hasher
from bot.store.web_sessions import LoginAttempt
from tests.fakes import zalo_bot, zalo_oa
from tests.fakes.whole_app import PASSWORD, TELEGRAM_PATH, TELEGRAM_SECRET, WholeApp, whole_app
from tests.fakes.zalo_env import database, now_ms

EXAMPLES = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=False,
)

# --- strategies -------------------------------------------------------------------------------

HUGE = 2**70
ints = st.one_of(
    st.integers(min_value=-(2**31), max_value=2**31),
    st.sampled_from([0, -1, 2**63 - 1, 2**63, -(2**63) - 1, HUGE, -HUGE, 10**30]),
)
COMMANDS = ["ganap", "man", "capquyen", "thuhoiquyen", "hoi", "thongbao"]
texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["/help", "/ganap A&B", "/man DAINGAI 6", "/dsthongbao", "/capquyen 1 canbo", "/thongke", "/hoi"]),
    st.builds(lambda c, a: f"/{c} {a}", st.sampled_from(COMMANDS), st.text(max_size=30)),
    st.text(alphabet='[]{}"\\\u0000\u202e\u200b', max_size=20),
)
json_values = st.recursive(
    st.none() | st.booleans() | ints | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The right kind of value most of the time, anything at all otherwise."""
    return st.one_of(strategy, strategy, strategy, strategy, strategy, json_values)


user = st.fixed_dictionaries(
    {"id": maybe(ints), "is_bot": maybe(st.booleans()), "first_name": maybe(texts)},
    optional={"username": maybe(texts), "last_name": maybe(st.text(max_size=300))},
)
chat = st.fixed_dictionaries(
    {"id": maybe(ints), "type": maybe(st.sampled_from(["private", "group", "supergroup", "channel"]))},
    optional={"title": maybe(st.text(max_size=400)), "first_name": maybe(texts)},
)
entity = st.fixed_dictionaries({"type": st.just("bot_command"), "offset": ints, "length": ints})
replied = st.fixed_dictionaries({"message_id": ints, "date": ints, "chat": chat, "from": user})
message = st.fixed_dictionaries(
    {"message_id": maybe(ints), "date": maybe(ints), "chat": maybe(chat), "from": maybe(user), "text": maybe(texts)},
    optional={
        "entities": maybe(st.lists(entity, max_size=2)),
        "new_chat_members": maybe(st.lists(user, max_size=2)),
        "left_chat_member": maybe(user),
        "migrate_to_chat_id": maybe(ints),
        "reply_to_message": maybe(replied),
    },
)  # fmt: skip
member = st.fixed_dictionaries(
    {"status": maybe(st.sampled_from(["member", "left", "kicked", "administrator", "creator"])), "user": maybe(user)}
)
chat_member = st.fixed_dictionaries(
    {"chat": maybe(chat), "from": maybe(user), "date": maybe(ints), "old_chat_member": maybe(member),
     "new_chat_member": maybe(member)}
)  # fmt: skip
callback = st.fixed_dictionaries(
    {"id": maybe(texts), "from": maybe(user), "chat_instance": maybe(texts),
     "data": maybe(st.one_of(texts, st.builds(lambda a, b: f"fb:{a}:{b}", ints, st.sampled_from("un")),
                             st.builds(lambda a: f"tb:{a}", texts), st.builds(lambda a: f"faq:{a}", texts)))},
    optional={"message": maybe(message)},
)  # fmt: skip
update_body = st.one_of(
    st.fixed_dictionaries({"message": message}),
    st.fixed_dictionaries({"edited_message": message}),
    st.fixed_dictionaries({"callback_query": callback}),
    st.fixed_dictionaries({"my_chat_member": chat_member}),
    st.fixed_dictionaries({"chat_member": chat_member}),
    st.dictionaries(st.text(max_size=12), json_values, max_size=4),
)
well_formed = st.builds(lambda uid, body: {"update_id": uid, **body}, maybe(ints), update_body)
telegram_updates = st.one_of(well_formed, well_formed, well_formed, json_values)

words = st.one_of(
    texts.filter(lambda t: any(c.isalnum() for c in t)), st.sampled_from(["/help", "quên mật khẩu vneid"])
)
nul = st.builds(lambda a, b: f"{a}\x00{b}", st.text(max_size=5), st.text(max_size=5))  # PostgreSQL refuses NUL
zalo_ids = st.one_of(st.text(alphabet=string.digits, min_size=1, max_size=90), st.text(min_size=1, max_size=70), nul)
oa_well_formed = st.fixed_dictionaries(
    {
        "event_name": st.sampled_from(["user_send_text", "follow", "unfollow", "user_send_group_text",
                                       "user_join_group", "user_out_group"]),
        "app_id": st.just(zalo_oa.APP_ID),
        "sender": st.fixed_dictionaries({"id": zalo_ids}),
        "recipient": st.fixed_dictionaries({"id": zalo_ids}),
        "message": st.fixed_dictionaries({"text": words, "msg_id": st.one_of(st.text(min_size=1, max_size=200), nul)}),
        "follower": st.fixed_dictionaries({"id": zalo_ids}),
        "group_id": zalo_ids,
    },
)  # fmt: skip
zalo_oa_loose = st.fixed_dictionaries(
    {
        "event_name": maybe(st.sampled_from(["user_send_text", "follow", "unfollow", "user_send_group_text",
                                             "user_join_group", "user_out_group", "oa_send_text"])),
        "app_id": maybe(st.just(zalo_oa.APP_ID)),
        "sender": maybe(st.fixed_dictionaries({"id": maybe(st.text(alphabet=string.digits, min_size=1, max_size=90))})),
        "recipient": maybe(st.fixed_dictionaries({"id": maybe(texts)})),
        "message": maybe(st.fixed_dictionaries({"text": maybe(texts), "msg_id": maybe(st.text(max_size=200))})),
    },
    optional={"follower": maybe(st.fixed_dictionaries({"id": maybe(texts)})), "user_id_by_app": maybe(texts),
              "group_id": maybe(texts), "oa_id": maybe(texts)},
)  # fmt: skip
zalo_oa_events = st.one_of(oa_well_formed, oa_well_formed, zalo_oa_loose)
bot_sender = st.fixed_dictionaries({"id": maybe(texts), "display_name": maybe(st.text(max_size=300))})
bot_chat = st.fixed_dictionaries({"id": maybe(texts), "chat_type": maybe(st.sampled_from(["PRIVATE", "GROUP"]))})
bot_message = st.fixed_dictionaries(
    {
        "from": maybe(bot_sender),
        "chat": maybe(bot_chat),
        "text": maybe(texts),
        "message_id": maybe(st.text(max_size=200)),
        "date": maybe(ints),
    }
)
bot_events = st.sampled_from(["message.text.received", "message.unsupported.received"])
zalo_bot_updates = st.one_of(
    st.fixed_dictionaries({"event_name": maybe(bot_events), "message": maybe(bot_message)}), json_values
)
zalo_bot_bodies = st.one_of(
    zalo_bot_updates, st.builds(lambda r, ok: {"ok": ok, "result": r}, zalo_bot_updates, maybe(st.booleans()))
)

PAGES = ["/", "/bulletins", "/questions", "/hamlet/NGAIHOI1", "/hamlet/{any}", "/bulletins/{any}",
         "/export/report.xlsx", "/export/hamlets.csv", "/export/{any}.csv", "/login"]  # fmt: skip
param_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "01/01/0001", "", "DAINGAI", "NOPE", "all",
                     "unanswered", "not_useful", "99999999999999999999", "-1", "%00", "../../etc/passwd"]),
    st.dates().map(str),
)  # fmt: skip
queries = st.dictionaries(
    st.sampled_from(["commune", "from", "to", "kind", "hamlet", "next", "x"]), param_values, max_size=4
)


# --- the app -------------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def app(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[WholeApp]:
    """The whole app on SQLite and on PostgreSQL (which refuses what does not fit a column)."""
    use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))  # logins in every example: cheap
    try:
        async with database(request.param, tmp_path) as url, whole_app(tmp_path, monkeypatch, db_url=url) as w:
            yield w
    finally:
        use_hasher(PasswordHasher())


def web(w: WholeApp) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=w.app, raise_app_exceptions=False)  # a crash shows as a 500
    return httpx.AsyncClient(transport=transport, base_url="http://loaso.test")


def problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        f"{r.name}: {r.getMessage()[:300]}"
        for r in caplog.records
        if r.levelno >= logging.ERROR or (r.exc_info and r.exc_info[0] is not None)
    ]


@given(raw=telegram_updates)
@EXAMPLES
async def test_telegram_updates(app: WholeApp, caplog: pytest.LogCaptureFixture, raw: Any) -> None:
    """Straight into the update parser and the dispatcher (what polling does), then the webhook."""
    caplog.clear()
    await app.telegram.process_raw(raw)
    async with web(app) as client:
        response = await client.post(
            TELEGRAM_PATH,
            content=json.dumps(raw).encode(),
            headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
        )
    assert response.status_code < 500
    assert not problems(caplog), problems(caplog)


@given(payload=zalo_oa_events, fresh=st.sampled_from([True, True, True, True, False]), raw_junk=st.binary(max_size=64))
@EXAMPLES
async def test_zalo_oa_webhook(
    app: WholeApp, caplog: pytest.LogCaptureFixture, payload: dict[str, Any], fresh: bool, raw_junk: bytes
) -> None:
    caplog.clear()
    payload = {**payload, "timestamp": str(now_ms()) if fresh else payload.get("message")}
    body = json.dumps(payload, ensure_ascii=False).encode()
    mac = sign(zalo_oa.APP_ID, body, str(payload.get("timestamp", "")), zalo_oa.OA_SECRET_KEY)
    async with web(app) as client:
        signed = await client.post("/webhooks/zalo-oa", content=body, headers={"X-ZEvent-Signature": f"mac={mac}"})
        junk = await client.post("/webhooks/zalo-oa", content=raw_junk, headers={"X-ZEvent-Signature": "mac=00"})
    await app.oa.drain()
    assert signed.status_code < 500 and junk.status_code < 500
    assert not problems(caplog), problems(caplog)


@given(body=zalo_bot_bodies, raw_junk=st.binary(max_size=64))
@EXAMPLES
async def test_zalo_bot_webhook(app: WholeApp, caplog: pytest.LogCaptureFixture, body: Any, raw_junk: bytes) -> None:
    caplog.clear()
    headers = {"X-Bot-Api-Secret-Token": zalo_bot.WEBHOOK_SECRET, "Content-Type": "application/json"}
    async with web(app) as client:
        parsed = await client.post("/webhooks/zalo-bot", content=json.dumps(body).encode(), headers=headers)
        junk = await client.post("/webhooks/zalo-bot", content=raw_junk, headers=headers)
    await app.bot.drain()
    assert parsed.status_code < 500 and junk.status_code < 500
    assert not problems(caplog), problems(caplog)


@given(page=st.sampled_from(PAGES), anything=st.text(min_size=1, max_size=30), query=queries,
       who=st.sampled_from(["canbo", "totruong"]), name=st.one_of(st.text(max_size=80), nul),
       password=st.text(max_size=80))  # fmt: skip
@EXAMPLES
async def test_dashboard_query_parameters(
    app: WholeApp, caplog: pytest.LogCaptureFixture, page: str, anything: str, query: dict[str, str], who: str,
    name: str, password: str,
) -> None:  # fmt: skip
    caplog.clear()
    async with web(app) as client:
        form = await client.get("/login")
        csrf = form.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        wrong = await client.post("/login", data={"csrf": csrf, "username": name, "password": password})
        assert wrong.status_code in (401, 429), wrong.status_code
        async with app.runtime.store.session() as s:  # a stranger's failures must not block the real login
            await s.execute(delete(LoginAttempt))
        logged = await client.post("/login", data={"csrf": csrf, "username": who, "password": PASSWORD, "next": "/"})
        assert logged.status_code == 303
        path = page.replace("{any}", quote(anything, safe=""))
        response = await client.get(path, params=query)
    assert response.status_code < 500, (path, query, response.status_code)
    assert not problems(caplog), problems(caplog)
