"""/help and /start: what the bot can do, with the commands this person may use."""

from __future__ import annotations

from bot.model import InboundMessage, Outbound
from bot.router import Context, Router
from handlers.common import contacts_text


def register(router: Router) -> None:
    @router.command("help", "start", "trogiup", help_key="cmd_help")
    async def help_(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        commands = [
            (spec.names[0], ctx.texts.say(spec.help_key))
            for spec in router.specs
            if spec.help_key and ctx.has_role(spec.role)
        ]
        text = ctx.texts.render(
            "replies/help.txt.j2",
            commands=commands,
            role=ctx.role.role.value,
            private=msg.chat.is_private,
            contacts=await contacts_text(ctx),
        )
        return [Outbound(msg.chat, text, reply_to=None if msg.chat.is_private else msg.message_id)]
