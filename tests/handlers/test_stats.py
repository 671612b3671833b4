"""/thongke through the real dispatcher (local shell adapter): residents refused, private only."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.shell import ShellSession
from bot.runtime import Runtime
from bot.stats.sample import sample_config, seed_sample
from bot.store.db import Store
from bot.wiring import build_runtime

RESIDENT, LEADER, OFFICIAL = 1001, 2001, 3001  # roles in bot/stats/sample.py's config


@pytest.fixture
async def runtime(tmp_path: Path) -> AsyncIterator[Runtime]:
    config = sample_config()
    rt = build_runtime(config, store=Store(f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"))
    await rt.open()
    await seed_sample(rt.store)
    yield rt
    await rt.close()


async def say(rt: Runtime, user: int, text: str, *, private: bool = True) -> str:
    session = ShellSession(rt, private=private, user_id=user, user_name="Ai đó")
    await session.prepare()
    replies = await session.send(text)
    assert len(replies) == 1
    return replies[0].text


async def test_resident_is_refused(runtime: Runtime) -> None:
    text = await say(runtime, RESIDENT, "/thongke")
    assert text == runtime.texts.say("refused")
    assert "Thành viên" not in text


async def test_leader_gets_own_commune_in_private(runtime: Runtime) -> None:
    text = await say(runtime, LEADER, "/thongke")
    assert "Thống kê Xã Đại Ngãi" in text
    assert "Thành viên: 6 trong 3 nhóm, độ phủ 4,0% số hộ" in text
    assert "Ấp Ngãi Hội 1: 4 · 4,0%" in text


async def test_leader_cannot_see_other_commune(runtime: Runtime) -> None:
    assert await say(runtime, LEADER, "/thongke LONGDUC") == runtime.texts.say("refused_commune")
    assert await say(runtime, LEADER, "/thongke NOWHERE") == runtime.texts.say("unknown_commune", code="NOWHERE")


async def test_official_sees_any_commune_and_all(runtime: Runtime) -> None:
    text = await say(runtime, OFFICIAL, "/thongke longduc")
    assert "Thống kê Xã Long Đức" in text and "Thành viên: 1 trong 1 nhóm" in text
    everything = await say(runtime, OFFICIAL, "/thongke")
    assert "Tất cả các xã" in everything and "Thành viên: 7 trong 4 nhóm" in everything


async def test_in_a_group_it_points_to_private_chat(runtime: Runtime) -> None:
    text = await say(runtime, LEADER, "/thongke", private=False)
    assert text == runtime.texts.render("stats/private_only.txt.j2")


async def test_a_question_asked_in_a_group_shows_up(runtime: Runtime) -> None:
    def asked(text: str) -> int:
        match = re.search(r"Câu hỏi: (\d+)", text)
        assert match, text
        return int(match.group(1))

    before = asked(await say(runtime, LEADER, "/thongke"))
    group = ShellSession(runtime, user_id=RESIDENT, user_name="Cô Tư", hamlet="NGAIHOI1")
    await group.prepare()
    assert await group.send("/hoi quên mật khẩu VNeID")  # the FAQ answers and logs the question
    assert asked(await say(runtime, LEADER, "/thongke")) == before + 1


async def test_messages_in_a_group_are_counted_not_stored(runtime: Runtime) -> None:
    def figure(pattern: str, text: str) -> int:
        match = re.search(pattern, text)
        assert match, text
        return int(match.group(1).replace(".", ""))

    before = await say(runtime, LEADER, "/thongke")
    group = ShellSession(runtime, user_id=4242, user_name="Bác Ba", hamlet="PHUHUU")
    await group.prepare()
    for line in ("chào cả nhà", "mai họp ấp nha", "ok"):
        await group.send(line)
    await runtime.dispatcher.activity.flush()
    after = await say(runtime, LEADER, "/thongke")
    assert figure(r"Tin nhắn: ([\d.]+)", after) == figure(r"Tin nhắn: ([\d.]+)", before) + 3
    active = r"Người hoạt động: ([\d.]+) \(7 ngày\)"
    assert figure(active, after) == figure(active, before) + 1
    assert figure(r"Thành viên: ([\d.]+)", after) == figure(r"Thành viên: ([\d.]+)", before) + 1
    assert "mai họp ấp" not in after


async def test_leader_without_commune_is_refused(tmp_path: Path) -> None:
    from bot.stats.sample import CONFIG

    roles = [*CONFIG["roles"], {"platform": "shell", "user_id": 2002, "role": "leader"}]
    rt = build_runtime(sample_config(roles=roles), store=Store(f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"))
    await rt.open()
    try:
        await seed_sample(rt.store)
        for text in ("/thongke", "/thongke LONGDUC"):
            reply = await say(rt, 2002, text)
            assert reply == rt.texts.say("stats_no_commune") and "Thành viên" not in reply
    finally:
        await rt.close()
