"""Which knowledge-base topic a question is about, and how sure we are: answer, suggest, or stay silent.

Words keep their diacritics (``normalize``): a word typed with marks matches only that
word; a word typed without marks matches any word with the same letters. Each topic's
phrasings (title + questions) are indexed as words and word pairs. For a question:

1. **Candidates** come from an inverted index (word → topics), ranked by the summed IDF of
   the words they share with the question; only the best few are scored in full, so the
   cost grows with the words in the question, not with the number of topics.
2. **Coverage of the topic's key words**: for each phrasing of a candidate, the share of
   its IDF-weighted words (and word pairs) the question contains; the topic takes its best
   phrasing. A long story around the question does not lower it: words the knowledge base
   never uses (names, places, story) are ignored.
3. **Support**: of the question's words the knowledge base DOES know, the share this topic
   knows — a word that belongs to another topic is evidence against this one.

Confidence = √(coverage × support). The bot answers when confidence is high, the runner-up
is clearly behind, at least two specific words agree (or the only one), and — for topics
that warn about scams — the question itself speaks of a trick or a stranger. Below that it
may suggest up to three topics (asked back in a private chat); else it stays silent.

Two more views settle close calls: a naive Bayes posterior over the same words, and letter
n-gram profiles of the topics (``letters``), which see what words miss (typos beyond one edit,
glued words, dialect spellings). Neither answers alone; they answer only when they agree with
the best candidate and the message asks something.

Last, two learned views trained on residents' own wordings: the scope view holds back an answer to
village news or small talk (``scope``), and the topic view (``learned``) weighs the rules' decision —
keeps, questions, switches, settles or holds it back, and adds its likely topics when the bot asks back.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot import textmodel
from bot.faq import combiner as combining
from bot.faq import learned as learning
from bot.faq import scope as scoping
from bot.faq.combiner import Combiner
from bot.faq.knowledge import KnowledgeBase
from bot.faq.letters import LetterProfiles, profiles_for
from bot.faq.normalize import (
    APPS,
    CHITCHAT,
    FOREIGN,
    GENERIC,
    PHRASES,
    STOPWORDS,
    VARIANTS,
    asks_live,
    asks_the_bot_itself,
    asks_weather_abroad,
    asks_weather_away,
    asks_what_the_bot_does,
    assemble,
    calls_someone,
    exclaims,
    fold,
    folded_words,
    grumbles,
    handled_scam,
    has_scam_evidence,
    heard_in_news,
    is_chitchat,
    is_generic,
    is_notice,
    is_question,
    is_stopword,
    join_phrases,
    judges_the_bot,
    marked,
    plans_at_office,
    reports_problem,
    syllables,
    tastes_food,
    tells_live_news,
    tells_money_lost,
    tells_news,
    tells_other_apps_trouble,
    tells_social_face_check,
    testifies,
    to_everyone,
    typed_with_marks,
    wants_a_person,
    without_bot_name,
    without_denied,
    without_done,
    without_fine,
    without_thanks,
    without_working,
)
from bot.textmodel import Classes, Model

# Real words we know that the knowledge base does not use: never "correct" them into one
# it does ("chúc mừng" is not a typo of "chưa mang").
KNOWN_WORDS = CHITCHAT | GENERIC | STOPWORDS
GLUED_MIN = 9  # an unknown run of letters this long may be words typed without spaces

BIGRAM_WEIGHT = 0.6  # a word pair counts this much of its IDF, on top of its two words
GENERIC_WEIGHT = 0.3  # everyday words count this much of their IDF
TYPO_WEIGHT = 0.8  # a word we had to correct is weaker evidence than one typed right
ANSWER_AT = 0.4  # confidence needed to answer outright
MIN_KEY_COVERAGE = 0.3  # … and at least this share of one phrasing's key words
SUGGEST_AT = 0.25  # confidence needed to be offered as a suggestion
MARGIN = 0.15  # the runner-up must be this far behind for an outright answer
MAX_SUGGESTIONS = 3
ADDRESSED_MIN_WORDS = 3  # what is left once the bot's name is taken out must be a question of its own
CANDIDATES = 12  # topics scored in full per question
DF_CAP_SHARE = 0.05  # words in more than this share of topics do not select candidates …
DF_CAP_MIN = 100  # … unless they are in fewer topics than this (small bases: every word selects)
TERSE = 10  # more words than this, and no question form: news ("trời mưa quá trời, ướt hết đồ") …
STATEMENT_AT = 0.8  # … answered only with this confidence
MIN_EVIDENCE = 2  # distinct specific words the topic must share (1 if the question has only one)
TYPO_CACHE = 4096
# Topics whose answer warns or alarms: they need evidence of a trick in the question itself.
ALARMING_PREFIXES = ("scam.",)
ALARMING_TOPICS = frozenset({"pay.fake_qr"})

COVERAGE_SMOOTHING = 0.3  # × the rarest word's IDF, added to every phrasing's total: more words matched is stronger
FOREIGN_WEIGHT = 2.0  # a word of another matter weighs this many times the rarest word
SINGLE_EVIDENCE_COVERAGE = 0.6  # one shared word is enough only if it covers this much of a phrasing
# Our apps' own troubles (login, password, errors) and installing them: not the answer where another app's trouble is
# told.
APP_TROUBLE_TOPICS = frozenset(
    (app, trouble)
    for app in ("vneid", "vssid", "dvc")
    for trouble in ("login", "forgot_password", "password_rules", "errors")
) | {("app", "install")}
OTHER_MATTER_AT = 0.6  # a question naming another matter (land, fines) is answered only this sure
# A word in many of a topic's phrasings is its own; one in a single phrasing of many is borrowed:
# it supports the topic less ("công an" in one phrasing of the level-2 topic, in most of the police's).
AFFINITY_SHARE = 0.25  # a word in this share of a topic's phrasings counts fully for it
AFFINITY_FLOOR = 0.7  # a word in only one phrasing still counts this much
KEY_AFFINITY = 0.6  # an answer needs one of the topic's own words (in ≥ 0.6 × AFFINITY_SHARE of its phrasings) …
PHRASING_MATCH = 0.9  # … unless it says (nearly) one of the topic's phrasings: a wording a leader just taught
NB_ALPHA = 0.1  # naive Bayes smoothing (counts)
NB_SURE = 0.9  # naive Bayes posterior over the candidates that confirms an unsure best candidate
NB_MIN_CONF = 0.5  # … whose confidence is at least this
NB_MARGIN = 0.05  # … and the runner-up at least this far behind
LIVE_TERSE = 4  # a live topic asked without question form: only this short ("độ mặn bữa nay")
LETTERS_TOP = 8  # an unsure best candidate is compared, by letters, with this many of the best
LETTERS_AT = 0.2  # … its letter similarity must be at least this …
LETTERS_MARGIN = 0.12  # … and this far ahead of every other compared candidate's …
LETTERS_MIN_CONF = 0.3  # … and its own confidence at least this, for the letters to settle it
UNANIMOUS_CONF = 0.5  # closer letters still settle it when naive Bayes agrees too, and confidence is this …
UNANIMOUS_NB = 0.6  # … with this posterior
OVERRULE = True  # a close runner-up that letters and naive Bayes both put clearly first is answered …
OVERRULE_CONF = 0.5  # … if its own confidence is at least this
PROBLEMS = True  # a first-person problem report is asked, with or without a question word
BOT_TOPIC = "bot.help"  # what the bot does: answered only when asked what it does
TEAM_TOPIC = "team.contact"  # the team's contacts: where a resident who asks for a person is sent
FACE_CHECK_TOPIC = "pay.face_check"  # the banks' face check, not a social app's
# Apps with topics of their own (``APPS``, from bot.faq.normalize: "vneid.login", "vssid.forgot_password"): a question
# naming one app and not the other is not about the other's topics ("mật khẩu VssID nhập sai bị khóa" is no VNeID
# login question), unless the topic's title names both ("Đăng nhập VssID bằng VNeID").
# Registering for one account level: a question naming only the other level ("làm vneid mức 1 ở đâu") is not about
# it, unless it speaks of moving up ("mức 1 rồi, muốn nâng lên").
LEVEL_TOPICS = {"1": "vneid.register_level1", "2": "vneid.register_level2"}
COMPARE_LEVELS = "vneid.levels"  # how the two levels differ: not what one asks who says which level is not asked
OTP_TOPIC = "scam.otp"  # "may I give my code?": no answer once the money is gone
_MOVING_UP = frozenset({"len", "nang", "nangcap"})
# "tui hông hỏi mức hai đâu, cái mức thấp nhất đó", "không phải mức 2": the level denied is not the one asked.
_DENIED_LEVEL = re.compile(r"\b(?:khong|chang|cha) (?:phai (?:la |hoi )?|hoi |can )(?:cai |ve )?muc (1|2)\b")


# ("không hỏi mức 2", "không phải mức 2" — not "không cần mức 2", which may weigh the two levels)
_NOT_ASKED_LEVEL = re.compile(r"\b(?:khong|chang|cha) (?:phai (?:la |hoi )?|hoi )(?:cai |ve )?muc [12]\b")


def denied_levels(folded: str) -> set[str]:
    return set(_DENIED_LEVEL.findall(folded))


STORY_CLAUSES = True  # another matter named only before the question clause does not count
STORY_MIN = 15  # … in a message of at least this many words
_CLAUSE = re.compile(r"[.,;!?\n…]+")
FOREIGN_ID = -1  # the word id of "another matter": in no topic
PLACE_MARK = "@place"
FOREIGN_MARK = "@other"

# Outcomes.
ANSWER = "answer"
SUGGEST = "suggest"
SMALL_TALK = frozenset({"chitchat", "empty"})  # answered, when addressed, with a greeting and no buttons
SILENT = "silent"


Ranked = tuple[float, int, int, float, float, float]  # confidence, topic, evidence, coverage, key, support
# The question's known words, once per question: their total weight; those naming one word id, by id (a topic's
# score walks only the ones it shares, in one C-level intersection); and the (weight, ids, specific) of the rest.
_Known = tuple[float, dict[int, list[tuple[float, bool]]], frozenset[int], list[tuple[float, frozenset[int], bool]]]


class _Ready(NamedTuple):
    """A question past the rules that keep the bot out of conversations: candidates to settle."""

    text: str
    words: list[_Word]
    ranked: list[Ranked]
    asks: bool
    specific: int  # the question's specific words the knowledge base knows
    qids: set[int]
    score: float
    suggestions: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def default_combiner() -> Combiner | None:
    return combining.load()


@dataclass(frozen=True, slots=True)
class Match:
    """``topic`` is None unless the bot should answer outright; ``score`` is the confidence in [0, 1]."""

    topic: str | None
    score: float
    confident: bool
    best: str | None  # best topic even when not confident (for the leaders' log)
    reason: str  # "ok", "chitchat", "empty", "low_coverage", "ambiguous", "statement", "out_of_scope", …
    suggestions: tuple[str, ...] = field(default=())  # topics to offer when unsure (best first)

    @property
    def outcome(self) -> str:
        if self.topic is not None:
            return ANSWER
        return SUGGEST if self.suggestions else SILENT

    @property
    def offered(self) -> tuple[str, ...]:
        """The topics offered as buttons ("Ý bà con là…?"): none when it answers, nor to small talk, which gets the
        greeting line instead (``handlers.faq``)."""
        return () if self.topic is not None or self.reason in SMALL_TALK else self.suggestions


@dataclass(slots=True)
class _Phrasing:
    terms: dict[int, float]  # term id → weight
    pairs: dict[tuple[int, int], float]
    total: float


@dataclass(slots=True)
class _Topic:
    id: str
    terms: set[int]
    phrasings: list[_Phrasing]
    alarming: bool
    live: bool  # weather, salinity: what people chat about most, news about it is no question
    affinity: dict[int, float]  # word id → how characteristic of this topic (share of its phrasings, scaled)
    # The phrasings inverted, so scoring walks only the question's words, not every phrasing (a topic
    # may have 60): word id → (phrasing, weight), word pair → (phrasing, weight).
    by_word: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    by_pair: dict[tuple[int, int], list[tuple[int, float]]] = field(default_factory=dict)
    # Their keys as sets: a long question's words and pairs meet a topic's in one C-level intersection.
    word_keys: frozenset[int] = frozenset()
    pair_keys: frozenset[tuple[int, int]] = frozenset()
    denominators: list[float] = field(default_factory=list)  # each phrasing's total weight, smoothed (the matcher's)

    def __post_init__(self) -> None:
        for pi, p in enumerate(self.phrasings):
            for i, w in p.terms.items():
                self.by_word.setdefault(i, []).append((pi, w))
            for pair, w in p.pairs.items():
                self.by_pair.setdefault(pair, []).append((pi, w))
        self.word_keys = frozenset(self.by_word)
        self.pair_keys = frozenset(self.by_pair)


def _known_words(words: list[_Word]) -> _Known:
    """The question's known words as every topic's score reads them, worked out once per question (``_Known``).
    Names, places, story (no ids) are neither for nor against."""
    known = 0.0
    single: dict[int, list[tuple[float, bool]]] = {}
    several = []
    for w in words:
        if not w.ids:
            continue
        weight = w.weight * (TYPO_WEIGHT if w.corrected else 1.0)
        known += weight
        if len(w.ids) == 1:
            (only,) = w.ids
            single.setdefault(only, []).append((weight, w.specific))
        else:
            several.append((weight, w.ids, w.specific))
    return known, single, frozenset(single), several


@dataclass(slots=True)
class _Word:
    ids: frozenset[int]
    weight: float  # its IDF (the largest over the words it may be), generic words less
    specific: bool
    corrected: bool


def _restorer(phrasings: Iterable[tuple[bool, list[str]]]) -> dict[str, str]:
    """Phrasings written without marks ("doi mat khau") use the marked word the knowledge base
    uses most for those letters ("đổi"), so that a resident's "đời" does not match them."""
    counts: dict[str, Counter[str]] = {}
    for with_marks, toks in phrasings:
        if with_marks:
            for t in toks:
                counts.setdefault(fold(t), Counter())[t] += 1
    return {f: c.most_common(1)[0][0] for f, c in counts.items()}


