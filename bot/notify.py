"""Tell leaders when something needs a person: a source that stays down, a token to re-authorise.

Messages go to the private chats of the leaders (and officials) in config.yaml on every
platform that has a sender. Failures are logged, never raised: a report must not crash
the job that is reporting.
"""

from __future__ import annotations

import logging

from bot.model import ChatKind, ChatRef, Outbound, Role
from bot.runtime import Runtime

log = logging.getLogger(__name__)


async def notify_leaders(runtime: Runtime, text: str, *, commune: str | None = None) -> int:
    """Send ``text`` to each leader/official of ``commune`` (all when None); returns how many got it."""
    delivered = 0
    log.warning("reporting to leaders: %s", text.splitlines()[0] if text else "")
    for grant in runtime.config.roles:
        if not grant.role.at_least(Role.LEADER):
            continue
        if commune and grant.commune and grant.commune != commune:
            continue
        sender = runtime.senders.get(grant.platform)
        if sender is None:
            continue
        chat = ChatRef(grant.platform, grant.user_id, ChatKind.PRIVATE)
        try:
            result = await sender.send(Outbound(chat, text))
        except Exception:
            log.exception("could not notify %s:%s", grant.platform.value, grant.user_id)
            continue
        if result.ok:
            delivered += 1
        else:
            log.warning("notify %s:%s failed: %s", grant.platform.value, grant.user_id, result.status.value)
    return delivered
