"""Teaching the bot from the web console: a resident's question becomes a phrasing of a
topic, an answer is corrected, a new topic is drafted and approved; each change recorded
in ``faq_changes`` and undoable.

The knowledge-base file is edited through ``editing``/``revisions`` (validated, atomic, one
edit at a time in this process) and the live knowledge base is reloaded at once, so the
next question in a chat, and ``loaso ask`` (which reads the file), use the change. A
phrasing is kept only if the bot then really answers that question with that topic.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.faq.editing import MAX_PHRASING, EditError, add_phrasing
from bot.faq.knowledge import KnowledgeBase
from bot.faq.normalize import folded_words
from bot.faq.revisions import MAX_ANSWER, MAX_TITLE, add_topic, clean_answer, remove_phrasing, remove_topic, set_answer
from bot.faq.revisions import current_answer as read_answer
from bot.faq.service import live_knowledge, matcher_for
from bot.model import nfc
from bot.store.faq_changes import APPLIED, PENDING, REJECTED, UNDONE, FaqChange
from bot.store.questions import Question

GUESSES = 3
MAX_DRAFT_PHRASINGS = 12
_LOCK = asyncio.Lock()  # one edit of the file at a time (in this process; the file is replaced atomically)


class TeachError(Exception):
    """Why a change was refused; ``reason`` picks the Vietnamese message in the templates."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        super().__init__(f"{reason}: {detail}" if detail else reason)


def kb_path(config: Config) -> Path:
    return config.resolve(config.faq.path).resolve()


def knowledge(config: Config) -> KnowledgeBase:
    kb: KnowledgeBase = live_knowledge(config).kb
    return kb


async def _edit(fn: Callable[..., Any], *args: Any) -> Any:
    async with _LOCK:
        try:
            return await asyncio.to_thread(fn, *args)
        except EditError as exc:
            raise TeachError(exc.reason, str(exc)) from None


def _reload(config: Config) -> None:
    live_knowledge(config).refresh(force=True)


def phrasing_of(text: str) -> str:
    return " ".join(nfc(text).split())


def answers_with(config: Config, text: str) -> str | None:
    return matcher_for(config).match(text).topic


@dataclass(frozen=True)
class Guess:
    topic: str
    title: str
    sure: bool  # the bot's own best topic (it may still have stayed silent)


def guesses(config: Config, text: str, limit: int = GUESSES) -> list[Guess]:
    """The bot's best topic for a question, then the topics whose phrasings look most alike."""
    kb = knowledge(config)
    out: list[Guess] = []
    best = matcher_for(config).match(text).best
    if best and kb.get(best):
        out.append(Guess(best, kb.get(best).title, True))  # type: ignore[union-attr]
    choices = {f"{e.id}\x00{i}": folded_words(q) for e in kb.entries for i, q in enumerate((e.title, *e.questions))}
    for _, _, key in process.extract(folded_words(text), choices, scorer=fuzz.token_set_ratio, limit=limit * 6):
        topic = str(key).split("\x00")[0]
        if all(g.topic != topic for g in out):
            out.append(Guess(topic, kb.get(topic).title, False))  # type: ignore[union-attr]
        if len(out) >= limit:
            break
    return out


def _change(kind: str, topic: str, after: str, by: str, commune: str | None, now: datetime, **kw: Any) -> FaqChange:
    return FaqChange(kind=kind, topic=topic, after=after, created_by=by, commune=commune, created_at=now, **kw)


async def teach(
    s: AsyncSession, config: Config, question: Question, topic: str, by: str, commune: str | None, now: datetime
) -> FaqChange | None:
    """Add the question as a phrasing of ``topic``; None when it was one already (and is answered so)."""
    if knowledge(config).get(topic) is None or topic.startswith("live."):
        raise TeachError("unknown_topic", topic)
    phrasing = phrasing_of(question.text)
    if len(phrasing) > MAX_PHRASING:
        raise TeachError("too_long")
    added = True
    try:
        await _edit(add_phrasing, kb_path(config), topic, phrasing)
    except TeachError as exc:
        if exc.reason != "exists":
            raise
        added = False
    _reload(config)
    if answers_with(config, question.text) != topic:
        if added:
            await _edit(remove_phrasing, kb_path(config), topic, phrasing)
            _reload(config)
        raise TeachError("not_answered")
    if not added:
        return None
    change = _change("phrasing", topic, phrasing, by, commune, now, question_id=question.id, status=APPLIED)
    s.add(change)
    await s.flush()
    return change


