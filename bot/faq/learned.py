"""A learned view of which topic a question asks — or that it asks nothing we answer.

A softmax regression (``bot.textmodel.Classes``: folded words and word pairs) over the topics and
"out of scope", fitted by ``python -m bench.faq_learned`` into ``faq/learned.json`` on the knowledge
base's phrasings and the tuning sets' questions and out-of-scope messages; never on the sets kept
unseen. The hand rules see which words a question shares with each topic's phrasings; this view has
learned from residents' own wordings which words tell topics apart ("làm vneid cho con" vs "làm căn
cước cho con") and which belong to village talk.

The two are weighed together (``decide``): an answer of the rules stands when the view gives it some
weight; when the view finds it unlikely, the view's own topic is answered if it is sure, else the bot
asks back; an answer the view calls out of scope is held back; a close call the rules would ask back on
is settled when the view is sure; a question the rules took for a story or another matter (no question's
words: "tui vô cổng dịch vụ công đăng nhập thì nó quay vòng vòng hoài") is answered when the view is nearly
sure; and when the bot asks back, the view's likely topics join the buttons.
The view never picks the weather, salinity or the bot itself over the rules (their rules ask for their own
words): it answers one of them only when the rules put it first among their choices, holds their answers back
only when it is nearly sure the message is village talk ("sầu riêng bị vàng lá sau mùa mưa"), and turns such
an answer to its own topic only when sure ("bán mực một nắng online"). It never touches a message the rules
keep out of a conversation (news, small talk, a name called). A topic added after training is unknown to the
view and left to the rules.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection
from pathlib import Path

from bot import textmodel
from bot.textmodel import Classes, Dense

MODEL = Path(__file__).resolve().parent.parent.parent / "faq" / "learned.json"
OUT = "_out_of_scope"  # the class of messages about nothing the knowledge base answers

# Chosen on the tuning sets, each held out in turn (views fitted without it); see docs/faq.md.
KEEP = 0.4  # the rules' answer stands if the view gives it at least this (or ranks it first) …
SWITCH = 0.7  # … else the view's own topic is answered if it is this sure, else the bot asks back
SETTLE = 0.7  # a close call of the rules is settled by an offered topic the view gives this much …
SETTLE_UNMATCHED = 0.5  # … and a question whose words the rules barely matched, by any topic given this much
SPEAK_UP = 0.9  # a question the rules took for a story or another matter is answered when the view is this sure
OUT_AT = 0.5  # an answer is held back when the view gives "out of scope" this much, and more than it
OUT_AT_EXEMPT = 0.95  # … or this much for the weather, salinity and the bot, whose rules ask for their words
# (0.8 was tried: it held back "hôm qua mưa bao nhiêu", which the bot must answer); as sure as this, a close call
# of the rules offers no topics either (held out: 263 fewer out-of-scope messages of 1,467 got topic buttons, the
# right topic answered or offered unchanged at 98.2 %)
# The weather, salinity and the bot otherwise (chosen on dev 33-37 and 42-46 held out, eighth pass; docs/faq.md):
SWITCH_FROM_EXEMPT = 0.8  # their answer turns to the view's topic when it gives theirs < KEEP and its own this much;
SETTLE_EXEMPT = 0.6  # a close call with one of them first is answered when the view gives it this much …
SPEAK_UP_EXEMPT = 0.7  # … and a question the rules took for a story, with one of them first, from this much
OFFER_AT = 0.1  # the view's topics with this much join the buttons when the bot asks back
SETTLES = frozenset({"ambiguous", "low_coverage"})  # the rules' reasons a learned view may settle
# The rules' reasons to stay silent that the view may overrule when it is nearly sure: a question told as a
# story without a question's words ("tui làm tới bước quét khuôn mặt thì nó báo không khớp"), or one naming
# a matter we do not answer beside one we do ("trợ cấp thất nghiệp coi trong vneid được không").
SPEAKS = frozenset({"statement", "other_matter"})
MAX_OFFERED = 3
MIN_KNOWN = 2  # with fewer of its words and pairs known to the view, the view says nothing ("quenmatkhauvneid")


def save(path: Path, model: Classes, trained_on: list[str]) -> None:
    textmodel.write(path, trained_on, "softmax over the topics and out of scope", **model)


@functools.lru_cache(maxsize=1)
def default() -> Dense | None:
    """The shipped view, ready to score (None if the file is missing or broken)."""
    try:
        data = json.loads(MODEL.read_text(encoding="utf-8"))
        model: Classes = {
            "classes": [str(c) for c in data["classes"]],
            "bias": [float(b) for b in data["bias"]],
            "features": {f: {int(k): float(w) for k, w in row.items()} for f, row in data["features"].items()},
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return textmodel.dense(model) if len(model["bias"]) == len(model["classes"]) > 1 else None


def decide(
    answered: str | None,
    reason: str,
    offered: tuple[str, ...],
    probs: dict[str, float],
    exempt: Collection[str],
    *,
    shown: bool = False,
) -> tuple[str | None, tuple[str, ...], str] | None:
    """The rules' decision (``answered``, ``reason``, ``offered``) weighed with the view's ``probs``:
    (topic answered, topics offered, reason), or None to keep the rules' decision. ``exempt``: topics the
    view never picks (weather, salinity, the bot). ``shown``: the text was read from a picture the resident
    sent the bot to ask about it — not village talk, so the view's "out of scope" does not hold back an
    answer of the rules (an app's notice "Thông báo: Hệ thống đang bảo trì" reads like a group's notice)."""
    p_out = probs.get(OUT, 0.0)
    first = offered[0] if offered else ""
    if answered is None and first in exempt and (reason in SETTLES or reason in SPEAKS):
        # "tối nay gió cấp mấy": the rules put the weather first but found too few of its words to answer.
        p = probs.get(first, 0.0)
        if p > p_out and p >= (SETTLE_EXEMPT if reason in SETTLES else SPEAK_UP_EXEMPT):
            return first, (), "ok"
    ranked = sorted((t for t in probs if t != OUT and t not in exempt), key=probs.__getitem__, reverse=True)
    if not ranked:
        return None
    best, p_best = ranked[0], probs[ranked[0]]
    if answered is not None:
        if answered not in probs:
            return None  # a topic added after training: the view knows nothing of it
        p = probs[answered]
        if not shown and p_out >= (OUT_AT_EXEMPT if answered in exempt else OUT_AT) and p < p_out:
            return None, _offer((answered,), ranked, probs), "out_of_scope"
        if answered in exempt:
            # "bán mực một nắng online" is no weather question: "nắng" is the rules' only word for it.
            return (best, (), "ok") if p < KEEP and p_best >= SWITCH_FROM_EXEMPT else None
        if p >= KEEP or best == answered:
            return None
        if p_best >= SWITCH:
            return best, (), "ok"
        return None, _offer((answered,), ranked, probs), "ambiguous"
    if reason in SPEAKS:
        return (best, (), "ok") if p_best >= SPEAK_UP and p_best > p_out else None
    switch = SETTLE_UNMATCHED if reason == "low_coverage" else SWITCH
    if reason in SETTLES and p_best > p_out and ((p_best >= SETTLE and best in offered) or p_best >= switch):
        return best, (), "ok"
    if reason not in SETTLES:
        return None
    if p_out >= OUT_AT_EXEMPT and offered:
        return None, (), "out_of_scope"  # village talk: no topic buttons, the team's contacts instead
    if p_out >= OUT_AT:
        return None
    more = _offer(offered, ranked, probs)
    return None if more == offered else (None, more, reason)


def _offer(offered: tuple[str, ...], ranked: list[str], probs: dict[str, float]) -> tuple[str, ...]:
    """The rules' topics and the view's likely ones, alternating, at most three."""
    view = [t for t in ranked[:MAX_OFFERED] if probs[t] >= OFFER_AT]
    out: list[str] = []
    for i in range(MAX_OFFERED):
        for side in (offered, view):
            if i < len(side) and side[i] not in out and len(out) < MAX_OFFERED:
                out.append(side[i])
    return tuple(out)
