"""The OA webhook end to end: Zalo's HTTP call → bot web server → dispatcher → reply to the
fake Zalo OA over loopback HTTP."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from bot.adapters.shell import ShellSession
from bot.adapters.zalo.buttons import ButtonMemory, plain_text
from bot.model import Platform
from bot.store.db import utcnow
from bot.store.groups import mark_inactive
from bot.store.inbox import InboxRow
from bot.store.tables import Activity, Group, MemberEventRow, Membership, Person
from tests.fakes.zalo_env import both_databases, now_ms, oa_follow, oa_group_event, oa_text, signed


async def shell_answer(runtime, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What the same handlers answer the same words in a private chat on another platform,
    as Zalo shows it (plain text, numbered choices instead of buttons)."""
    session = ShellSession(runtime, private=True, user_id=777)
    return [plain_text(out, runtime.texts, ButtonMemory()) for out in await session.send(text)]


async def count(runtime, model) -> int:  # type: ignore[no-untyped-def]
    async with runtime.store.session() as s:
        return int((await s.execute(select(func.count()).select_from(model))).scalar_one())


async def test_help_reply_reads_the_same_as_elsewhere(oa_env):
    response = await oa_env.post(*signed(oa_text("u-100", "/help", "m1")))
    assert response.status_code == 200
    assert oa_env.fake.texts_to("u-100") == await shell_answer(oa_env.runtime, "/help")
    (sent,) = oa_env.fake.sent
    assert sent.path == "/v3.0/oa/message/cs" and sent.recipient == {"user_id": "u-100"}
    assert "/help" in sent.text or "help" in sent.text.lower()


async def test_plain_question_is_answered_by_the_shared_handlers(oa_env):
    await oa_env.post(*signed(oa_text("u-101", "cho hỏi làm sao đăng ký VNeID mức 2", "m2")))
    expected = await shell_answer(oa_env.runtime, "cho hỏi làm sao đăng ký VNeID mức 2")
    assert expected and oa_env.fake.texts_to("u-101") == expected


async def test_signature_without_mac_prefix_is_accepted(oa_env):
    response = await oa_env.post(*signed(oa_text("u-102", "/help", "m3"), prefix=""))
    assert response.status_code == 200 and len(oa_env.fake.sent) == 1


@both_databases
async def test_forged_signature_is_rejected_and_nothing_processed(oa_env, caplog):
    raw, headers = signed(oa_text("u-103", "/help", "m4"), secret="not-the-secret")
    response = await oa_env.post(raw, headers)
    assert response.status_code == 401
    missing = await oa_env.post(raw, {"Content-Type": "application/json"})
    assert missing.status_code == 401
    # A body changed after signing (same header) is forged too.
    good_raw, good_headers = signed(oa_text("u-103", "/help", "m4"))
    tampered = good_raw.replace(b"/help", b"/xyzw")
    assert (await oa_env.post(tampered, good_headers)).status_code == 401
    assert oa_env.fake.sent == [] and oa_env.fake.calls == []
    assert await count(oa_env.runtime, InboxRow) == 0
    assert await count(oa_env.runtime, Person) == 0
    assert "bad or missing X-ZEvent-Signature" in caplog.text
    assert oa_env.service.rejected == 3


async def test_stale_or_future_events_are_rejected(oa_env):
    old = oa_text("u-104", "/help", "m5", ts=now_ms() - 3 * 3600 * 1000)
    future = oa_text("u-104", "/help", "m6", ts=now_ms() + 3600 * 1000)
    assert (await oa_env.post(*signed(old))).status_code == 401
    assert (await oa_env.post(*signed(future))).status_code == 401
    assert oa_env.fake.sent == []
    assert await count(oa_env.runtime, InboxRow) == 0


@both_databases
async def test_duplicate_event_is_answered_once(oa_env):
    raw, headers = signed(oa_text("u-105", "/help", "dup-1"))
    first = await oa_env.post(raw, headers)
    second = await oa_env.post(raw, headers)
    assert first.status_code == second.status_code == 200
    assert second.json().get("duplicate") is True
    assert len(oa_env.fake.texts_to("u-105")) == 1


