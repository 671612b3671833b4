"""Leaders and officials act only inside their commune, in every chat command (issue 12, items 1–5).

Two communes: DAINGAI (the sample) and LONGPHU (hamlet LP1, salinity from station TRANDE).
Anh Sơn (2001) leads DAINGAI; Chị Mai (3002) is an official limited to DAINGAI in config.yaml.
Everything goes through the real dispatcher and handlers, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import PROJECT_ROOT, Config
from bot.model import ButtonPress, ChatKind, ChatRef, InboundMessage, Outbound, Platform, Role, UserRef, parse_command
from bot.runtime import Runtime
from bot.store.db import Store, utcnow
from bot.store.groups import ensure_group
from bot.store.outbox import Bulletin
from bot.store.readings import SalinityReading
from bot.store.roles import grant_role, role_of
from bot.store.tables import Group
from bot.wiring import build_runtime
from broadcasts import outbox
from broadcasts.targets import Target
from tests.conftest import sample_config

LEADER = 2001
OFFICIAL_DAINGAI = 3002
OFFICIAL_ALL = 3001
RESIDENT = 1001
OTHER_GROUP = -5005  # a group of LONGPHU's hamlet LP1
OWN_GROUP = -5001  # a group of DAINGAI's NGAIHOI1

_ids = itertools.count(1)


def two_communes(tmp_path: Path) -> Config:
    base = sample_config(tmp_path)
    data = base.model_dump(exclude={"base_dir"})
    other = {
        "code": "LONGPHU",
        "name": "Xã Long Phú",
        "province": "Thành phố Cần Thơ",
        "office": "UBND xã Long Phú",
        "hamlets": [
            {"code": "LP1", "name": "Ấp Long Phú 1", "lat": 9.6, "lon": 106.1, "households": 100, "station": "TRANDE"}
        ],
    }
    data["communes"] = [*data["communes"], other]
    data["roles"] = [
        *data["roles"],
        {"platform": "shell", "user_id": OFFICIAL_DAINGAI, "role": "official", "commune": "DAINGAI", "name": "Mai"},
    ]
    return Config.model_validate({**data, "base_dir": PROJECT_ROOT})


@pytest.fixture
async def rt(tmp_path: Path, store: Store) -> AsyncIterator[Runtime]:
    runtime = build_runtime(two_communes(tmp_path), store=store)
    await runtime.open()
    async with runtime.store.session() as s:
        for chat_id, hamlet in ((OTHER_GROUP, "LP1"), (OWN_GROUP, "NGAIHOI1")):
            g = await ensure_group(s, ChatRef(Platform.SHELL, chat_id, ChatKind.GROUP, f"Nhóm {hamlet}"), utcnow())
            g.hamlet_code = hamlet
    yield runtime


def _chat(chat_id: int) -> ChatRef:
    kind = ChatKind.PRIVATE if chat_id > 0 else ChatKind.GROUP
    return ChatRef(Platform.SHELL, chat_id, kind)


async def say(rt: Runtime, sender: int, text: str, chat: int | None = None, reply_to: int | None = None) -> str:
    msg = InboundMessage(
        _chat(chat if chat is not None else sender),
        UserRef(Platform.SHELL, sender, f"Người {sender}"),
        text,
        utcnow(),
        message_id=next(_ids),
        command=parse_command(text),
        reply_to_user=UserRef(Platform.SHELL, reply_to) if reply_to else None,
    )
    return "\n".join(o.text for o in await rt.dispatcher.feed(msg))


async def hamlet_of(rt: Runtime, chat_id: int) -> str | None:
    async with rt.store.session() as s:
        return (
            await s.execute(select(Group.hamlet_code).where(Group.chat_id == chat_id, Group.platform == "shell"))
        ).scalar_one()


async def test_ganap_refuses_to_take_another_communes_group(rt: Runtime) -> None:
    """Item 1: the group's current hamlet is checked, not only the target hamlet."""
    reply = await say(rt, LEADER, "/ganap NGAIHOI1", chat=OTHER_GROUP)
    assert "xã của mình" in reply
    assert await hamlet_of(rt, OTHER_GROUP) == "LP1"
    # in their own commune it still works
    assert "Đã gắn" in await say(rt, LEADER, "/ganap NGAIHOI2", chat=OWN_GROUP)
    assert await hamlet_of(rt, OWN_GROUP) == "NGAIHOI2"


async def test_man_refuses_another_communes_station(rt: Runtime) -> None:
    """Item 2: no reading stored and no alert for a station only another commune uses."""
    reply = await say(rt, LEADER, "/man TRANDE 6")
    assert "không ghi độ mặn" in reply
    async with rt.store.session() as s:
        assert (await s.execute(select(SalinityReading))).first() is None
        assert (await s.execute(select(Bulletin))).first() is None
    assert "Đã ghi" in await say(rt, LEADER, "/man DAINGAI 0.5")


