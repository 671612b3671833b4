"""``loaso faq review|approve|reject``: wordings residents confirmed, reviewed from the terminal."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from bot.config import load_config
from bot.model import ButtonPress, ChatKind, ChatRef, InboundMessage, Platform, UserRef
from bot.store.db import utcnow
from bot.wiring import build_runtime
from tests.bot.cli.helpers import loaso, write_config
from tests.bot.faq.mini_kb import MINI_KB, UNSURE

QUESTION = UNSURE
RESIDENT = UserRef(Platform.TELEGRAM, 5001, "Bà Năm")


async def _confirm(cfg: Path) -> None:
    """A resident asks in private, is asked back, and presses the first suggested topic."""
    rt = build_runtime(load_config(cfg))
    await rt.open()
    try:
        chat = ChatRef(Platform.TELEGRAM, RESIDENT.id, ChatKind.PRIVATE, RESIDENT.display_name)
        (out,) = await rt.dispatcher.feed(InboundMessage(chat, RESIDENT, QUESTION, utcnow(), message_id=1))
        await rt.dispatcher.feed(ButtonPress(chat, RESIDENT, out.buttons[0][0].data, utcnow()))
    finally:
        await rt.close()


def test_review_lists_and_approve_adds_the_wording(tmp_path: Path) -> None:
    kb = tmp_path / "knowledge.yaml"
    kb.write_text(MINI_KB, encoding="utf-8")
    cfg = write_config(tmp_path, faq={"path": str(kb)})
    asyncio.run(_confirm(cfg))

    listed = loaso(tmp_path, "faq", "review", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row["text"] == QUESTION and row["topic"] and set(row) == {"id", "text", "topic", "hamlet", "asked_at"}

    done = loaso(tmp_path, "faq", "approve", str(row["id"]))
    assert done.returncode == 0 and "approved" in done.stdout, done.stderr
    assert QUESTION in kb.read_text(encoding="utf-8")
    answered = json.loads(loaso(tmp_path, "ask", "--json", stdin=QUESTION + "\n").stdout)
    assert answered["topic"] == row["topic"] and answered["suggestions"] == []
    assert loaso(tmp_path, "faq", "review").stdout == ""
    again = loaso(tmp_path, "faq", "approve", str(row["id"]))
    assert again.returncode == 1 and "no confirmed wording" in again.stderr


def test_reject_leaves_the_knowledge_base_alone(tmp_path: Path) -> None:
    kb = tmp_path / "knowledge.yaml"
    kb.write_text(MINI_KB, encoding="utf-8")
    cfg = write_config(tmp_path, faq={"path": str(kb)})
    asyncio.run(_confirm(cfg))
    (row,) = [json.loads(line) for line in loaso(tmp_path, "faq", "review", "--json").stdout.splitlines()]
    before = kb.read_text(encoding="utf-8")
    done = loaso(tmp_path, "faq", "reject", str(row["id"]))
    assert done.returncode == 0 and "rejected" in done.stdout
    assert kb.read_text(encoding="utf-8") == before
