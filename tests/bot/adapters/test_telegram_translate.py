"""Pure translation of Bot API updates into our events (no I/O)."""

from __future__ import annotations

import unicodedata
from typing import Any

from telegram import Bot, Update, User

from bot.adapters.telegram import translate
from bot.model import BotMembership, ChatKind, InboundMessage, MemberChange, MemberEvent
from tests.fakes import updates as u
from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME

ME = User(BOT_ID, "Loa Số", True, username=BOT_USERNAME)
BOT = Bot("123:abc")
GROUP = u.group(-4001, "Nhóm Ấp Phú Hữu")


def events(raw: dict[str, Any]) -> list:  # type: ignore[type-arg]
    return translate(Update.de_json({"update_id": 1, **raw}, BOT), ME)


def test_promotion_is_not_a_join_but_bot_admin_is_recorded() -> None:
    assert events(u.chat_member_update(GROUP, u.user(5), "member", "administrator")) == []
    [ev] = events(u.chat_member_update(GROUP, u.BOT, "member", "administrator", mine=True, by=u.user(2001)))
    assert isinstance(ev, BotMembership) and ev.active and ev.is_admin


def test_joins_from_service_message_and_bot_added_that_way() -> None:
    evs = events(u.message(GROUP, u.user(2001), new_chat_members=[u.user(5), u.BOT]))
    assert [type(e) for e in evs] == [MemberEvent, BotMembership]
    assert evs[0].change is MemberChange.JOINED and evs[0].source == "service"


def test_mentions_replies_and_commands() -> None:
    text = f"@{BOT_USERNAME} cho hỏi kích hoạt VNeID"
    raw = u.message(
        GROUP, u.user(5), text, entities=[{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
    )
    [msg] = events(raw)
    assert isinstance(msg, InboundMessage) and msg.mentions_bot and msg.command is None
    reply = u.message(GROUP, u.user(5), "còn cái này?", reply_to_message=u.message(GROUP, u.BOT, "Dạ")["message"])
    [r] = events(reply)
    assert r.reply_to_bot and r.reply_to_user is None
    [other] = events(u.message(GROUP, u.user(5), "/help@other_bot"))
    assert other.command is None  # a command for another bot is plain text to us
    [cmd] = events(u.message(u.private(5), u.user(5), "/ganap  PHUHUU "))
    assert cmd.chat.kind is ChatKind.PRIVATE and cmd.command.args == ("PHUHUU",)


def test_text_is_nfc_without_control_characters() -> None:
    decomposed = unicodedata.normalize("NFD", "Kích hoạt")  # letters plus combining marks
    assert decomposed != "Kích hoạt"
    [msg] = events(u.message(u.private(5), u.user(5), decomposed + "\u200b\x07"))
    assert msg.text == "Kích hoạt"


def test_channels_stickers_and_captions() -> None:
    assert events(u.message({"id": -100777, "type": "channel", "title": "Kênh"}, u.user(5), "tin")) == []
    assert events(u.message(GROUP, u.user(5), sticker=None)) == []
    [cap] = events(u.message(GROUP, u.user(5), caption="ảnh lúa bị mặn"))
    assert cap.text == "ảnh lúa bị mặn"
