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

import heapq
import itertools
import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence

from bot.faq.normalize import fold, syllables

GRAMS = (3, 4, 5)  # letter n-gram lengths, taken across word boundaries ("g nh")
KEEP = 600  # the heaviest n-grams kept per topic profile
SAMPLE = 4000  # phrasings read for the n-grams' document frequencies: a 4,000-topic base builds in a second
CACHE = 1024  # topic profiles kept built; the others are rebuilt when asked for


def features(text: str) -> Counter[str]:
    """Letter n-grams of the folded, normalised text, plus its words and word pairs."""
    words = [fold(s) for s in syllables(text)]
    padded = " " + " ".join(words) + " "
    out: Counter[str] = Counter()
    for n in GRAMS:
        for i in range(len(padded) - n + 1):
            gram = padded[i : i + n]
            if gram.strip():
                out[gram] += 1
    out.update("w:" + w for w in words)
    out.update(f"p:{a}_{b}" for a, b in itertools.pairwise(words))
    return out


class LetterProfiles:
    """Profiles are built when first compared, from IDF over (a sample of) all phrasings.

    A large base (a province's, 4,000 topics) would take minutes and gigabytes to profile in full;
    a question is only ever compared with its ~24 candidates, so only those are built.
    """

    def __init__(self, topics: Iterable[tuple[str, Sequence[str]]], keep: int = KEEP, sample: int = SAMPLE):
        self.keep = keep
        self.texts = {tid: tuple(texts) for tid, texts in topics}
        every = [t for texts in self.texts.values() for t in texts]
        step = max(1, math.ceil(len(every) / sample))
        df: Counter[str] = Counter()
        for text in every[::step]:
            df.update(features(text).keys())
        n = len(every[::step])
        self.idf = {g: math.log((n + 1) / (c + 1)) + 1.0 for g, c in df.items()}
        self.rare = math.log(n + 1) + 1.0  # a gram outside the sample is rarer than any in it
        self._built: OrderedDict[str, dict[str, float]] = OrderedDict()

    def _vector(self, doc: Counter[str]) -> dict[str, float]:
        vec = {g: (1.0 + math.log(c)) * self.idf.get(g, self.rare) for g, c in doc.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {g: x / norm for g, x in vec.items()}

    def profile(self, tid: str) -> dict[str, float] | None:
        """The normalised sum of the topic's phrasing vectors, its heaviest ``keep`` n-grams."""
        built = self._built.get(tid)
        if built is not None:
            self._built.move_to_end(tid)
            return built
        texts = self.texts.get(tid)
        if not texts:
            return None
        total: Counter[str] = Counter()
        for text in texts:
            total.update(self._vector(features(text)))
        top = heapq.nlargest(self.keep, total.items(), key=lambda kv: kv[1])
        norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
        built = {g: x / norm for g, x in top}
        self._built[tid] = built
        if len(self._built) > CACHE:
            self._built.popitem(last=False)
        return built

    def similarity(self, text: str, topic_ids: Iterable[str]) -> dict[str, float]:
        """Cosine of the question with each named topic's profile (0 for unknown topics).

        Only the question's n-grams that the base has count (those of the phrasings sampled for
        their frequencies), as the matcher ignores words the base never uses: a long story around
        the question does not dilute it.
        """
        profiles = {tid: self.profile(tid) for tid in topic_ids}
        grams = features(text)
        q = self._vector(Counter({g: c for g, c in grams.items() if g in self.idf}))
        out = {}
        for tid, prof in profiles.items():
            out[tid] = sum(q[g] * prof[g] for g in q.keys() & prof.keys()) if prof else 0.0
        return out
