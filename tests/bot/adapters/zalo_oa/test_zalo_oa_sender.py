"""ZaloOASender against the fake OA: a bulletin to OA groups through quota errors and a 5xx,
error classification, splitting, and follower broadcasts where configured."""

from __future__ import annotations

import httpx
import pytest

from bot.adapters.base import SendResult, SendStatus
from bot.adapters.zalo_oa.client import ZaloOAClient
from bot.adapters.zalo_oa.events import followers_chat
from bot.adapters.zalo_oa.sender import ZaloOASender
from bot.model import ChatKind, ChatRef, Outbound, Platform
from bot.store.groups import find_group
from tests.fakes import zalo_oa
from tests.fakes.zalo_env import both_databases, oa_follow, signed

BULLETIN = (
    "<b>Độ mặn sông Hậu</b> hôm nay: 2,1 g/l tại Đại Ngãi.<br>Bà con <i>chưa</i> lấy nước tưới &amp; trữ nước ngọt."
)
PLAIN = "Độ mặn sông Hậu hôm nay: 2,1 g/l tại Đại Ngãi.\nBà con chưa lấy nước tưới & trữ nước ngọt."


def group(gid: str) -> ChatRef:
    return ChatRef(Platform.ZALO_OA, gid, ChatKind.GROUP)


async def drain(sender, outs: list[Outbound]) -> list[tuple[str, SendResult]]:  # type: ignore[no-untyped-def]
    """A miniature outbox: retry each message until it is sent or given up, recording each try.
    (Waits are recorded, not slept: the real outbox schedules them.)"""
    log: list[tuple[str, SendResult]] = []
    for out in outs:
        for _ in range(5):
            result = await sender.send(out)
            log.append((str(out.chat.id), result))
            if result.status not in (SendStatus.RETRY_AFTER, SendStatus.TRANSIENT):
                break
    return log


@both_databases
async def test_bulletin_to_oa_groups_survives_quota_error_and_5xx(oa_env):
    oa_env.fake.failures = [
        (200, {"error": -32, "message": "Your application reached limit call api"}),
        (503, {"error": -1, "message": "Service unavailable"}),
    ]
    outs = [Outbound(group(g), BULLETIN, html=True) for g in ("gmf-1", "gmf-2", "gmf-3")]
    log = await drain(oa_env.service.sender, outs)
    assert [(g, r.status) for g, r in log] == [
        ("gmf-1", SendStatus.RETRY_AFTER),
        ("gmf-1", SendStatus.TRANSIENT),
        ("gmf-1", SendStatus.SENT),
        ("gmf-2", SendStatus.SENT),
        ("gmf-3", SendStatus.SENT),
    ]
    assert log[0][1].retry_after == 60
    for g in ("gmf-1", "gmf-2", "gmf-3"):  # each group exactly once, as plain text
        assert oa_env.fake.texts_to(g) == [PLAIN]
    assert {s.path for s in oa_env.fake.sent} == {"/v3.0/oa/group/message"}


async def test_http_429_and_quota_codes_wait(oa_env):
    sender = oa_env.service.sender
    chat = group("gmf-4")
    oa_env.fake.failures = [(429, {"error": -32, "message": "Too many requests"})]
    first = await sender.send(Outbound(chat, "a"))
    assert first.status is SendStatus.RETRY_AFTER and first.retry_after == 60
    oa_env.fake.failures = [(200, {"error": -211, "message": "Out of quota"})]
    quota = await sender.send(Outbound(chat, "a"))
    assert quota.status is SendStatus.RETRY_AFTER and quota.retry_after == 3600


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (-213, SendStatus.GONE),  # not a follower any more
        (-237, SendStatus.GONE),  # GMF group disabled
        (-403, SendStatus.GONE),  # the OA is not in the group
        (-201, SendStatus.REJECTED),  # bad parameter
        (-230, SendStatus.REJECTED),  # outside the reply window
    ],
)
async def test_error_codes_are_classified(oa_env, code, status):
    oa_env.fake.failures = [(200, {"error": code, "message": "no"})]
    result = await oa_env.service.sender.send(Outbound(group("gmf-5"), "a"))
    assert result.status is status and str(code) in (result.error or "")


