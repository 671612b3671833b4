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

import itertools
import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.faq.knowledge import KnowledgeBase
from bot.faq.normalize import CHITCHAT, GENERIC, STOPWORDS, content_tokens, is_chitchat

# Real words we know that the knowledge base does not use: never "correct" them into one
# it does ("chúc mừng" is not a typo of "chưa mang").
KNOWN_WORDS = CHITCHAT | GENERIC | STOPWORDS

K1 = 1.2
B = 0.75
BIGRAM_WEIGHT = 0.6
MIN_COVERAGE = 0.55  # share of the question's weighted words the topic must know
MIN_MARGIN = 1.05  # best topic's BM25 must beat the runner-up by this factor …
SURE_COVERAGE = 0.9  # … unless it knows nearly every word
AMBIGUOUS_GAP = 0.1  # … or the runner-up knows clearly fewer of the words
OOV_WEIGHT = 0.85  # a word the knowledge base never uses weighs this much of the highest IDF
GENERIC_WEIGHT = 0.3  # everyday words count this much of their IDF in the coverage
TYPO_WEIGHT = 0.8  # a word we had to correct is weaker evidence than one typed right
MIN_EVIDENCE = 2  # distinct specific words the topic must know (1 if the question has only one)
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
    return [f"{a}_{b}" for a, b in itertools.pairwise(tokens)]


class Matcher:
    def __init__(
        self,
        kb: KnowledgeBase,
        min_coverage: float = MIN_COVERAGE,
        min_margin: float = MIN_MARGIN,
        oov_weight: float = OOV_WEIGHT,
    ):
        self.kb = kb
        self.min_coverage = min_coverage
        self.min_margin = min_margin
        self.oov_weight = oov_weight
        self.topics = [e.id for e in kb.entries]
        docs: list[Counter[str]] = []  # term → weighted count
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
        self.by_letter: dict[str, list[str]] = {}
        for t in sorted(t for t in df if "_" not in t):
            self.by_letter.setdefault(t[0], []).append(t)
        self._typos: dict[str, str | None] = {}

    def _correct(self, tok: str) -> str:
        """A known word as is; an unknown one mapped to the nearest known word, if close."""
        if tok in self.idf or len(tok) < 4 or tok.isdigit() or tok in KNOWN_WORDS:
            return tok
        if tok not in self._typos:
            if len(self._typos) > TYPO_CACHE:
                self._typos.clear()
            limit = 2 if len(tok) >= 7 else 1
            # Typos rarely hit the first letter; looking only there keeps 'bong' from becoming 'song'.
            same_start = self.by_letter.get(tok[0], [])
            hit = process.extractOne(tok, same_start, scorer=Levenshtein.distance, score_cutoff=limit)
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

    def _coverage(self, i: int, toks: list[str], corrected: set[str]) -> tuple[float, int]:
        """Share of the question's weighted words this topic knows, and how many specific ones.

        Two-word phrases the topic also uses count on both sides (a phrase match is strong
        evidence); unknown phrases do not, their unknown words already count against it.
        """
        doc = self.docs[i]
        total = known = 0.0
        evidence = 0
        for t in set(toks):
            weak = t in GENERIC or (t.isdigit() and t not in self.idf)  # ages, amounts: details
            w = self.idf.get(t, self.oov_weight * self.max_idf) * (GENERIC_WEIGHT if weak else 1.0)
            total += w
            if t in doc:
                known += w * (TYPO_WEIGHT if t in corrected else 1.0)
                evidence += not weak and t not in corrected
        for t in set(_bigrams(toks)):
            if t in doc:
                w = BIGRAM_WEIGHT * self.idf[t]
                total += w
                known += w
        return (known / total if total else 0.0), evidence

    def match(self, text: str) -> Match:
        if is_chitchat(text):
            return Match(None, 0.0, False, None, "chitchat")
        raw = content_tokens(text)
        toks = [self._correct(t) for t in raw]
        corrected = {c for c, r in zip(toks, raw, strict=True) if c != r}
        if not toks:
            return Match(None, 0.0, False, None, "empty")
        terms = toks + _bigrams(toks)
        scores = [self._bm25(i, terms) for i in range(len(self.docs))]
        order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        best, second = order[0], order[1] if len(order) > 1 else None
        if scores[best] <= 0:
            return Match(None, 0.0, False, None, "low_coverage")
        coverage, evidence = self._coverage(best, toks, corrected)
        topic = self.topics[best]
        score = round(coverage, 3)
        specific = {t for t in toks if t not in GENERIC and not (t.isdigit() and t not in self.idf)}
        if evidence < min(MIN_EVIDENCE, len(specific)) or not specific:
            return Match(None, score, False, topic, "low_coverage")
        if coverage < self.min_coverage:
            return Match(None, score, False, topic, "low_coverage")
        if second is not None and coverage < SURE_COVERAGE and scores[best] < self.min_margin * scores[second]:
            # Two topics rank alike: answer only if the runner-up clearly knows fewer of the words.
            if self._coverage(second, toks, corrected)[0] > coverage - AMBIGUOUS_GAP:
                return Match(None, score, False, topic, "ambiguous")
        return Match(topic, score, True, topic, "ok")