@both_databases
async def test_a_retry_of_a_stored_but_unanswered_event_is_answered_once(oa_env):
    """The bot stored the event and said 200, then died before answering; Zalo retries it."""
    await oa_env.service.inbox.stop()  # nothing processes: as if the process had died
    raw, headers = signed(oa_text("u-107", "/help", "dup-2"))
    first = await oa_env.web.post("/webhooks/zalo-oa", content=raw, headers=headers)
    retry = await oa_env.web.post("/webhooks/zalo-oa", content=raw, headers=headers)
    assert first.status_code == retry.status_code == 200 and retry.json().get("duplicate") is True
    assert oa_env.fake.texts_to("u-107") == []
    await oa_env.service.inbox.start()  # the next life
    await oa_env.service.drain()
    assert len(oa_env.fake.texts_to("u-107")) == 1
    again = await oa_env.post(raw, headers)  # answered: acknowledged and ignored
    assert again.json().get("duplicate") is True and len(oa_env.fake.texts_to("u-107")) == 1


async def test_malformed_json_is_rejected_without_a_crash(oa_env):
    for raw in (b"{not json", b"[1, 2, 3]", b"\xff\xfe", b""):
        response = await oa_env.post(raw, {"Content-Type": "application/json", "X-ZEvent-Signature": "mac=00"})
        assert response.status_code == 400
    huge = signed(oa_text("u-106", "x" * 300_000, "m-huge"))
    assert (await oa_env.post(*huge)).status_code == 413
    # Signed but odd payloads are acknowledged and ignored.
    odd = {"event_name": "user_send_text", "sender": "not-a-dict", "message": [1], "timestamp": str(now_ms())}
    assert (await oa_env.post(*signed(odd))).status_code == 200
    # The bot still works afterwards.
    assert (await oa_env.post(*signed(oa_text("u-106", "/help", "m7")))).status_code == 200
    assert len(oa_env.fake.texts_to("u-106")) == 1
    health = await oa_env.web.get("/healthz")
    assert health.status_code == 200 and health.json()["checks"]["zalo_oa"] is True


@both_databases
async def test_membership_events_are_recorded(oa_env):
    g = "gmf-group-1"
    for payload in (
        oa_follow("follow", "u-200"),
        oa_group_event("user_join_group", "u-201", g),
        oa_group_event("user_send_group_text", "u-202", g, text="chào cả nhà", msg_id="gm1"),
        oa_group_event("user_out_group", "u-201", g),
        oa_follow("unfollow", "u-203"),
    ):
        assert (await oa_env.post(*signed(payload))).status_code == 200
    await oa_env.runtime.dispatcher.flush()  # activity counts are written in batches
    async with oa_env.runtime.store.session() as s:
        group = (await s.execute(select(Group).where(Group.external_id == g))).scalar_one()
        assert group.platform == "zalo_oa" and group.chat_id is None and group.kind == "group"
        assert group.bot_is_admin  # the OA owns its groups and sees every message there
        rows = (
            await s.execute(
                select(Person.external_id, MemberEventRow.change, MemberEventRow.source, Group.external_id)
                .join(Person, Person.id == MemberEventRow.person_id)
                .join(Group, Group.id == MemberEventRow.group_id)
                .order_by(MemberEventRow.id)
            )
        ).all()
        assert [tuple(r) for r in rows] == [
            ("u-200", "joined", "zalo_follow", "followers:579745863508352884"),
            ("u-201", "joined", "zalo_group", g),
            ("u-201", "left", "zalo_group", g),
            ("u-203", "left", "zalo_follow", "followers:579745863508352884"),
        ]
        writer = (await s.execute(select(Person).where(Person.external_id == "u-202"))).scalar_one()
        activity = (await s.execute(select(Activity).where(Activity.person_id == writer.id))).scalar_one()
        assert activity.group_id == group.id and activity.messages == 1
        member = await s.get(Membership, (group.id, writer.id))
        assert member is not None and member.active
    # Nobody called the bot in the group, so it stayed silent there.
    assert oa_env.fake.sent == []


