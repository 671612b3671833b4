"""Last resort for a private message nobody understood: say so, point to people who can help.

In groups it stays silent: the bot never butts into residents' conversations.
"""

from __future__ import annotations

from bot.model import InboundMessage, Outbound
from bot.router import Context, Router
from handlers.common import contacts_text

FALLBACK_PRIORITY = 1000


def register(router: Router) -> None:
    @router.text(priority=FALLBACK_PRIORITY)
    async def fallback(ctx: Context) -> list[Outbound] | None:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        if not msg.chat.is_private and not (msg.mentions_bot or msg.reply_to_bot):
            return []
        text = ctx.texts.say("not_understood", contacts=await contacts_text(ctx))
        return [Outbound(msg.chat, text, reply_to=None if msg.chat.is_private else msg.message_id)]
