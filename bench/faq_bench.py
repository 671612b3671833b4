"""FAQ matcher benchmark: right answers, silence, wrong answers, suggestions and latency, against a plain baseline.

Run: ``python -m bench faq`` (or ``.venv/bin/python -m bench.faq_bench``; about a minute). In one run,
the Loa Số matcher and a plain baseline see the same labelled questions:

- ``faq_resident_dev.yaml``: residents' questions the matcher was tuned on (issue 10);
- ``faq_resident_frozen.yaml``: written separately, never tuned on — only its aggregate figures are
  printed, never its questions;
- ``faq_resident_fresh.yaml``: written 2026-12-01 by someone who saw neither the knowledge base's
  phrasings nor the other sets, never tuned on — aggregate figures only, like the frozen set;
- ``faq_resident_fresh2.yaml``: a second such set (300 in scope, 110 out), written after the third
  pass, never opened by the matcher's author — aggregate figures only;
- ``faq_resident_fresh3.yaml``: a third (written during the fourth pass, measured once at its end);
- ``faq_resident_fresh4.yaml``: a fourth (written during the fifth pass, measured at its start and end);
- ``faq_resident_dev4.yaml``: a fourth tuning set, written with it and measured once held out first;
- ``faq_resident_dev2.yaml``: a second tuning set, weighted to sibling topics, written with it;
- ``faq_oos_dev.yaml``: hard out-of-scope messages (news that names a topic, neighbouring matters,
  weather small talk, messages calling a neighbour by name) and their in-scope look-alikes, written
  2026-12-01 to be tuned on;
- ``faq_eval.yaml`` and ``faq_heldout.yaml``: the first sets (issue 3).

Per set: top-1 on in-scope questions (answered with the right topic), wrong-topic rate on in-scope
(answered with another topic), right topic among the suggestions (answered right, or offered as one of
the "Ý bà con là…?" buttons), silence on out-of-scope, and top-1 on questions of 15 words or more.
In-scope questions whose topic is not in this knowledge base yet count as misses; the line "(topics in
KB)" leaves them out. The baseline is what one would write first: rapidfuzz ``token_set_ratio`` of the
lower-cased question against every phrasing, answering the best phrasing's topic when its score clears
a threshold tuned on the dev set (the best of 40…95), which flatters the baseline, not us.

Latency: per question, over every question of the sets, with today's knowledge base and with one grown
to 4,000 topics (the real topics plus generated ones built from the same vocabulary, so the inverted
index has realistic posting lists).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.faq.evaluation import Case, load_cases  # noqa: E402
from bot.faq.knowledge import Entry, KnowledgeBase, load_knowledge  # noqa: E402
from bot.faq.matcher import Matcher  # noqa: E402

BENCH = ROOT / "bench"
SETS = {
    "resident dev (tuned on)": BENCH / "faq_resident_dev.yaml",
    "resident frozen (never tuned on)": BENCH / "faq_resident_frozen.yaml",
    "resident fresh (written 2026-12-01, never tuned on)": BENCH / "faq_resident_fresh.yaml",
    "resident fresh 2 (written 2026-12-01, never tuned on)": BENCH / "faq_resident_fresh2.yaml",
    "resident fresh 3 (written 2026-12-01, never tuned on)": BENCH / "faq_resident_fresh3.yaml",
    "resident dev 2 (tuned on)": BENCH / "faq_resident_dev2.yaml",
    "resident dev 3 (tuned on)": BENCH / "faq_resident_dev3.yaml",
    "resident dev 4 (tuned on)": BENCH / "faq_resident_dev4.yaml",
    "resident fresh 4 (written 2026-12-01, never tuned on)": BENCH / "faq_resident_fresh4.yaml",
    "resident fresh 5 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh5.yaml",
    "resident fresh 6 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh6.yaml",
    "resident dev 5 (tuned on)": BENCH / "faq_resident_dev5.yaml",
    "resident dev 6 (tuned on)": BENCH / "faq_resident_dev6.yaml",
    "resident dev 7 (tuned on)": BENCH / "faq_resident_dev7.yaml",
    "resident dev 8 (tuned on)": BENCH / "faq_resident_dev8.yaml",
    "resident dev 9 (tuned on)": BENCH / "faq_resident_dev9.yaml",
    "resident dev 10 (tuned on)": BENCH / "faq_resident_dev10.yaml",
    "resident dev 11 (tuned on)": BENCH / "faq_resident_dev11.yaml",
    "resident dev 12 (tuned on)": BENCH / "faq_resident_dev12.yaml",
    "resident dev 13 (tuned on)": BENCH / "faq_resident_dev13.yaml",
    "resident dev 14 (tuned on)": BENCH / "faq_resident_dev14.yaml",
    "resident fresh 7 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh7.yaml",
    "resident dev 15 (tuned on)": BENCH / "faq_resident_dev15.yaml",
    "resident dev 16 (tuned on)": BENCH / "faq_resident_dev16.yaml",
    "resident dev 17 (tuned on)": BENCH / "faq_resident_dev17.yaml",
    "resident dev 18 (tuned on)": BENCH / "faq_resident_dev18.yaml",
    "resident fresh 8 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh8.yaml",
    "resident dev 19 (tuned on)": BENCH / "faq_resident_dev19.yaml",
    "resident dev 20 (tuned on)": BENCH / "faq_resident_dev20.yaml",
    "resident dev 21 (tuned on)": BENCH / "faq_resident_dev21.yaml",
    "resident dev 22 (tuned on)": BENCH / "faq_resident_dev22.yaml",
    "resident dev 23 (tuned on)": BENCH / "faq_resident_dev23.yaml",
    "resident dev 24 (tuned on)": BENCH / "faq_resident_dev24.yaml",
    "resident dev 25 (tuned on)": BENCH / "faq_resident_dev25.yaml",
    "resident dev 26 (tuned on)": BENCH / "faq_resident_dev26.yaml",
    "resident dev 27 (tuned on)": BENCH / "faq_resident_dev27.yaml",
    "resident dev 28 (tuned on)": BENCH / "faq_resident_dev28.yaml",
    "resident dev 29 (tuned on)": BENCH / "faq_resident_dev29.yaml",
    "resident dev 30 (tuned on)": BENCH / "faq_resident_dev30.yaml",
    "resident dev 31 (tuned on)": BENCH / "faq_resident_dev31.yaml",
    "resident dev 32 (tuned on)": BENCH / "faq_resident_dev32.yaml",
    "resident dev 33 (tuned on)": BENCH / "faq_resident_dev33.yaml",
    "resident dev 34 (tuned on)": BENCH / "faq_resident_dev34.yaml",
    "resident dev 35 (tuned on)": BENCH / "faq_resident_dev35.yaml",
    "resident dev 36 (tuned on)": BENCH / "faq_resident_dev36.yaml",
    "resident dev 37 (tuned on)": BENCH / "faq_resident_dev37.yaml",
    "resident fresh 9 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh9.yaml",
    "resident dev 38 (tuned on)": BENCH / "faq_resident_dev38.yaml",
    "resident dev 39 (tuned on)": BENCH / "faq_resident_dev39.yaml",
    "resident dev 40 (tuned on)": BENCH / "faq_resident_dev40.yaml",
    "resident dev 41 (tuned on)": BENCH / "faq_resident_dev41.yaml",
    "resident dev 42 (tuned on)": BENCH / "faq_resident_dev42.yaml",
    "resident dev 43 (tuned on)": BENCH / "faq_resident_dev43.yaml",
    "resident dev 44 (tuned on)": BENCH / "faq_resident_dev44.yaml",
    "resident dev 45 (tuned on)": BENCH / "faq_resident_dev45.yaml",
    "resident dev 46 (tuned on)": BENCH / "faq_resident_dev46.yaml",
    "resident dev 47 (tuned on)": BENCH / "faq_resident_dev47.yaml",
    "resident dev 48 (tuned on)": BENCH / "faq_resident_dev48.yaml",
    "resident dev 49 (tuned on)": BENCH / "faq_resident_dev49.yaml",
    "resident dev 50 (tuned on)": BENCH / "faq_resident_dev50.yaml",
    "resident fresh 10 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh10.yaml",
    "resident dev 51 (tuned on)": BENCH / "faq_resident_dev51.yaml",
    "resident dev 52 (tuned on)": BENCH / "faq_resident_dev52.yaml",
    "resident fresh 11 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh11.yaml",
    "resident dev 53 (tuned on)": BENCH / "faq_resident_dev53.yaml",
    "resident dev 54 (tuned on)": BENCH / "faq_resident_dev54.yaml",
    "resident dev 55 (tuned on)": BENCH / "faq_resident_dev55.yaml",
    "resident dev 56 (tuned on)": BENCH / "faq_resident_dev56.yaml",
    "resident fresh 12 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh12.yaml",
    "resident dev 57 (tuned on)": BENCH / "faq_resident_dev57.yaml",
    "resident dev 58 (tuned on)": BENCH / "faq_resident_dev58.yaml",
    "resident dev 59 (tuned on)": BENCH / "faq_resident_dev59.yaml",
    "resident dev 60 (tuned on)": BENCH / "faq_resident_dev60.yaml",
    "resident dev 61 (tuned on)": BENCH / "faq_resident_dev61.yaml",
    "resident dev 62 (tuned on)": BENCH / "faq_resident_dev62.yaml",
    "resident dev 63 (tuned on)": BENCH / "faq_resident_dev63.yaml",
    "resident dev 64 (tuned on)": BENCH / "faq_resident_dev64.yaml",
    "resident fresh 13 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh13.yaml",
    "resident dev 65 (tuned on)": BENCH / "faq_resident_dev65.yaml",
    "resident dev 66 (tuned on)": BENCH / "faq_resident_dev66.yaml",
    "resident dev 67 (tuned on)": BENCH / "faq_resident_dev67.yaml",
    "resident dev 68 (tuned on)": BENCH / "faq_resident_dev68.yaml",
    "resident dev 69 (tuned on)": BENCH / "faq_resident_dev69.yaml",
    "resident dev 70 (tuned on)": BENCH / "faq_resident_dev70.yaml",
    "resident fresh 14 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh14.yaml",
    "resident dev 71 (tuned on)": BENCH / "faq_resident_dev71.yaml",
    "resident dev 72 (tuned on)": BENCH / "faq_resident_dev72.yaml",
    "resident dev 73 (tuned on)": BENCH / "faq_resident_dev73.yaml",
    "resident dev 74 (tuned on)": BENCH / "faq_resident_dev74.yaml",
    "resident dev 75 (tuned on)": BENCH / "faq_resident_dev75.yaml",
    "resident dev 76 (tuned on)": BENCH / "faq_resident_dev76.yaml",
    "resident dev 77 (tuned on)": BENCH / "faq_resident_dev77.yaml",
    "resident fresh 15 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh15.yaml",
    "resident fresh 16 (written 2026-12-02, never tuned on)": BENCH / "faq_resident_fresh16.yaml",
    "resident dev 78 (tuned on)": BENCH / "faq_resident_dev78.yaml",
    "resident fresh 18 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh18.yaml",
    "resident dev 79 (tuned on)": BENCH / "faq_resident_dev79.yaml",
    "resident fresh 17 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh17.yaml",
    "resident dev 80 (tuned on)": BENCH / "faq_resident_dev80.yaml",
    "resident fresh 19 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh19.yaml",
    "hard out-of-scope (tuned on)": BENCH / "faq_oos_dev.yaml",
    "resident dev 81 (tuned on)": BENCH / "faq_resident_dev81.yaml",
    "resident dev 82 (tuned on)": BENCH / "faq_resident_dev82.yaml",
    "resident fresh 20 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh20.yaml",
    "resident fresh 21 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh21.yaml",
    "resident dev 83 (tuned on)": BENCH / "faq_resident_dev83.yaml",
    "resident dev 84 (tuned on)": BENCH / "faq_resident_dev84.yaml",
    "resident fresh 22 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh22.yaml",
    "resident dev 85 (tuned on)": BENCH / "faq_resident_dev85.yaml",
    "resident dev 86 (tuned on)": BENCH / "faq_resident_dev86.yaml",
    "resident fresh 23 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh23.yaml",
    "resident fresh 24 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh24.yaml",
    "resident dev 87 (tuned on)": BENCH / "faq_resident_dev87.yaml",
    "resident dev 88 (tuned on)": BENCH / "faq_resident_dev88.yaml",
    "resident fresh 25 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh25.yaml",
    "resident fresh 26 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh26.yaml",
    "resident dev 89 (hard cases, tuned on)": BENCH / "faq_resident_dev89.yaml",
    "resident fresh 27 (hard cases, written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh27.yaml",
    "resident dev 90 (hard cases, tuned on)": BENCH / "faq_resident_dev90.yaml",
    "resident dev 91 (tuned on)": BENCH / "faq_resident_dev91.yaml",
    "resident fresh 28 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh28.yaml",
    "resident dev 92 (hard cases, tuned on)": BENCH / "faq_resident_dev92.yaml",
    "resident fresh 29 (hard cases, written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh29.yaml",
    "resident dev 93 (hard cases, tuned on)": BENCH / "faq_resident_dev93.yaml",
    "resident dev 94 (tuned on)": BENCH / "faq_resident_dev94.yaml",
    "resident fresh 30 (hard cases, written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh30.yaml",
    "resident dev 95 (hard cases, tuned on)": BENCH / "faq_resident_dev95.yaml",
    "resident dev 96 (hard cases, tuned on)": BENCH / "faq_resident_dev96.yaml",
    "resident dev 97 (hard cases, tuned on)": BENCH / "faq_resident_dev97.yaml",
    "resident dev 98 (tuned on)": BENCH / "faq_resident_dev98.yaml",
    "resident fresh 31 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh31.yaml",
    "resident dev 99 (hard cases, tuned on)": BENCH / "faq_resident_dev99.yaml",
    "resident fresh 32 (hard cases, written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh32.yaml",
    "resident dev 100 (hard cases, tuned on)": BENCH / "faq_resident_dev100.yaml",
    "resident dev 101 (tuned on)": BENCH / "faq_resident_dev101.yaml",
    "resident fresh 33 (written 2026-12-03, never tuned on)": BENCH / "faq_resident_fresh33.yaml",
    "resident dev 102 (tuned on)": BENCH / "faq_resident_dev102.yaml",
    "resident fresh 34 (written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh34.yaml",
    "resident dev 103 (hard cases, tuned on)": BENCH / "faq_resident_dev103.yaml",
    "resident fresh 35 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh35.yaml",
    "resident dev 104 (hard cases, tuned on)": BENCH / "faq_resident_dev104.yaml",
    "resident dev 105 (tuned on)": BENCH / "faq_resident_dev105.yaml",
    "resident fresh 36 (written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh36.yaml",
    "resident fresh 37 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh37.yaml",
    "resident fresh 38 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh38.yaml",
    "resident fresh 39 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh39.yaml",
    "resident dev 106 (hard cases, tuned on)": BENCH / "faq_resident_dev106.yaml",
    "resident dev 107 (hard cases, tuned on)": BENCH / "faq_resident_dev107.yaml",
    "resident dev 108 (hard cases, tuned on)": BENCH / "faq_resident_dev108.yaml",
    "resident fresh 40 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh40.yaml",
    "resident fresh 41 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh41.yaml",
    "resident dev 109 (hard cases, tuned on)": BENCH / "faq_resident_dev109.yaml",
    "resident dev 110 (hard cases, tuned on)": BENCH / "faq_resident_dev110.yaml",
    "resident fresh 42 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh42.yaml",
    "resident fresh 43 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh43.yaml",
    "resident dev 111 (hard cases, tuned on)": BENCH / "faq_resident_dev111.yaml",
    "resident dev 112 (hard cases, tuned on)": BENCH / "faq_resident_dev112.yaml",
    "resident dev 113 (hard cases, tuned on)": BENCH / "faq_resident_dev113.yaml",
    "resident fresh 44 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh44.yaml",
    "resident fresh 45 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh45.yaml",
    "resident dev 114 (hard cases, tuned on)": BENCH / "faq_resident_dev114.yaml",
    "resident dev 115 (hard cases, tuned on)": BENCH / "faq_resident_dev115.yaml",
    "resident dev 116 (hard cases, tuned on)": BENCH / "faq_resident_dev116.yaml",
    "resident dev 117 (hard cases, tuned on)": BENCH / "faq_resident_dev117.yaml",
    "resident dev 118 (hard cases, tuned on)": BENCH / "faq_resident_dev118.yaml",
    "resident dev 119 (hard cases, tuned on)": BENCH / "faq_resident_dev119.yaml",
    "resident dev 121 (hard cases, tuned on)": BENCH / "faq_resident_dev121.yaml",
    "resident dev 122 (hard cases, tuned on)": BENCH / "faq_resident_dev122.yaml",
    "resident dev 120 (hard cases, tuned on)": BENCH / "faq_resident_dev120.yaml",
    "resident dev 123 (hard cases, tuned on)": BENCH / "faq_resident_dev123.yaml",
    "resident dev 124 (hard cases, tuned on)": BENCH / "faq_resident_dev124.yaml",
    "resident dev 125 (hard cases, tuned on)": BENCH / "faq_resident_dev125.yaml",
    "resident dev 126 (hard cases, tuned on)": BENCH / "faq_resident_dev126.yaml",
    "resident dev 127 (hard cases, tuned on)": BENCH / "faq_resident_dev127.yaml",
    "resident dev 128 (hard cases, tuned on)": BENCH / "faq_resident_dev128.yaml",
    "resident dev 130 (hard cases, tuned on)": BENCH / "faq_resident_dev130.yaml",
    "resident dev 131 (hard cases, tuned on)": BENCH / "faq_resident_dev131.yaml",
    "resident dev 129 (hard cases, tuned on)": BENCH / "faq_resident_dev129.yaml",
    "resident dev 132 (hard cases, tuned on)": BENCH / "faq_resident_dev132.yaml",
    "resident dev 133 (hard cases, tuned on)": BENCH / "faq_resident_dev133.yaml",
    "resident dev 134 (hard cases, tuned on)": BENCH / "faq_resident_dev134.yaml",
    "resident dev 135 (hard cases, tuned on)": BENCH / "faq_resident_dev135.yaml",
    "resident fresh 46 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh46.yaml",
    "resident dev 137 (hard cases, tuned on)": BENCH / "faq_resident_dev137.yaml",
    "resident dev 139 (hard cases, tuned on)": BENCH / "faq_resident_dev139.yaml",
    "resident dev 138 (hard cases, tuned on)": BENCH / "faq_resident_dev138.yaml",
    "resident dev 136 (hard cases, tuned on)": BENCH / "faq_resident_dev136.yaml",
    "resident fresh 47 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh47.yaml",
    "resident dev 140 (hard cases, tuned on)": BENCH / "faq_resident_dev140.yaml",
    "resident dev 141 (hard cases, tuned on)": BENCH / "faq_resident_dev141.yaml",
    "resident dev 142 (hard cases, tuned on)": BENCH / "faq_resident_dev142.yaml",
    "resident dev 143 (hard cases, tuned on)": BENCH / "faq_resident_dev143.yaml",
    "resident dev 144 (hard cases, tuned on)": BENCH / "faq_resident_dev144.yaml",
    "resident dev 145 (hard cases, tuned on)": BENCH / "faq_resident_dev145.yaml",
    "resident dev 147 (hard cases, tuned on)": BENCH / "faq_resident_dev147.yaml",
    "resident dev 146 (hard cases, tuned on)": BENCH / "faq_resident_dev146.yaml",
    "resident dev 149 (hard cases, tuned on)": BENCH / "faq_resident_dev149.yaml",
    "resident dev 151 (hard cases, tuned on)": BENCH / "faq_resident_dev151.yaml",
    "resident dev 150 (hard cases, tuned on)": BENCH / "faq_resident_dev150.yaml",
    "resident dev 148 (hard cases, tuned on)": BENCH / "faq_resident_dev148.yaml",
    "resident dev 152 (hard cases, tuned on)": BENCH / "faq_resident_dev152.yaml",
    "resident dev 154 (hard cases, tuned on)": BENCH / "faq_resident_dev154.yaml",
    "resident dev 153 (hard cases, tuned on)": BENCH / "faq_resident_dev153.yaml",
    "resident dev 155 (hard cases, tuned on)": BENCH / "faq_resident_dev155.yaml",
    "resident dev 156 (hard cases, tuned on)": BENCH / "faq_resident_dev156.yaml",
    "resident fresh 48 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh48.yaml",
    "resident dev 158 (hard cases, tuned on)": BENCH / "faq_resident_dev158.yaml",
    "resident dev 157 (hard cases, tuned on)": BENCH / "faq_resident_dev157.yaml",
    "resident fresh 49 (written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh49.yaml",
    "resident dev 159 (hard cases, tuned on)": BENCH / "faq_resident_dev159.yaml",
    "resident dev 160 (hard cases, tuned on)": BENCH / "faq_resident_dev160.yaml",
    "resident dev 161 (hard cases, tuned on)": BENCH / "faq_resident_dev161.yaml",
    "resident dev 162 (hard cases, tuned on)": BENCH / "faq_resident_dev162.yaml",
    "resident fresh 50 (hard cases, written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh50.yaml",
    "resident dev 163 (hard cases, tuned on)": BENCH / "faq_resident_dev163.yaml",
    "resident dev 165 (tuned on)": BENCH / "faq_resident_dev165.yaml",
    "resident fresh 51 (written 2026-12-04, never tuned on)": BENCH / "faq_resident_fresh51.yaml",
    "resident dev 164 (hard cases, tuned on)": BENCH / "faq_resident_dev164.yaml",
    "resident dev 166 (hard cases, tuned on)": BENCH / "faq_resident_dev166.yaml",
    "resident dev 167 (hard cases, tuned on)": BENCH / "faq_resident_dev167.yaml",
    "resident dev 168 (hard cases, tuned on)": BENCH / "faq_resident_dev168.yaml",
    "resident dev 169 (hard cases, tuned on)": BENCH / "faq_resident_dev169.yaml",
    "resident dev 170 (hard cases, tuned on)": BENCH / "faq_resident_dev170.yaml",
    "resident dev 171 (hard cases, tuned on)": BENCH / "faq_resident_dev171.yaml",
    "resident dev 172 (tuned on)": BENCH / "faq_resident_dev172.yaml",
    "resident fresh 52 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh52.yaml",
    "resident dev 173 (hard cases, tuned on)": BENCH / "faq_resident_dev173.yaml",
    "resident dev 174 (hard cases, tuned on)": BENCH / "faq_resident_dev174.yaml",
    "resident dev 175 (hard cases, tuned on)": BENCH / "faq_resident_dev175.yaml",
    "resident dev 176 (tuned on)": BENCH / "faq_resident_dev176.yaml",
    "resident dev 177 (hard cases, tuned on)": BENCH / "faq_resident_dev177.yaml",
    "resident dev 178 (hard cases, tuned on)": BENCH / "faq_resident_dev178.yaml",
    "resident dev 179 (hard cases, tuned on)": BENCH / "faq_resident_dev179.yaml",
    "resident dev 180 (tuned on)": BENCH / "faq_resident_dev180.yaml",
    "resident dev 181 (hard cases, tuned on)": BENCH / "faq_resident_dev181.yaml",
    "resident fresh 53 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh53.yaml",
    "resident dev 182 (hard cases, tuned on)": BENCH / "faq_resident_dev182.yaml",
    "resident dev 183 (tuned on)": BENCH / "faq_resident_dev183.yaml",
    "resident dev 184 (hard cases, tuned on)": BENCH / "faq_resident_dev184.yaml",
    "resident fresh 54 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh54.yaml",
    "resident dev 185 (hard cases, tuned on)": BENCH / "faq_resident_dev185.yaml",
    "resident dev 186 (tuned on)": BENCH / "faq_resident_dev186.yaml",
    "resident dev 187 (hard cases, tuned on)": BENCH / "faq_resident_dev187.yaml",
    "resident dev 188 (hard cases, tuned on)": BENCH / "faq_resident_dev188.yaml",
    "resident dev 189 (tuned on)": BENCH / "faq_resident_dev189.yaml",
    "resident dev 190 (hard cases, tuned on)": BENCH / "faq_resident_dev190.yaml",
    "resident dev 191 (hard cases, tuned on)": BENCH / "faq_resident_dev191.yaml",
    "resident dev 192 (tuned on)": BENCH / "faq_resident_dev192.yaml",
    "resident fresh 55 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh55.yaml",
    "resident dev 193 (hard cases, tuned on)": BENCH / "faq_resident_dev193.yaml",
    "resident dev 194 (tuned on)": BENCH / "faq_resident_dev194.yaml",
    "resident dev 195 (hard cases, tuned on)": BENCH / "faq_resident_dev195.yaml",
    "resident dev 196 (hard cases, tuned on)": BENCH / "faq_resident_dev196.yaml",
    "resident dev 197 (tuned on)": BENCH / "faq_resident_dev197.yaml",
    "resident dev 198 (hard cases, tuned on)": BENCH / "faq_resident_dev198.yaml",
    "resident dev 199 (hard cases, tuned on)": BENCH / "faq_resident_dev199.yaml",
    "resident dev 203 (hard cases, tuned on)": BENCH / "faq_resident_dev203.yaml",
    "resident dev 201 (tuned on)": BENCH / "faq_resident_dev201.yaml",
    "resident dev 200 (hard cases, tuned on)": BENCH / "faq_resident_dev200.yaml",
    "resident dev 202 (hard cases, tuned on)": BENCH / "faq_resident_dev202.yaml",
    "resident fresh 56 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh56.yaml",
    "resident dev 204 (hard cases, tuned on)": BENCH / "faq_resident_dev204.yaml",
    "resident dev 205 (tuned on)": BENCH / "faq_resident_dev205.yaml",
    "resident dev 206 (hard cases, tuned on)": BENCH / "faq_resident_dev206.yaml",
    "resident dev 207 (hard cases, tuned on)": BENCH / "faq_resident_dev207.yaml",
    "resident dev 208 (tuned on)": BENCH / "faq_resident_dev208.yaml",
    "resident dev 209 (hard cases, tuned on)": BENCH / "faq_resident_dev209.yaml",
    "resident dev 210 (hard cases, tuned on)": BENCH / "faq_resident_dev210.yaml",
    "resident dev 211 (hard cases, tuned on)": BENCH / "faq_resident_dev211.yaml",
    "resident fresh 57 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh57.yaml",
    "resident dev 212 (hard cases, tuned on)": BENCH / "faq_resident_dev212.yaml",
    "resident dev 213 (hard cases, tuned on)": BENCH / "faq_resident_dev213.yaml",
    "resident dev 214 (tuned on)": BENCH / "faq_resident_dev214.yaml",
    "resident dev 215 (hard cases, tuned on)": BENCH / "faq_resident_dev215.yaml",
    "resident dev 216 (hard cases, tuned on)": BENCH / "faq_resident_dev216.yaml",
    "resident dev 218 (hard cases, tuned on)": BENCH / "faq_resident_dev218.yaml",
    "resident dev 217 (tuned on)": BENCH / "faq_resident_dev217.yaml",
    "resident fresh 58 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh58.yaml",
    "resident dev 219 (hard cases, tuned on)": BENCH / "faq_resident_dev219.yaml",
    "resident dev 220 (tuned on)": BENCH / "faq_resident_dev220.yaml",
    "resident dev 221 (hard cases, tuned on)": BENCH / "faq_resident_dev221.yaml",
    "resident dev 222 (tuned on)": BENCH / "faq_resident_dev222.yaml",
    "resident dev 223 (hard cases, tuned on)": BENCH / "faq_resident_dev223.yaml",
    "resident dev 224 (hard cases, tuned on)": BENCH / "faq_resident_dev224.yaml",
    "resident dev 225 (tuned on)": BENCH / "faq_resident_dev225.yaml",
    "resident fresh 59 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh59.yaml",
    "resident dev 226 (hard cases, tuned on)": BENCH / "faq_resident_dev226.yaml",
    "resident dev 227 (tuned on)": BENCH / "faq_resident_dev227.yaml",
    "resident fresh 60 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh60.yaml",
    "resident dev 228 (hard cases, tuned on)": BENCH / "faq_resident_dev228.yaml",
    "resident dev 229 (tuned on)": BENCH / "faq_resident_dev229.yaml",
    "resident dev 230 (hard cases, tuned on)": BENCH / "faq_resident_dev230.yaml",
    "resident dev 231 (hard cases, tuned on)": BENCH / "faq_resident_dev231.yaml",
    "resident dev 232 (tuned on)": BENCH / "faq_resident_dev232.yaml",
    "resident dev 233 (hard cases, tuned on)": BENCH / "faq_resident_dev233.yaml",
    "resident dev 234 (hard cases, tuned on)": BENCH / "faq_resident_dev234.yaml",
    "resident fresh 61 (hard cases, written 2026-12-05, never tuned on)": BENCH / "faq_resident_fresh61.yaml",
    "resident dev 235 (hard cases, tuned on)": BENCH / "faq_resident_dev235.yaml",
    "resident fresh 62 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh62.yaml",
    "resident dev 237 (hard cases, tuned on)": BENCH / "faq_resident_dev237.yaml",
    "resident dev 238 (tuned on)": BENCH / "faq_resident_dev238.yaml",
    "resident dev 236 (hard cases, tuned on)": BENCH / "faq_resident_dev236.yaml",
    "resident dev 239 (hard cases, tuned on)": BENCH / "faq_resident_dev239.yaml",
    "resident dev 240 (hard cases, tuned on)": BENCH / "faq_resident_dev240.yaml",
    "resident fresh 63 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh63.yaml",
    "resident dev 241 (hard cases, tuned on)": BENCH / "faq_resident_dev241.yaml",
    "resident dev 242 (tuned on)": BENCH / "faq_resident_dev242.yaml",
    "resident fresh 64 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh64.yaml",
    "resident dev 243 (hard cases, tuned on)": BENCH / "faq_resident_dev243.yaml",
    "resident dev 244 (tuned on)": BENCH / "faq_resident_dev244.yaml",
    "resident dev 245 (hard cases, tuned on)": BENCH / "faq_resident_dev245.yaml",
    "resident dev 246 (tuned on)": BENCH / "faq_resident_dev246.yaml",
    "resident dev 247 (hard cases, tuned on)": BENCH / "faq_resident_dev247.yaml",
    "resident dev 248 (tuned on)": BENCH / "faq_resident_dev248.yaml",
    "resident dev 249 (hard cases, tuned on)": BENCH / "faq_resident_dev249.yaml",
    "resident dev 250 (hard cases, tuned on)": BENCH / "faq_resident_dev250.yaml",
    "resident dev 251 (hard cases, tuned on)": BENCH / "faq_resident_dev251.yaml",
    "resident dev 252 (hard cases, tuned on)": BENCH / "faq_resident_dev252.yaml",
    "resident dev 253 (tuned on)": BENCH / "faq_resident_dev253.yaml",
    "resident fresh 65 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh65.yaml",
    "resident dev 254 (hard cases, tuned on)": BENCH / "faq_resident_dev254.yaml",
    "resident dev 255 (tuned on)": BENCH / "faq_resident_dev255.yaml",
    "resident dev 256 (hard cases, tuned on)": BENCH / "faq_resident_dev256.yaml",
    "resident fresh 66 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh66.yaml",
    "resident dev 257 (hard cases, tuned on)": BENCH / "faq_resident_dev257.yaml",
    "resident dev 258 (tuned on)": BENCH / "faq_resident_dev258.yaml",
    "resident dev 259 (hard cases, tuned on)": BENCH / "faq_resident_dev259.yaml",
    "resident dev 260 (hard cases, tuned on)": BENCH / "faq_resident_dev260.yaml",
    "resident dev 261 (tuned on)": BENCH / "faq_resident_dev261.yaml",
    "resident dev 262 (hard cases, tuned on)": BENCH / "faq_resident_dev262.yaml",
    "resident dev 263 (hard cases, tuned on)": BENCH / "faq_resident_dev263.yaml",
    "resident dev 264 (tuned on)": BENCH / "faq_resident_dev264.yaml",
    "resident fresh 67 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh67.yaml",
    "resident dev 265 (hard cases, tuned on)": BENCH / "faq_resident_dev265.yaml",
    "resident dev 266 (tuned on)": BENCH / "faq_resident_dev266.yaml",
    "resident dev 267 (hard cases, tuned on)": BENCH / "faq_resident_dev267.yaml",
    "resident dev 268 (hard cases, tuned on)": BENCH / "faq_resident_dev268.yaml",
    "resident dev 269 (hard cases, tuned on)": BENCH / "faq_resident_dev269.yaml",
    "resident dev 270 (hard cases, tuned on)": BENCH / "faq_resident_dev270.yaml",
    "resident dev 271 (tuned on)": BENCH / "faq_resident_dev271.yaml",
    "resident fresh 68 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh68.yaml",
    "resident dev 272 (hard cases, tuned on)": BENCH / "faq_resident_dev272.yaml",
    "resident dev 273 (tuned on)": BENCH / "faq_resident_dev273.yaml",
    "resident dev 274 (hard cases, tuned on)": BENCH / "faq_resident_dev274.yaml",
    "resident dev 277 (tuned on)": BENCH / "faq_resident_dev277.yaml",
    "resident dev 276 (hard cases, tuned on)": BENCH / "faq_resident_dev276.yaml",
    "resident dev 275 (hard cases, tuned on)": BENCH / "faq_resident_dev275.yaml",
    "resident dev 278 (hard cases, tuned on)": BENCH / "faq_resident_dev278.yaml",
    "resident fresh 69 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh69.yaml",
    "resident dev 279 (tuned on)": BENCH / "faq_resident_dev279.yaml",
    "resident dev 281 (hard cases, tuned on)": BENCH / "faq_resident_dev281.yaml",
    "resident dev 280 (hard cases, tuned on)": BENCH / "faq_resident_dev280.yaml",
    "resident dev 282 (hard cases, tuned on)": BENCH / "faq_resident_dev282.yaml",
    "resident dev 283 (hard cases, tuned on)": BENCH / "faq_resident_dev283.yaml",
    "resident dev 284 (tuned on)": BENCH / "faq_resident_dev284.yaml",
    "resident fresh 70 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh70.yaml",
    "resident dev 285 (hard cases, tuned on)": BENCH / "faq_resident_dev285.yaml",
    "resident dev 286 (tuned on)": BENCH / "faq_resident_dev286.yaml",
    "resident dev 287 (hard cases, tuned on)": BENCH / "faq_resident_dev287.yaml",
    "resident dev 288 (tuned on)": BENCH / "faq_resident_dev288.yaml",
    "resident dev 289 (hard cases, tuned on)": BENCH / "faq_resident_dev289.yaml",
    "resident dev 290 (hard cases, tuned on)": BENCH / "faq_resident_dev290.yaml",
    "resident fresh 71 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh71.yaml",
    "resident dev 291 (hard cases, tuned on)": BENCH / "faq_resident_dev291.yaml",
    "resident dev 292 (tuned on)": BENCH / "faq_resident_dev292.yaml",
    "resident dev 294 (hard cases, tuned on)": BENCH / "faq_resident_dev294.yaml",
    "resident dev 293 (hard cases, tuned on)": BENCH / "faq_resident_dev293.yaml",
    "resident fresh 72 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh72.yaml",
    "resident dev 295 (hard cases, tuned on)": BENCH / "faq_resident_dev295.yaml",
    "resident dev 296 (tuned on)": BENCH / "faq_resident_dev296.yaml",
    "resident dev 297 (hard cases, tuned on)": BENCH / "faq_resident_dev297.yaml",
    "resident dev 298 (hard cases, tuned on)": BENCH / "faq_resident_dev298.yaml",
    "resident dev 299 (tuned on)": BENCH / "faq_resident_dev299.yaml",
    "resident dev 300 (hard cases, tuned on)": BENCH / "faq_resident_dev300.yaml",
    "resident dev 301 (hard cases, tuned on)": BENCH / "faq_resident_dev301.yaml",
    "resident fresh 73 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh73.yaml",
    "resident dev 302 (hard cases, tuned on)": BENCH / "faq_resident_dev302.yaml",
    "resident dev 303 (tuned on)": BENCH / "faq_resident_dev303.yaml",
    "resident dev 304 (hard cases, tuned on)": BENCH / "faq_resident_dev304.yaml",
    "resident dev 305 (hard cases, tuned on)": BENCH / "faq_resident_dev305.yaml",
    "resident dev 306 (hard cases, tuned on)": BENCH / "faq_resident_dev306.yaml",
    "resident dev 307 (tuned on)": BENCH / "faq_resident_dev307.yaml",
    "resident dev 308 (hard cases, tuned on)": BENCH / "faq_resident_dev308.yaml",
    "resident dev 309 (hard cases, tuned on)": BENCH / "faq_resident_dev309.yaml",
    "resident dev 310 (hard cases, tuned on)": BENCH / "faq_resident_dev310.yaml",
    "resident dev 311 (tuned on)": BENCH / "faq_resident_dev311.yaml",
    "resident dev 312 (hard cases, tuned on)": BENCH / "faq_resident_dev312.yaml",
    "resident fresh 74 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh74.yaml",
    "resident dev 313 (hard cases, tuned on)": BENCH / "faq_resident_dev313.yaml",
    "resident dev 314 (hard cases, tuned on)": BENCH / "faq_resident_dev314.yaml",
    "resident dev 316 (hard cases, tuned on)": BENCH / "faq_resident_dev316.yaml",
    "resident dev 315 (tuned on)": BENCH / "faq_resident_dev315.yaml",
    "resident dev 317 (hard cases, tuned on)": BENCH / "faq_resident_dev317.yaml",
    "resident dev 318 (tuned on)": BENCH / "faq_resident_dev318.yaml",
    "resident fresh 75 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh75.yaml",
    "resident dev 319 (hard cases, tuned on)": BENCH / "faq_resident_dev319.yaml",
    "resident dev 320 (tuned on)": BENCH / "faq_resident_dev320.yaml",
    "resident dev 321 (hard cases, tuned on)": BENCH / "faq_resident_dev321.yaml",
    "resident fresh 76 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh76.yaml",
    "resident dev 322 (hard cases, tuned on)": BENCH / "faq_resident_dev322.yaml",
    "resident dev 323 (tuned on)": BENCH / "faq_resident_dev323.yaml",
    "resident dev 324 (hard cases, tuned on)": BENCH / "faq_resident_dev324.yaml",
    "resident dev 325 (tuned on)": BENCH / "faq_resident_dev325.yaml",
    "resident fresh 77 (hard cases, written 2026-12-06, never tuned on)": BENCH / "faq_resident_fresh77.yaml",
    "resident fresh 78 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh78.yaml",
    "resident dev 327 (tuned on)": BENCH / "faq_resident_dev327.yaml",
    "resident dev 326 (hard cases, tuned on)": BENCH / "faq_resident_dev326.yaml",
    "resident dev 328 (hard cases, tuned on)": BENCH / "faq_resident_dev328.yaml",
    "resident dev 330 (hard cases, tuned on)": BENCH / "faq_resident_dev330.yaml",
    "resident dev 329 (tuned on)": BENCH / "faq_resident_dev329.yaml",
    "resident fresh 79 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh79.yaml",
    "resident dev 331 (hard cases, tuned on)": BENCH / "faq_resident_dev331.yaml",
    "resident dev 332 (hard cases, tuned on)": BENCH / "faq_resident_dev332.yaml",
    "resident dev 333 (tuned on)": BENCH / "faq_resident_dev333.yaml",
    "resident fresh 80 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh80.yaml",
    "resident dev 334 (hard cases, tuned on)": BENCH / "faq_resident_dev334.yaml",
    "resident fresh 81 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh81.yaml",
    "resident dev 335 (hard cases, tuned on)": BENCH / "faq_resident_dev335.yaml",
    "resident dev 336 (hard cases, tuned on)": BENCH / "faq_resident_dev336.yaml",
    "resident fresh 82 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh82.yaml",
    "resident dev 337 (hard cases, tuned on)": BENCH / "faq_resident_dev337.yaml",
    "resident fresh 83 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh83.yaml",
    "resident dev 338 (hard cases, tuned on)": BENCH / "faq_resident_dev338.yaml",
    "resident dev 339 (hard cases, tuned on)": BENCH / "faq_resident_dev339.yaml",
    "resident fresh 84 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh84.yaml",
    "resident dev 340 (hard cases, tuned on)": BENCH / "faq_resident_dev340.yaml",
    "resident dev 341 (hard cases, tuned on)": BENCH / "faq_resident_dev341.yaml",
    "resident dev 342 (hard cases, tuned on)": BENCH / "faq_resident_dev342.yaml",
    "resident fresh 85 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh85.yaml",
    "resident dev 344 (hard cases, tuned on)": BENCH / "faq_resident_dev344.yaml",
    "resident fresh 86 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh86.yaml",
    "resident dev 343 (hard cases, tuned on)": BENCH / "faq_resident_dev343.yaml",
    "resident dev 345 (hard cases, tuned on)": BENCH / "faq_resident_dev345.yaml",
    "resident fresh 87 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh87.yaml",
    "resident fresh 88 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh88.yaml",
    "resident fresh 89 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh89.yaml",
    "resident dev 346 (hard cases, tuned on)": BENCH / "faq_resident_dev346.yaml",
    "resident dev 347 (hard cases, tuned on)": BENCH / "faq_resident_dev347.yaml",
    "resident dev 348 (hard cases, tuned on)": BENCH / "faq_resident_dev348.yaml",
    "resident fresh 90 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh90.yaml",
    "resident dev 349 (hard cases, tuned on)": BENCH / "faq_resident_dev349.yaml",
    "resident dev 350 (hard cases, tuned on)": BENCH / "faq_resident_dev350.yaml",
    "resident dev 351 (hard cases, tuned on)": BENCH / "faq_resident_dev351.yaml",
    "resident fresh 91 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh91.yaml",
    "resident fresh 92 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh92.yaml",
    "resident dev 352 (hard cases, tuned on)": BENCH / "faq_resident_dev352.yaml",
    "resident dev 353 (hard cases, tuned on)": BENCH / "faq_resident_dev353.yaml",
    "resident dev 354 (hard cases, tuned on)": BENCH / "faq_resident_dev354.yaml",
    "resident dev 355 (hard cases, tuned on)": BENCH / "faq_resident_dev355.yaml",
    "resident dev 356 (hard cases, tuned on)": BENCH / "faq_resident_dev356.yaml",
    "resident fresh 93 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh93.yaml",
    "resident fresh 94 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh94.yaml",
    "resident dev 357 (hard cases, tuned on)": BENCH / "faq_resident_dev357.yaml",
    "resident dev 358 (hard cases, tuned on)": BENCH / "faq_resident_dev358.yaml",
    "resident fresh 95 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh95.yaml",
    "resident dev 359 (hard cases, tuned on)": BENCH / "faq_resident_dev359.yaml",
    "resident dev 360 (hard cases, tuned on)": BENCH / "faq_resident_dev360.yaml",
    "resident dev 361 (hard cases, tuned on)": BENCH / "faq_resident_dev361.yaml",
    "resident fresh 96 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh96.yaml",
    "resident dev 362 (hard cases, tuned on)": BENCH / "faq_resident_dev362.yaml",
    "resident dev 363 (hard cases, tuned on)": BENCH / "faq_resident_dev363.yaml",
    "resident dev 364 (hard cases, tuned on)": BENCH / "faq_resident_dev364.yaml",
    "resident fresh 97 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh97.yaml",
    "resident dev 365 (hard cases, tuned on)": BENCH / "faq_resident_dev365.yaml",
    "resident dev 366 (hard cases, tuned on)": BENCH / "faq_resident_dev366.yaml",
    "resident dev 367 (hard cases, tuned on)": BENCH / "faq_resident_dev367.yaml",
    "resident fresh 98 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh98.yaml",
    "resident dev 368 (hard cases, tuned on)": BENCH / "faq_resident_dev368.yaml",
    "resident dev 369 (hard cases, tuned on)": BENCH / "faq_resident_dev369.yaml",
    "resident fresh 99 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh99.yaml",
    "resident dev 370 (hard cases, tuned on)": BENCH / "faq_resident_dev370.yaml",
    "resident dev 371 (hard cases, tuned on)": BENCH / "faq_resident_dev371.yaml",
    "resident dev 372 (hard cases, tuned on)": BENCH / "faq_resident_dev372.yaml",
    "resident dev 373 (hard cases, tuned on)": BENCH / "faq_resident_dev373.yaml",
    "resident dev 374 (hard cases, tuned on)": BENCH / "faq_resident_dev374.yaml",
    "resident fresh 100 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh100.yaml",
    "resident dev 375 (hard cases, tuned on)": BENCH / "faq_resident_dev375.yaml",
    "resident dev 376 (hard cases, tuned on)": BENCH / "faq_resident_dev376.yaml",
    "resident dev 377 (hard cases, tuned on)": BENCH / "faq_resident_dev377.yaml",
    "resident fresh 101 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh101.yaml",
    "resident dev 378 (hard cases, tuned on)": BENCH / "faq_resident_dev378.yaml",
    "resident fresh 102 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh102.yaml",
    "resident dev 379 (hard cases, tuned on)": BENCH / "faq_resident_dev379.yaml",
    "resident dev 380 (hard cases, tuned on)": BENCH / "faq_resident_dev380.yaml",
    "resident dev 381 (hard cases, tuned on)": BENCH / "faq_resident_dev381.yaml",
    "resident fresh 103 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh103.yaml",
    "resident dev 382 (hard cases, tuned on)": BENCH / "faq_resident_dev382.yaml",
    "resident dev 383 (hard cases, tuned on)": BENCH / "faq_resident_dev383.yaml",
    "resident dev 384 (hard cases, tuned on)": BENCH / "faq_resident_dev384.yaml",
    "resident fresh 104 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh104.yaml",
    "resident dev 385 (hard cases, tuned on)": BENCH / "faq_resident_dev385.yaml",
    "resident dev 386 (hard cases, tuned on)": BENCH / "faq_resident_dev386.yaml",
    "resident dev 387 (hard cases, tuned on)": BENCH / "faq_resident_dev387.yaml",
    "resident fresh 105 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh105.yaml",
    "resident dev 388 (hard cases, tuned on)": BENCH / "faq_resident_dev388.yaml",
    "resident dev 389 (hard cases, tuned on)": BENCH / "faq_resident_dev389.yaml",
    "resident dev 390 (hard cases, tuned on)": BENCH / "faq_resident_dev390.yaml",
    "resident fresh 106 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh106.yaml",
    "resident dev 391 (hard cases, tuned on)": BENCH / "faq_resident_dev391.yaml",
    "resident dev 392 (hard cases, tuned on)": BENCH / "faq_resident_dev392.yaml",
    "resident dev 393 (hard cases, tuned on)": BENCH / "faq_resident_dev393.yaml",
    "resident fresh 107 (hard cases, written 2026-12-07, never tuned on)": BENCH / "faq_resident_fresh107.yaml",
    "resident dev 394 (hard cases, tuned on)": BENCH / "faq_resident_dev394.yaml",
    "resident dev 395 (hard cases, tuned on)": BENCH / "faq_resident_dev395.yaml",
    "resident dev 396 (hard cases, tuned on)": BENCH / "faq_resident_dev396.yaml",
    "resident fresh 108 (hard cases, written 2026-12-08, never tuned on)": BENCH / "faq_resident_fresh108.yaml",
    "resident dev 397 (hard cases, tuned on)": BENCH / "faq_resident_dev397.yaml",
    "resident dev 398 (hard cases, tuned on)": BENCH / "faq_resident_dev398.yaml",
    "resident dev 399 (hard cases, tuned on)": BENCH / "faq_resident_dev399.yaml",
    "resident fresh 109 (hard cases, written 2026-12-08, never tuned on)": BENCH / "faq_resident_fresh109.yaml",
    "resident fresh 110 (hard cases, written 2026-12-08, never tuned on)": BENCH / "faq_resident_fresh110.yaml",
    "resident dev 400 (hard cases, tuned on)": BENCH / "faq_resident_dev400.yaml",
    "resident dev 401 (hard cases, tuned on)": BENCH / "faq_resident_dev401.yaml",
    "resident fresh 111 (hard cases, written 2026-12-08, never tuned on)": BENCH / "faq_resident_fresh111.yaml",
    "resident fresh 112 (hard cases, written 2026-12-08, never tuned on)": BENCH / "faq_resident_fresh112.yaml",
    "old eval (issue 3)": BENCH / "faq_eval.yaml",
    "old held-out (issue 3)": BENCH / "faq_heldout.yaml",
}
# Sets whose questions are never printed (``--misses`` skips them): only their aggregates.
FROZEN = frozenset(
    {
        "resident frozen (never tuned on)",
        "resident fresh (written 2026-12-01, never tuned on)",
        "resident fresh 2 (written 2026-12-01, never tuned on)",
        "resident fresh 3 (written 2026-12-01, never tuned on)",
        "resident fresh 4 (written 2026-12-01, never tuned on)",
        "resident fresh 5 (written 2026-12-02, never tuned on)",
        "resident fresh 6 (written 2026-12-02, never tuned on)",
        "resident fresh 7 (written 2026-12-02, never tuned on)",
        "resident fresh 8 (written 2026-12-02, never tuned on)",
        "resident fresh 9 (written 2026-12-02, never tuned on)",
        "resident fresh 10 (written 2026-12-02, never tuned on)",
        "resident fresh 11 (written 2026-12-02, never tuned on)",
        "resident fresh 12 (written 2026-12-02, never tuned on)",
        "resident fresh 13 (written 2026-12-02, never tuned on)",
        "resident fresh 14 (written 2026-12-02, never tuned on)",
        "resident fresh 15 (written 2026-12-02, never tuned on)",
        "resident fresh 16 (written 2026-12-02, never tuned on)",
        "resident fresh 18 (written 2026-12-03, never tuned on)",
        "resident fresh 17 (written 2026-12-03, never tuned on)",
        "resident fresh 19 (written 2026-12-03, never tuned on)",
        "resident fresh 21 (written 2026-12-03, never tuned on)",
        "resident fresh 22 (written 2026-12-03, never tuned on)",
        "resident fresh 20 (written 2026-12-03, never tuned on)",
        "resident fresh 23 (written 2026-12-03, never tuned on)",
        "resident fresh 24 (written 2026-12-03, never tuned on)",
        "resident fresh 25 (written 2026-12-03, never tuned on)",
        "resident fresh 26 (written 2026-12-03, never tuned on)",
        "resident fresh 27 (hard cases, written 2026-12-03, never tuned on)",
        "resident fresh 28 (written 2026-12-03, never tuned on)",
        "resident fresh 29 (hard cases, written 2026-12-03, never tuned on)",
        "resident fresh 30 (hard cases, written 2026-12-03, never tuned on)",
        "resident fresh 31 (written 2026-12-03, never tuned on)",
        "resident fresh 32 (hard cases, written 2026-12-03, never tuned on)",
        "resident fresh 33 (written 2026-12-03, never tuned on)",
        "resident fresh 34 (written 2026-12-04, never tuned on)",
        "resident fresh 35 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 36 (written 2026-12-04, never tuned on)",
        "resident fresh 37 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 38 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 39 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 40 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 41 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 42 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 43 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 44 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 45 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 46 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 47 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 49 (written 2026-12-04, never tuned on)",
        "resident fresh 48 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 50 (hard cases, written 2026-12-04, never tuned on)",
        "resident fresh 51 (written 2026-12-04, never tuned on)",
        "resident fresh 52 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 53 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 54 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 55 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 56 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 57 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 59 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 58 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 60 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 61 (hard cases, written 2026-12-05, never tuned on)",
        "resident fresh 62 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 63 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 64 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 65 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 66 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 67 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 68 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 69 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 70 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 71 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 72 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 73 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 74 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 75 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 76 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 77 (hard cases, written 2026-12-06, never tuned on)",
        "resident fresh 78 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 79 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 80 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 81 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 82 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 83 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 84 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 85 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 86 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 87 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 88 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 89 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 90 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 91 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 92 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 93 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 94 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 95 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 96 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 97 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 98 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 99 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 100 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 101 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 102 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 103 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 104 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 105 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 106 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 107 (hard cases, written 2026-12-07, never tuned on)",
        "resident fresh 108 (hard cases, written 2026-12-08, never tuned on)",
        "resident fresh 109 (hard cases, written 2026-12-08, never tuned on)",
        "resident fresh 110 (hard cases, written 2026-12-08, never tuned on)",
        "resident fresh 111 (hard cases, written 2026-12-08, never tuned on)",
        "resident fresh 112 (hard cases, written 2026-12-08, never tuned on)",
    }
)
# Tuning sets measured held out when they arrived and not (yet) trained on; empty when the views are trained on
# every tuning set (see docs/faq.md).
NOT_TRAINED: frozenset[str] = frozenset()
LONG_WORDS = 15
BIG_KB = 4000

Answer = Callable[[str], tuple[str | None, tuple[str, ...]]]  # topic answered, topics suggested


class Baseline:
    def __init__(self, kb: KnowledgeBase, threshold: float = 70.0):
        self.choices = [utils.default_process(q) for e in kb.entries for q in e.questions]
        self.topics = [e.id for e in kb.entries for _ in e.questions]
        self.threshold = threshold

    def answer(self, text: str) -> tuple[str | None, tuple[str, ...]]:
        hit = process.extractOne(utils.default_process(text), self.choices, scorer=fuzz.token_set_ratio)
        if hit is None:
            return None, ()
        return (self.topics[hit[2]] if hit[1] >= self.threshold else None), ()


def ours(matcher: Matcher) -> Answer:
    def answer(text: str) -> tuple[str | None, tuple[str, ...]]:
        m = matcher.match(text)
        return m.topic, m.offered  # (small talk gets the greeting, no buttons)

    return answer


@dataclass
class Figures:
    n_in: int = 0
    right: int = 0
    wrong: int = 0
    offered: int = 0  # right answer, or the right topic among the suggestions
    n_out: int = 0
    silent: int = 0
    n_long: int = 0
    long_right: int = 0

    def add(self, case: Case, got: str | None, suggested: tuple[str, ...]) -> None:
        if case.topic is None:
            self.n_out += 1
            self.silent += got is None
            return
        self.n_in += 1
        self.right += got == case.topic
        self.wrong += got is not None and got != case.topic
        self.offered += got == case.topic or (got is None and case.topic in suggested)
        if len(case.question.split()) >= LONG_WORDS:
            self.n_long += 1
            self.long_right += got == case.topic


def score(answer: Answer, cases: list[Case]) -> tuple[Figures, list[tuple[str, str | None, str | None]]]:
    fig = Figures()
    misses = []
    for case in cases:
        got, suggested = answer(case.question)
        fig.add(case, got, suggested)
        if got != case.topic:
            misses.append((case.question, case.topic, got))
    return fig, misses


def pct(a: int, b: int) -> str:
    return f"{a / b:6.1%} ({a}/{b})" if b else "     –"


def line(name: str, f: Figures, suggestions: bool = True) -> str:
    offered = pct(f.offered, f.n_in) if suggestions else "     –"
    return (
        f"  {name:<26} top-1 {pct(f.right, f.n_in)}  wrong {pct(f.wrong, f.n_in)}  in suggestions {offered}"
        f"  silent {pct(f.silent, f.n_out)}  ≥{LONG_WORDS} words {pct(f.long_right, f.n_long)}"
    )


def tune(baseline: Baseline, cases: list[Case]) -> float:
    best = (-1.0, 70.0)
    for t in range(40, 100, 5):
        baseline.threshold = float(t)
        f, _ = score(baseline.answer, cases)
        best = max(best, ((f.right / max(1, f.n_in) + f.silent / max(1, f.n_out)) / 2, float(t)))
    baseline.threshold = best[1]
    return best[1]


def grown(kb: KnowledgeBase, size: int, seed: int = 10) -> KnowledgeBase:
    """The real topics plus generated ones: each a real topic's phrasings with a third of the words
    swapped for other words of the knowledge base and made-up names, so topics share vocabulary the
    way a province's shared base would."""
    rng = random.Random(seed)
    vocab = sorted({w for e in kb.entries for q in e.questions for w in q.split()})
    entries = list(kb.entries)
    for i in range(size - len(entries)):
        src = rng.choice(kb.entries)

        def vary(text: str, i: int = i) -> str:
            words = text.split()
            for _ in range(max(1, len(words) // 3)):
                words[rng.randrange(len(words))] = rng.choice(vocab)
            return " ".join([*words, f"mục{i}"])

        entries.append(Entry(f"gen.t{i}", vary(src.title), tuple(vary(q) for q in src.questions), src.answer))
    return KnowledgeBase(tuple(entries))


def fold_bases(kb: KnowledgeBase, k: int = 5, seed: int = 1) -> list[tuple[KnowledgeBase, list[tuple[str, str]]]]:
    """The knowledge base without each fold's phrasings, with the (topic, phrasing) pairs held out of it."""
    items = [(e.id, q) for e in kb.entries for q in e.questions]
    random.Random(seed).shuffle(items)
    out = []
    for f in range(k):
        held = set(items[f::k])
        entries = tuple(
            Entry(
                e.id,
                e.title,
                tuple(q for q in e.questions if (e.id, q) not in held) or e.questions[:1],
                e.answer,
                e.related,
                e.live,
            )
            for e in kb.entries
        )
        out.append((KnowledgeBase(entries), items[f::k]))
    return out


def folds(kb: KnowledgeBase, k: int = 5, seed: int = 1) -> Figures:
    """Leave-phrasings-out: each fold's phrasings are asked of a matcher built without them.

    A stand-in for unseen questions that needs no evaluation set (and so can be tuned on without
    touching the frozen one): every phrasing is a question the matcher has not been given."""
    fig = Figures()
    for base, asked in fold_bases(kb, k, seed):
        m = Matcher(base)
        for topic, q in asked:
            got = m.match(q)
            fig.add(Case(q, topic), got.topic, got.suggestions)
    return fig


def latency_us(
    fn: Callable[[str], object], questions: list[str], rounds: int, clock: Callable[[], int] = time.perf_counter_ns
) -> tuple[float, float]:
    """p50 and p99 per question in µs. ``time.thread_time_ns`` counts only this thread's CPU time,
    so it leaves out the time the process waits for a core on a shared machine."""
    times = []
    for _ in range(rounds):
        for q in questions:
            t0 = clock()
            fn(q)
            times.append((clock() - t0) / 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for ln in f:
            if ln.startswith("VmRSS:"):
                return int(ln.split()[1]) / 1024
    return float("nan")


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="timing passes over the questions")
    ap.add_argument("--misses", action="store_true", help="print the matcher's mistakes (never the frozen sets')")
    ap.add_argument("--kb", type=Path, default=ROOT / "faq" / "knowledge.yaml", help="knowledge base to measure")
    ap.add_argument("--no-latency", action="store_true", help="accuracy only")
    ap.add_argument("--no-accuracy", action="store_true", help="latency only (no per-set figures)")
    ap.add_argument("--folds", type=int, default=5, help="leave-phrasings-out folds over the knowledge base (0: skip)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    kb = load_knowledge(args.kb)
    matcher = Matcher(kb)
    build_ms = (time.perf_counter() - t0) * 1000
    topics = set(kb.topics)
    sets = {name: load_cases(path) for name, path in SETS.items() if path.exists()}
    baseline = Baseline(kb)
    tuned_on = next(iter(sets))
    threshold = tune(baseline, sets[tuned_on])

    print(f"Machine: {machine()}")
    print(f"Knowledge base: {len(kb.entries)} topics, {sum(len(e.questions) for e in kb.entries)} phrasings")
    print(f"Matcher built in {build_ms:.0f} ms; baseline threshold tuned on {tuned_on}: {threshold:.0f}")
    for name, cases in ({} if args.no_accuracy else sets).items():
        known = [c for c in cases if c.topic is None or c.topic in topics]
        n_in = sum(c.topic is not None for c in cases)
        print(f"\n{name}: {len(cases)} questions ({n_in} in scope, {len(cases) - n_in} out of scope)")
        f, misses = score(ours(matcher), cases)
        print(line("Loa Số matcher", f))
        if len(known) < len(cases):
            print(line("  (topics in KB)", score(ours(matcher), known)[0]))
        print(line("baseline (token_set)", score(baseline.answer, cases)[0], suggestions=False))
        if args.misses and name not in FROZEN:
            for q, want, got in misses:
                m = matcher.match(q)
                print(f"    miss: {q!r} want {want} got {got} ({m.reason} {m.score:.2f} {list(m.suggestions)})")

    if args.folds:
        print(f"\nKnowledge base, leave-phrasings-out ({args.folds} folds: each phrasing asked of a base without it)")
        print(line("Loa Số matcher", folds(kb, args.folds)))

    if args.no_latency:
        return
    questions = [c.question for name, cs in sets.items() for c in cs]
    print(f"\nLatency per question ({len(questions)} questions × {args.rounds} rounds), p50 / p99 in µs")
    print("(wall clock, and CPU time of this thread: the machine is shared, waiting for a core is not matching):")
    for size in (len(kb.entries), BIG_KB):
        big = kb if size == len(kb.entries) else grown(kb, size)
        t0 = time.perf_counter()
        m = Matcher(big)
        built = (time.perf_counter() - t0) * 1000
        b = Baseline(big, threshold)
        for q in questions:  # warm the caches, as a running bot has them
            m.match(q)
        med, p99 = latency_us(m.match, questions, args.rounds)
        cmed, cp99 = latency_us(m.match, questions, args.rounds, time.thread_time_ns)
        some = questions[:: max(1, len(questions) // 200)]  # the baseline is slow at 4,000 topics
        bmed, bp99 = latency_us(b.answer, some, 1)
        print(
            f"  {size:>5} topics: Loa Số matcher wall {med:5.0f} / {p99:6.0f}, CPU {cmed:5.0f} / {cp99:5.0f}"
            f" (built in {built:.0f} ms)   baseline wall {bmed:6.0f} / {bp99:6.0f}"
        )
    print(f"Memory: process RSS {rss_mb():.1f} MB")


if __name__ == "__main__":
    main()
