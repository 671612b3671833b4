"""Train the FAQ matcher's combiner (``bot/faq/combiner.py``) and write ``faq/combiner.json``.

Training questions are ones the matcher was not built from:
- every phrasing of the knowledge base, asked of a matcher built without its fold (5 folds);
- the tuning sets (resident dev, hard out-of-scope, the first eval and held-out sets).
The sets kept unseen (``FROZEN`` in ``bench/faq_bench.py``) are never read here.

Rows: for each question the rules let through, one row per candidate (the best eight), label 1
for the right topic. Thresholds are then chosen on the same questions, whole-message: the most
right answers with wrong answers at most ``--max-wrong`` of the in-scope questions and
out-of-scope answers at most ``--max-oos`` of the out-of-scope ones.

``python -m bench.faq_combiner`` (about a minute); ``--dry-run`` prints without writing.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.faq_bench import FROZEN, SETS, fold_bases
from bot.faq import scope
from bot.faq.combiner import DEFAULT_PATH, FEATURES, Combiner, fit
from bot.faq.evaluation import load_cases
from bot.faq.knowledge import KnowledgeBase, load_knowledge
from bot.faq.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 5


@dataclass
class Question:
    topic: str | None  # None: out of scope
    candidates: list[str]
    rows: list[list[float]]
    ruled: str | None = None  # what the hand-set rules answer (without the scope view, as the combiner is trained)
    out: bool = False  # the scope view holds back any answer to it (village news, small talk)


def fold_questions(kb: KnowledgeBase, k: int = FOLDS, seed: int = 1) -> list[Question]:
    out = []
    for base, asked in fold_bases(kb, k, seed):
        m = Matcher(base, combiner=False, scope=False, learned=False)
        out += [ask(m, text, topic) for topic, text in asked]
    return out


def ask(m: Matcher, text: str, topic: str | None) -> Question:
    """A question the rules settle (silent) has no candidates: it counts, but adds no rows."""
    seen = m.views(text)
    ruled = m.match(text).topic
    view = scope.default()
    out = view is not None and scope.log_odds(text, view) < scope.VETO_AT
    return Question(topic, [], [], ruled, out) if seen is None else Question(topic, seen[0], seen[1], ruled, out)


def decide(c: Combiner, q: Question, veto: bool = False) -> str | None:
    """``veto``: as the matcher does, hold back what the scope view calls out of scope. Only for the sets
    held out (``--hold``, with the scope view trained without them too): on its own training questions the
    view knows every answer, and a threshold chosen with it there answered two in three of the extra
    wrongly-sure questions the matcher's tests forbid ("đi xuất khẩu lao động Nhật tốn bao nhiêu tiền")."""
    k = None if veto and q.out else c.choose(q.rows)
    return None if k is None else q.candidates[k]


def tally(c: Combiner, qs: list[Question]) -> tuple[int, int, int, int, int]:
    """The matcher's outcome: the rules' answer, else the combiner's."""
    right = wrong = oos = n_in = n_out = 0
    for q in qs:
        got = q.ruled or decide(c, q)
        if q.topic is None:
            n_out += 1
            oos += got is not None
        else:
            n_in += 1
            right += got == q.topic
            wrong += got is not None and got != q.topic
    return right, wrong, oos, n_in, n_out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument(
        "--precision", type=float, default=0.95, help="share of the combiner's extra answers that must be right"
    )
    ap.add_argument("--hold", action="append", default=[], help="a tuning set to leave out and report on")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = ap.parse_args()
    t0 = time.perf_counter()
    kb = load_knowledge(ROOT / "faq" / "knowledge.yaml")
    qs = fold_questions(kb)
    full = Matcher(kb, combiner=False, scope=False, learned=False)
    held: dict[str, list[Question]] = {}
    for name, path in SETS.items():
        if name in FROZEN or not path.exists():
            continue
        asked = [ask(full, case.question, case.topic) for case in load_cases(path)]
        if any(h in name for h in args.hold):
            held[name] = asked
        else:
            qs += asked
    rows = [x for q in qs for x in q.rows]
    labels = [int(c == q.topic) for q in qs for c in q.candidates]
    print(
        f"{len(qs)} questions ({sum(bool(q.rows) for q in qs)} past the rules), {len(rows)} rows, "
        f"{sum(labels)} right; built in {time.perf_counter() - t0:.0f} s"
    )
    w, b = fit(rows, labels)
    for name, wi in zip(FEATURES, w, strict=True):
        print(f"  {name:<16} {wi:+.3f}")
    print(f"  {'bias':<16} {b:+.3f}")
    n_in = sum(q.topic is not None for q in qs)
    r_right = sum(q.ruled == q.topic for q in qs if q.topic)
    r_wrong = sum(q.ruled not in (None, q.topic) for q in qs if q.topic)
    r_oos = sum(q.ruled is not None for q in qs if q.topic is None)
    print(f"hand-set rules: right {r_right}/{n_in} wrong {r_wrong} oos {r_oos}/{len(qs) - n_in}")
    best: tuple[int, Combiner] | None = None
    for answer_at in [x / 100 for x in range(50, 100, 2)]:
        for clear_by in (0.0, 0.2, 0.4):
            c = Combiner(tuple(w), b, answer_at, clear_by)
            right, wrong, oos, n_in, n_out = tally(c, qs)
            if args.dry_run and clear_by == 0.0:
                print(f"  at {answer_at:.2f} clear {clear_by}: right {right}/{n_in} wrong {wrong} oos {oos}/{n_out}")
            extra_bad = wrong - r_wrong + oos - r_oos
            if extra_bad * args.precision <= (right - r_right) * (1 - args.precision) and (
                best is None or right > best[0]
            ):
                best = (right, c)
    if best is None:
        sys.exit("no thresholds meet the limits")
    c = best[1]
    right, wrong, oos, n_in, n_out = tally(c, qs)
    print(
        f"answer at {c.answer_at}, clear by {c.clear_by}: right {right}/{n_in} wrong {wrong} "
        f"out-of-scope answered {oos}/{n_out} (of the questions the rules let through)"
    )
    for name, asked in held.items():
        n_in = sum(q.topic is not None for q in asked)
        others = [Combiner(c.weights, c.bias, at, 0.0) for at in (0.6, 0.7, 0.8, 0.9)] if args.dry_run else []
        for label, got in (
            ("rules", [q.ruled for q in asked]),
            ("with combiner", [q.ruled or decide(c, q, veto=True) for q in asked]),
            *((f"answering at {o.answer_at}", [q.ruled or decide(o, q, veto=True) for q in asked]) for o in others),
        ):
            right = sum(g == q.topic for g, q in zip(got, asked, strict=True) if q.topic)
            wrong = sum(g not in (None, q.topic) for g, q in zip(got, asked, strict=True) if q.topic)
            oos = sum(g is not None for g, q in zip(got, asked, strict=True) if q.topic is None)
            print(
                f"held out {name}, {label}: right {right}/{n_in} wrong {wrong} oos answered {oos}/{len(asked) - n_in}"
            )
    if not args.dry_run:
        args.out.write_text(c.to_json() + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