async def test_group_marked_gone_is_active_again_on_its_next_event(oa_env):
    g = "gmf-group-back"
    event = oa_group_event("user_send_group_text", "u-210", g, text="chào", msg_id="gb1")
    assert (await oa_env.post(*signed(event))).status_code == 200
    async with oa_env.runtime.store.session() as s:
        await mark_inactive(s, Platform.ZALO_OA, g, utcnow())  # as the outbox does after -403
    event = oa_group_event("user_send_group_text", "u-210", g, text="chào lần nữa", msg_id="gb2")
    assert (await oa_env.post(*signed(event))).status_code == 200
    async with oa_env.runtime.store.session() as s:
        group = (await s.execute(select(Group).where(Group.external_id == g))).scalar_one()
        assert group.active and group.bot_is_admin


async def test_group_mention_is_answered_in_the_group(oa_env):
    g = "gmf-group-2"
    payload = oa_group_event("user_send_group_text", "u-300", g, text="/help", msg_id="gm2")
    assert (await oa_env.post(*signed(payload))).status_code == 200
    (sent,) = oa_env.fake.sent
    assert sent.path == "/v3.0/oa/group/message" and sent.recipient == {"group_id": g}


async def test_webhook_body_is_hashed_raw(oa_env):
    """Whitespace and key order in Zalo's body matter: the MAC covers the exact bytes."""
    payload = oa_text("u-400", "/help", "m8")
    raw = json.dumps(payload, indent=2, ensure_ascii=True).encode()
    from bot.adapters.zalo_oa.signature import sign
    from tests.fakes import zalo_oa

    mac = sign(zalo_oa.APP_ID, raw, payload["timestamp"], zalo_oa.OA_SECRET_KEY)
    response = await oa_env.post(raw, {"X-ZEvent-Signature": f"mac={mac}", "Content-Type": "application/json"})
    assert response.status_code == 200 and len(oa_env.fake.sent) == 1


async def test_events_are_handled_in_arrival_order(oa_env):
    g = "gmf-group-3"
    base = now_ms()
    for i, name in enumerate(("user_join_group", "user_out_group", "user_join_group", "user_out_group")):
        raw, headers = signed(oa_group_event(name, "u-500", g, ts=base + i))
        assert (await oa_env.web.post("/webhooks/zalo-oa", content=raw, headers=headers)).status_code == 200
    await oa_env.service.drain()
    async with oa_env.runtime.store.session() as s:
        changes = (await s.execute(select(MemberEventRow.change).order_by(MemberEventRow.id))).scalars().all()
        person = (await s.execute(select(Person).where(Person.external_id == "u-500"))).scalar_one()
        group = (await s.execute(select(Group).where(Group.external_id == g))).scalar_one()
        member = await s.get(Membership, (group.id, person.id))
    assert changes == ["joined", "left", "joined", "left"] and member is not None and not member.active


async def test_numbered_choices_stand_in_for_buttons(oa_env):
    question = "cho hỏi làm sao đăng ký VNeID mức 2"
    await oa_env.post(*signed(oa_text("u-600", question, "b1")))
    (answer,) = oa_env.fake.texts_to("u-600")
    assert "\n1. " in answer and "\n3. " in answer and "Nhắn số 1–" in answer
    await oa_env.post(*signed(oa_text("u-600", "1", "b2")))  # 1 = useful
    assert oa_env.fake.texts_to("u-600")[1] == oa_env.runtime.texts.say("faq_thanks_useful")
    await oa_env.post(*signed(oa_text("u-600", "3.", "b3")))  # a related question
    # The same question and the same third button pressed in another platform's chat:
    shell = ShellSession(oa_env.runtime, private=True, user_id=778)
    await shell.send(question)
    (pressed,) = await shell.send("!3")
    assert oa_env.fake.texts_to("u-600")[2] == plain_text(pressed, oa_env.runtime.texts, ButtonMemory())
    # A number with no choices pending is just text.
    await oa_env.post(*signed(oa_text("u-601", "1", "b4")))
    assert oa_env.fake.texts_to("u-601") == await shell_answer(oa_env.runtime, "1")
