"""Add a phrasing to the knowledge-base file without a developer, keeping its comments.

The file is edited as text (PyYAML would drop the comments leaders read), the result is
validated as a whole before it replaces the file atomically, and a broken result is
refused with the validation errors: the file on disk is never left half-written.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import yaml

from bot.faq.knowledge import KnowledgeError, parse_knowledge
from bot.faq.normalize import folded_words
from bot.model import nfc

MAX_PHRASING = 300


class EditError(Exception):
    """Why the edit was refused: 'unknown_topic', 'exists', 'too_long', 'layout' or 'invalid'."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        super().__init__(f"{reason}: {detail}" if detail else reason)


def add_phrasing(path: Path, topic: str, phrasing: str) -> None:
    phrasing = " ".join(nfc(phrasing).split())
    if not phrasing or len(phrasing) > MAX_PHRASING:
        raise EditError("too_long", f"a phrasing is 1–{MAX_PHRASING} characters")
    text = path.read_text(encoding="utf-8")
    kb = parse_knowledge(yaml.safe_load(text))
    entry = kb.get(topic)
    if entry is None:
        raise EditError("unknown_topic", topic)
    if folded_words(phrasing) in {folded_words(q) for q in entry.questions}:
        raise EditError("exists", phrasing)
    lines = text.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if re.match(rf"^\s*-\s+id:\s*{re.escape(topic)}\s*$", ln)), None)
    if start is None:
        raise EditError("layout", f"no '- id: {topic}' line")
    head = next((i for i in range(start + 1, len(lines)) if re.match(r"^\s+questions:\s*$", lines[i])), None)
    if head is None:
        raise EditError("layout", f"{topic}: 'questions:' must be a block list")
    last = head
    for i in range(head + 1, len(lines)):
        if re.match(r"^\s+-\s", lines[i]) and lines[i].index("-") > lines[head].index("q"):
            last = i
        elif lines[i].strip():
            break
    indent = lines[last][: lines[last].index("-")] if last != head else lines[head][: lines[head].index("q")] + "  "
    lines.insert(last + 1, f"{indent}- {json.dumps(phrasing, ensure_ascii=False)}\n")
    new_text = "".join(lines)
    try:
        new_kb = parse_knowledge(yaml.safe_load(new_text))
    except (KnowledgeError, yaml.YAMLError) as exc:
        raise EditError("invalid", str(exc)) from None
    if phrasing not in new_kb.get(topic).questions:  # type: ignore[union-attr]
        raise EditError("layout", f"{topic}: the new line did not land in its questions")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".knowledge-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(new_text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
