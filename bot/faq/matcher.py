"""Which knowledge-base topic a question is about, and whether we are sure enough to answer.

Ranking is BM25 over one document per topic (its title and phrasings, as folded,
teencode-expanded syllables and syllable bigrams: bigrams stand in for Vietnamese word
segmentation). Confidence is *coverage*: the share of the question's IDF-weighted content
words that the best topic knows. Words the knowledge base has never seen count against
it, so gossip, ads and questions about other things fall below the threshold and the bot
stays silent: it never guesses. Typos are mapped to the nearest known word first
(rapidfuzz Levenshtein, 1 edit, 2 for long words).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.faq.knowledge import KnowledgeBase
from bot.faq.normalize import content_tokens, is_chitchat

K1 = 1.2
B = 0.75
BIGRAM_WEIGHT = 0.6
MIN_COVERAGE = 0.68  # share of the question's weighted words the topic must know
MIN_MARGIN = 1.08  # best topic's BM25 must beat the runner-up by this factor …
SURE_COVERAGE = 0.9  # … unless it knows nearly every word
TYPO_CACHE = 4096


@dataclass(frozen=True, slots=True)
class Match:
    """``topic`` is None when the bot must not answer; ``score`` is in [0, 1]."""

    topic: str | None
    score: float
    confident: bool
    best: str | None  # best topic even when not confident (for the leaders' log)
    reason: str  # "ok", "chitchat", "empty", "low_coverage", "ambiguous"


def _bigrams(tokens: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]


class Matcher:
    def __init__(self, kb: KnowledgeBase, min_coverage: float = MIN_COVERAGE):
        self.kb = kb
        self.min_coverage = min_coverage
        self.topics = [e.id for e in kb.entries]
        docs: list[Counter[str]] = []
        for e in kb.entries:
            terms: Counter[str] = Counter()
            for text in (e.title, *e.questions):
                toks = content_tokens(text)
                terms.update(toks)
                terms.update(_bigrams(toks))
            docs.append(terms)
        self.docs = docs
        self.lengths = [sum(d.values()) for d in docs]
        self.avg_len = sum(self.lengths) / max(1, len(docs))
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.max_idf = math.log(1 + (n - 0.5) / 1.5)
        self.vocab = sorted(t for t in df if "_" not in t)
        self._typos: dict[str, str | None] = {}

    def _correct(self, tok: str) -> str:
        """A known word as is; an unknown one mapped to the nearest known word, if close."""
        if tok in self.idf or len(tok) < 4 or tok.isdigit():
            return tok
        if tok not in self._typos:
            if len(self._typos) > TYPO_CACHE:
                self._typos.clear()
            limit = 2 if len(tok) >= 7 else 1
            hit = process.extractOne(tok, self.vocab, scorer=Levenshtein.distance, score_cutoff=limit)
            self._typos[tok] = hit[0] if hit else None
        return self._typos[tok] or tok

    def _bm25(self, i: int, terms: list[str]) -> float:
        doc, norm = self.docs[i], K1 * (1 - B + B * self.lengths[i] / self.avg_len)
        score = 0.0
        for t in terms:
            tf = doc.get(t, 0)
            if tf:
                w = BIGRAM_WEIGHT if "_" in t else 1.0
                score += w * self.idf[t] * tf * (K1 + 1) / (tf + norm)
        return score

    def _coverage(self, i: int, toks: list[str]) -> float:
        doc = self.docs[i]
        total = known = 0.0
        for t in set(toks):
            w = self.idf.get(t, self.max_idf)
            total += w
            if t in doc:
                known += w
        return known / total if total else 0.0

    def match(self, text: str) -> Match:
        if is_chitchat(text):
            return Match(None, 0.0, False, None, "chitchat")
        toks = [self._correct(t) for t in content_tokens(text)]
        if not toks:
            return Match(None, 0.0, False, None, "empty")
        terms = toks + _bigrams(toks)
        scores = [self._bm25(i, terms) for i in range(len(self.docs))]
        order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        best, second = order[0], order[1] if len(order) > 1 else None
        if scores[best] <= 0:
            return Match(None, 0.0, False, None, "low_coverage")
        coverage = self._coverage(best, toks)
        topic = self.topics[best]
        score = round(coverage, 3)
        if coverage < self.min_coverage:
            return Match(None, score, False, topic, "low_coverage")
        if second is not None and coverage < SURE_COVERAGE and scores[best] < MIN_MARGIN * scores[second]:
            return Match(None, score, False, topic, "ambiguous")
        return Match(topic, score, True, topic, "ok")
