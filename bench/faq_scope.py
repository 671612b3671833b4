"""Train the FAQ's scope view (``faq/scope.json``): in scope vs out of scope, from the tuning sets.

Run: ``python -m bench.faq_scope`` (``--hold NAME`` leaves tuning sets out and reports what the
veto would do on them; ``--dry-run`` writes nothing). In scope: the knowledge base's phrasings and
the tuning sets' in-scope questions; out of scope: the tuning sets' out-of-scope messages (repeated
to weigh about half as much as the in-scope side). Never the sets kept unseen (``FROZEN``).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.faq_bench import FROZEN, NOT_TRAINED, SETS  # noqa: E402
from bot import textmodel  # noqa: E402
from bot.faq import scope  # noqa: E402
from bot.faq.evaluation import Case, load_cases  # noqa: E402
from bot.faq.knowledge import KnowledgeBase, load_knowledge  # noqa: E402
from bot.faq.matcher import Matcher  # noqa: E402

L2 = 3e-4


@dataclass
class Training:
    """The labelled messages the learned views are trained on, as the views read them (folded words)."""

    inside: list[tuple[str, str]] = field(default_factory=list)  # (words, topic)
    outside: list[str] = field(default_factory=list)
    used: list[str] = field(default_factory=list)
    held: dict[str, list[Case]] = field(default_factory=dict)


def collect(kb: KnowledgeBase, hold: list[str]) -> Training:
    """The knowledge base's phrasings and the tuning sets' questions, but the sets named in ``hold``."""
    t = Training(inside=[(scope.words(q), e.id) for e in kb.entries for q in (e.title, *e.questions)])
    t.used.append("faq/knowledge.yaml")
    for name, path in SETS.items():
        if name in FROZEN or name in NOT_TRAINED or not path.exists():
            continue
        cases = load_cases(path)
        if any(h in name for h in hold):
            t.held[name] = cases
            continue
        t.used.append(f"bench/{path.name}")
        for c in cases:
            if c.topic:
                t.inside.append((scope.words(c.question), c.topic))
            else:
                t.outside.append(scope.words(c.question))
    return t


def train_scope(t: Training) -> textmodel.Model:
    repeat = max(1, len(t.inside) // max(1, len(t.outside)) // 2)
    return textmodel.train([w for w, _ in t.inside], t.outside * repeat, l2=L2)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--hold", action="append", default=[], help="a tuning set to leave out and report on")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    kb = load_knowledge(ROOT / "faq" / "knowledge.yaml")
    t = collect(kb, args.hold)
    model = train_scope(t)
    print(f"{len(model['features'])} features from {len(t.inside)} in scope, {len(t.outside)} out of scope")
    if t.held:
        matcher = Matcher(kb, scope=False, learned=False)
        for name, cases in t.held.items():
            got = [(c, matcher.match(c.question).topic, scope.log_odds(c.question, model)) for c in cases]
            veto = [(c, g) for c, g, odds in got if g is not None and odds < scope.VETO_AT]
            answered_out = sum(1 for c, g, _ in got if c.topic is None and g is not None)
            print(
                f"held out {name}: out-of-scope held back {sum(c.topic is None for c, _ in veto)}/{answered_out},"
                f" right answers lost {sum(c.topic == g for c, g in veto)},"
                f" wrong answers held back {sum(c.topic not in (None, g) for c, g in veto)}"
            )
    if not args.dry_run:
        textmodel.save(scope.MODEL, model, t.used)
        print(f"wrote {scope.MODEL}")


if __name__ == "__main__":
    main()
