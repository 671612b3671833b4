"""Letter n-gram profiles of the topics: a third view of a question, independent of words.

The matcher reasons over words: a word it does not know (a typo beyond one edit, a dialect
spelling, a word glued to the next, a form the knowledge base never used) is neither for nor
against a topic. Letters still carry it: "dangnhap", "đăg nhập" and "đăng nhặp" share most of
their three- to five-letter pieces with "đăng nhập". Each topic gets one profile — the
normalised sum of its phrasings' TF-IDF vectors of letter n-grams (folded, no marks), words
and word pairs — and a question is compared with the profiles of the matcher's best few
candidates only, so the cost does not grow with the size of the knowledge base.

The matcher uses it as a confirmation, never alone: when it is unsure between close
candidates, the letters agreeing clearly on its best one lets it answer.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable, Sequence

from bot.faq.normalize import fold, syllables

GRAMS = (3, 4, 5)  # letter n-gram lengths, taken across word boundaries ("g nh")
KEEP = 600  # the heaviest n-grams kept per topic profile
SAMPLE = 4000  # phrasings read for the n-grams' document frequencies
PER_TOPIC = 16  # a large base's profile reads at most this many of the topic's phrasings …
KEEP_LARGE = 300  # … and keeps this many n-grams: 4,000 topics profile in seconds, in ~150 MB

_TF = tuple(1.0 + math.log(c) if c else 0.0 for c in range(32))  # sublinear term frequency, looked up

Words = Sequence[str]  # a phrasing's syllables, folded (``fold(syllables(text))``)


def words_of(text: str) -> list[str]:
    return [fold(s) for s in syllables(text)]


def features(words: Words | str) -> Counter[str]:
    """Letter n-grams of the folded, normalised text, plus its words and word pairs."""
    if isinstance(words, str):
        words = words_of(words)
    padded = " " + " ".join(words) + " "  # single spaces: no n-gram of three or more is only spaces
    grams: list[str] = []
    for n in GRAMS:  # list comprehensions, then one count in C: a long message has ~1,000 n-grams
        grams += [padded[i : i + n] for i in range(len(padded) - n + 1)]
    grams += ["w:" + w for w in words]
    out = Counter(grams)
    out.update(f"p:{a}_{b}" for a, b in itertools.pairwise(words))
    return out


@functools.lru_cache(maxsize=4)
def profiles_for(topics: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]) -> LetterProfiles:
    """Profiles of a base, shared by every matcher built from the same phrasings (a reload that
    changed only the answers, the tests' many matchers of one file)."""
    return LetterProfiles(topics)


class LetterProfiles:
    """One profile per topic, built with the matcher from the phrasings it already tokenised.

    IDF comes from at most ``SAMPLE`` phrasings; in a large base (a province's, 4,000 topics) each
    profile reads at most ``PER_TOPIC`` phrasings and keeps ``KEEP_LARGE`` n-grams, or profiling
    would take minutes and gigabytes.
    """

    def __init__(self, topics: Iterable[tuple[str, Sequence[Words | str]]], keep: int = KEEP, sample: int = SAMPLE):
        texts = {tid: [features(t) for t in phr] for tid, phr in _sampled(topics, sample)}
        every = [f for feats in texts.values() for f in feats]
        step = max(1, math.ceil(len(every) / sample))
        df: Counter[str] = Counter()
        for doc in every[::step]:
            df.update(doc.keys())
        n = len(every[::step])
        self.idf = {g: math.log((n + 1) / (c + 1)) + 1.0 for g, c in df.items()}
        self.rare = math.log(n + 1) + 1.0  # a gram outside the sample is rarer than any in it
        keep = keep if step == 1 else min(keep, KEEP_LARGE)
        self._last: tuple[str | None, tuple[dict[str, float], float]] = (None, ({}, 1.0))
        self.profiles: dict[str, dict[str, float]] = {}
        for tid, docs in texts.items():
            total: dict[str, float] = {}
            for doc in docs:
                for g, x in self._vector(doc).items():
                    total[g] = total.get(g, 0.0) + x
            top = heapq.nlargest(keep, total.items(), key=lambda kv: kv[1])
            norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
            self.profiles[tid] = {g: x / norm for g, x in top}

    def _vector(self, doc: Counter[str]) -> dict[str, float]:
        vec = {g: (1.0 + math.log(c)) * self.idf.get(g, self.rare) for g, c in doc.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {g: x / norm for g, x in vec.items()}

    def profile(self, tid: str) -> dict[str, float] | None:
        return self.profiles.get(tid)

    def similarity(self, text: str, topic_ids: Iterable[str]) -> dict[str, float]:
        """Cosine of the question with each named topic's profile (0 for unknown topics).

        Only the question's n-grams that the base has count (those of the phrasings sampled for
        their frequencies), as the matcher ignores words the base never uses: a long story around
        the question does not dilute it.
        """
        q, norm = self._question(text)
        out = {}
        for tid in topic_ids:
            prof = self.profiles.get(tid)
            if prof:  # the shared n-grams' products, summed in C: a long question shares hundreds with a profile
                shared = q.keys() & prof.keys()
                out[tid] = sum(map(operator.mul, map(q.__getitem__, shared), map(prof.__getitem__, shared))) / norm
            else:
                out[tid] = 0.0
        return out

    def _question(self, text: str) -> tuple[dict[str, float], float]:
        """The question's weighed known n-grams and their norm; the last one is kept, as the matcher asks of the
        same question again with other candidates (its rules, then the combiner)."""
        last = self._last  # read once: the profiles are shared by every matcher of the same base
        if last[0] == text:
            return last[1]
        idf, tf, n_tf = self.idf, _TF, len(_TF)
        # one pass: keep the known n-grams and weigh them
        q = {
            g: (tf[c] if c < n_tf else 1.0 + math.log(c)) * w
            for g, c in features(text).items()
            if (w := idf.get(g)) is not None
        }
        weighed = (q, math.sqrt(sum(x * x for x in q.values())) or 1.0)
        self._last = (text, weighed)
        return weighed


def _sampled(
    topics: Iterable[tuple[str, Sequence[Words | str]]], sample: int
) -> list[tuple[str, Sequence[Words | str]]]:
    """Every topic's phrasings in a base up to ``sample`` phrasings; at most ``PER_TOPIC`` each beyond."""
    listed = list(topics)
    if sum(len(p) for _, p in listed) <= sample:
        return listed
    return [(tid, p[:: math.ceil(len(p) / PER_TOPIC)] if len(p) > PER_TOPIC else p) for tid, p in listed]
