"""The two-command demo tells the truth: bulletins to the shell's group show up in the shell
when due; bulletins to Telegram or Zalo groups stay queued and the shell says `loaso run`
sends them. Times shown to a person are local and labelled."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path

from bot.adapters.shell import ShellSession, run_shell
from bot.runtime import Runtime
from bot.store.db import utcnow
from broadcasts import outbox
from broadcasts.shell_demo import ShellOutbox
from broadcasts.targets import parse_target
from tests.bot.cli.helpers import loaso, write_config

LEADER = "2001"
THONGBAO = "/thongbao\nTối nay 19 giờ họp tổ tại nhà văn hóa ấp.\n!1\n{when}\ngui\n"


def test_leaders_bulletin_appears_in_the_shell_and_is_recorded_sent(tmp_path: Path) -> None:
    write_config(tmp_path)
    proc = loaso(tmp_path, "shell", "--private", "--as", LEADER, stdin=THONGBAO.format(when="!1"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Loa Số sẽ gửi ngay" in out
    assert "(Chạy thử) Thông báo số 1 sẽ hiện trong cửa sổ này, ở Nhóm Ấp Ngãi Hội 1." in out
    shown = out.split("📢 Tin Loa Số gửi vào Nhóm Ấp Ngãi Hội 1:\n", 1)
    assert len(shown) == 2 and "Tối nay 19 giờ họp tổ tại nhà văn hóa ấp." in shown[1]
    listed = json.loads(loaso(tmp_path, "broadcast", "list", "--json").stdout)
    assert listed[0]["sent"] == 1 and listed[0]["queued"] == 0  # the outbox says sent, as it was shown
    text = loaso(tmp_path, "broadcast", "list").stdout
    assert "(Asia/Ho_Chi_Minh)" in text and "gửi lúc " in text  # local time, labelled


def test_salinity_alert_reaches_the_shell_group(tmp_path: Path) -> None:
    write_config(tmp_path)
    proc = loaso(tmp_path, "shell", "--private", "--as", LEADER, stdin="/man DAINGAI 4.5\n")
    assert proc.returncode == 0, proc.stderr
    assert "Loa Số đang gửi cảnh báo tới 1 nhóm" in proc.stdout
    assert "📢 Tin Loa Số gửi vào Nhóm Ấp Ngãi Hội 1:\nCẢNH BÁO ĐỘ MẶN" in proc.stdout


def test_other_platforms_are_left_for_loaso_run_and_later_ones_say_when(tmp_path: Path) -> None:
    write_config(tmp_path)
    (tmp_path / "g.csv").write_text("platform,chat_id,title,hamlet\ntelegram,-100123,Ấp 1,NGAIHOI1\n", encoding="utf-8")
    assert loaso(tmp_path, "groups", "import", "g.csv").returncode == 0
    proc = loaso(tmp_path, "shell", "--private", "--as", LEADER, stdin=THONGBAO.format(when="23:59"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "1 nhóm Telegram đang chờ trong hàng gửi" in out and "`loaso run` sẽ gửi" in out
    assert "lúc 23:59 ngày" in out and "(giờ Việt Nam), nếu cửa sổ còn mở" in out
    assert "📢" not in out  # not due yet: nothing shown, nothing claimed
    listed = json.loads(loaso(tmp_path, "broadcast", "list", "--json").stdout)
    assert listed[0]["queued"] == 2 and listed[0]["sent"] == 0


async def test_a_bulletin_shows_when_it_falls_due(sqlite_runtime: Runtime) -> None:
    rt = sqlite_runtime
    session = ShellSession(rt)
    await session.prepare()
    shell = ShellOutbox(rt)
    await shell.start()
    async with rt.store.session() as s:
        await outbox.queue_bulletin(
            s, rt.config, kind="custom", target=parse_target("hamlet:NGAIHOI1", rt.config), text="Cúp điện chiều nay.",
            send_at=utcnow() + timedelta(seconds=0.5), created_by="test", now=utcnow(),
        )  # fmt: skip
    notes = await shell.explain_new()
    assert len(notes) == 1 and "Thông báo số 1 sẽ hiện trong cửa sổ này" in notes[0]
    assert await shell.due() == []
    await asyncio.sleep(0.6)
    shown = await shell.due()
    assert shown == ["📢 Tin Loa Số gửi vào Nhóm Ấp Ngãi Hội 1:\nCúp điện chiều nay."]
    assert await shell.due() == []  # shown once, recorded as sent


async def test_run_shell_prints_after_line_extras(sqlite_runtime: Runtime) -> None:
    import io

    out = io.StringIO()
    session = ShellSession(sqlite_runtime)

    async def extras() -> list[str]:
        return ["📢 thêm"]

    await run_shell(session, ["/help"], out, interactive=False, after_line=extras)
    assert out.getvalue().endswith("📢 thêm\n\n")


def test_open_terminal_shows_a_bulletin_queued_by_another_process(tmp_path: Path) -> None:
    """On a terminal the shell keeps looking: a bulletin queued meanwhile (here by
    `loaso broadcast send` in another process) appears without typing anything; Ctrl-C ends it."""
    import contextlib
    import os
    import pty
    import select
    import sys
    import time

    config = write_config(tmp_path)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real command on a terminal
        os.execv(sys.executable, [sys.executable, "-m", "bot", "--config", str(config), "shell"])

    def read_until(marker: str, within: float = 30.0) -> str:
        seen, deadline = b"", time.monotonic() + within
        while marker.encode() not in seen and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.1)[0]:
                seen += os.read(fd, 4096)
        return seen.decode(errors="replace")

    try:
        assert "Bạn:" in read_until("Bạn:")
        queued = loaso(tmp_path, "broadcast", "send", "--text", "Mất điện lúc 14 giờ.", "--to", "hamlet:NGAIHOI1")
        assert queued.returncode == 0, queued.stderr
        shown = read_until("Mất điện lúc 14 giờ.")
        assert "📢 Tin Loa Số gửi vào Nhóm Ấp Ngãi Hội 1:" in shown and "Mất điện lúc 14 giờ." in shown
        os.write(fd, b"\x03")  # Ctrl-C ends it at once, even while a line is being read
        read_until("\n", 5)
        for _ in range(100):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("loaso shell did not end on Ctrl-C")
    except BaseException:
        with contextlib.suppress(ChildProcessError):  # not reaped yet: do not leave it running
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        raise
    assert os.waitstatus_to_exitcode(status) == 0
