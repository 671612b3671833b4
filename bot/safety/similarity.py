"""How much a message's words look like the labelled scams rather than ordinary messages.

A naive Bayes score over folded words and word pairs (numbers folded to "#"), trained by
``python -m bench.safety_train`` on the labelled sets listed in ``safety/similarity.json``
(never on the sets kept unseen). The judge turns the log odds into a graded weight (more the
further on the scam side, up to a scam by itself for a long message far on that side; less
for a message clearly on the ordinary side). Pure: the model
is a JSON file read once.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent.parent / "safety" / "similarity.json"
_NUM = re.compile(r"\d+")


def features(folded: str) -> set[str]:
    words = _NUM.sub("#", folded).split()
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def train(scams: Iterable[str], ordinary: Iterable[str], *, min_count: int = 2) -> dict[str, list[float]]:
    """Log P(feature | class) with add-one smoothing, for features seen ``min_count`` times or more."""
    counts: dict[str, list[int]] = {}
    n = [0, 0]
    for label, texts in ((0, scams), (1, ordinary)):
        for folded in texts:
            n[label] += 1
            for f in features(folded):
                counts.setdefault(f, [0, 0])[label] += 1
    out: dict[str, list[float]] = {}
    for f, (s, o) in counts.items():
        if s + o >= min_count:
            out[f] = [round(math.log((s + 1) / (n[0] + 2)), 4), round(math.log((o + 1) / (n[1] + 2)), 4)]
    return out


@functools.lru_cache(maxsize=1)
def _model() -> dict[str, list[float]]:
    try:
        data = json.loads(MODEL.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("features", {})


def log_odds(folded: str, model: dict[str, list[float]] | None = None) -> float:
    """Σ log P(f|scam) − log P(f|ordinary) over the features present (equal priors)."""
    table = _model() if model is None else model
    return sum(table[f][0] - table[f][1] for f in features(folded) if f in table)