async def test_success_needs_http_200_and_error_0(oa_env):
    oa_env.fake.failures = [(201, {"error": 0, "message": "odd"}), (200, {"message": "no error field"})]
    assert (await oa_env.service.sender.send(Outbound(group("gmf-6"), "a"))).status is SendStatus.REJECTED
    assert (await oa_env.service.sender.send(Outbound(group("gmf-6"), "a"))).status is SendStatus.REJECTED
    assert (await oa_env.service.sender.send(Outbound(group("gmf-6"), "a"))).ok


async def test_unreachable_server_is_transient(oa_env):
    async with httpx.AsyncClient() as http:
        client = ZaloOAClient(http, "http://127.0.0.1:9", oa_env.service.tokens)
        sender = ZaloOASender(client, store=oa_env.runtime.store)
        result = await sender.send(Outbound(group("gmf-7"), "a"))
    assert result.status is SendStatus.TRANSIENT


async def test_long_text_is_split_in_order(oa_env):
    text = "\n".join(f"Dòng {i}: thông báo lịch tiêm chủng cho trẻ em dưới 6 tuổi tại trạm y tế xã." for i in range(80))
    result = await oa_env.service.sender.send(Outbound(ChatRef(Platform.ZALO_OA, "u-9", ChatKind.PRIVATE), text))
    parts = oa_env.fake.texts_to("u-9")
    assert result.ok and len(parts) == len(result.message_ids) >= 3
    assert all(len(p) <= 2000 for p in parts) and "\n".join(parts) == text


async def test_followers_are_refused_unless_configured(oa_env):
    await oa_env.post(*signed(oa_follow("follow", "f-9")))
    async with oa_env.runtime.store.session() as s:  # the first follower, before any restart
        group = await find_group(s, Platform.ZALO_OA, followers_chat(zalo_oa.OA_ID).id)
        assert group is not None and group.active is False and group.hamlet_code is None
    await oa_env.service.start()  # a restart without followers_hamlet keeps the pseudo-group unlinked
    async with oa_env.runtime.store.session() as s:
        group = await find_group(s, Platform.ZALO_OA, followers_chat(zalo_oa.OA_ID).id)
        assert group is not None and group.hamlet_code is None
        assert group.active is False  # so "all" bulletins make no delivery (and no FAILED row) for it
    result = await oa_env.service.sender.send(Outbound(followers_chat(zalo_oa.OA_ID), "Tin"))
    assert result.status is SendStatus.REJECTED and "followers_hamlet" in (result.error or "")
    assert oa_env.fake.sent == []


@pytest.mark.parametrize("oa_env", [{"zalo_oa": {"followers_hamlet": "NGAIHOI1"}}], indirect=True)
async def test_follower_broadcast_resumes_without_sending_twice(oa_env):
    for user in ("f-1", "f-2", "f-3"):
        assert (await oa_env.post(*signed(oa_follow("follow", user)))).status_code == 200
    await oa_env.post(*signed(oa_follow("unfollow", "f-3")))
    oa_env.fake.failures = [(200, {"error": 0, "message": "ok"})]  # f-1's goes through (unrecorded by the fake)
    oa_env.fake.failures.append((429, {"error": -32, "message": "limit"}))  # then a pause at f-2
    out = Outbound(followers_chat(zalo_oa.OA_ID), BULLETIN, html=True)
    first = await oa_env.service.sender.send(out)
    assert first.status is SendStatus.RETRY_AFTER
    second = await oa_env.service.sender.send(out)
    assert second.ok
    assert oa_env.fake.texts_to("f-1") == []  # not sent again after the pause
    assert oa_env.fake.texts_to("f-2") == [PLAIN]
    assert oa_env.fake.texts_to("f-3") == []  # unfollowed
    async with oa_env.runtime.store.session() as s:
        group = await find_group(s, Platform.ZALO_OA, followers_chat(zalo_oa.OA_ID).id)
        assert group is not None and group.hamlet_code == "NGAIHOI1"  # linked at start: gets NGAIHOI1's bulletins
        assert group.title == "Người quan tâm Zalo OA"
    (promo,) = oa_env.fake.sent
    assert promo.path == "/v3.0/oa/message/promotion"
    header = promo.message["attachment"]["payload"]["elements"][0]
    assert header == {"type": "header", "content": "Loa Số — Ấp Ngãi Hội 1"}


