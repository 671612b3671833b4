"""The Zalo Bot end to end: webhook (secret header) and getUpdates polling against the fake
Bot API over loopback HTTP, answers from the same handlers as every other platform."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from sqlalchemy import func, select

from bot.adapters.base import SendStatus
from bot.adapters.shell import ShellSession
from bot.adapters.zalo.buttons import ButtonMemory, plain_text
from bot.adapters.zalo.secrets import BotSecrets
from bot.adapters.zalo_bot import ZaloBotService
from bot.model import ChatKind, ChatRef, Outbound, Platform
from bot.store.inbox import InboxRow
from bot.store.tables import Activity, Group, Person
from tests.fakes.zalo_bot import BOT_TOKEN, WEBHOOK_SECRET, text_update
from tests.fakes.zalo_env import both_databases


async def shell_answer(runtime, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What the same handlers answer the same words in a private chat on another platform,
    as Zalo shows it (plain text, numbered choices instead of buttons)."""
    session = ShellSession(runtime, private=True, user_id=777)
    return [plain_text(out, runtime.texts, ButtonMemory()) for out in await session.send(text)]


def body(update: dict) -> bytes:
    return json.dumps(update, ensure_ascii=False).encode()


async def test_setup_registers_the_webhook_with_the_secret(bot_env):
    assert bot_env.fake.methods[:2] == ["getMe", "setWebhook"]
    assert bot_env.fake.webhook == {
        "url": "https://loaso.example.vn/webhooks/zalo-bot",
        "secret_token": "webhook-secret-for-tests",
    }
    assert bot_env.service.names[0] == "Loa Số" and bot_env.service.can_join_groups


async def test_help_in_a_private_chat_reads_the_same_as_elsewhere(bot_env):
    response = await bot_env.post(body(text_update("z1", "chat-1", "user-1", "/help")))
    assert response.status_code == 200
    assert bot_env.fake.texts_to("chat-1") == await shell_answer(bot_env.runtime, "/help")


async def test_wrapped_body_and_plain_question(bot_env):
    wrapped = {"ok": True, "result": text_update("z2", "chat-2", "user-2", "làm sao lấy lại mật khẩu VNeID")}
    assert (await bot_env.post(body(wrapped))).status_code == 200
    expected = await shell_answer(bot_env.runtime, "làm sao lấy lại mật khẩu VNeID")
    assert expected and bot_env.fake.texts_to("chat-2") == expected


async def test_wrong_or_missing_secret_token_is_rejected(bot_env, caplog):
    update = body(text_update("z3", "chat-3", "user-3", "/help"))
    assert (await bot_env.post(update, secret="wrong-secret")).status_code == 401
    assert (await bot_env.post(update, secret=None)).status_code == 401
    assert (await bot_env.post(update, secret=BOT_TOKEN)).status_code == 401
    assert bot_env.fake.sent == []
    async with bot_env.runtime.store.session() as s:
        assert (await s.execute(select(func.count()).select_from(InboxRow))).scalar_one() == 0
    assert "wrong or missing X-Bot-Api-Secret-Token" in caplog.text
    assert "wrong-secret" not in caplog.text


@both_databases
async def test_duplicate_message_is_answered_once(bot_env):
    update = body(text_update("z4", "chat-4", "user-4", "/help"))
    assert (await bot_env.post(update)).status_code == 200
    assert (await bot_env.post(update)).status_code == 200
    assert len(bot_env.fake.texts_to("chat-4")) == 1


async def test_malformed_json_is_rejected_without_a_crash(bot_env):
    for raw in (b"{oops", b"\xff", b""):
        assert (await bot_env.post(raw)).status_code == 400
    assert (await bot_env.post(b"[" + b"1," * 200_000 + b"1]")).status_code == 413
    odd = [{"event_name": "message.text.received", "message": "nope"}, 42, {"message": {"chat": []}}]
    assert (await bot_env.post(body(odd))).status_code == 200  # type: ignore[arg-type]
    assert (await bot_env.post(body(text_update("z5", "chat-5", "user-5", "/help")))).status_code == 200
    assert len(bot_env.fake.texts_to("chat-5")) == 1


