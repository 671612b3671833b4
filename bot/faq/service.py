"""One live knowledge base and matcher per file, shared by the handler and ``loaso ask``."""

from __future__ import annotations

import functools
from functools import partial
from pathlib import Path

from bot.config import Config
from bot.faq.knowledge import KnowledgeBase, LiveKnowledge
from bot.faq.matcher import ANSWER_AT, Matcher

_LIVE: dict[tuple[Path, float, tuple[str, ...]], LiveKnowledge] = {}
# Resolving the path touches the file system; the bot asks for its matcher on every message.
_RESOLVED: dict[tuple[str, str], Path] = {}


def place_names(config: Config) -> list[str]:
    """Names residents mention that say nothing about the question: hamlets, communes, stations."""
    names = [c.name for c in config.communes] + [h.name for h in config.all_hamlets()]
    names += [s.name for s in config.stations]
    # "Xã Đại Ngãi", "Ấp Ngãi Hội 1": residents also write the name alone.
    for name in list(names):
        head, _, rest = name.partition(" ")
        if head.lower() in ("xã", "phường", "ấp", "thôn", "trạm") and rest:
            names.append(rest)
    return names


@functools.lru_cache(maxsize=8)
def _build(kb: KnowledgeBase, min_coverage: float, places: tuple[str, ...]) -> Matcher:
    """One matcher per content: a reload of an unchanged file, or another config of the same base
    (each test, each process's `loaso ask`), does not index 1,800 phrasings again."""
    return Matcher(kb, min_coverage=min_coverage, places=places)


def live_knowledge(config: Config) -> LiveKnowledge:
    """The knowledge base at ``faq.path`` (reloaded when the file changes); built once per process.

    ``faq.min_score`` above 0 overrides the matcher's confidence threshold (coverage, 0…1).
    Raises ``KnowledgeError`` if the file is broken at first load.
    """
    raw = (str(config.base_dir), config.faq.path)
    path = _RESOLVED.get(raw)
    if path is None:
        path = _RESOLVED[raw] = config.resolve(config.faq.path).resolve()
    threshold = config.faq.min_score or ANSWER_AT
    places = tuple(place_names(config))
    key = (path, threshold, places)
    if key not in _LIVE:
        _LIVE[key] = LiveKnowledge(path, partial(_build, min_coverage=threshold, places=places))
    return _LIVE[key]


def matcher_for(config: Config) -> Matcher:
    matcher: Matcher = live_knowledge(config).current()
    return matcher
