"""One learned judgement from the matcher's three views: which candidate, and is it sure enough.

The matcher sees a question three ways — coverage × support of the topics' key words, a naive
Bayes posterior over the same words, and letter n-gram profiles — and each is right where the
others fail: "làm vneid cho con 8 tuổi" covers the child's-card topic better, while both other
views know it asks for the child's VNeID account. Hand-set rules for when one view may
overrule another never stopped growing; here a logistic regression weighs them, trained
(``python -m bench.faq_combiner``) on questions the matcher was not built from: every
phrasing asked of a matcher built without it, and the tuning sets. Never on the sets kept
unseen.

The weights describe the views, not the topics, so they hold when leaders add or edit topics;
they live in ``faq/combiner.json`` beside the knowledge base. Pure Python at run time: a
dot product per candidate.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FEATURES = (
    "conf",  # √(coverage × support) of this candidate
    "coverage",  # share of its best phrasing's key words the question has
    "support",  # share of the question's known words this topic knows
    "key",  # how characteristic of the topic its best shared word is
    "evidence",  # specific words shared, /4, at most 1
    "enough_evidence",  # at least two specific words shared (or all there are)
    "behind_best",  # its confidence minus the best candidate's (0 for the best)
    "lead",  # its confidence minus the best other candidate's
    "nb",  # naive Bayes posterior among the candidates
    "nb_lead",  # … minus the best other candidate's
    "letters",  # letter-profile cosine
    "letters_lead",  # … minus the best other candidate's
    "asks",  # the message asks something
    "first",  # ranked first by coverage × support
    "phrasing",  # (nearly) says one of the topic's phrasings
    "no_concept",  # a live topic (weather, salinity) whose concept the question does not name
    "long",  # log of the message's syllables, /4
    "alarming",  # a topic that warns about scams
    "nb_x_letters",  # both other views for it
    "conf_x_lead",  # sure and clear
)

_EVIDENCE = FEATURES.index("evidence")
_NO_CONCEPT = FEATURES.index("no_concept")
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "faq" / "combiner.json"


@dataclass(frozen=True, slots=True)
class Combiner:
    weights: tuple[float, ...]
    bias: float
    answer_at: float  # probability needed to answer outright …
    clear_by: float  # … this far ahead of the next candidate's

    def probability(self, x: Sequence[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, rows: Sequence[Sequence[float]]) -> int | None:
        """The candidate (index into ``rows``) to answer outright, if any: the most probable, sure and
        clear enough, sharing a specific word with the question, and naming a live topic's concept."""
        if not rows:
            return None
        probs = [self.probability(x) for x in rows]
        order = sorted(range(len(probs)), key=lambda k: -probs[k])
        k = order[0]
        runner = probs[order[1]] if len(order) > 1 else 0.0
        x = rows[k]
        if (
            probs[k] >= self.answer_at
            and probs[k] - runner >= self.clear_by
            and x[_EVIDENCE] > 0
            and not x[_NO_CONCEPT]
        ):
            return k
        return None

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(FEATURES),
                "weights": [round(w, 5) for w in self.weights],
                "bias": round(self.bias, 5),
                "answer_at": self.answer_at,
                "clear_by": self.clear_by,
            },
            indent=1,
        )


def load(path: Path = DEFAULT_PATH) -> Combiner | None:
    """The trained weights, or None (the matcher's hand-set rules) when there are none or they were
    trained on another feature list — a clear message rather than a silent misreading."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data.get("features", ())) != FEATURES:
        raise ValueError(f"{path}: trained on other features; run python -m bench.faq_combiner")
    return Combiner(
        tuple(float(w) for w in data["weights"]),
        float(data["bias"]),
        float(data["answer_at"]),
        float(data["clear_by"]),
    )


def fit(
    rows: Sequence[Sequence[float]], labels: Sequence[int], epochs: int = 600, l2: float = 1e-4
) -> tuple[list[float], float]:
    """Logistic regression by full-batch gradient descent with Adam steps (a few thousand rows,
    twenty features: seconds in pure Python, and no numerical library to install)."""
    n, d = len(rows), len(FEATURES)
    w = [0.0] * d
    b = 0.0
    m = [0.0] * (d + 1)
    v = [0.0] * (d + 1)
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        grad = [0.0] * (d + 1)
        for x, y in zip(rows, labels, strict=True):
            z = b + sum(wi * xi for wi, xi in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = p - y
            for i in range(d):
                grad[i] += err * x[i]
            grad[d] += err
        for i in range(d + 1):
            g = grad[i] / n + (l2 * w[i] if i < d else 0.0)
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            step = lr * (m[i] / (1 - b1**t)) / (math.sqrt(v[i] / (1 - b2**t)) + eps)
            if i < d:
                w[i] -= step
            else:
                b -= step
    return w, b
