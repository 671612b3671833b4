"""/thongke: a short engagement overview for leaders and officials, in a private chat.

Residents are refused by the router (the command needs Role.LEADER). In a group the
figures would reach every resident, so the bot answers that it works in private only.
A leader sees their own commune; an official any (``/thongke MAXA``), all by default.
A leader with no commune recorded is refused (only officials see every commune).
"""

from __future__ import annotations

from bot.model import InboundMessage, Outbound, Role
from bot.router import Context, Router
from bot.stats.queries import overview
from bot.stats.scope import make_scope
from bot.stats.text import overview_text
from bot.stats.warnings import warnings


def _reply(ctx: Context, text: str) -> list[Outbound]:
    assert isinstance(ctx.event, InboundMessage)
    return [Outbound(ctx.event.chat, text, reply_to=ctx.event.message_id)]


def register(router: Router) -> None:
    @router.command("thongke", role=Role.LEADER, help_key="cmd_thongke")
    async def thongke(ctx: Context) -> list[Outbound]:
        msg = ctx.event
        assert isinstance(msg, InboundMessage)
        if not msg.chat.is_private:
            return _reply(ctx, ctx.texts.render("stats/private_only.txt.j2"))
        if ctx.role.role is not Role.OFFICIAL and ctx.role.commune is None:
            # a leader without a commune would otherwise see every commune's figures
            return _reply(ctx, ctx.texts.say("stats_no_commune"))
        args = msg.command.args if msg.command else ()
        commune = args[0] if args else ctx.role.commune
        if commune is None and len(ctx.config.communes) == 1:
            commune = ctx.config.communes[0].code
        if commune is not None:
            match = next((c for c in ctx.config.communes if c.code.lower() == commune.lower()), None)
            if match is None:
                return _reply(ctx, ctx.texts.say("unknown_commune", code=commune))
            commune = match.code
        if not ctx.may_manage(commune):
            return _reply(ctx, ctx.texts.say("refused_commune"))
        scope = make_scope(ctx.config, ctx.now, commune=commune)
        ov = await overview(ctx.session, ctx.config, scope)
        warned = await warnings(ctx.session, ctx.config, scope, ctx.texts)
        text = overview_text(ctx.texts, ov) + "\n\n" + ctx.texts.render("stats/warnings.txt.j2", w=warned)
        return _reply(ctx, text)
