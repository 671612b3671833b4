"""A logistic regression over a message's folded words and word pairs (and triples, where a model says so): pure
Python, seeded.

Two judgements learn this way from labelled messages: whether a group post reads like a scam
(``bot.safety.similarity``) and whether a message is about anything the knowledge base answers
(``bot.faq.scope``). Numbers are folded to "#" (amounts and dates vary, their presence does not).
Training (AdaGrad on the logistic loss, L2-regularised) takes seconds for thousands of messages
and runs in ``bench/``; at run time a model is a JSON table read once and a sum of weights.
A third, which topic a question asks (``bot.faq.learned``), is a softmax over several classes
(``Classes``): fitted in ``bench/`` by scikit-learn, scored here from one array per feature.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import random
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple, TypedDict

_NUM = re.compile(r"\d+")
L2 = 1e-4
EPOCHS = 12
STEP = 0.5  # AdaGrad's base step


class _Table(TypedDict):
    bias: float
    features: dict[str, float]


class Model(_Table, total=False):
    longest: int  # the longest word run that is a feature (2: words and pairs; 3: and triples)


EMPTY: Model = {"bias": 0.0, "features": {}}


@functools.lru_cache(maxsize=512)
def features(folded: str, longest: int = 2) -> frozenset[str]:
    """Words and word pairs, and word triples when ``longest`` is 3 (remembered for the last messages: the
    FAQ's two learned views read the same)."""
    words = _NUM.sub("#", folded).split()
    out = frozenset(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}
    if longest >= 3:
        out |= {f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    return out


def train(
    positive: Iterable[str],
    negative: Iterable[str],
    *,
    min_count: int = 2,
    l2: float = L2,
    seed: int = 1,
    longest: int = 2,
) -> Model:
    """Log-odds weights (positive vs negative) for features seen ``min_count`` times or more."""
    rows = [(sorted(features(t, longest)), 1.0) for t in positive]
    rows += [(sorted(features(t, longest)), 0.0) for t in negative]
    seen = Counter(f for fs, _ in rows for f in fs)
    rows = [([f for f in fs if seen[f] >= min_count], y) for fs, y in rows]
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_sq = 0.0, 1e-8
    rnd = random.Random(seed)
    for _ in range(EPOCHS):
        rnd.shuffle(rows)
        for fs, y in rows:
            z = max(-30.0, min(30.0, bias + sum(weights.get(f, 0.0) for f in fs)))
            g = 1 / (1 + math.exp(-z)) - y
            for f in fs:
                gf = g + l2 * weights.get(f, 0.0)
                squares[f] = squares.get(f, 1e-8) + gf * gf
                weights[f] = weights.get(f, 0.0) - STEP * gf / math.sqrt(squares[f])
            bias_sq += g * g
            bias -= STEP * g / math.sqrt(bias_sq)
    kept = {f: round(w, 4) for f, w in weights.items() if abs(w) >= 1e-4}
    model: Model = {"bias": round(bias, 4), "features": kept}
    if longest != 2:
        model["longest"] = longest
    return model


def averaged(models: Iterable[Model]) -> Model:
    """The mean of models trained alike in different orders: stochastic gradient over the rows in one seeded shuffle
    lands the weights in one place, another shuffle elsewhere; their mean has no more loss than they have on average
    (the loss is convex), and it does not hang on the luck of one order."""
    models = list(models)
    total: dict[str, float] = {}
    for m in models:
        for f, w in m["features"].items():
            total[f] = total.get(f, 0.0) + w
    n = len(models)
    kept = {f: round(w / n, 4) for f, w in total.items() if abs(w / n) >= 1e-4}
    out: Model = {"bias": round(sum(m["bias"] for m in models) / n, 4), "features": kept}
    if "longest" in models[0]:
        out["longest"] = models[0]["longest"]
    return out


def load(path: Path) -> Model:
    """The model in ``path`` (an empty one, which says nothing, if it is missing or broken)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return EMPTY
    model: Model = {"bias": float(data.get("bias", 0.0)), "features": data.get("features", {})}
    if "longest" in data:
        model["longest"] = int(data["longest"])
    return model


def save(path: Path, model: Model, trained_on: list[str]) -> None:
    write(path, trained_on, "logistic", **model)


def write(path: Path, trained_on: list[str], kind: str, **payload: object) -> None:
    """A trained file: what it was trained on (tests check no unseen set is there), its kind, its weights."""
    data = {"trained_on": trained_on, "model": kind, **payload}
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def log_odds(folded: str, model: Model) -> float:
    """The model's log odds for the positive side (0 from an empty model)."""
    table = model["features"]
    if not table:
        return 0.0
    return model["bias"] + sum(table[f] for f in features(folded, model.get("longest", 2)) if f in table)


class Classes(TypedDict):
    """A softmax regression over several classes: per feature, the weights of the classes it moves."""

    classes: list[str]
    bias: list[float]
    features: dict[str, dict[int, float]]  # feature → {class index: weight}


class Dense(NamedTuple):
    """A ``Classes`` model made ready to score: each feature's weights for every class, in one array,
    so a message's scores are a few column sums done in C (a sparse table took ~0.1 ms a long message)."""

    classes: tuple[str, ...]
    bias: array
    table: dict[str, array]
    known: frozenset[str]  # the classes, for a quick "does it know this one?"


def dense(model: Classes) -> Dense:
    k = len(model["classes"])
    table = {}
    for f, row in model["features"].items():
        col = array("d", bytes(8 * k))
        for c, w in row.items():
            col[int(c)] = w
        table[f] = col
    return Dense(tuple(model["classes"]), array("d", model["bias"]), table, frozenset(model["classes"]))


def probabilities(folded: str, model: Dense, min_known: int = 0) -> dict[str, float]:
    """Each class's probability for a message (its folded words); none when fewer than ``min_known`` of
    its features are known to the model (the classes' priors would speak, not the message)."""
    table = model.table
    cols = [table[f] for f in features(folded) if f in table]
    if len(cols) < min_known:
        return {}
    z = list(map(sum, zip(model.bias, *cols, strict=True))) if cols else list(model.bias)
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return {c: v / total for c, v in zip(model.classes, e, strict=True)}
