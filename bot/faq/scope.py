"""Is a message about anything the knowledge base answers at all, or village life around it?

The matcher's rules keep the bot out of news, small talk and other matters by their form
("… rồi", a name called, "sổ đỏ"); what they miss is answered with the topic whose words it
shares ("Thằng Tí làm xong mức 2 rồi, nhanh lắm" gets the waiting-time answer). This view has
learned the difference from examples: a logistic regression (``bot.textmodel``) over the folded
words of the knowledge base's phrasings and the tuning sets' questions (in scope) against the
tuning sets' out-of-scope messages, trained by ``python -m bench.faq_scope`` into ``faq/scope.json``.
It only vetoes: an answer the matcher would give is held back (the topics are still offered in a
private chat) when the message is clearly on the out-of-scope side — and never when it says (nearly)
one of the topic's phrasings, so a topic leaders add later keeps its answers. Each tuning set held
out in turn (the view trained without it): 15 of 51 out-of-scope messages answered were held back, 1 of
about 1,100 right answers lost.
"""

from __future__ import annotations

import functools
from pathlib import Path

from bot import textmodel
from bot.faq.normalize import folded_words
from bot.textmodel import Model

MODEL = Path(__file__).resolve().parent.parent.parent / "faq" / "scope.json"
VETO_AT = -3.0  # log odds below which an answer is held back


def words(text: str) -> str:
    """The message as the model reads it: its words, folded. (Canonical syllables — variants mapped,
    acronyms spelled — were tried: on the tuning sets held out, 14 answers to news held back for 3 right
    answers lost, against 15 for 1 with plain folded words, which the matcher has at hand anyway.)"""
    return folded_words(text)


@functools.lru_cache(maxsize=1)
def default() -> Model | None:
    model = textmodel.load(MODEL)
    return model if model["features"] else None


def log_odds(text: str, model: Model, folded: str | None = None) -> float:
    """Log odds that ``text`` is about something the knowledge base answers (``folded``: its ``words``)."""
    return textmodel.log_odds(words(text) if folded is None else folded, model)
