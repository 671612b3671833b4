"""Numbered choices for Zalo: rendering, and a number reply turned into the button press."""

from __future__ import annotations

from datetime import datetime

from bot.adapters.zalo.buttons import ButtonMemory, plain_text
from bot.model import Button, ButtonPress, ChatKind, ChatRef, InboundMessage, Outbound, Platform, UserRef
from bot.texts import default_texts

PRIVATE = ChatRef(Platform.ZALO_BOT, "c1", ChatKind.PRIVATE)
GROUP = ChatRef(Platform.ZALO_BOT, "g1", ChatKind.GROUP)
USER = UserRef(Platform.ZALO_BOT, "u1")
BUTTONS = ((Button("👍 Hữu ích", "fb:1:u"), Button("👎 Chưa đúng ý", "fb:1:n")), (Button("Mức 1 là gì", "rel:x"),))


def said(chat: ChatRef, text: str) -> InboundMessage:
    return InboundMessage(chat, USER, text, datetime(2026, 11, 24))


def test_private_choices_are_numbered_and_a_number_presses_them():
    clock = [0.0]
    memory = ButtonMemory(clock=lambda: clock[0])
    out = Outbound(PRIVATE, "<b>Trả lời</b> &amp; xong", html=True, buttons=BUTTONS)
    text = plain_text(out, default_texts(), memory)
    assert text == "Trả lời & xong\n\n1. 👍 Hữu ích\n2. 👎 Chưa đúng ý\n3. Mức 1 là gì\n(Nhắn số 1–3 để chọn.)"
    press = memory.press(said(PRIVATE, " 3 "))
    assert isinstance(press, ButtonPress) and press.data == "rel:x" and press.chat == PRIVATE
    assert memory.press(said(PRIVATE, "4")) is None and memory.press(said(PRIVATE, "3 cái")) is None
    clock[0] += 25 * 3600  # a day later the choices are forgotten
    assert memory.press(said(PRIVATE, "1")) is None


def test_groups_get_no_list_and_numbers_stay_text():
    memory = ButtonMemory()
    assert plain_text(Outbound(GROUP, "Trả lời", buttons=BUTTONS), default_texts(), memory) == "Trả lời"
    assert memory.press(said(GROUP, "1")) is None


def test_a_reply_without_buttons_clears_the_choices_and_notes_become_text():
    memory = ButtonMemory()
    plain_text(Outbound(PRIVATE, "a", buttons=BUTTONS), default_texts(), memory)
    plain_text(Outbound(PRIVATE, "b"), default_texts(), memory)
    assert memory.press(said(PRIVATE, "1")) is None
    assert (
        plain_text(Outbound(PRIVATE, "", answer_callback="Cảm ơn bà con!"), default_texts(), memory) == "Cảm ơn bà con!"
    )
