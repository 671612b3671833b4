"""The leader's bulletin conversation and /man, through the real dispatcher (shell platform)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.adapters.shell import ShellSession
from bot.config import Config
from bot.runtime import Runtime
from bot.store.db import to_utc_naive
from bot.store.outbox import Bulletin
from bot.store.readings import SalinityReading
from bot.wiring import build_runtime
from broadcasts import outbox
from handlers.bulletin import split_measured_at
from tests.broadcasts.helpers import add_groups, deliveries

LEADER = 2001  # config.yaml: shell leader of DAINGAI
OFFICIAL = 3001
RESIDENT = 5555


async def say(session: ShellSession, line: str) -> str:
    return "\n".join(ShellSession.render(o) for o in await session.send(line))


async def test_conversation_survives_a_restart(config: Config) -> None:
    rt = build_runtime(config)
    await rt.open()
    await add_groups(rt, [-1], "NGAIHOI1")
    await add_groups(rt, [-2], "PHUHUU")
    await add_groups(rt, [-3], "PHUNGAN")
    leader = ShellSession(rt, private=True, user_id=LEADER)
    assert "nội dung thông báo" in await say(leader, "/thongbao")
    assert "Gửi tới đâu" in await say(leader, "Mời bà con <họp> tối nay & mang CCCD")
    await rt.close()  # the bot restarts here

    rt = build_runtime(config)
    await rt.open()
    leader = ShellSession(rt, private=True, user_id=LEADER)
    assert "Gửi lúc nào" in await say(leader, "ngaihoi1, Ấp Phú Hữu")
    preview = await say(leader, "ngay")
    assert "Mời bà con <họp> tối nay & mang CCCD" in preview
    assert "Ấp Ngãi Hội 1, Ấp Phú Hữu (2 nhóm)" in preview and "ngay bây giờ" in preview
    done = await say(leader, "!1")  # the «Gửi» button
    assert "2 nhóm" in done
    rows = await deliveries(rt)
    assert len(rows) == 2 and all(r.html for r in rows)
    assert "Mời bà con &lt;họp&gt; tối nay &amp; mang CCCD" in rows[0].text
    after = await say(leader, "xin chào")  # the conversation is over: ordinary replies again
    assert "Gửi tới đâu" not in after and "Xem trước" not in after
    assert len(await deliveries(rt)) == 2
    await rt.close()


async def test_scheduled_bulletin_listed_and_cancelled(runtime: Runtime) -> None:
    await add_groups(runtime, [-1], "NGAIHOI1")
    leader = ShellSession(runtime, private=True, user_id=LEADER)
    await say(leader, "/thongbao Cắt điện ngày mai từ 7 giờ")
    await say(leader, "commune:DAINGAI")
    preview = await say(leader, "07:30 1/12/2099")
    assert "07:30 ngày 01/12/2099" in preview
    queued = await say(leader, "gửi")
    assert "Đã hẹn gửi thông báo số" in queued
    listing = await say(leader, "/dsthongbao")
    assert "Cắt điện ngày mai" in listing
    async with runtime.store.session() as s:
        (b,) = (await s.execute(Bulletin.__table__.select())).all()
    assert b.status == "scheduled"
    other = ShellSession(runtime, private=True, user_id=OFFICIAL)
    assert "Đã hủy thông báo số" in await say(other, f"/huythongbao {b.id}")  # officials may cancel any
    async with runtime.store.session() as s:
        p = await outbox.progress(s, b.id)
    assert (p.cancelled, p.queued) == (1, 0)


async def test_residents_are_refused_politely(runtime: Runtime) -> None:
    resident = ShellSession(runtime, private=True, user_id=RESIDENT)
    assert "/thongbao" not in await say(resident, "/help")
    assert "/thongbao" in await say(ShellSession(runtime, private=True, user_id=LEADER), "/help")
    for command in ("/thongbao", "/man Đại Ngãi 2", "/dsthongbao", "/huythongbao 1"):
        assert "chỉ dành cho tổ trưởng" in await say(resident, command), command
    assert await deliveries(runtime) == []


async def test_scoped_leader_cannot_target_everyone(runtime: Runtime) -> None:
    leader = ShellSession(runtime, private=True, user_id=LEADER)
    await say(leader, "/thongbao Tin thử")
    assert "chỉ gửi được cho các ấp trong xã" in await say(leader, "tất cả")
    assert "không thấy ấp" in await say(leader, "Ấp Không Có")
    assert "Đã hủy" in await say(leader, "/huy")
    official = ShellSession(runtime, private=True, user_id=OFFICIAL)
    await say(official, "/thongbao Tin thử")
    assert "Gửi lúc nào" in await say(official, "tất cả")


async def test_thongbao_in_a_group_points_to_private_chat(runtime: Runtime) -> None:
    group = ShellSession(runtime, user_id=LEADER)
    await group.prepare()
    assert "nhắn riêng" in await say(group, "/thongbao")


async def test_man_records_and_alerts_once(runtime: Runtime) -> None:
    await add_groups(runtime, [-1], "NGAIHOI1")
    leader = ShellSession(runtime, private=True, user_id=LEADER)
    first = await say(leader, "/man đại ngãi 2,5")
    assert "Đại Ngãi 2,5 g/l" in first and "cảnh báo tới 1 nhóm" in first
    second = await say(leader, "/man DAINGAI 2.7")
    assert "cảnh báo" not in second
    assert "không phải độ mặn" in await say(leader, "/man Đại Ngãi nhiều")
    assert "không có trạm" in await say(leader, "/man Cần Thơ 1")
    assert "cách dùng" in await say(leader, "/man")
    assert len(await deliveries(runtime)) == 1


async def test_man_with_an_old_time_records_without_alert(runtime: Runtime) -> None:
    """/man with a measuring time two days back: stored and confirmed with its local time, no alert;
    the same band typed as a fresh reading then alerts, because the old one warned no one."""
    await add_groups(runtime, [-1], "NGAIHOI1")
    leader = ShellSession(runtime, private=True, user_id=LEADER)
    then = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) - timedelta(days=2)
    stamp = then.strftime("%H:%M %d/%m")
    reply = await say(leader, f"/man Đại Ngãi 5 lúc {stamp}")
    assert f"đo lúc {then.strftime('%H:%M ngày %d/%m')}" in reply
    assert "không gửi cảnh báo" in reply and "cảnh báo tới" not in reply
    assert await deliveries(runtime) == []
    async with runtime.store.session() as s:
        (reading,) = (await s.execute(select(SalinityReading))).scalars()
    assert reading.grams_per_litre == 5.0
    assert abs(reading.at - to_utc_naive(then.replace(second=0))) < timedelta(minutes=1)
    assert "cảnh báo tới 1 nhóm" in await say(leader, "/man Đại Ngãi 4,5")
    assert "giờ đo chưa đúng" in await say(leader, "/man Đại Ngãi 1 25:00")
    tomorrow = (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) + timedelta(days=1)).strftime("%d/%m")
    assert "giờ đo chưa đúng" in await say(leader, f"/man Đại Ngãi 1 07:00 {tomorrow}")


def test_split_measured_at_reads_time_forms() -> None:
    now = datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert split_measured_at(["Đại", "Ngãi", "1,5"], now) == (["Đại", "Ngãi", "1,5"], None)
    assert split_measured_at(["DAINGAI", "7h"], now) == (["DAINGAI", "7h"], None)  # station and value must stay
    words, at = split_measured_at(["Đại", "Ngãi", "1,5", "lúc", "7h"], now)
    assert words == ["Đại", "Ngãi", "1,5"] and at == now.replace(hour=7, minute=0, second=0, microsecond=0)
    _, at = split_measured_at(["DAINGAI", "1,5", "21:15"], now)  # later than now: yesterday evening
    assert at == datetime(2026, 11, 30, 21, 15, tzinfo=now.tzinfo)
    _, at = split_measured_at(["DAINGAI", "1,5", "29/11", "07:00"], now)
    assert at == datetime(2026, 11, 29, 7, 0, tzinfo=now.tzinfo)
    _, at = split_measured_at(["DAINGAI", "1,5", "07:00", "29/11/2026"], now)
    assert at == datetime(2026, 11, 29, 7, 0, tzinfo=now.tzinfo)