async def test_group_mentions_are_answered_and_other_talk_only_counted(bot_env):
    await bot_env.post(body(text_update("z6", "grp-1", "user-6", "hôm nay trời đẹp", group=True)))
    assert bot_env.fake.sent == []  # nobody called the bot
    await bot_env.post(body(text_update("z7", "grp-1", "user-7", "@Loa Số cho hỏi làm căn cước", group=True)))
    assert len(bot_env.fake.texts_to("grp-1")) == 1
    await bot_env.runtime.dispatcher.flush()  # activity counts are written in batches
    async with bot_env.runtime.store.session() as s:
        group = (await s.execute(select(Group).where(Group.external_id == "grp-1"))).scalar_one()
        assert group.platform == "zalo_bot" and group.kind == "group"
        names = (await s.execute(select(Person.display_name).order_by(Person.id))).scalars().all()
        assert names == ["Cô Tư", "Cô Tư"]
        counted = (await s.execute(select(func.sum(Activity.messages)).where(Activity.group_id == group.id))).scalar()
        assert counted == 2


async def test_long_text_is_split_at_2000_characters(bot_env):
    paragraph = "Bà con lưu ý lịch lấy nước ngọt. " * 30  # ~990 characters
    text = "\n\n".join([paragraph.strip()] * 5)
    result = await bot_env.service.sender.send(Outbound(ChatRef(Platform.ZALO_BOT, "chat-8", ChatKind.PRIVATE), text))
    assert result.ok and len(result.message_ids) == 3
    parts = bot_env.fake.texts_to("chat-8")
    assert all(len(p) <= 2000 for p in parts) and "\n\n".join(parts) == text


async def test_send_errors_are_classified(bot_env):
    chat = ChatRef(Platform.ZALO_BOT, "chat-9", ChatKind.PRIVATE)
    bot_env.fake.failures = [
        (429, {"ok": False, "error_code": 429, "description": "Too Many Requests", "parameters": {"retry_after": 7}}),
        (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}),
        (404, {"ok": False, "error_code": 404, "description": "Chat not found"}),
        (400, {"ok": False, "error_code": 400, "description": "Bad request"}),
    ]
    statuses = [await bot_env.service.sender.send(Outbound(chat, "<b>Tin</b> &amp; lịch", html=True)) for _ in range(5)]
    assert [r.status for r in statuses] == [
        SendStatus.RETRY_AFTER,
        SendStatus.TRANSIENT,
        SendStatus.GONE,
        SendStatus.REJECTED,
        SendStatus.SENT,
    ]
    assert statuses[0].retry_after == 7
    assert bot_env.fake.texts_to("chat-9") == ["Tin & lịch"]


@pytest.mark.parametrize("bot_env", ["polling"], indirect=True)
async def test_polling_dedupes_by_message_id(bot_env):
    assert "deleteWebhook" in bot_env.fake.methods and bot_env.fake.webhook is None
    bot_env.fake.updates.extend(
        [
            text_update("p1", "chat-10", "user-10", "/help"),
            text_update("p1", "chat-10", "user-10", "/help"),  # Zalo has no offset: seen again
            {"ok": True, "result": [text_update("p2", "chat-10", "user-10", "/start")]},
        ]
    )
    for _ in range(100):
        if len(bot_env.fake.sent) >= 2 and not bot_env.fake.updates:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)  # a third answer would have arrived by now
    assert len(bot_env.fake.texts_to("chat-10")) == 2
    assert bot_env.service.healthy()


async def test_token_never_reaches_the_logs(bot_env, caplog):
    caplog.set_level(logging.DEBUG)
    await bot_env.post(body(text_update("z11", "chat-11", "user-11", "/help")))
    bot_env.service.client.base_url = "http://127.0.0.1:9"  # nothing listens: a network error
    result = await bot_env.service.sender.send(Outbound(ChatRef(Platform.ZALO_BOT, "c", ChatKind.PRIVATE), "x"))
    assert result.status is SendStatus.TRANSIENT
    assert BOT_TOKEN not in caplog.text and BOT_TOKEN.split(":")[1] not in caplog.text
    assert BOT_TOKEN not in (result.error or "")


async def test_a_failed_getme_at_start_recovers(bot_env):
    bot_env.fake.get_me_failures = 1
    await bot_env.service.stop()
    restarted = ZaloBotService(bot_env.runtime, secrets=BotSecrets(BOT_TOKEN, WEBHOOK_SECRET))
    await restarted.start()
    try:
        assert not restarted.healthy() and restarted.names == ()
        await restarted.take([text_update("z12", "chat-12", "user-12", "/help")])
        await restarted.drain()
        assert restarted.healthy() and restarted.names[0] == "Loa Số"
        assert len(bot_env.fake.texts_to("chat-12")) == 1
    finally:
        await restarted.stop()
