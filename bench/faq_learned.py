"""Train the FAQ's learned topic view (``faq/learned.json``): a softmax regression over the topics and
"out of scope".

Run: ``python -m bench.faq_learned`` (about a minute; needs ``pip install -e '.[bench]'`` for
scikit-learn, which fits it — the bot only reads the weights; ``--hold NAME`` leaves tuning sets out —
of this view and of the scope view — and reports what the view changes on them; ``--dry-run`` writes
nothing). Trained on the knowledge base's phrasings and the tuning sets' questions and out-of-scope
messages; never the sets kept unseen (``FROZEN``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.faq_bench import line, ours, score  # noqa: E402
from bench.faq_scope import collect, train_scope  # noqa: E402
from bot import textmodel  # noqa: E402
from bot.faq import learned  # noqa: E402
from bot.faq.knowledge import load_knowledge  # noqa: E402
from bot.faq.matcher import Matcher  # noqa: E402

C = 3.0  # inverse regularisation (scikit-learn's); chosen on the tuning sets held out in turn
PRUNE = 0.02  # smaller weights are dropped: a seventh of the weights; held out, the same answers (0.05 lost 1 in 300)


def fit(rows: Sequence[tuple[str, str]], outside: Sequence[str], c: float = C) -> textmodel.Classes:
    """``rows``: (folded question, topic id); ``outside``: folded out-of-scope messages. Fitted to
    convergence (L-BFGS) by scikit-learn: a pure-Python AdaGrad fit of the same model was tried and was
    over-confident and unstable across regularisations (held out: 91–96 % top-1 against 97 %)."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [q for q, _ in rows] + list(outside)
    labels = [t for _, t in rows] + [learned.OUT] * len(outside)
    vec = CountVectorizer(analyzer=lambda s: sorted(textmodel.features(s)), binary=True, min_df=2)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    names = vec.get_feature_names_out()
    table: dict[str, dict[int, float]] = {}
    for j, f in enumerate(names):
        row = {k: round(float(w), 4) for k, w in enumerate(clf.coef_[:, j]) if abs(w) >= PRUNE}
        if row:
            table[str(f)] = row
    return {
        "classes": [str(k) for k in clf.classes_],
        "bias": [round(float(b), 4) for b in clf.intercept_],
        "features": table,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--hold", action="append", default=[], help="a tuning set to leave out and report on")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("-C", type=float, default=C)
    args = ap.parse_args()
    kb = load_knowledge(ROOT / "faq" / "knowledge.yaml")
    t0 = time.perf_counter()
    t = collect(kb, args.hold)
    model = fit(t.inside, t.outside, args.C)
    size = sum(len(r) for r in model["features"].values())
    print(
        f"{len(model['classes'])} classes, {size} weights, from {len(t.inside)} questions and"
        f" {len(t.outside)} out of scope in {time.perf_counter() - t0:.0f} s"
    )
    if t.held:
        view = train_scope(t)
        without = Matcher(kb, scope=view, learned=False)
        with_it = Matcher(kb, scope=view, learned=model)
        for name, cases in t.held.items():
            for label, m in (("without the view", without), ("with the view", with_it)):
                print(line(f"{name[:24]}, {label}", score(ours(m), cases)[0]))
    if not args.dry_run:
        learned.save(learned.MODEL, model, t.used)
        print(f"wrote {learned.MODEL} ({learned.MODEL.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
