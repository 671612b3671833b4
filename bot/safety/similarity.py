"""How much a message's words look like the labelled scams rather than ordinary messages.

A logistic regression over folded words, word pairs and triples (numbers folded to "#", links left out:
the link rules judge those), trained by ``python -m bench.safety_train`` on the labelled sets listed
in ``safety/similarity.json`` (never on the sets kept unseen). It replaced a naive Bayes score over
the same features. Trained on all rounds but one and judged on that one (leave-one-round-out over
rounds 2-10, the same rules), the judge caught 90.9 % of scams instead of 85.8 %, with fewer false
alarms (1.2 % instead of 1.3 % warned, 2.4 % instead of 2.5 % logged); with this pass's rules over
rounds 2-12: 91.8 / 0.8 / 2.2 %. Naive Bayes counts every scam word as
independent evidence, so ordinary posts full of money words scored high and new scams made of
everyday words scored low. The judge turns the log odds into a graded weight. Pure: the model is
a JSON file read once; training takes minutes (five seeded shuffles, averaged).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from bot import textmodel
from bot.safety.fold import fold
from bot.safety.urls import Link, find_links
from bot.textmodel import Model, features

__all__ = ["MODEL", "Model", "features", "log_odds", "train", "words_only"]

MODEL = Path(__file__).resolve().parent.parent.parent / "safety" / "similarity.json"
# Word triples too ("chuyen vao tai", "de phong van"): scams reuse short phrases more than single words. Trained on
# rounds 61-68 but one and judged on that one (with this pass's rules), 1,169 of 1,300 scams caught instead of 1,125,
# 14 of 1,388 ordinary posts warned instead of 8.
LONGEST = 3


# Fitted in this many shuffled orders and averaged: one order alone moved the judge by 30 scams either way over the
# never-opened sets (the same data, seeds 1, 2, 3: 7,954, 8,002 and 8,010 of 8,375 caught).
ORDERS = 5


def train(
    scams: Iterable[str], ordinary: Iterable[str], *, min_count: int = 2, l2: float = textmodel.L2, orders: int = ORDERS
) -> Model:
    """The similarity score fitted to folded scams and ordinary messages (the mean over ``orders`` shuffles)."""
    scams, ordinary = list(scams), list(ordinary)
    return textmodel.averaged(
        textmodel.train(scams, ordinary, min_count=min_count, l2=l2, longest=LONGEST, seed=seed)
        for seed in range(1, orders + 1)
    )


def words_only(text: str, links: Iterable[Link] | None = None) -> str:
    """The message folded, without its links (``links``: those already found in it): the link rules
    judge links ("https evn com vn" would otherwise read as scam words: most labelled scams carry one)."""
    for link in find_links(text) if links is None else links:
        text = text.replace(link.raw, " ")
    return fold(text)


@functools.lru_cache(maxsize=1)
def _model() -> Model:
    return textmodel.load(MODEL)


def log_odds(folded: str, model: Model | None = None) -> float:
    """The log odds that the message is a scam (0 when no model is shipped)."""
    return textmodel.log_odds(folded, _model() if model is None else model)
