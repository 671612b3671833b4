"""A learned view of which topic a question asks, for the questions the bot would otherwise ask back on.

One logistic regression per topic (``bot.textmodel``: folded words and word pairs), trained by
``python -m bench.faq_learned`` into ``faq/learned.json`` on the knowledge base's phrasings and the
tuning sets' questions — each topic's own against every other topic's and the out-of-scope messages.
Never on the sets kept unseen. The hand rules and the views they weigh see which words a question
shares with each topic; this view has learned from real residents' wordings which words tell sibling
topics apart ("làm vneid cho con" vs "làm căn cước cho con").

It settles only a close call the matcher would ask back on (runner-up too near, or too little of a
phrasing covered), only among the topics it would offer, and only when the scope view is sure the message
asks about something we answer: then the offered topic it scores clearly highest is answered. Each tuning
set held out in turn (this view and the scope view trained without it): 66 more right answers of 1,273,
2 more wrong, 3 more out-of-scope answered of 734. A topic added after training has no model and is never
picked by it (the other views still answer it).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from bot import textmodel
from bot.textmodel import Model

MODEL = Path(__file__).resolve().parent.parent.parent / "faq" / "learned.json"
L2 = 3e-4
PRUNE = 0.5  # smaller weights are dropped: a quarter of the file, and held out it answered more, not fewer
ANSWER_AT = 0.0  # the best offered topic's log odds must be at least this …
CLEAR_BY = 2.0  # … and this far above every other offered topic's (1.0: as many right, twice the wrong) …
IN_SCOPE_AT = 2.0  # … and the scope view's log odds that the message is in scope at least this

Models = dict[str, Model]


def train(rows: Sequence[tuple[str, str]], outside: Sequence[str], l2: float = L2) -> Models:
    """``rows``: (folded question, topic id); ``outside``: folded out-of-scope messages."""
    topics = sorted({t for _, t in rows})
    out: Models = {}
    for topic in topics:
        mine = [q for q, t in rows if t == topic]
        others = [q for q, t in rows if t != topic] + list(outside)
        model = textmodel.train(mine, others, l2=l2)
        kept = {f: w for f, w in model["features"].items() if abs(w) >= PRUNE}
        out[topic] = {"bias": model["bias"], "features": kept}
    return out


def save(path: Path, models: Models, trained_on: list[str]) -> None:
    textmodel.write(path, trained_on, "logistic, one per topic", topics=models)


@functools.lru_cache(maxsize=1)
def default() -> Models | None:
    try:
        data = json.loads(MODEL.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    topics = data.get("topics") or {}
    return {t: {"bias": float(m.get("bias", 0.0)), "features": m.get("features", {})} for t, m in topics.items()}


def pick(folded: str, offered: Iterable[str], models: Models) -> str | None:
    """The offered topic this view scores clearly highest, if it is sure enough (``folded``: the
    question's folded words)."""
    scores = {t: textmodel.log_odds(folded, models[t]) for t in offered if t in models}
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    runner_up = max((v for t, v in scores.items() if t != best), default=float("-inf"))
    if scores[best] >= ANSWER_AT and scores[best] - runner_up >= CLEAR_BY:
        return best
    return None
