"""The knowledge base: YAML data leaders can edit, validated with errors naming entry and key.

A broken edit must never take answers away: ``LiveKnowledge`` checks the file's mtime at
most every few seconds, reloads it when it changed, and on any error keeps the previous
good version and logs the problems.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.model import nfc

log = logging.getLogger(__name__)

TOPIC_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
LIVE_KINDS = ("salinity", "weather")
ENTRY_KEYS = {"id", "title", "questions", "answer", "related", "live"}
MIN_QUESTIONS = 2
RELOAD_EVERY_S = 3.0


class KnowledgeError(Exception):
    """One line per problem, each starting with where it is: ``entries[3] (vneid.activate).answer: …``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    title: str
    questions: tuple[str, ...]
    answer: str
    related: tuple[str, ...] = ()
    live: str | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    entries: tuple[Entry, ...]

    def get(self, topic: str) -> Entry | None:
        return next((e for e in self.entries if e.id == topic), None)

    @property
    def topics(self) -> list[str]:
        return [e.id for e in self.entries]


def _text(value: Any) -> str | None:
    return nfc(value).strip() if isinstance(value, str) and value.strip() else None


def _entry(i: int, raw: Any, problems: list[str]) -> Entry | None:
    if not isinstance(raw, dict):
        problems.append(f"entries[{i}]: must be a mapping of keys (id, title, questions, answer, related)")
        return None
    eid = raw.get("id")
    where = f"entries[{i}] ({eid})" if isinstance(eid, str) else f"entries[{i}]"
    before = len(problems)
    for key in sorted(set(raw) - ENTRY_KEYS):
        problems.append(f"{where}.{key}: unknown key")
    if not isinstance(eid, str) or not TOPIC_RE.match(eid):
        problems.append(f"{where}.id: is required, like 'vneid.activate' (lowercase, group.name)")
    title, answer = _text(raw.get("title")), _text(raw.get("answer"))
    if title is None:
        problems.append(f"{where}.title: is required (short Vietnamese text)")
    if answer is None:
        problems.append(f"{where}.answer: is required (Vietnamese text)")
    questions = raw.get("questions")
    qs: list[str] = []
    if not isinstance(questions, list):
        problems.append(f"{where}.questions: must be a list of at least {MIN_QUESTIONS} phrasings")
    else:
        for qi, q in enumerate(questions):
            text = _text(q)
            if text is None:
                problems.append(f"{where}.questions[{qi}]: must be non-empty text")
            else:
                qs.append(text)
        if len(questions) < MIN_QUESTIONS:
            problems.append(f"{where}.questions: needs at least {MIN_QUESTIONS} phrasings")
    related = raw.get("related", [])
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        problems.append(f"{where}.related: must be a list of topic ids")
        related = []
    live = raw.get("live")
    if live is not None and live not in LIVE_KINDS:
        problems.append(f"{where}.live: must be one of {', '.join(LIVE_KINDS)}")
    if len(problems) > before:
        return None
    return Entry(eid, title, tuple(qs), answer, tuple(related), live)  # type: ignore[arg-type]


def parse_knowledge(data: Any) -> KnowledgeBase:
    """Validate the parsed YAML; raise ``KnowledgeError`` listing every problem."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise KnowledgeError(["(top level): must have 'entries:' with a list of entries"])
    problems: list[str] = []
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(data["entries"]):
        entry = _entry(i, raw, problems)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(f"entries[{i}] ({entry.id}).id: duplicate of entries[{seen[entry.id]}]")
            continue
        seen[entry.id] = i
        entries.append(entry)
    ids = set(seen)
    for entry in entries:
        for r in entry.related:
            if r not in ids:
                problems.append(f"entries[{seen[entry.id]}] ({entry.id}).related: unknown topic {r!r}")
            elif r == entry.id:
                problems.append(f"entries[{seen[entry.id]}] ({entry.id}).related: links to itself")
    if not entries and not problems:
        problems.append("entries: must not be empty")
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(tuple(entries))


def load_knowledge(path: Path) -> KnowledgeBase:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError([f"{path}: file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError([f"{path}: cannot read ({exc})"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise KnowledgeError([f"{path}:{where} not valid YAML ({getattr(exc, 'problem', exc)})"]) from None
    try:
        return parse_knowledge(data)
    except KnowledgeError as exc:
        raise KnowledgeError([f"{path}: {p}" for p in exc.problems]) from None


class LiveKnowledge:
    """The current knowledge base (and whatever is built from it), reloaded when the file changes.

    ``build`` turns a fresh ``KnowledgeBase`` into the object handlers use (the matcher),
    so a reload swaps both at once. The first load must succeed; later broken edits are
    logged and the last good version stays.
    """

    def __init__(
        self,
        path: Path,
        build: Callable[[KnowledgeBase], Any],
        every: float = RELOAD_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.path = path
        self._build = build
        self._every = every
        self._clock = clock
        self._mtime = self._stat()
        self.kb = load_knowledge(path)
        self.built = build(self.kb)
        self._checked = clock()
        self.last_error: KnowledgeError | None = None

    def _stat(self) -> float | None:
        try:
            return self.path.stat().st_mtime_ns
        except OSError:
            return None

    def current(self) -> Any:
        """The built object; at most every ``every`` seconds, reload if the file's mtime moved."""
        now = self._clock()
        if now - self._checked >= self._every:
            self._checked = now
            self.refresh()
        return self.built

    def refresh(self, force: bool = False) -> bool:
        """Reload now if the file changed (or ``force``); ``True`` when a new version was taken."""
        mtime = self._stat()
        if mtime == self._mtime and not force:
            return False
        self._mtime = mtime
        try:
            kb = load_knowledge(self.path)
            built = self._build(kb)
        except KnowledgeError as exc:
            self.last_error = exc
            log.error("FAQ knowledge base not reloaded, keeping the previous version:\n%s", exc)
            return False
        self.kb, self.built, self.last_error = kb, built, None
        log.info("FAQ knowledge base reloaded: %d entries", len(kb.entries))
        return True
