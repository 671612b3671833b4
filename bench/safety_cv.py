"""Leave-a-family-out cross-validation of the safety judge on ``bench/safety_train_more.yaml``.

Run: ``python -m bench.safety_cv``. For each family of that file (a kind of scam, or a kind
of ordinary message), the similarity score is retrained without the family and the judge is
run on the family's messages, so its figure is for wordings of a kind the learned score has
never seen. The wording rules (``safety/wording.yaml``) were written with the file in view, so
this measures the learned part honestly and the rules optimistically; the sets kept unseen
(``safety_blind.yaml``, ``safety_fresh.yaml``, in ``python -m bench safety``) stay the better
proxy for the rules.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot.safety.judge as judge_mod  # noqa: E402
from bench.safety_train import base_sets, more_families  # noqa: E402
from bot.safety.lists import shipped_data  # noqa: E402
from bot.safety.similarity import log_odds, train, words_only  # noqa: E402


def run(verbose: bool = True) -> tuple[float, float, float, float]:
    """(scams flagged scam, scams flagged at all, ordinary flagged scam, ordinary suspicious)."""
    scams, ordinary = base_sets()
    fams = more_families()
    data = shipped_data()
    real = judge_mod.log_odds
    totals: dict[str, Counter[str]] = {"scam": Counter(), "ordinary": Counter()}
    try:
        for (label, family), texts in fams.items():
            others = [(lb, t) for (lb, f), ts in fams.items() if f != family for t in ts]
            s = scams + [words_only(t) for lb, t in others if lb == "scam"]
            o = ordinary + [words_only(t) for lb, t in others if lb == "ordinary"]
            model = train(s, o)
            judge_mod.log_odds = lambda folded, m=model: log_odds(folded, m)  # type: ignore[assignment]
            got = Counter(judge_mod.judge(t, data=data).verdict.value for t in texts)
            totals[label].update(got)
            n = len(texts)
            if verbose:
                scam, susp = got["scam"] / n, got["suspicious"] / n
                print(f"  {label:8} {family:22} {n:3}  scam {scam:6.1%}  suspicious {susp:6.1%}")
    finally:
        judge_mod.log_odds = real
    s, o = totals["scam"], totals["ordinary"]
    ns, no = sum(s.values()), sum(o.values())
    return s["scam"] / ns, (ns - s["ok"]) / ns, o["scam"] / no, o["suspicious"] / no


def main() -> int:
    r = run()
    sizes = Counter({label: 0 for label in ("scam", "ordinary")})
    for (label, _), texts in more_families().items():
        sizes[label] += len(texts)
    ns, no = sizes["scam"], sizes["ordinary"]
    print(f"\nleave-a-family-out: {ns} scams, {no} ordinary messages")
    print(f"  scams flagged scam          {r[0]:6.1%}   (any flag {r[1]:.1%})")
    print(f"  ordinary flagged scam       {r[2]:6.1%}")
    print(f"  ordinary flagged suspicious {r[3]:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
