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
from collections import Counter
from collections.abc import Iterable, Sequence

from bot.faq.normalize import fold, syllables

GRAMS = (3, 4, 5)  # letter n-gram lengths, taken across word boundaries ("g nh")
KEEP = 600  # the heaviest n-grams kept per topic profile: a 4,000-topic base stays small


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
    def __init__(self, topics: Iterable[tuple[str, Sequence[str]]], keep: int = KEEP):
        docs: list[tuple[str, Counter[str]]] = [(tid, features(text)) for tid, texts in topics for text in texts]
        df: Counter[str] = Counter()
        for _, doc in docs:
            df.update(doc.keys())
        n = len(docs)
        self.idf = {g: math.log((n + 1) / (c + 1)) + 1.0 for g, c in df.items()}
        sums: dict[str, Counter[str]] = {}
        for tid, doc in docs:
            sums.setdefault(tid, Counter()).update(self._vector(doc))
        self.profiles: dict[str, dict[str, float]] = {}
        for tid, total in sums.items():
            top = heapq.nlargest(keep, total.items(), key=lambda kv: kv[1])
            norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
            self.profiles[tid] = {g: x / norm for g, x in top}

    def _vector(self, doc: Counter[str]) -> dict[str, float]:
        vec = {g: (1.0 + math.log(c)) * self.idf[g] for g, c in doc.items() if g in self.idf}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {g: x / norm for g, x in vec.items()}

    def similarity(self, text: str, topic_ids: Iterable[str]) -> dict[str, float]:
        """Cosine of the question's vector with each named topic's profile (0 for unknown topics)."""
        q = self._vector(features(text))
        out = {}
        for tid in topic_ids:
            prof = self.profiles.get(tid)
            out[tid] = sum(x * prof.get(g, 0.0) for g, x in q.items()) if prof else 0.0
        return out
