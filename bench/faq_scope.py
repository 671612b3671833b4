"""Train the FAQ's scope view (``faq/scope.json``): in scope vs out of scope, from the tuning sets.

Run: ``python -m bench.faq_scope`` (``--hold NAME`` leaves tuning sets out and reports what the
veto would do on them; ``--dry-run`` writes nothing). In scope: the knowledge base's phrasings and
the tuning sets' in-scope questions; out of scope: the tuning sets' out-of-scope messages (repeated
to weigh about half as much as the in-scope side). Never the sets kept unseen (``FROZEN``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.faq_bench import FROZEN, SETS  # noqa: E402
from bot import textmodel  # noqa: E402
from bot.faq import scope  # noqa: E402
from bot.faq.evaluation import load_cases  # noqa: E402
from bot.faq.knowledge import load_knowledge  # noqa: E402
from bot.faq.matcher import Matcher  # noqa: E402

L2 = 3e-4


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--hold", action="append", default=[], help="a tuning set to leave out and report on")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    kb = load_knowledge(ROOT / "faq" / "knowledge.yaml")
    inside = [scope.words(q) for e in kb.entries for q in (e.title, *e.questions)]
    outside: list[str] = []
    used = ["faq/knowledge.yaml"]
    held = {}
    for name, path in SETS.items():
        if name in FROZEN or not path.exists():
            continue
        cases = load_cases(path)
        if any(h in name for h in args.hold):
            held[name] = cases
            continue
        used.append(f"bench/{path.name}")
        for c in cases:
            (inside if c.topic else outside).append(scope.words(c.question))
    repeat = max(1, len(inside) // max(1, len(outside)) // 2)
    model = textmodel.train(inside, outside * repeat, l2=L2)
    print(f"{len(model['features'])} features from {len(inside)} in scope, {len(outside)} out of scope (×{repeat})")
    if held:
        matcher = Matcher(kb, scope=False)
        for name, cases in held.items():
            got = [(c, matcher.match(c.question).topic, scope.log_odds(c.question, model)) for c in cases]
            veto = [(c, g) for c, g, odds in got if g is not None and odds < scope.VETO_AT]
            answered_out = sum(1 for c, g, _ in got if c.topic is None and g is not None)
            print(
                f"held out {name}: out-of-scope held back {sum(c.topic is None for c, _ in veto)}/{answered_out},"
                f" right answers lost {sum(c.topic == g for c, g in veto)},"
                f" wrong answers held back {sum(c.topic not in (None, g) for c, g in veto)}"
            )
    if not args.dry_run:
        textmodel.save(scope.MODEL, model, used)
        print(f"wrote {scope.MODEL}")


if __name__ == "__main__":
    main()
