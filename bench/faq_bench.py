"""FAQ matcher benchmark: accuracy, silence, latency and memory, against a plain baseline.

Run: ``.venv/bin/python bench/faq_bench.py`` (about 10 s). Both matchers see the same
labelled questions (``bench/faq_eval.yaml``, and ``bench/faq_heldout.yaml`` written after
tuning stopped) in the same run. The baseline is what one would write first: rapidfuzz
``token_set_ratio`` of the lower-cased question against every knowledge-base phrasing,
answering the best phrasing's topic when its score clears a threshold; the threshold is
tuned on the same set (the best of 40…95), which flatters the baseline, not us.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.faq.evaluation import Case, Scores, load_cases, score  # noqa: E402
from bot.faq.knowledge import KnowledgeBase, load_knowledge  # noqa: E402
from bot.faq.matcher import Matcher  # noqa: E402

HELDOUT = ROOT / "bench" / "faq_heldout.yaml"


class Baseline:
    def __init__(self, kb: KnowledgeBase, threshold: float = 70.0):
        self.choices = [utils.default_process(q) for e in kb.entries for q in e.questions]
        self.topics = [e.id for e in kb.entries for _ in e.questions]
        self.threshold = threshold

    def best(self, text: str) -> tuple[str, float]:
        hit = process.extractOne(utils.default_process(text), self.choices, scorer=fuzz.token_set_ratio)
        assert hit is not None
        return self.topics[hit[2]], hit[1]

    def answer(self, text: str) -> str | None:
        topic, s = self.best(text)
        return topic if s >= self.threshold else None


def tune(baseline: Baseline, cases: list[Case]) -> float:
    best = (-1.0, 70.0)
    for t in range(40, 100, 5):
        baseline.threshold = float(t)
        s = score(baseline.answer, cases)
        best = max(best, ((s.accuracy + s.silence) / 2, float(t)))
    baseline.threshold = best[1]
    return best[1]


def latency_us(fn, questions: list[str], rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        for q in questions:
            t0 = time.perf_counter_ns()
            fn(q)
            times.append((time.perf_counter_ns() - t0) / 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {system}"


def line(name: str, s: Scores) -> str:
    return (
        f"  {name:<22} top-1 {s.accuracy:6.1%} ({s.correct}/{s.in_scope})   "
        f"silent on out-of-scope {s.silence:6.1%} ({s.silent}/{s.out_of_scope})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="timing passes over the questions")
    ap.add_argument("--misses", action="store_true", help="print the matcher's mistakes")
    args = ap.parse_args()

    rss0 = rss_mb()
    t0 = time.perf_counter()
    kb = load_knowledge(ROOT / "faq" / "knowledge.yaml")
    matcher = Matcher(kb)
    build_ms = (time.perf_counter() - t0) * 1000
    rss1 = rss_mb()
    baseline = Baseline(kb)
    sets = {"eval": load_cases()}
    if HELDOUT.exists():
        sets["held-out"] = load_cases(HELDOUT)
    threshold = tune(baseline, sets["eval"])

    print(f"Machine: {machine()}")
    print(f"Knowledge base: {len(kb.entries)} topics, {sum(len(e.questions) for e in kb.entries)} phrasings")
    print(f"Matcher built in {build_ms:.0f} ms; baseline threshold tuned to {threshold:.0f}")
    for name, cases in sets.items():
        print(f"\n{name}: {len(cases)} questions")
        ours = score(lambda q: matcher.match(q).topic, cases)
        print(line("Loa Số matcher", ours))
        print(line("baseline (token_set)", score(baseline.answer, cases)))
        if args.misses:
            for q, want, got in ours.misses:
                print(f"    miss: {q!r} want {want} got {got}")
    questions = [c.question for cs in sets.values() for c in cs]
    matcher.match(questions[0])
    med, p99 = latency_us(matcher.match, questions, args.rounds)
    bmed, bp99 = latency_us(baseline.answer, questions, args.rounds)
    print(f"\nLatency per question ({len(questions)} questions × {args.rounds} rounds):")
    print(f"  Loa Số matcher        median {med:7.0f} µs   p99 {p99:7.0f} µs")
    print(f"  baseline              median {bmed:7.0f} µs   p99 {bp99:7.0f} µs")
    print(f"Memory: process RSS {rss_mb():.1f} MB (matcher + knowledge base add {rss1 - rss0:.1f} MB)")
    import bot.runtime  # noqa: F401  (the whole bot: PTB, SQLAlchemy, Starlette, handlers)
    import handlers

    handlers.build_router()
    print(f"        with the whole bot imported: RSS {rss_mb():.1f} MB")


if __name__ == "__main__":
    main()
