"""The labelled evaluation set and the two numbers that matter: right answers, and silence.

Used by ``bench/faq_bench.py`` and by the test that keeps accuracy from sliding back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT

EVAL_FILE = PROJECT_ROOT / "bench" / "faq_eval.yaml"


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    topic: str | None  # None: out of scope, the bot must stay silent


@dataclass(frozen=True)
class Scores:
    in_scope: int
    correct: int
    out_of_scope: int
    silent: int
    misses: tuple[tuple[str, str | None, str | None], ...]  # question, expected, got

    @property
    def accuracy(self) -> float:
        return self.correct / self.in_scope if self.in_scope else 0.0

    @property
    def silence(self) -> float:
        return self.silent / self.out_of_scope if self.out_of_scope else 0.0


def load_cases(path: Path = EVAL_FILE) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = [Case(str(q), topic) for topic, qs in data["in_scope"].items() for q in qs]
    cases += [Case(str(q), None) for q in data["out_of_scope"]]
    return cases


def score(answer: Callable[[str], str | None], cases: list[Case]) -> Scores:
    """``answer`` maps a question to a topic, or None when it would stay silent."""
    correct = silent = n_in = n_out = 0
    misses = []
    for case in cases:
        got = answer(case.question)
        if case.topic is None:
            n_out += 1
            silent += got is None
        else:
            n_in += 1
            correct += got == case.topic
        if got != case.topic:
            misses.append((case.question, case.topic, got))
    return Scores(n_in, correct, n_out, silent, tuple(misses))