async def correct_answer(
    s: AsyncSession, config: Config, topic: str, answer: str, by: str, commune: str | None, now: datetime
) -> FaqChange:
    entry = knowledge(config).get(topic)
    if entry is None or entry.live:
        raise TeachError("unknown_topic", topic)
    answer = clean_answer(answer)
    if not answer or len(answer) > MAX_ANSWER:
        raise TeachError("too_long")
    if answer == entry.answer:
        raise TeachError("unchanged")
    before = await _edit(set_answer, kb_path(config), topic, answer)
    _reload(config)
    change = _change("answer", topic, answer, by, commune, now, before=before, status=APPLIED)
    s.add(change)
    await s.flush()
    return change


def _new_topic_id(kb: KnowledgeBase, question_id: int | None, taken: set[str]) -> str:
    base = f"local.q{question_id}" if question_id else "local.topic"
    topic, n = base, 1
    while kb.get(topic) is not None or topic in taken:
        n += 1
        topic = f"{base}_{n}"
    return topic


async def draft_topic(
    s: AsyncSession,
    config: Config,
    question: Question | None,
    title: str,
    answer: str,
    phrasings: list[str],
    by: str,
    commune: str | None,
    now: datetime,
) -> FaqChange:
    """A new topic written by a leader, waiting for an official's review (``pending``)."""
    title = " ".join(nfc(title).split())
    answer = clean_answer(answer)
    qs = list(dict.fromkeys(phrasing_of(p) for p in phrasings if p.strip()))
    if not title or len(title) > MAX_TITLE or not answer or len(answer) > MAX_ANSWER:
        raise TeachError("too_long")
    if len(qs) < 2 or len(qs) > MAX_DRAFT_PHRASINGS or any(len(q) > MAX_PHRASING for q in qs):
        raise TeachError("phrasings")
    pending = set((await s.execute(select(FaqChange.topic).where(FaqChange.status == PENDING))).scalars())
    topic = _new_topic_id(knowledge(config), question.id if question else None, pending)
    change = _change(
        "topic", topic, answer, by, commune, now, title=title, extra="\n".join(qs),
        question_id=question.id if question else None, status=PENDING,
    )  # fmt: skip
    s.add(change)
    await s.flush()
    return change


async def approve(s: AsyncSession, config: Config, change: FaqChange, by: str, now: datetime) -> None:
    if change.kind != "topic" or change.status != PENDING:
        raise TeachError("not_pending")
    if knowledge(config).get(change.topic) is not None:
        change.topic = _new_topic_id(knowledge(config), change.question_id, set())
    phrasings = (change.extra or "").split("\n")
    await _edit(add_topic, kb_path(config), change.topic, change.title or "", phrasings, change.after)
    _reload(config)
    change.status, change.decided_by, change.decided_at = APPLIED, by, now


async def reject(s: AsyncSession, change: FaqChange, by: str, now: datetime) -> None:
    if change.kind != "topic" or change.status != PENDING:
        raise TeachError("not_pending")
    change.status, change.decided_by, change.decided_at = REJECTED, by, now


async def undo(s: AsyncSession, config: Config, change: FaqChange, by: str, now: datetime) -> None:
    """Put the file back as it was before this change (refused if a later change built on it)."""
    if change.status != APPLIED:
        raise TeachError("not_applied")
    path = kb_path(config)
    if change.kind == "phrasing":
        try:
            await _edit(remove_phrasing, path, change.topic, change.after)
        except TeachError as exc:
            if exc.reason not in ("missing", "unknown_topic"):
                raise
    elif change.kind == "answer":
        if await asyncio.to_thread(read_answer, path, change.topic) != change.after:
            raise TeachError("changed_since")
        await _edit(set_answer, path, change.topic, change.before or "")
    else:
        later = await s.execute(
            select(FaqChange.id).where(
                FaqChange.topic == change.topic, FaqChange.status == APPLIED, FaqChange.id != change.id
            )
        )
        if later.first() is not None:
            raise TeachError("changed_since")
        await _edit(remove_topic, path, change.topic)
    _reload(config)
    change.status, change.decided_by, change.decided_at = UNDONE, by, now


def slug_ok(topic: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", topic))