class Matcher:
    def __init__(
        self,
        kb: KnowledgeBase,
        min_coverage: float = ANSWER_AT,
        places: Iterable[str] = (),
        combiner: Combiner | bool | None = True,
        scope: Model | bool | None = True,
        learned: Classes | bool | None = True,
    ):
        """``combiner``: True for the trained one in ``faq/combiner.json`` (if any), False for the
        hand-set rules alone, or a given one (training, tests). ``scope``: the same for the learned
        in-scope view (``faq/scope.json``) that holds back answers to village news and small talk, and for
        the learned topic view (``faq/learned.json``) that weighs every decision of the rules."""
        self.kb = kb
        self.combiner = default_combiner() if combiner is True else (combiner or None)
        self.scope = scoping.default() if scope is True else (scope or None)
        self.learned = learning.default() if learned is True else textmodel.dense(learned) if learned else None
        self._said: set[str] | None = None
        self._folded_toks = ""  # the last question's content words, folded (set by ``_words``)
        self.answer_at = min_coverage
        self.vocab: dict[str, int] = {}
        raw_topics: list[tuple[str, list[list[int]]]] = []
        live_ids = {e.id for e in kb.entries if e.live}
        # Each phrasing is tokenised once: (marked as typed?, syllables, content tokens).
        self.syllables: set[str] = set()  # as typed before compounds are joined: typos are corrected to these
        texts: list[tuple[str, list[tuple[bool, list[str]]]]] = []
        letters: list[tuple[str, list[list[str]]]] = []  # each phrasing's folded syllables, for the letters
        for e in kb.entries:
            phr_toks = []
            folded: list[list[str]] = []
            letters.append((e.id, folded))
            for text in (e.title, *e.questions):
                syls = syllables(text)
                folded.append([fold(y) for y in syls])
                self.syllables.update(folded[-1])
                marks = typed_with_marks(text)
                phr_toks.append((marks, [t for t in assemble(syls, marks) if not is_stopword(t)]))
            texts.append((e.id, phr_toks))
        restore = _restorer(p for _, phr in texts for p in phr)
        # Words as written in phrasings typed with marks: an unmarked one there ("bao", "con") is a
        # real word, so a resident's marked "bão" or "còn" must not fall back to it.
        self.attested = {t for _, phr in texts for with_marks, toks in phr if with_marks for t in toks}
        for tid, phr_toks in texts:
            phr: list[list[int]] = []
            for with_marks, toks in phr_toks:
                if not with_marks:
                    toks = [restore.get(t, t) for t in toks]
                phr.append([self.vocab.setdefault(t, len(self.vocab)) for t in toks])
            raw_topics.append((tid, phr))
        self.words = list(self.vocab)
        # Word counts per topic over its phrasings: a naive Bayes view of the same words, a second
        # opinion that weighs every word a topic uses by how often it uses it.
        self.nb_counts: list[Counter[int]] = [Counter(i for p in phr for i in p) for _, phr in raw_topics]
        self.nb_totals = [sum(c.values()) for c in self.nb_counts]
        # The slips the phrase table reads ("thời tiếc", "mặc khẩu") are known syllables too: corrected to a
        # phrasing's nearest letters first, they would never reach it.
        self.syllables.update(fold(y) for key, _ in PHRASES for y in key.split())
        self.splittable = self.syllables | KNOWN_WORDS | {fold(k) for k in VARIANTS if " " not in k}
        self.by_fold: dict[str, list[int]] = {}
        for w, i in self.vocab.items():
            self.by_fold.setdefault(fold(w), []).append(i)
        df: Counter[int] = Counter()
        for _, phr in raw_topics:
            df.update({i for p in phr for i in p})
        n = len(raw_topics)
        self.idf = [math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5)) for i in range(len(self.words))]
        self.generic = [is_generic(w) for w in self.words]
        self.topics: list[_Topic] = []
        self.postings: dict[int, list[int]] = {}
        for ti, (tid, phr) in enumerate(raw_topics):
            phrasings = []
            for p in phr:
                terms = {i: self._weight(i) for i in p}
                pairs = {
                    (a, b): BIGRAM_WEIGHT * min(self.idf[a], self.idf[b]) for a, b in itertools.pairwise(p) if a != b
                }
                total = sum(terms.values()) + sum(pairs.values())
                if total > 0:
                    phrasings.append(_Phrasing(terms, pairs, total))
            terms_all = {i for p in phr for i in p}
            for i in terms_all:
                self.postings.setdefault(i, []).append(ti)
            alarming = tid.startswith(ALARMING_PREFIXES) or tid in ALARMING_TOPICS
            seen = Counter(i for p in phr for i in set(p))
            affinity = {i: min(1.0, c / (AFFINITY_SHARE * len(phr))) for i, c in seen.items()}
            self.topics.append(_Topic(tid, terms_all, phrasings, alarming, tid in live_ids, affinity))
        self.index = {t.id: i for i, t in enumerate(self.topics)}
        self.app_of = {
            e.id: app
            for e in kb.entries
            if (app := e.id.split(".", 1)[0]) in APPS and not (APPS - {app}) & set(folded_words(e.title).split())
        }
        self.exempt = frozenset({BOT_TOPIC} | live_ids)  # never picked by the learned view, rarely held back
        # A live answer (weather, salinity) needs its concept in the question: "sửa máy bơm nước" is no
        # salinity question even though "nước" is in most of that topic's phrasings.
        concepts = {"weather": "thờitiết", "salinity": "độmặn"}
        self.weather = frozenset(self.index[e.id] for e in kb.entries if e.live == "weather")
        self.salinity = frozenset(self.index[e.id] for e in kb.entries if e.live == "salinity")
        self.app_trouble = frozenset(e.id for e in kb.entries if tuple(e.id.split(".", 1)) in APP_TROUBLE_TOPICS)
        self.live_concept = {
            self.index[e.id]: self.vocab.get(concepts.get(e.live or "", ""), -2) for e in kb.entries if e.live
        }
        self.df_cap = max(DF_CAP_MIN, int(DF_CAP_SHARE * n))
        self.max_idf = math.log(1 + (n - 0.5) / 1.5)
        self.smoothing = COVERAGE_SMOOTHING * self.max_idf
        for topic in self.topics:
            topic.denominators = [p.total + self.smoothing for p in topic.phrasings]
        self.by_letter: dict[str, list[str]] = {}
        for f in sorted(self.syllables):
            self.by_letter.setdefault(f[0], []).append(f)
        self.places = self._place_index(places)
        self.foreign = self._place_index(FOREIGN, min_words=1, mark=FOREIGN_MARK)
        self._letter_texts = tuple((tid, tuple(map(tuple, phr))) for tid, phr in letters)
        self._letters: LetterProfiles | None = None
        self._typos: dict[str, str | None] = {}
        # The last question's letters and naive Bayes views (match() runs one question at a time).
        self._memo_letters: tuple[object, dict[str, float]] = (None, {})
        self._memo_posterior: tuple[tuple[object, tuple[int, ...]], list[float]] = ((None, ()), [])
        self._memo_scope: tuple[str | None, str, float] = (None, "", 0.0)
        self._not_the_bot: str | None = None  # the words ``match`` found no question to the bot in
        self._resolved: dict[tuple[str, bool], frozenset[int]] = {}

    @property
    def said(self) -> set[str]:
        """The phrasings as typed (folded): a question that says one is never held back by the scope view.
        Built when first needed (9 s for a 4,000-topic base's 164,000 phrasings; 0.1 s for today's)."""
        if self._said is None:
            self._said = {folded_words(t) for e in self.kb.entries for t in (e.title, *e.questions)}
        return self._said

    @property
    def letters(self) -> LetterProfiles:
        """Built on the first unsure question (half a second for today's base), then kept (and shared
        with every matcher of the same phrasings)."""
        if self._letters is None:
            self._letters = profiles_for(self._letter_texts)
        return self._letters

    # -- building -------------------------------------------------------------------------

    def _weight(self, i: int) -> float:
        return self.idf[i] * (GENERIC_WEIGHT if self.generic[i] else 1.0)

    @staticmethod
    def _place_index(
        places: Iterable[str], min_words: int = 2, mark: str = PLACE_MARK
    ) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
        """Place names (hamlets, communes, stations) are dropped from questions like unknown words.

        One-word names are too often ordinary words, so only names of two words or more count.
        """
        index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for name in places:
            words = tuple(syllables(name))
            if len(words) >= min_words:
                index.setdefault(fold(words[0]), []).append((words, (mark,)))
        for options in index.values():
            options.sort(key=lambda o: -len(o[0]))
        return index

    # -- words ----------------------------------------------------------------------------

    def resolve(self, tok: str, strict: bool = False) -> frozenset[int]:
        """Knowledge-base words this typed word may be: itself; any marked form when typed without marks.

        ``strict``: the message was typed with diacritics, so an unmarked word is only itself.
        """
        key = (tok, strict)
        hit = self._resolved.get(key)
        if hit is None:
            ids: set[int] = set()
            exact = self.vocab.get(tok)
            if exact is not None:
                ids.add(exact)
            f = fold(tok)
            if not marked(tok):
                if not strict:
                    ids.update(self.by_fold.get(f, ()))
            elif f in self.vocab and f not in self.attested:  # only seen in phrasings typed without marks
                ids.add(self.vocab[f])
            hit = frozenset(ids)
            if len(self._resolved) > TYPO_CACHE:
                self._resolved.clear()
            self._resolved[key] = hit
        return hit

    def _correct(self, syl: str) -> str | None:
        """An unknown syllable's nearest known letters (as if typed without marks), if close."""
        f = fold(syl)
        if f in self.syllables or len(f) < 4 or f.isdigit() or f in KNOWN_WORDS:
            return None
        if f not in self._typos:
            if len(self._typos) > TYPO_CACHE:
                self._typos.clear()
            limit = 2 if len(f) >= 7 else 1
            # Typos rarely hit the first letter; looking only there keeps 'bong' from becoming 'song'.
            same_start = self.by_letter.get(f[0], [])
            hit = process.extractOne(f, same_start, scorer=Levenshtein.distance, score_cutoff=limit)
            self._typos[f] = hit[0] if hit else None
        return self._typos[f]

    def _split(self, syl: str) -> list[str] | None:
        """'quenmatkhauvneid' → quen mat khau vneid: known syllables typed without spaces."""
        f = fold(syl)
        if len(f) < GLUED_MIN or f in self.syllables or len(f) != len(syl):
            return None
        best: list[list[str] | None] = [None] * (len(f) + 1)
        best[0] = []
        for end in range(1, len(f) + 1):
            for start in range(max(0, end - 7), end):
                head = best[start]
                if head is not None and f[start:end] in self.splittable:
                    cand = [*head, f[start:end]]
                    cur = best[end]
                    if cur is None or len(cand) < len(cur):
                        best[end] = cand
        parts = best[-1]
        if parts is None or len(parts) < 2:
            return None
        # Typed with marks ("mấtmậtkhẩu…"): cut the marked text where the letters were cut.
        out, at = [], 0
        for p in parts:
            out.append(syl[at : at + len(p)])
            at += len(p)
        return out

    def _story_matters_dropped(self, text: str, syls: list[str]) -> list[str]:
        """Another matter named only in the story before the question does not make it another
        matter's question: "bán heo được 18 triệu, … app ngân hàng bắt quét mặt. Sao vậy?"."""
        clauses = [c for c in _CLAUSE.split(text) if c.strip()]
        if len(clauses) < 2 or len(syls) < STORY_MIN:  # a short message is all question: "wifi yếu, gọi tổng đài nào?"
            return syls
        asking = [i for i, c in enumerate(clauses) if is_question(c)]
        if not asking:
            return syls
        in_question = any(
            FOREIGN_MARK in join_phrases(syllables(c), self.foreign, whole=True) for c in clauses[asking[0] :]
        )
        return syls if in_question else [t for t in syls if t != FOREIGN_MARK]

    def _words(self, text: str) -> list[_Word]:
        fixed: list[str] = []
        corrected: set[str] = set()
        syls = syllables(text)
        strict = typed_with_marks(text)
        if self.places:  # before typo correction, which would turn "Ngãi" into some known word
            syls = [t for t in join_phrases(syls, self.places) if t != PLACE_MARK]
        syls = join_phrases(syls, self.foreign, whole=True)
        if FOREIGN_MARK in syls and STORY_CLAUSES:
            syls = self._story_matters_dropped(text, syls)
        for syl in syls:
            parts = self._split(syl)
            if parts is not None:
                fixed.extend(parts)
                continue
            hit = self._correct(syl)
            if hit is not None:
                corrected.add(hit)
            fixed.append(hit or syl)
        toks = [t for t in assemble(fixed, strict) if not is_stopword(t)]
        self._folded_toks = " ".join(fold(t) for t in toks)  # for ``_ruled_out``, without tokenising again
        toks = list(dict.fromkeys(toks))  # a word said twice is not twice the evidence
        out = []
        for tok in toks:
            if tok == FOREIGN_MARK:  # known to be about something else: against every topic
                out.append(_Word(frozenset({FOREIGN_ID}), FOREIGN_WEIGHT * self.max_idf, False, False))
                continue
            ids = self.resolve(tok, strict)
            fixed_here = bool(corrected) and any(c in fold(tok) for c in corrected)
            weak = is_generic(tok) or tok.isdigit()  # ages, amounts, "mức 2": details (pairs keep them)
            weight = max((self.idf[i] for i in ids), default=0.0) * (GENERIC_WEIGHT if weak else 1.0)
            out.append(_Word(ids, weight, not weak, fixed_here))
        return out

    # -- scoring --------------------------------------------------------------------------

    def _candidates(self, words: list[_Word]) -> list[int]:
        """Topics sharing the question's rarer words, best first (summed IDF).

        Words found in many topics ("vneid" in a national base) add little and cost a long
        walk down their posting lists, so only words in at most ``df_cap`` topics select
        candidates; every candidate is then scored on all the question's words.
        """
        acc: dict[int, float] = {}
        common: list[tuple[int, int, float]] = []  # (topics, word id, weight): used only if nothing rarer
        for w in words:
            for i in w.ids:
                posting = self.postings.get(i)
                if posting is None:
                    continue
                if len(posting) > self.df_cap:
                    common.append((len(posting), i, w.weight))
                    continue
                for ti in posting:
                    acc[ti] = acc.get(ti, 0.0) + w.weight
        if not acc and common:
            _, i, weight = min(common)
            acc = dict.fromkeys(self.postings[i][: self.df_cap], weight)
        return heapq.nlargest(CANDIDATES, acc, key=acc.__getitem__)

    def _score(
        self, ti: int, words: _Known, qids: set[int], qpairs: set[tuple[int, int]]
    ) -> tuple[float, float, int, float]:
        """(coverage of the topic's best phrasing, support among known words, specific words shared)."""
        topic = self.topics[ti]
        got: dict[int, float] = {}  # phrasing → weight of its words (and pairs) the question has
        for i in qids & topic.word_keys:
            for pi, wt in topic.by_word[i]:
                got[pi] = got.get(pi, 0.0) + wt
        if got:
            for pair in qpairs & topic.pair_keys:
                for pi, wt in topic.by_pair[pair]:
                    if pi in got:
                        got[pi] += wt
        # the best phrasing's share of its weight the question has, divided in C
        coverage = max(map(operator.truediv, got.values(), map(topic.denominators.__getitem__, got))) if got else 0.0
        known, single, single_ids, several = words  # (the question's known words: ``_known_words``)
        mine = 0.0
        evidence = 0
        key = 0.0  # the most characteristic specific word of the topic the question has
        terms, affinity = topic.terms, topic.affinity  # (affinity has a value for every one of the terms)
        for i in single_ids & terms:
            near = affinity[i]
            for weight, specific in single[i]:
                mine += weight * (AFFINITY_FLOOR + (1 - AFFINITY_FLOOR) * near)
                evidence += specific
                if specific:
                    key = max(key, near)
        for weight, ids, specific in several:
            shared = ids & terms
            if shared:
                near = max(affinity[i] for i in shared)
                mine += weight * (AFFINITY_FLOOR + (1 - AFFINITY_FLOOR) * near)
                evidence += specific
                if specific:
                    key = max(key, near)
        support = mine / known if known else 0.0
        return min(1.0, coverage), support, evidence, key

    def _similarity(self, text: str, topics: list[int]) -> dict[str, float]:
        """The letters' similarity of ``text`` to ``topics``, each topic's computed once per question: the hand
        rules and the combiner ask it of overlapping candidates."""
        seen, known = self._memo_letters
        if seen != text:
            known = {}
            self._memo_letters = (text, known)
        ids = [self.topics[ti].id for ti in topics]
        missing = [tid for tid in ids if tid not in known]
        if missing:
            known.update(self.letters.similarity(text, missing))
        return {tid: known[tid] for tid in ids}

    def _posterior(self, words: list[_Word], topics: list[int]) -> list[float]:
        """Naive Bayes posterior over ``topics`` (uniform prior), computed once per question and topics."""
        (seen, ids), _ = self._memo_posterior
        if seen is not words or ids != tuple(topics):  # the memo holds the list: its identity is not reused
            self._memo_posterior = ((words, tuple(topics)), self._naive_bayes(words, topics))
        return self._memo_posterior[1]

    def _naive_bayes(self, words: list[_Word], topics: list[int]) -> list[float]:
        """Naive Bayes posterior over ``topics`` (uniform prior) from the question's known words."""
        v = len(self.words) + 1
        logs = []
        for ti in topics:
            counts, total = self.nb_counts[ti], self.nb_totals[ti]
            lp = 0.0
            for w in words:
                if not w.ids or FOREIGN_ID in w.ids:
                    continue
                c = max(counts.get(i, 0) for i in w.ids)
                lp += math.log((c + NB_ALPHA) / (total + NB_ALPHA * v))
            logs.append(lp)
        top = max(logs)
        exp = [math.exp(x - top) for x in logs]
        z = sum(exp)
        return [e / z for e in exp]

    def match(self, text: str, *, shown: bool = False) -> Match:
        """``shown``: ``text`` was read from a picture the resident sent the bot (a screenshot of an app's
        notice): asked, not village talk, so neither view's "out of scope" holds back the rules' answer."""
        # "… chứ không phải VssID nha": what the resident says he does not ask about is no evidence for its topic.
        denied = without_denied(text) or text
        if BOT_TOPIC in self.index and asks_the_bot_itself(denied):
            # before the bot's name is taken out: "bot ơi hỏi bạn thì hỏi sao cho bạn hiểu" asks it, not a neighbour
            return Match(BOT_TOPIC, 1.0, True, BOT_TOPIC, "ok")
        self._not_the_bot = denied  # (``_prepare`` need not ask again of the same words)
        # ("Loa Số ơi không phải hỏi thời tiết đâu, hỏi giá phân": the clause denies after the bot's name)
        named = without_bot_name(text)
        text = denied if named is None else without_denied(named) or text
        # "VssID vô được bình thường mà VNeID thì không đăng nhập được": the app that works is not the question.
        text = without_working(text) or text
        # "… mà vneid thì vẫn vào bình thường", "mật khẩu Zalo tui thì vẫn nhớ": what is fine is not the question.
        text = without_fine(text) or text
        # "nhà làm giấy khai tử xong xuôi rồi. Giờ … thủ tục thừa kế ra sao?": what is done is not the question.
        text = without_done(text) or text
        # "cảm ơn nha, giúp tui lấy lại mật khẩu vssid với": the thanks opens a request; the request is the question.
        text = without_thanks(text) or text
        got = self._match(text, shown)
        if got.topic is not None and self.index.get(got.topic) in self.weather:
            # a far place's weather ("bão ở Philippines có to không"), whichever view found the forecast's topic
            away = "abroad" if asks_weather_abroad(text) else "away" if asks_weather_away(text) else ""
            if away:
                return Match(None, got.score, False, got.topic, away)
        if (got.topic in self.app_trouble or self.app_trouble & set(got.suggestions)) and tells_other_apps_trouble(
            text
        ):
            # "ví momo bị khóa do nhập sai mã PIN", "quên mật khẩu app Agribank": our apps' login, password or errors
            # are neither the answer nor worth offering
            others = tuple(s for s in got.suggestions if s not in self.app_trouble)
            if got.topic in self.app_trouble:
                return Match(None, got.score, False, got.topic, "other_app", others)
            return replace(got, suggestions=others)
        if got.reason == "chitchat" and TEAM_TOPIC in self.index and judges_the_bot(text) and wants_a_person(text):
            # "bot trả lời không hiểu, cho tui gặp người thật được không": the team's contacts
            return Match(TEAM_TOPIC, got.score, True, TEAM_TOPIC, "ok")
        if got.topic == FACE_CHECK_TOPIC and tells_social_face_check(text):  # Facebook's face check is not a bank's
            return Match(None, got.score, False, got.topic, "other_app")
        if got.topic is None or got.topic == BOT_TOPIC:
            # The bot's name where it is called ("… làm răng hả Loa Số?") is an address, not a question about the
            # bot: what the rest asks, when it asks something else.
            rest = without_bot_name(text)
            if rest is not None and len(rest.split()) >= ADDRESSED_MIN_WORDS:
                plain = self._match(rest, shown)
                if plain.topic is not None and plain.topic != BOT_TOPIC:
                    return plain
                if plain.suggestions and got.suggestions[:1] == (BOT_TOPIC,):
                    offered = dict.fromkeys((*plain.suggestions[: MAX_SUGGESTIONS - 1], BOT_TOPIC))
                    return replace(got, suggestions=tuple(offered))
        return got

    def _match(self, text: str, shown: bool) -> Match:
        ready = self._prepare(text)
        if isinstance(ready, Match):
            return self._spoken_up(text, ready) if ready.reason in learning.SPEAKS else ready
        ruled = self._ruled(ready)
        if ruled.topic is None and self.combiner is not None:
            ruled = self._combined(ready, self.combiner) or ruled
        if (
            ruled.topic is not None
            and not shown
            and self.scope is not None
            and self._coverage(ready, ruled.topic) < PHRASING_MATCH
            and self._in_scope(text)[1] < scoping.VETO_AT
            and self._in_scope(text)[0] not in self.said
        ):
            # Village news or small talk that shares a topic's words: offered in a private chat, not answered.
            return Match(None, ruled.score, False, ruled.topic, "out_of_scope", ready.suggestions)
        return self._weighed(text, ready, ruled, shown)

    def _weighed(self, text: str, ready: _Ready, ruled: Match, shown: bool = False) -> Match:
        """The rules' decision weighed with the learned topic view (``bot.faq.learned.decide``)."""
        if self.learned is None or (ruled.topic is None and ruled.reason not in learning.SETTLES):
            return ruled  # what the rules keep out of a conversation stays out
        folded = folded_words(text)  # (the scope view's odds are not needed here: only the veto computes them)
        if ruled.topic is not None and (
            ruled.topic not in self.learned.known
            or self._coverage(ready, ruled.topic) >= PHRASING_MATCH
            or folded in self.said
        ):
            # A topic added after training, or the question (nearly) says one of its phrasings: what leaders
            # taught stands until the view is retrained on it.
            return ruled
        probs = self._probabilities(folded)
        got = learning.decide(ruled.topic, ruled.reason, ruled.suggestions, probs, self.exempt, shown=shown)
        if got is None:
            return ruled
        topic, offered, reason = got
        return Match(topic, ruled.score, topic is not None, topic or ruled.best, reason, offered)

    def _spoken_up(self, text: str, kept: Match) -> Match:
        """A question the rules took for a story or another matter, answered when the learned view is nearly
        sure of its topic (``bot.faq.learned.decide``); news and village talk it calls out of scope."""
        if self.learned is None:
            return kept
        probs = self._probabilities(folded_words(text))
        got = learning.decide(None, kept.reason, kept.suggestions, probs, self.exempt)
        if got is None or got[0] is None:
            return kept
        return Match(got[0], kept.score, True, got[0], got[2], ())

    def _ruled_out(self, folded: str, lost: bool = False, said: str = "") -> Callable[[str], bool]:
        """Whether the question's own words rule a topic out: it belongs to an app other than the one(s) the
        question names, or registers for the other account level; or, where money is already gone (``lost``), it
        is the lesson on keeping one's code. ``said``: the folded words with the stopwords, where a level is denied."""
        toks = folded.split()
        # ("số định danh" is the citizen's number, not the app; "app bhxh" is VssID)
        named = {t for i, t in enumerate(toks) if t in APPS and (i == 0 or toks[i - 1] not in ("so", "ma"))}
        if "bhxh" in toks and "ungdung" in toks:
            named.add("vssid")
        denied = denied_levels(said or folded)
        levels = {b for a, b in itertools.pairwise(toks) if a == "muc" and b in LEVEL_TOPICS} - denied
        out: set[str] = {OTP_TOPIC} if lost else set()
        if len(levels) == 1 and not _MOVING_UP.intersection(toks):
            out |= {t for lv, t in LEVEL_TOPICS.items() if lv not in levels}
        out |= {LEVEL_TOPICS[lv] for lv in denied}
        # ("không hỏi mức 2, cái mức thấp nhất đó, làm trên đt được không": one level is wanted, not the two compared)
        if denied and _NOT_ASKED_LEVEL.search(said or folded):
            out.add(COMPARE_LEVELS)
        if not named and not out:
            return lambda topic: False
        return lambda topic: topic in out or (bool(named) and topic in self.app_of and self.app_of[topic] not in named)

    def _probabilities(self, folded: str) -> dict[str, float]:
        """The learned topic view's probabilities, without the topics the question's own words rule out."""
        assert self.learned is not None
        probs = textmodel.probabilities(folded, self.learned, learning.MIN_KNOWN)
        ruled_out = self._ruled_out(folded, tells_money_lost(folded))
        return {t: p for t, p in probs.items() if not ruled_out(t)}

    def _in_scope(self, text: str) -> tuple[str, float]:
        """The question's folded words and the scope view's log odds, computed once per question (the
        veto asks for both)."""
        if self._memo_scope[0] != text:
            folded = folded_words(text)
            odds = scoping.log_odds(text, self.scope, folded) if self.scope is not None else 0.0
            self._memo_scope = (text, folded, odds)
        return self._memo_scope[1], self._memo_scope[2]

    def _coverage(self, ready: _Ready, topic: str) -> float:
        ti = self.index[topic]
        return next((r[3] for r in ready.ranked if r[1] == ti), 0.0)

    def _prepare(self, text: str) -> Match | _Ready:
        """Candidates ranked, and the rules that make the bot stay out of a conversation (news,
        small talk about the weather, a message to a neighbour, another matter) applied."""
        if BOT_TOPIC in self.index and text != self._not_the_bot and asks_the_bot_itself(text):
            return Match(BOT_TOPIC, 1.0, True, BOT_TOPIC, "ok")
        if is_chitchat(text):
            return Match(None, 0.0, False, None, "chitchat")
        words = self._words(text)
        if not words:
            return Match(None, 0.0, False, None, "empty")
        qids = {i for w in words for i in w.ids}
        qpairs = {(a, b) for w1, w2 in itertools.pairwise(words) for a in w1.ids for b in w2.ids}
        known = _known_words(words)
        scam_ok: bool | None = None
        said = folded_words(text)
        ruled_out = self._ruled_out(self._folded_toks, tells_money_lost(said), said)
        ranked: list[Ranked] = []  # (confidence, topic, evidence, coverage, key, support)
        for ti in self._candidates(words):
            if ruled_out(self.topics[ti].id):
                continue
            if self.topics[ti].alarming:
                if scam_ok is None:
                    scam_ok = has_scam_evidence(text)
                if not scam_ok:
                    continue
            coverage, support, evidence, key = self._score(ti, known, qids, qpairs)
            ranked.append((math.sqrt(coverage * support), ti, evidence, coverage, key, support))
        ranked.sort(key=lambda r: -r[0])
        if not ranked or ranked[0][0] <= 0:
            return Match(None, 0.0, False, None, "low_coverage")
        conf, best, evidence, coverage, key, _ = ranked[0]
        topic = self.topics[best].id
        score = round(conf, 3)
        suggestions = tuple(self.topics[r[1]].id for r in ranked[:MAX_SUGGESTIONS] if r[0] >= SUGGEST_AT and r[2])
        specific = sum(1 for w in words if w.specific and w.ids)
        # A scam topic already needed evidence of a trick: a resident's report of one is a question,
        # a warning to everyone is news.
        alarming = self.topics[best].alarming and not to_everyone(text)
        sure = conf >= STATEMENT_AT and not self.topics[best].live
        asks = is_question(text)
        if is_notice(text):  # a notice to the group: no question, and no view may find one in it
            return Match(None, score, False, topic, "notice", suggestions)
        if best in self.weather:  # a far place's weather: no view may answer it with the hamlet's forecast
            away = "abroad" if asks_weather_abroad(text) else "away" if asks_weather_away(text) else ""
            if away:  # nor offer another topic for it
                return Match(None, score, False, topic, away)
        if best in self.salinity and tastes_food(text):  # a dish's salt is no reading of the river's
            return Match(None, score, False, topic, "food", tuple(s for s in suggestions if self.index[s] != best))
        if self.topics[best].live and tells_live_news(text):
            # A bulletin passed on or a reading told ("Độ mặn hôm nay tại cống 2,5 phần ngàn, bà con chưa nên lấy
            # nước"): news, which no view may turn back into a request for today's reading.
            return Match(None, score, False, topic, "news", suggestions)
        if not asks and testifies(text):  # "đưa cái mã là qua, khỏi đưa căn cước": how it went, no question
            return Match(None, score, False, topic, "testimony", suggestions)
        if plans_at_office(text):  # "bả nói quên mật khẩu rồi, mai ra xã nhờ cán bộ làm lại": news, no question
            return Match(None, score, False, topic, "testimony", suggestions)
        if alarming and not asks and handled_scam(text):  # "bị gọi xưng công an, tui cúp máy luôn": handled
            return Match(None, score, False, topic, "statement", suggestions)
        if not asks and heard_in_news(text):
            # "đọc báo thấy bảo có vụ lừa …, kinh thật": news passed on, which no view may turn into a question
            return Match(None, score, False, topic, "news", suggestions)
        if not alarming and not asks:
            n_syl = len(syllables(text))
            reported = PROBLEMS and reports_problem(text) and not self.topics[best].live
            if (((not sure and n_syl > TERSE) or grumbles(text)) and not reported) or tells_news(text):
                return Match(None, score, False, topic, "statement", suggestions)
        # Weather and salinity are what people chat about most ("nóng muốn xỉu luôn á", "canh chua
        # nêm hơi mặn", "bão vô rồi, nhà ai mái tôn thì chằng lại"): a live answer needs a plain
        # question about them, or a terse request ("độ mặn bữa nay"), and no other matter.
        if self.topics[best].live and (
            (not asks_live(text) and (len(syllables(text)) > LIVE_TERSE or exclaims(text)))
            or any(FOREIGN_ID in w.ids for w in words)
        ):
            return Match(None, score, False, topic, "statement", suggestions)
        if topic == BOT_TOPIC and not asks_what_the_bot_does(text):  # "Loa Số ơi hát một bài", "bot giỏi ghê"
            return Match(None, score, False, topic, "chitchat", suggestions)
        if calls_someone(text):  # "Tuấn ơi, cài giùm ông Tám cái app chưa?": for Tuấn, not for us
            return Match(None, score, False, topic, "to_someone", suggestions)
        if conf < OTHER_MATTER_AT and any(FOREIGN_ID in w.ids for w in words):
            return Match(None, score, False, topic, "other_matter", suggestions)
        return _Ready(text, words, ranked, asks, specific, qids, score, suggestions)

    def views(self, text: str) -> tuple[list[str], list[list[float]]] | None:
        """The candidates and what each view says of them, as the combiner reads them (None when the
        rules settle the message before): the training rows of ``python -m bench.faq_combiner``."""
        ready = self._prepare(text)
        if isinstance(ready, Match):
            return None
        cands = ready.ranked[:LETTERS_TOP]
        return [self.topics[r[1]].id for r in cands], self._views(ready, cands)

    def _views(self, ready: _Ready, cands: list[Ranked]) -> list[list[float]]:
        text, words, _, asks, specific, qids = ready[:6]
        ids = [r[1] for r in cands]
        post = self._posterior(words, ids)
        sims = self._similarity(text, ids)
        lets = [sims[self.topics[ti].id] for ti in ids]
        long = math.log(1 + len(syllables(text))) / 4
        best = cands[0][0]
        rows = []
        for k, (conf, ti, evidence, coverage, key, support) in enumerate(cands):
            others = [j for j in range(len(cands)) if j != k]
            lead = conf - max((cands[j][0] for j in others), default=0.0)
            nb_lead = post[k] - max((post[j] for j in others), default=0.0)
            let_lead = lets[k] - max((lets[j] for j in others), default=0.0)
            concept = self.live_concept.get(ti)
            rows.append(
                [
                    conf,
                    coverage,
                    support,
                    key,
                    min(evidence, 4) / 4,
                    float(bool(evidence) and evidence >= min(MIN_EVIDENCE, specific)),
                    conf - best,
                    lead,
                    post[k],
                    nb_lead,
                    lets[k],
                    let_lead,
                    float(asks),
                    float(k == 0),
                    float(coverage >= PHRASING_MATCH),
                    float(concept is not None and concept not in qids),
                    long,
                    float(self.topics[ti].alarming),
                    post[k] * lets[k],
                    conf * lead,
                ]
            )
        return rows

    def _combined(self, ready: _Ready, combiner: Combiner) -> Match | None:
        """Where the rules are unsure, the trained combiner weighs the views of the best few
        candidates and answers the one it is sure of (not always the first by coverage)."""
        cands = ready.ranked[:LETTERS_TOP]
        k = combiner.choose(self._views(ready, cands))
        if k is None:
            return None
        conf, ti = cands[k][:2]
        tid = self.topics[ti].id
        return Match(tid, round(conf, 3), True, tid, "ok")

    def _ruled(self, ready: _Ready) -> Match:
        """The hand-set rules for close calls (no trained combiner)."""
        text, words, ranked, asks, specific, qids, score, suggestions = ready
        conf, best, evidence, coverage, key, _ = ranked[0]
        topic = self.topics[best].id
        if (
            NB_SURE < 1
            and len(ranked) > 1
            and conf >= NB_MIN_CONF
            and ranked[1][0] <= conf - NB_MARGIN
            and (key >= KEY_AFFINITY or coverage >= PHRASING_MATCH)
            and evidence >= min(MIN_EVIDENCE, specific)
            and coverage >= MIN_KEY_COVERAGE
            and (best in self.live_concept) <= (self.live_concept.get(best) in qids)
        ):
            # Two views agree: the best candidate by coverage × support is also, by far, the most
            # probable by the words' frequencies in each topic. Then the runner-up's closeness is
            # sibling topics sharing words, not doubt about which one is asked.
            post = self._posterior(words, [r[1] for r in ranked])
            if post[0] >= NB_SURE and post[0] == max(post):
                return Match(topic, score, True, topic, "ok")
        unsure = None
        if (
            conf < self.answer_at
            or coverage < MIN_KEY_COVERAGE
            or evidence < min(MIN_EVIDENCE, specific)
            or not evidence
            or (key < KEY_AFFINITY and coverage < PHRASING_MATCH)
            or (best in self.live_concept and self.live_concept[best] not in qids)
            or (evidence == 1 and coverage < SINGLE_EVIDENCE_COVERAGE)
        ):
            unsure = "low_coverage"
        elif len(ranked) > 1 and ranked[1][0] > conf - MARGIN:
            unsure = "ambiguous"
        if unsure is None:
            return Match(topic, score, True, topic, "ok")
        if (
            conf >= LETTERS_MIN_CONF
            and evidence
            and (best not in self.live_concept or self.live_concept[best] in qids)
            and asks
            and self._letters_agree(text, [r[1] for r in ranked[:LETTERS_TOP]], words, conf)
        ):
            return Match(topic, score, True, topic, "ok")
        if OVERRULE and unsure == "ambiguous" and asks:
            other = self._overruled(text, ranked, words)
            if other is not None:
                tid = self.topics[other[1]].id
                return Match(tid, round(other[0], 3), True, tid, "ok")
        return Match(None, score, False, topic, unsure, suggestions)

    def _overruled(self, text: str, ranked: list[Ranked], words: list[_Word]) -> Ranked | None:
        """A close runner-up that both other views put clearly first ("làm căn cước cho bé 5 tuổi":
        coverage × support leans to the child's VNeID account, letters and naive Bayes to the card)."""
        conf = ranked[0][0]
        close = [r for r in ranked[1:MAX_SUGGESTIONS] if r[0] > conf - MARGIN and r[0] >= OVERRULE_CONF and r[2]]
        if not close:
            return None
        cands = [r[1] for r in ranked[:LETTERS_TOP]]
        sims = self._similarity(text, cands)
        post = self._posterior(words, cands)
        for r in close:
            tid, k = self.topics[r[1]].id, cands.index(r[1])
            if r[1] in self.live_concept or self.topics[r[1]].alarming != self.topics[ranked[0][1]].alarming:
                continue
            lead = min((sims[tid] - s for t, s in sims.items() if t != tid), default=1.0)
            if sims[tid] >= LETTERS_AT and lead >= LETTERS_MARGIN and post[k] >= NB_SURE:
                return r
        return None

    def _letters_agree(self, text: str, candidates: list[int], words: list[_Word], conf: float) -> bool:
        """The letters point clearly at the first candidate too: a third view settles the doubt.

        Or, closer, all three views put it first (coverage × support, letters, naive Bayes)."""
        sims = self._similarity(text, candidates)
        first = sims[self.topics[candidates[0]].id]
        if first < LETTERS_AT:
            return False
        margin = min((first - s for tid, s in sims.items() if tid != self.topics[candidates[0]].id), default=1.0)
        if margin >= LETTERS_MARGIN:
            return True
        if margin <= 0 or conf < UNANIMOUS_CONF:
            return False
        post = self._posterior(words, candidates)
        return post[0] >= UNANIMOUS_NB and post[0] == max(post)
