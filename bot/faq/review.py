"""A leader's review of wordings residents confirmed through the ask-back.

When the bot was unsure it asked back ("Ý bà con là…?") and the resident pressed a topic:
that wording now has a label. A leader (``/duyet``) or an operator (``loaso faq review``)
approves it, and it is added to the topic's phrasings in the knowledge-base file, which
the running matcher reloads at once — no restart. Shared by the chat command and the CLI.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.faq.editing import EditError, add_phrasing
from bot.faq.knowledge import KnowledgeError, LiveKnowledge
from bot.store.questions import FEEDBACK_CHOSEN, Question, set_review

log = logging.getLogger(__name__)


class Outcome(enum.StrEnum):
    APPROVED = "approved"  # added to the knowledge base (or it was already there)
    REJECTED = "rejected"
    NOT_FOUND = "not_found"  # no such wording waiting for review in this scope
    FAILED = "failed"  # the knowledge-base file could not be edited


async def review(
    s: AsyncSession,
    live: LiveKnowledge,
    question_id: int,
    *,
    approve: bool,
    at: datetime,
    hamlets: list[str] | None = None,
) -> tuple[Outcome, Question | None]:
    """Approve (add the wording to its topic) or reject one confirmed wording.

    ``hamlets`` limits a leader to their commune's questions (None: every hamlet).
    """
    q = await s.get(Question, question_id)
    if q is None or q.feedback != FEEDBACK_CHOSEN or q.topic is None:
        return Outcome.NOT_FOUND, None
    if hamlets is not None and q.hamlet_code not in hamlets:
        return Outcome.NOT_FOUND, None
    if approve:
        try:
            add_phrasing(live.path, q.topic, q.text)
        except EditError as exc:
            if exc.reason != "exists":
                log.error("confirmed wording %d not added: %s", q.id, exc)
                return Outcome.FAILED, q
        except KnowledgeError as exc:
            log.error("knowledge base has errors, confirmed wording %d not added:\n%s", q.id, exc)
            return Outcome.FAILED, q
        live.refresh(force=True)
    await set_review(s, q.id, approve, at)
    return (Outcome.APPROVED if approve else Outcome.REJECTED), q
