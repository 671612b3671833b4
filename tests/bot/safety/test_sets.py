"""The sets kept unseen stay unseen: never trained on, never printed, not copied into training data.

Failures report counts only, so that a failing run does not show the unseen messages either.
"""

from __future__ import annotations

import json

import yaml

from bench.safety_bench import NEVER_SHOWN, SETS
from bench.safety_train import MORE, MORE_R3, ROOT, ROUNDS, TRAIN
from bot.safety.fold import fold
from bot.safety.similarity import MODEL

UNSEEN = {name: path for name, path in SETS.items() if name.startswith("unseen")}


def _messages(path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for label in ("scam", "ordinary"):
        texts = data[label]
        for t in texts.values() if isinstance(texts, dict) else [texts]:
            out.update(fold(x) for x in (t if isinstance(t, list) else [t]))
    return out


def test_every_unseen_set_is_never_shown_and_never_trained_on() -> None:
    assert len(UNSEEN) >= 6
    assert set(UNSEEN) <= NEVER_SHOWN
    trained = {*TRAIN, *ROUNDS, MORE, MORE_R3}
    assert not {p.name for p in UNSEEN.values()} & trained
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    assert not {p.name for p in UNSEEN.values()} & set(model["trained_on"])


def test_no_unseen_message_is_in_the_training_data() -> None:
    training: set[str] = set()
    for name in {*TRAIN, *ROUNDS, MORE, MORE_R3}:
        training |= _messages(ROOT / "bench" / name)
    leaked = sum(len(_messages(p) & training) for p in UNSEEN.values())
    assert leaked == 0, f"{leaked} unseen messages also in the training data"
