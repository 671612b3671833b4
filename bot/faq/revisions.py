"""More edits of the knowledge-base file, next to ``editing.add_phrasing``: take a phrasing
back, replace an answer's text, add or remove a whole topic.

Same rules as ``editing``: the file is edited as text so its comments stay, every result is
validated as a whole (and checked to say what was asked) before it atomically replaces the
file, and a refused edit leaves the file untouched. The web console records each edit
(``faq_changes``) so it can be undone with these functions.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import yaml

from bot.faq.editing import EditError
from bot.faq.knowledge import KnowledgeBase, KnowledgeError, parse_knowledge
from bot.model import nfc

MAX_ANSWER = 1500  # characters; an answer is read on a phone and must fit one message
MAX_TITLE = 120


def clean_answer(text: str) -> str:
    """NFC, trailing spaces and blank edges removed, Windows line ends made plain."""
    lines = [ln.rstrip() for ln in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def _read(path: Path) -> tuple[str, KnowledgeBase]:
    text = path.read_text(encoding="utf-8")
    return text, parse_knowledge(yaml.safe_load(text))


def _validated(new_text: str) -> KnowledgeBase:
    try:
        return parse_knowledge(yaml.safe_load(new_text))
    except (KnowledgeError, yaml.YAMLError) as exc:
        raise EditError("invalid", str(exc)) from None


def _write(path: Path, new_text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".knowledge-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(new_text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _entry_span(lines: list[str], topic: str) -> tuple[int, int, str]:
    """(first line, line after the last, indent of '- ') of a topic's entry."""
    start = next((i for i, ln in enumerate(lines) if re.match(rf"^\s*-\s+id:\s*{re.escape(topic)}\s*$", ln)), None)
    if start is None:
        raise EditError("layout", f"no '- id: {topic}' line")
    indent = lines[start][: lines[start].index("-")]
    end = len(lines)
    for i in range(start + 1, len(lines)):
        ln = lines[i]
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        lead = len(ln) - len(ln.lstrip())
        if lead <= len(indent):
            end = i
            break
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines between entries belong to neither
    return start, end, indent


def remove_phrasing(path: Path, topic: str, phrasing: str) -> None:
    """Take back one phrasing of a topic (the exact text a console change added)."""
    text, kb = _read(path)
    entry = kb.get(topic)
    if entry is None:
        raise EditError("unknown_topic", topic)
    lines = text.splitlines(keepends=True)
    start, end, _ = _entry_span(lines, topic)
    hit = None
    for i in range(start, end):
        m = re.match(r"^\s+-\s+(.*)$", lines[i])
        if m is None:
            continue
        try:
            value = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            continue
        if isinstance(value, str) and nfc(value).strip() == phrasing:
            hit = i
    if hit is None:
        raise EditError("missing", phrasing)
    del lines[hit]
    new_text = "".join(lines)
    new_kb = _validated(new_text)
    if phrasing in new_kb.get(topic).questions:  # type: ignore[union-attr]
        raise EditError("layout", f"{topic}: the phrasing is still there")
    _write(path, new_text)


def _block(key_indent: str, key: str, value: str) -> list[str]:
    body = [f"{key_indent}  {ln}\n" if ln else "\n" for ln in value.split("\n")]
    return [f"{key_indent}{key}: |-\n", *body]


def set_answer(path: Path, topic: str, answer: str) -> str:
    """Replace a topic's answer; returns the answer it had before."""
    answer = clean_answer(answer)
    if not answer or len(answer) > MAX_ANSWER:
        raise EditError("too_long", f"an answer is 1–{MAX_ANSWER} characters")
    text, kb = _read(path)
    entry = kb.get(topic)
    if entry is None:
        raise EditError("unknown_topic", topic)
    lines = text.splitlines(keepends=True)
    start, end, _ = _entry_span(lines, topic)
    key = next((i for i in range(start, end) if re.match(r"^\s+answer:", lines[i])), None)
    if key is None:
        raise EditError("layout", f"{topic}: no 'answer:' line")
    key_indent = lines[key][: len(lines[key]) - len(lines[key].lstrip())]
    stop = key + 1
    while stop < end:
        ln = lines[stop]
        if ln.strip() and len(ln) - len(ln.lstrip()) <= len(key_indent):
            break
        stop += 1
    while stop > key + 1 and not lines[stop - 1].strip():
        stop -= 1
    lines[key:stop] = _block(key_indent, "answer", answer)
    new_text = "".join(lines)
    new_kb = _validated(new_text)
    if new_kb.get(topic).answer != answer:  # type: ignore[union-attr]
        raise EditError("layout", f"{topic}: the new answer did not land as written")
    _write(path, new_text)
    return entry.answer


def add_topic(path: Path, topic: str, title: str, questions: list[str], answer: str) -> None:
    """Append a new topic at the end of the file."""
    title = " ".join(nfc(title).split())
    answer = clean_answer(answer)
    qs = [" ".join(nfc(q).split()) for q in questions if q.strip()]
    if not title or len(title) > MAX_TITLE:
        raise EditError("too_long", f"a title is 1–{MAX_TITLE} characters")
    if not answer or len(answer) > MAX_ANSWER:
        raise EditError("too_long", f"an answer is 1–{MAX_ANSWER} characters")
    text, kb = _read(path)
    if kb.get(topic) is not None:
        raise EditError("exists", topic)
    lines = text.splitlines(keepends=True)
    first = next((ln for ln in lines if re.match(r"^\s*-\s+id:", ln)), "  - id:")
    indent = first[: first.index("-")]
    inner = indent + "  "
    block = [
        "\n",
        f"{indent}- id: {topic}\n",
        f"{inner}title: {json.dumps(title, ensure_ascii=False)}\n",
        f"{inner}questions:\n",
        *(f"{inner}  - {json.dumps(q, ensure_ascii=False)}\n" for q in qs),
        *_block(inner, "answer", answer),
    ]
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    new_text = "".join(lines + block)
    new_kb = _validated(new_text)
    made = new_kb.get(topic)
    if made is None or made.answer != answer or made.title != title:
        raise EditError("layout", f"{topic}: the new topic did not land as written")
    _write(path, new_text)


def remove_topic(path: Path, topic: str) -> None:
    """Remove a whole topic (only ever one the console added: others may be linked as related)."""
    text, kb = _read(path)
    if kb.get(topic) is None:
        raise EditError("unknown_topic", topic)
    lines = text.splitlines(keepends=True)
    start, end, _ = _entry_span(lines, topic)
    while start > 0 and not lines[start - 1].strip():
        start -= 1  # the blank line that separated it
    del lines[start:end]
    new_text = "".join(lines)
    new_kb = _validated(new_text)
    if new_kb.get(topic) is not None:
        raise EditError("layout", f"{topic}: still there")
    _write(path, new_text)


def current_answer(path: Path, topic: str) -> str | None:
    entry = parse_knowledge(yaml.safe_load(path.read_text(encoding="utf-8"))).get(topic)
    return entry.answer if entry else None


def has_phrasing(path: Path, topic: str, phrasing: str) -> bool:
    entry = parse_knowledge(yaml.safe_load(path.read_text(encoding="utf-8"))).get(topic)
    return entry is not None and phrasing in entry.questions
