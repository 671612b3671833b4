"""A group title or a name longer than its column is cut, so PostgreSQL never refuses the
transaction (and with it every reply in that group) (issue 12, item 12)."""

from __future__ import annotations

from sqlalchemy import select

from bot.model import ChatKind, ChatRef, InboundMessage, Platform, UserRef, parse_command
from bot.runtime import Runtime
from bot.store.base import clip
from bot.store.db import utcnow
from bot.store.tables import Group, Person

LONG_TITLE = "Nhóm ấp Ngãi Hội 1 — thông tin chung " * 20  # 740 characters
LONG_NAME = "Nguyễn Thị " * 30


async def test_long_title_and_name_do_not_break_the_group(runtime: Runtime) -> None:
    chat = ChatRef(Platform.TELEGRAM, -1009, ChatKind.GROUP, LONG_TITLE)
    for n in range(2):  # the second message finds the row and the same (cut) title: no rewrite
        msg = InboundMessage(
            chat,
            UserRef(Platform.TELEGRAM, 77, LONG_NAME),
            "/help",
            utcnow(),
            message_id=n,
            command=parse_command("/help"),
        )
        out = await runtime.dispatcher.feed(msg)
        assert out and "/hoi" in out[0].text
    async with runtime.store.session() as s:
        group = (await s.execute(select(Group))).scalar_one()
        person = (await s.execute(select(Person))).scalar_one()
    assert group.title is not None and len(group.title) == 255 and group.title.endswith("…")
    assert LONG_TITLE.startswith(group.title[:-1])
    assert person.display_name is not None and len(person.display_name) == 128


def test_clip_drops_a_dangling_combining_mark() -> None:
    assert clip("abc", 5) == "abc" and clip(None, 5) is None
    text = "aaa" + "e\u0301" * 3  # decomposed accents
    cut = clip(text, 5)
    assert cut is not None and len(cut) <= 5 and cut.endswith("…") and cut[-2] != "\u0301"


async def test_ids_no_column_holds_are_dropped_with_one_line(runtime: Runtime, caplog) -> None:  # type: ignore[no-untyped-def]
    """A forged Zalo id of 90 characters or a Telegram id beyond BIGINT: one warning, no row, no traceback."""
    import logging

    for chat_id, user_id in ((("9" * 90), "9" * 90), (-(2**70), 5), (5, 2**64)):
        platform = Platform.ZALO_BOT if isinstance(chat_id, str) else Platform.TELEGRAM
        msg = InboundMessage(
            ChatRef(platform, chat_id, ChatKind.PRIVATE), UserRef(platform, user_id), "/help", utcnow(),
            command=parse_command("/help"),
        )  # fmt: skip
        assert await runtime.dispatcher.feed(msg) == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert sum("dropped InboundMessage" in r.getMessage() for r in caplog.records) == 3
