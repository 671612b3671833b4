"""Images residents send instead of typing (issue 16): right topic, silence, time per image.

``python -m bench images`` renders the image set (bench/image_set.py: error screenshots light
and dark at phone sizes, the same screens photographed, ordinary pictures), reads each with
Tesseract and matches the text as ``loaso ask --image`` does. Targets: the right topic for
≥ 90 % of error images, a topic for ≤ 5 % of ordinary ones, median OCR + match ≤ 1.5 s.

The held-out set (bench/image_heldout.py: other wordings, other layouts — dialogs over a home
screen, toasts, full-page errors, Zalo chats, SMS) is reported separately and is not tuned on.
``python -m bench.images_bench [--set main|heldout|all] [--misses]``: ``--misses`` prints, for
each miss, what OCR read.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import image_heldout, image_set
from bot.faq.matcher import ANSWER, Matcher
from bot.faq.service import matcher_for
from bot.media.extract import best_question, text_read
from bot.media.ocr import ocr_available, read_text_sync
from bot.safety.judge import Verdict, judge
from bot.safety.urls import find_links, find_phones
from tests.conftest import sample_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.images_bench")
    parser.add_argument("--set", choices=("main", "heldout", "all"), default="all")
    parser.add_argument("--misses", action="store_true", help="print what OCR read for each miss")
    args = parser.parse_args(argv)
    if not ocr_available():
        print("Tesseract with Vietnamese data is not installed: apt-get install tesseract-ocr tesseract-ocr-vie")
        return 1
    matcher = matcher_for(sample_config(Path(tempfile.mkdtemp())))
    sets = {"main": image_set.samples, "heldout": image_heldout.samples}
    code = 0
    for name, make in sets.items():
        if args.set in (name, "all"):
            print(f"--- {name} set")
            code |= _run(make(), matcher, show_ocr=args.misses)
    return code


def _run(made: list[image_set.Sample], matcher: Matcher, *, show_ocr: bool) -> int:
    errors_right = errors_offered = errors_total = ordinary_topic = ordinary_total = 0
    times: list[float] = []
    by_variant: dict[str, list[int]] = {}
    misses: list[str] = []
    for sample in made:
        data = sample.png()
        start = time.perf_counter()
        raw = read_text_sync(data)
        read = text_read(raw)
        # As handlers/media.py does: a screenshot of a message with a link or a number is judged first.
        scam = bool(find_links(read) or find_phones(read)) and judge(read).verdict is Verdict.SCAM
        question = best_question(raw, lambda text: matcher.match(text, shown=True))
        m = matcher.match(question, shown=True) if question else None
        topic = m.topic if m is not None and m.outcome == ANSWER else None
        offered = list(m.suggestions) if m is not None and topic is None else []
        if scam:
            topic, offered = "scam (the safety verdict)", []
        times.append(time.perf_counter() - start)
        if sample.topic is None:
            ordinary_total += 1
            ordinary_topic += topic is not None
            if topic is not None:
                misses.append(f"  ordinary {sample.name}: got {topic} from «{question}»")
                if show_ocr:
                    misses.append(f"      OCR read: «{read}»")
            continue
        variant = sample.name.rsplit("_", 1)[-1]
        ok = topic == sample.topic or (scam and sample.topic.startswith("scam."))
        errors_offered += ok or sample.topic in offered
        errors_total += 1
        errors_right += ok
        by_variant.setdefault(variant, [0, 0])
        by_variant[variant][0] += ok
        by_variant[variant][1] += 1
        if not ok:
            why = f"got {topic}" if topic else f"offered {offered}" if offered else "silence"
            misses.append(f"  {sample.name}: want {sample.topic}, {why} from «{question}»")
            if show_ocr:
                misses.append(f"      OCR read: «{read}»")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"images: {len(made)} ({errors_total} error screens, {ordinary_total} ordinary)")
    print(f"right topic on error images: {errors_right}/{errors_total} = {errors_right / errors_total:.1%}  (≥ 90 %)")
    print(f"  answered, or offered as an «Ý bà con là…?» button: {errors_offered}/{errors_total}")
    for variant, (ok, total) in sorted(by_variant.items()):
        print(f"  {variant}: {ok}/{total}")
    if ordinary_total:
        share = ordinary_topic / ordinary_total
        print(f"a topic on ordinary images: {ordinary_topic}/{ordinary_total} = {share:.1%}  (≤ 5 %)")
    q = statistics.quantiles(times, n=20)
    print(f"OCR + match per image: median {statistics.median(times):.2f} s, p95 {q[-1]:.2f} s  (median ≤ 1.5 s)")
    if misses:
        print("misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
