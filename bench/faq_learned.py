"""Train the FAQ's learned topic view (``faq/learned.json``): one logistic regression per topic.

Run: ``python -m bench.faq_learned`` (about a minute; ``--hold NAME`` leaves tuning sets out — of this
view and of the scope view it relies on — and reports what it changes on them; ``--dry-run`` writes
nothing). Trained on the knowledge base's phrasings and the tuning sets' questions (each topic's own
against the others' and the out-of-scope messages); never the sets kept unseen (``FROZEN``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.faq_bench import line, ours, score  # noqa: E402
from bench.faq_scope import collect, train_scope  # noqa: E402
from bot.faq import learned  # noqa: E402
from bot.faq.knowledge import load_knowledge  # noqa: E402
from bot.faq.matcher import Matcher  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--hold", action="append", default=[], help="a tuning set to leave out and report on")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    kb = load_knowledge(ROOT / "faq" / "knowledge.yaml")
    t0 = time.perf_counter()
    t = collect(kb, args.hold)
    models = learned.train(t.inside, t.outside)
    size = sum(len(m["features"]) for m in models.values())
    print(
        f"{len(models)} topics, {size} weights, from {len(t.inside)} questions and {len(t.outside)} out of scope"
        f" in {time.perf_counter() - t0:.0f} s"
    )
    if t.held:
        view = train_scope(t)
        without = Matcher(kb, scope=view, learned=False)
        with_it = Matcher(kb, scope=view, learned=models)
        for name, cases in t.held.items():
            for label, m in (("without the view", without), ("with the view", with_it)):
                print(line(f"{name[:24]}, {label}", score(ours(m), cases)[0]))
    if not args.dry_run:
        learned.save(learned.MODEL, models, t.used)
        print(f"wrote {learned.MODEL} ({learned.MODEL.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
