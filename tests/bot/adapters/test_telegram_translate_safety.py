"""What a message carries for the safety judge: forwarded, attached files, hidden links, the replied-to text."""

from __future__ import annotations

from typing import Any

from telegram import Bot, Update, User

from bot.adapters.telegram import translate
from bot.model import InboundMessage
from tests.fakes import updates as u
from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME

ME = User(BOT_ID, "Loa Số", True, username=BOT_USERNAME)
BOT = Bot("123:abc")
GROUP = u.group(-4001, "Nhóm Ấp Phú Hữu")


def one(raw: dict[str, Any]) -> InboundMessage:
    [ev] = translate(Update.de_json({"update_id": 1, **raw}, BOT), ME)
    assert isinstance(ev, InboundMessage)
    return ev


def test_plain_message_has_no_safety_extras() -> None:
    ev = one(u.message(GROUP, u.user(5), "chào cả nhà"))
    assert (ev.forwarded, ev.files, ev.hidden_links, ev.reply_to_text) == (False, (), (), None)


def test_forwarded_document_without_caption_is_a_message() -> None:
    doc = {"file_id": "f", "file_unique_id": "u", "file_name": "VNeID.apk"}
    origin = {"type": "hidden_user", "sender_user_name": "Ai", "date": 1_700_000_000}
    ev = one(u.message(GROUP, u.user(5), document=doc, forward_origin=origin))
    assert ev.forwarded and ev.files == ("VNeID.apk",) and ev.text == ""


def test_hidden_link_behind_text_and_replied_text() -> None:
    replied = u.message(GROUP, u.user(6), "Nhận quà tại bit.ly/abc")["message"]
    text = "bấm vào đây nè"
    ev = one(
        u.message(
            GROUP,
            u.user(5),
            text,
            entities=[{"type": "text_link", "offset": 0, "length": 6, "url": "https://vietcombank-xacthuc.com/a"}],
            reply_to_message=replied,
        )
    )
    assert ev.hidden_links == ("https://vietcombank-xacthuc.com/a",)
    assert ev.reply_to_text == "Nhận quà tại bit.ly/abc" and ev.reply_to_message_id == replied["message_id"]
