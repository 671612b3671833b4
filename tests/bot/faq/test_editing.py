from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.faq.editing import EditError, add_phrasing
from bot.faq.knowledge import load_knowledge

KB = PROJECT_ROOT / "faq" / "knowledge.yaml"


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    path = tmp_path / "knowledge.yaml"
    shutil.copy(KB, path)
    return path


def test_adds_a_phrasing_and_keeps_comments(kb_copy: Path) -> None:
    add_phrasing(kb_copy, "vneid.forgot_password", 'mất "pass" vneid: làm sao')
    kb = load_knowledge(kb_copy)
    assert kb.get("vneid.forgot_password").questions[-1] == 'mất "pass" vneid: làm sao'  # type: ignore[union-attr]
    assert kb.get("vneid.change_phone").questions == load_knowledge(KB).get("vneid.change_phone").questions  # type: ignore[union-attr]
    assert kb_copy.read_text(encoding="utf-8").startswith("# Loa Số — knowledge base")


@pytest.mark.parametrize(
    ("topic", "phrasing", "reason"),
    [
        ("vneid.nope", "câu hỏi", "unknown_topic"),
        ("vneid.forgot_password", "Quên mật khẩu VNeID phải làm sao", "exists"),
        ("vneid.forgot_password", "x" * 301, "too_long"),
    ],
)
def test_refused_edits_leave_the_file_alone(kb_copy: Path, topic: str, phrasing: str, reason: str) -> None:
    before = kb_copy.read_bytes()
    with pytest.raises(EditError) as err:
        add_phrasing(kb_copy, topic, phrasing)
    assert err.value.reason == reason
    assert kb_copy.read_bytes() == before
