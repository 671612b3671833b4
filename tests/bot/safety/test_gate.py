"""The gate must never change an answer: a pattern it does not run is a pattern that could not match."""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.safety_bench import SETS, WORST, load
from bot.safety.fold import fold
from bot.safety.gate import Gate, needles
from bot.safety.lists import DATA_DIR


def _wording_patterns() -> list[str]:
    wording = yaml.safe_load((DATA_DIR / "wording.yaml").read_text(encoding="utf-8"))
    out: list[str] = []
    for section in ("themes", "asks"):
        for spec in wording[section].values():
            for key in ("patterns", "strong", "certain"):
                out += [str(p) for p in spec.get(key) or ()]
    out += [str(p) for p in wording["calming"]["patterns"]]
    out += [str(p) for p in (wording.get("about") or {}).get("patterns") or ()]
    for spec in (wording.get("cues") or {}).values():
        out += [str(p) for p in spec["patterns"]]
    return out


PATTERNS = _wording_patterns()


def test_needles_are_the_literal_text_a_match_needs() -> None:
    assert needles(r"\b(canh bao|canh giac)\b|^(lua dao)\b") == (frozenset({"canh ", "lua dao"}),)  # prefix shared
    # Every item of a sequence is required: the two most selective doors are kept, longest first.
    assert needles(r"(?<!su )\b(dung|tuyet doi khong) (\w+ )?(cung cap|bam)") == (
        frozenset({"dung", "tuyet doi khong"}),
        frozenset({"cung cap", "bam"}),
    )
    assert needles(r"\bhoa hong (cao|\d+|moi don)") == (frozenset({"hoa hong "}),)
    # Optional parts, classes, short strings and case-blind patterns require nothing we can check cheaply.
    assert needles(r"(tien )?\d+") == ()
    assert needles(r"\b(ab|cd)\b") == ()
    assert needles(r"(?i)canh bao") == ()
    assert needles(r"x(canh|\d)") == ()  # a branch that needs nothing


def test_the_wording_has_doors() -> None:
    """Most patterns are gated, or the gate buys nothing (the judge's p99 is in bench/safety_bench.py)."""
    gated = sum(1 for p in PATTERNS if needles(p))
    assert gated / len(PATTERNS) > 0.8


def test_every_wording_pattern_answers_as_plain_re_on_the_labelled_messages() -> None:
    texts = list(WORST)
    for name in ("round 34", "round 35", "tuning"):
        scams, ordinary = load(SETS[name])
        texts += scams + ordinary
    folded = [fold(t) for t in texts]
    for pattern in PATTERNS:
        plain, gate = re.compile(pattern), Gate([pattern])
        differ = [t for t in folded if (plain.search(t) is None) != (gate.search(t) is None)]
        assert differ == [], pattern


_WORDS = st.sampled_from(
    "canh bao dung khong chuyen tien ma otp cung cap hoa hong cao tai khoan nhan tin zalo k 100 50k link bam vao "
    "cong an ngan hang lua dao de phong tuyet doi thi".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=25), st.sampled_from(PATTERNS))
def test_a_gated_pattern_matches_exactly_when_the_plain_one_does(words: list[str], pattern: str) -> None:
    text = " ".join(words)
    assert (re.search(pattern, text) is None) == (Gate([pattern]).search(text) is None)
