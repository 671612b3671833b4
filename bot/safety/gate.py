"""Wording patterns behind a cheap door: the literal text without which a pattern cannot match.

The judge runs a few hundred patterns of ``safety/wording.yaml`` over every message, and most of them
find nothing. Python's ``re`` tries every branch at every position, so a pattern costs nearly as much when
none of its words is in the message as when they are: that was most of the judge's time. Each pattern here
carries the strings one of which every match must contain, read off the pattern's parse tree (a run of
literal characters, or one run per branch of an alternation); when none of them is in the text, the pattern
is not run. The answers are the same (``tests/bot/safety/test_gate.py`` checks them against plain ``re``);
only the time changes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

_sre: Any = importlib.import_module("re._parser")  # the parser ``re`` itself uses (Python ≥ 3.11)
# A door of one- or two-letter strings opens for nearly every message: not worth checking.
MIN_NEEDLE = 3
Needles = frozenset[str]


def _best(options: Iterable[Needles]) -> Needles | None:
    """The most selective requirement: the longest shortest string, then the fewest strings."""
    usable = [o for o in options if o and min(map(len, o)) >= MIN_NEEDLE]
    return max(usable, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _sequence(items: Sequence[tuple[Any, Any]]) -> Needles | None:
    """What any match of a sequence must contain: one of its literal runs, or what one of its parts needs."""
    return _best(_options(items))


def _options(items: Sequence[tuple[Any, Any]]) -> list[Needles]:
    """Every requirement of a sequence: each of its literal runs, and what each of its parts needs."""
    options: list[Needles] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        need = _item(op, av)
        if need is not None:
            options.append(need)
    if run:
        options.append(frozenset({"".join(run)}))
    return options


def _item(op: Any, av: Any) -> Needles | None:
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _sre.SRE_FLAG_IGNORECASE else _sequence(sub)
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            need = _sequence(branch)
            if need is None:
                return None  # a branch that needs nothing: the alternation needs nothing
            out |= need
        return frozenset(out)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(sub) if low >= 1 else None
    if op is _sre.ATOMIC_GROUP:
        return _sequence(av)
    return None  # classes, anchors, lookarounds, any character: nothing literal is required


def needles(pattern: str, most: int = 2) -> tuple[Needles, ...]:
    """Sets of strings every match of ``pattern`` contains one of, each (at most ``most`` of them, the most
    selective first); empty when none was found."""
    parsed = _sre.parse(pattern)
    if parsed.state.flags & _sre.SRE_FLAG_IGNORECASE:
        return ()
    options = [o for o in _options(list(parsed)) if min(map(len, o), default=0) >= MIN_NEEDLE]
    options.sort(key=lambda o: (min(map(len, o)), -len(o)), reverse=True)
    return tuple(options[:most])


class Gate:
    """Several patterns searched as one alternation, each run only when its needles are in the text."""

    __slots__ = ("parts",)

    def __init__(self, patterns: Iterable[str]):
        parts = []
        for p in patterns:
            doors = [tuple(sorted(n)) for n in needles(p)]
            parts.append((doors[0] if doors else None, doors[1] if len(doors) > 1 else None, re.compile(p)))
        self.parts = tuple(parts)

    def search(self, text: str) -> re.Match[str] | None:
        contains = text.__contains__
        for first, second, rx in self.parts:
            # map over a bound method: the loops stay in C
            if first is None or (any(map(contains, first)) and (second is None or any(map(contains, second)))):
                m = rx.search(text)
                if m is not None:
                    return m
        return None