@pytest.mark.parametrize("oa_env", [{"zalo_oa": {"followers_hamlet": "NGAIHOI1"}}], indirect=True)
async def test_restart_with_followers_hamlet_keeps_the_link(oa_env):
    await oa_env.service.start()  # a restart: the pseudo-group already has its title
    await oa_env.service.start()
    async with oa_env.runtime.store.session() as s:
        group = await find_group(s, Platform.ZALO_OA, followers_chat(zalo_oa.OA_ID).id)
        assert group is not None and group.title
        assert group.hamlet_code == "NGAIHOI1" and group.active is True


@pytest.mark.parametrize("oa_env", [{"zalo_oa": {"followers_hamlet": "NGAIHOI1"}}], indirect=True)
async def test_followers_group_reactivated_when_followers_hamlet_set_again(oa_env):
    async with oa_env.runtime.store.session() as s:
        group = await find_group(s, Platform.ZALO_OA, followers_chat(zalo_oa.OA_ID).id)
        assert group is not None
        group.active = False  # as left by an earlier start without followers_hamlet
    await oa_env.service.start()
    async with oa_env.runtime.store.session() as s:
        group = await find_group(s, Platform.ZALO_OA, followers_chat(zalo_oa.OA_ID).id)
        assert group is not None and group.active is True and group.hamlet_code == "NGAIHOI1"


@pytest.mark.parametrize("oa_env", [{"zalo_oa": {"followers_hamlet": "NGAIHOI1"}}], indirect=True)
async def test_one_followers_quota_skips_them_and_the_fanout_goes_on(oa_env):
    for user in ("f-1", "f-2", "f-3"):
        assert (await oa_env.post(*signed(oa_follow("follow", user)))).status_code == 200
    oa_env.fake.failures = [(200, {"error": -218, "message": "user reached quota receive message"})]
    out = Outbound(followers_chat(zalo_oa.OA_ID), BULLETIN, html=True)
    first = await oa_env.service.sender.send(out)
    assert first.ok
    assert oa_env.fake.texts_to("f-1") == []  # skipped
    assert oa_env.fake.texts_to("f-2") == [PLAIN] and oa_env.fake.texts_to("f-3") == [PLAIN]
    again = await oa_env.service.sender.send(out)  # the skipped follower does not block a resend
    assert again.ok and len(oa_env.fake.sent) == 2


@pytest.mark.parametrize("oa_env", [{"zalo_oa": {"followers_hamlet": "NGAIHOI1"}}], indirect=True)
async def test_same_text_in_a_new_delivery_reaches_followers_again(oa_env):
    for user in ("f-1", "f-2"):
        assert (await oa_env.post(*signed(oa_follow("follow", user)))).status_code == 200
    chat = followers_chat(zalo_oa.OA_ID)
    first = Outbound(chat, BULLETIN, html=True, meta={"delivery_id": "41", "part": "0"})
    assert (await oa_env.service.sender.send(first)).ok
    assert (await oa_env.service.sender.send(first)).ok  # the same delivery resumed: nobody twice
    assert oa_env.fake.texts_to("f-1") == [PLAIN] and oa_env.fake.texts_to("f-2") == [PLAIN]
    again = Outbound(chat, BULLETIN, html=True, meta={"delivery_id": "42", "part": "0"})
    assert (await oa_env.service.sender.send(again)).ok  # the same text re-sent days later
    assert oa_env.fake.texts_to("f-1") == [PLAIN, PLAIN] and oa_env.fake.texts_to("f-2") == [PLAIN, PLAIN]


async def test_senders_alone_for_cli_delivery(oa_env, monkeypatch):
    """``attach_zalo_senders`` gives a working OA sender without a webhook or background task."""
    from bot.adapters.zalo.services import attach_zalo_senders

    monkeypatch.setenv("ZALO_OA_SECRET_KEY", zalo_oa.OA_SECRET_KEY)
    monkeypatch.setenv("ZALO_APP_SECRET", zalo_oa.APP_SECRET)
    monkeypatch.setenv("ZALO_OA_REFRESH_TOKEN", "R0")
    oa_env.runtime.senders.clear()
    closers = await attach_zalo_senders(oa_env.runtime)
    try:
        sender = oa_env.runtime.senders[Platform.ZALO_OA]
        assert (await sender.send(Outbound(group("gmf-cli"), BULLETIN, html=True))).ok
    finally:
        for close in closers:
            await close()
    assert oa_env.fake.texts_to("gmf-cli") == [PLAIN]