async def test_dsthongbao_lists_only_bulletins_reaching_the_leaders_commune(rt: Runtime) -> None:
    """Item 3: another commune's scheduled bulletin is neither listed nor cancellable."""
    later = utcnow() + timedelta(days=1)
    async with rt.store.session() as s:
        theirs = await outbox.queue_bulletin(
            s, rt.config, kind="policy", target=Target("commune", ("LONGPHU",)), text="Bí mật của Long Phú",
            send_at=later, created_by="shell:9999", now=utcnow(),
        )  # fmt: skip
        ours = await outbox.queue_bulletin(
            s, rt.config, kind="policy", target=Target("commune", ("DAINGAI",)), text="Tin của Đại Ngãi",
            send_at=later, created_by="shell:9999", now=utcnow(),
        )  # fmt: skip
    listing = await say(rt, LEADER, "/dsthongbao")
    assert "Tin của Đại Ngãi" in listing and "Long Phú" not in listing
    official_listing = await say(rt, OFFICIAL_DAINGAI, "/dsthongbao")
    assert "Long Phú" not in official_listing
    await say(rt, OFFICIAL_DAINGAI, f"/huythongbao {theirs.bulletin_id}")
    async with rt.store.session() as s:
        assert (await s.get(Bulletin, theirs.bulletin_id)).status == "scheduled"  # type: ignore[union-attr]
        assert (await s.get(Bulletin, ours.bulletin_id)) is not None
    assert "Long Phú" in await say(rt, OFFICIAL_ALL, "/dsthongbao")


async def test_feedback_only_from_the_person_who_asked(rt: Runtime) -> None:
    """Item 4: pressing 👎 on someone else's answer changes nothing."""
    question = InboundMessage(
        _chat(RESIDENT), UserRef(Platform.SHELL, RESIDENT), "quên mật khẩu vneid thì làm sao",
        utcnow(), message_id=next(_ids),
    )  # fmt: skip
    outs = await rt.dispatcher.feed(question)
    data = next(b.data for o in outs for row in o.buttons for b in row if b.data.endswith(":n"))

    async def press(who: int) -> list[Outbound]:
        return await rt.dispatcher.feed(
            ButtonPress(_chat(RESIDENT), UserRef(Platform.SHELL, who), data, utcnow(), callback_id=str(next(_ids)))
        )

    from bot.store.questions import Question

    stranger = await press(4242)
    assert "chỉ người đã hỏi" in (stranger[0].answer_callback or "")
    async with rt.store.session() as s:
        assert (await s.execute(select(Question.feedback))).scalar_one() is None
    await press(RESIDENT)
    async with rt.store.session() as s:
        assert (await s.execute(select(Question.feedback))).scalar_one() is not None
    # a huge, unguessable-looking id is no row and no crash
    huge = ButtonPress(_chat(RESIDENT), UserRef(Platform.SHELL, RESIDENT), "fb:99999999999999999999:u", utcnow())
    assert await rt.dispatcher.feed(huge) == []


async def test_scoped_official_acts_only_in_their_commune(rt: Runtime) -> None:
    """Item 5: an official's commune in config.yaml limits them like a leader's."""
    assert "xã của mình" in await say(rt, OFFICIAL_DAINGAI, "/ganap NGAIHOI1", chat=OTHER_GROUP)
    assert await hamlet_of(rt, OTHER_GROUP) == "LP1"
    assert "xã của mình" in await say(rt, OFFICIAL_DAINGAI, "/capquyen 7001 totruong LONGPHU")
    async with rt.store.session() as s:
        assert (await role_of(s, rt.config, UserRef(Platform.SHELL, 7001))).role is Role.RESIDENT
        await grant_role(s, UserRef(Platform.SHELL, 7002), Role.LEADER, "LONGPHU", "test", utcnow())
    assert "xã của mình" in await say(rt, OFFICIAL_DAINGAI, "/thuhoiquyen 7002")
    async with rt.store.session() as s:
        assert (await role_of(s, rt.config, UserRef(Platform.SHELL, 7002))).role is Role.LEADER
    # within their commune they still grant
    assert "Đã cấp quyền" in await say(rt, OFFICIAL_DAINGAI, "/capquyen 7003 totruong")
    async with rt.store.session() as s:
        grant = await role_of(s, rt.config, UserRef(Platform.SHELL, 7003))
    assert grant.role is Role.LEADER and grant.commune == "DAINGAI"
    # an unscoped official still acts anywhere
    assert "Đã gắn" in await say(rt, OFFICIAL_ALL, "/ganap LP1", chat=OWN_GROUP)


async def test_plain_replies_are_not_html_escaped(rt: Runtime) -> None:
    """Item 11: a plain-text reply shows what the person typed, not '&amp;'."""
    reply = await say(rt, LEADER, "/ganap A&B<x>", chat=OWN_GROUP)
    assert "«A&B<x>»" in reply and "&amp;" not in reply


async def test_capquyen_with_an_id_no_column_holds(rt: Runtime) -> None:
    reply = await say(rt, OFFICIAL_ALL, "/capquyen 99999999999999999999999 totruong")
    assert "/capquyen" in reply  # the usage, not a crash
