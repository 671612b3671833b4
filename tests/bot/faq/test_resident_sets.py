"""The resident evaluation sets of issue 10 (dev = tuning, frozen and fresh = never tuned on).

They are only worth their numbers if they stay honest: every label is a real topic, no
message is a knowledge-base phrasing in disguise, no message is counted twice (within a
set, or in both), and the sets keep the size and mix the issue asks for.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.faq.evaluation import EVAL_FILE, Case, load_cases
from bot.faq.knowledge import load_knowledge
from bot.faq.normalize import canonical, folded_words
from tests.bot.faq.test_knowledge import REQUIRED_TOPICS

DEV = PROJECT_ROOT / "bench" / "faq_resident_dev.yaml"
FROZEN = PROJECT_ROOT / "bench" / "faq_resident_frozen.yaml"
FRESH = PROJECT_ROOT / "bench" / "faq_resident_fresh.yaml"  # written 2026-12-01, never tuned on
FRESH2 = PROJECT_ROOT / "bench" / "faq_resident_fresh2.yaml"  # written 2026-12-01 after the third pass, never tuned on
FRESH3 = PROJECT_ROOT / "bench" / "faq_resident_fresh3.yaml"  # written 2026-12-01 during the fourth pass
DEV2 = PROJECT_ROOT / "bench" / "faq_resident_dev2.yaml"
FRESH4 = PROJECT_ROOT / "bench" / "faq_resident_fresh4.yaml"  # written 2026-12-01 during the fifth pass
DEV4 = PROJECT_ROOT / "bench" / "faq_resident_dev4.yaml"
FRESH5 = PROJECT_ROOT / "bench" / "faq_resident_fresh5.yaml"  # written 2026-12-02 during the sixth pass
DEV5 = PROJECT_ROOT / "bench" / "faq_resident_dev5.yaml"
DEV6 = PROJECT_ROOT / "bench" / "faq_resident_dev6.yaml"
DEV7 = PROJECT_ROOT / "bench" / "faq_resident_dev7.yaml"
DEV8 = PROJECT_ROOT / "bench" / "faq_resident_dev8.yaml"
DEV11 = PROJECT_ROOT / "bench" / "faq_resident_dev11.yaml"
DEV12 = PROJECT_ROOT / "bench" / "faq_resident_dev12.yaml"
DEV13 = PROJECT_ROOT / "bench" / "faq_resident_dev13.yaml"
DEV14 = PROJECT_ROOT / "bench" / "faq_resident_dev14.yaml"
FRESH6 = PROJECT_ROOT / "bench" / "faq_resident_fresh6.yaml"  # written 2026-12-02 during the sixth pass
DEV9 = PROJECT_ROOT / "bench" / "faq_resident_dev9.yaml"
DEV10 = PROJECT_ROOT / "bench" / "faq_resident_dev10.yaml"
FRESH7 = PROJECT_ROOT / "bench" / "faq_resident_fresh7.yaml"  # written 2026-12-02 during the seventh pass
DEV15 = PROJECT_ROOT / "bench" / "faq_resident_dev15.yaml"
DEV16 = PROJECT_ROOT / "bench" / "faq_resident_dev16.yaml"
DEV17 = PROJECT_ROOT / "bench" / "faq_resident_dev17.yaml"
DEV18 = PROJECT_ROOT / "bench" / "faq_resident_dev18.yaml"
FRESH8 = PROJECT_ROOT / "bench" / "faq_resident_fresh8.yaml"  # written 2026-12-02 during the seventh pass
DEV19 = PROJECT_ROOT / "bench" / "faq_resident_dev19.yaml"
DEV20 = PROJECT_ROOT / "bench" / "faq_resident_dev20.yaml"
DEV21 = PROJECT_ROOT / "bench" / "faq_resident_dev21.yaml"
DEV22 = PROJECT_ROOT / "bench" / "faq_resident_dev22.yaml"
DEV23 = PROJECT_ROOT / "bench" / "faq_resident_dev23.yaml"
DEV24 = PROJECT_ROOT / "bench" / "faq_resident_dev24.yaml"
DEV25 = PROJECT_ROOT / "bench" / "faq_resident_dev25.yaml"
DEV26 = PROJECT_ROOT / "bench" / "faq_resident_dev26.yaml"
DEV27 = PROJECT_ROOT / "bench" / "faq_resident_dev27.yaml"
DEV28 = PROJECT_ROOT / "bench" / "faq_resident_dev28.yaml"
DEV29 = PROJECT_ROOT / "bench" / "faq_resident_dev29.yaml"
DEV30 = PROJECT_ROOT / "bench" / "faq_resident_dev30.yaml"
DEV31 = PROJECT_ROOT / "bench" / "faq_resident_dev31.yaml"
DEV32 = PROJECT_ROOT / "bench" / "faq_resident_dev32.yaml"
OLD_SETS = (EVAL_FILE, EVAL_FILE.with_name("faq_heldout.yaml"))

# Topics issue 10 adds to the knowledge base; accepted here until they land in it.
NEW_TOPICS = frozenset({"app.install", "card.child", "vneid.login", "scam.fake_buyer", "police.contact"})

# path → (at least this many messages, at least this many per topic)
SIZES = {
    DEV: (320, 4),
    FROZEN: (160, 2),
    FRESH: (330, 5),
    FRESH2: (380, 1),
    FRESH3: (380, 1),
    DEV2: (450, 4),
    FRESH4: (380, 1),
    DEV4: (380, 1),
    FRESH5: (400, 1),
    DEV5: (400, 4),
    DEV6: (400, 4),
    DEV7: (400, 4),
    DEV8: (400, 4),
    FRESH6: (400, 1),
    DEV11: (400, 4),
    DEV12: (400, 4),
    DEV13: (380, 4),
    DEV14: (400, 4),
    DEV9: (400, 4),
    DEV10: (380, 4),
    FRESH7: (400, 1),
    DEV15: (400, 4),
    DEV16: (400, 4),
    DEV17: (400, 4),
    DEV18: (400, 4),
    FRESH8: (400, 1),
    DEV19: (380, 4),
    DEV20: (400, 4),
    DEV21: (400, 4),
    DEV22: (400, 4),
    DEV23: (400, 4),
    DEV24: (380, 4),
    DEV25: (400, 4),
    DEV26: (400, 4),
    DEV27: (380, 3),
    DEV28: (400, 4),
    DEV29: (380, 4),
    DEV30: (400, 4),
    DEV31: (400, 4),
    DEV32: (400, 4),
}


def _kb_topics() -> set[str]:
    return set(load_knowledge(PROJECT_ROOT / "faq" / "knowledge.yaml").topics)


ALL = (
    DEV,
    FROZEN,
    FRESH,
    FRESH2,
    FRESH3,
    DEV2,
    FRESH4,
    DEV4,
    FRESH5,
    DEV5,
    DEV6,
    DEV7,
    DEV8,
    DEV9,
    DEV10,
    FRESH6,
    DEV11,
    DEV12,
    DEV13,
    DEV14,
    FRESH7,
    DEV15,
    DEV16,
    DEV17,
    DEV18,
    FRESH8,
    DEV19,
    DEV20,
    DEV21,
    DEV22,
    DEV23,
    DEV24,
    DEV25,
    DEV26,
    DEV27,
    DEV28,
    DEV29,
    DEV30,
    DEV31,
    DEV32,
)


def _present() -> list[Path]:
    return [p for p in ALL if p.exists()]


@pytest.fixture(scope="module", params=ALL, ids=[p.stem.removeprefix("faq_resident_") for p in ALL])
def cases(request: pytest.FixtureRequest) -> tuple[Path, list[Case]]:
    path: Path = request.param
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    return path, load_cases(path)


def test_every_message_is_text_and_every_list_is_a_list(cases: tuple[Path, list[Case]]) -> None:
    path, _ = cases
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"in_scope", "out_of_scope"}
    lists = [*data["in_scope"].values(), data["out_of_scope"]]
    assert all(isinstance(qs, list) for qs in lists)
    # YAML would turn an unquoted "ok"-like "yes" into True, "2025" into 2025: quote them.
    odd = [q for qs in lists for q in qs if not isinstance(q, str) or not q.strip()]
    assert odd == []


def test_topics_exist_and_each_has_enough_questions(cases: tuple[Path, list[Case]]) -> None:
    path, cs = cases
    per_topic = Counter(c.topic for c in cs if c.topic)
    assert set(per_topic) - (_kb_topics() | NEW_TOPICS) == set(), "unknown topic ids"
    # Every topic of the shared brief and of issue 10; topics added to the base later are
    # welcome as labels but not required here.
    missing = (set(REQUIRED_TOPICS) | NEW_TOPICS) - set(per_topic)
    assert missing == set(), "topics without questions"
    minimum, per = SIZES[path]
    assert len(cs) >= minimum
    assert min(per_topic.values()) >= per, per_topic.most_common()[-3:]


def test_mix_of_in_scope_out_of_scope_and_long_stories(cases: tuple[Path, list[Case]]) -> None:
    _, cs = cases
    in_scope = [c for c in cs if c.topic]
    assert 0.62 <= len(in_scope) / len(cs) <= 0.78
    long = [c for c in in_scope if len(c.question.split()) >= 15]
    assert len(long) / len(in_scope) >= 0.35


def test_no_message_is_a_knowledge_base_phrasing(cases: tuple[Path, list[Case]]) -> None:
    _, cs = cases
    kb = load_knowledge(PROJECT_ROOT / "faq" / "knowledge.yaml")
    phrasings = {folded_words(q) for e in kb.entries for q in (e.title, *e.questions)}
    assert [c.question for c in cs if folded_words(c.question) in phrasings] == []


def _keys(question: str) -> list[str]:
    """Same message: equal once canonical, or (when it has words) equal once folded."""
    folded = folded_words(question)
    return [f"c:{canonical(question).strip()}", *([f"f:{folded}"] if folded else [])]


def test_no_duplicates_within_or_across_the_sets() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for path in _present():
        for c in load_cases(path):
            for key in _keys(c.question):
                if key in seen:
                    clashes.append((c.question, path.name, seen[key]))
                seen.setdefault(key, path.name)
    assert clashes == []


def test_new_sets_do_not_repeat_the_old_eval_sets() -> None:
    old = {k for p in OLD_SETS if p.exists() for c in load_cases(p) for k in _keys(c.question)}
    repeated = [c.question for p in _present() for c in load_cases(p) if old & set(_keys(c.question))]
    assert repeated == []


@pytest.mark.parametrize(
    "path",
    [FROZEN, FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7, FRESH8],
    ids=["frozen", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8"],
)
def test_never_tuned_sets_say_they_are_frozen(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    assert "FROZEN: never tune on this set; report it separately" in path.read_text(encoding="utf-8")


def test_the_benchmark_never_prints_the_never_tuned_sets_questions() -> None:
    from bench.faq_bench import FROZEN as NOT_PRINTED
    from bench.faq_bench import SETS

    never_tuned = {name for name, path in SETS.items() if path in (FROZEN, FRESH)}
    assert len(never_tuned) == 2 and never_tuned <= NOT_PRINTED
