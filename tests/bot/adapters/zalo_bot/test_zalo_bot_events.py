"""Pure parts of the Zalo Bot adapter: update translation and body unwrapping."""

from __future__ import annotations

from datetime import datetime

from bot.adapters.zalo_bot.client import unwrap
from bot.adapters.zalo_bot.events import translate
from bot.model import ChatKind, Platform
from tests.fakes.zalo_bot import text_update

NOW = datetime(2026, 11, 24, 7, 0)


def test_private_text():
    up = translate(text_update("m1", "c1", "u1", "/start"), now=NOW)
    msg = up.message
    assert msg is not None and up.key == "msg:m1"
    assert msg.chat.platform is Platform.ZALO_BOT and msg.chat.kind is ChatKind.PRIVATE and msg.chat.id == "c1"
    assert msg.sender.id == "u1" and msg.sender.display_name == "Cô Tư"
    assert msg.command is not None and msg.command.name == "start"
    assert msg.at == datetime(2025, 11, 24, 16, 0) and msg.mentions_bot


def test_group_mentions_by_name():
    plain = translate(text_update("m2", "g1", "u1", "chào cả nhà", group=True), now=NOW, names=("Loa Số",))
    called = translate(text_update("m3", "g1", "u1", "@Loa Số ơi cho hỏi", group=True), now=NOW, names=("Loa Số",))
    assert plain.message is not None and plain.message.chat.kind is ChatKind.GROUP and not plain.message.mentions_bot
    assert called.message is not None and called.message.mentions_bot


def test_broken_and_unknown_updates_are_ignored_images_carry_media():
    image = text_update("m4", "c1", "u1", "x")
    image["event_name"] = "message.image.received"
    msg = translate(image, now=NOW).message
    assert msg is not None and msg.media is not None and msg.media.kind.value == "image"
    odd = text_update("m6", "c1", "u1", "x")
    odd["event_name"] = "message.reaction.received"
    for update in (odd, {"message": {"text": 5}}, {"message": {"chat": {}, "from": {}}}, {}):
        assert translate(update, now=NOW).message is None


def test_unwrap_accepts_all_shapes():
    one = text_update("m5", "c1", "u1", "hi")
    assert unwrap(one) == [one]
    assert unwrap({"ok": True, "result": one}) == [one]
    assert unwrap({"ok": True, "result": [one, 3, one]}) == [one, one]
    assert unwrap([one]) == [one]
    assert unwrap({"ok": True, "result": None}) == [] and unwrap(7) == [] and unwrap({}) == []


def test_display_names_are_cleaned():
    update = text_update("m9", "c1", "u1", "chào", name="Cô\x07 Tư\u200b\x1b ")
    msg = translate(update, now=NOW).message
    assert msg is not None and msg.sender.display_name == "Cô Tư"
