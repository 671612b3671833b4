"""Leader and official commands: link a group to a hamlet, grant and revoke roles.

Every command here checks the sender's role (the router refuses residents before the
handler runs) and, for leaders and officials scoped to a commune, that everything the
command touches is in that commune (``bot.scope``).
"""

from __future__ import annotations

from bot.model import InboundMessage, Outbound, Platform, Role, UserRef
from bot.router import Context, Router
from bot.scope import hamlet_commune
from bot.store.groups import link_hamlet
from bot.store.ids import MAX_EXTERNAL_ID, fits_bigint
from bot.store.members import member_count
from bot.store.roles import grant_role, revoke_role, role_of

ROLE_WORDS = {
    "totruong": Role.LEADER,
    "leader": Role.LEADER,
    "canbo": Role.OFFICIAL,
    "official": Role.OFFICIAL,
    "dan": Role.RESIDENT,
    "resident": Role.RESIDENT,
}


def _msg(ctx: Context) -> InboundMessage:
    assert isinstance(ctx.event, InboundMessage)
    return ctx.event


def _reply(ctx: Context, key: str, **kw: object) -> list[Outbound]:
    msg = _msg(ctx)
    return [Outbound(msg.chat, ctx.texts.say(key, **kw), reply_to=msg.message_id)]


def register(router: Router) -> None:
    @router.command("ganap", role=Role.LEADER, help_key="cmd_ganap")
    async def ganap(ctx: Context) -> list[Outbound]:
        msg = _msg(ctx)
        if ctx.group is None:
            return _reply(ctx, "ganap_only_in_group")
        codes = [h.code for h in ctx.config.all_hamlets()]
        if not msg.command or not msg.command.args:
            return _reply(ctx, "ganap_usage", codes=codes)
        code = msg.command.args[0]
        hamlet = ctx.config.hamlet(code) or next(
            (h for h in ctx.config.all_hamlets() if h.code.lower() == code.lower()), None
        )
        if hamlet is None:
            return _reply(ctx, "ganap_unknown", code=code, codes=codes)
        commune = ctx.config.commune_of(hamlet.code)
        current = hamlet_commune(ctx.config, ctx.group.hamlet_code)
        # Both ends must be the leader's: the hamlet linked to, and the one the group leaves.
        if not ctx.may_manage(commune.code if commune else None) or (
            ctx.group.hamlet_code and not ctx.may_manage(current)
        ):
            return _reply(ctx, "refused_commune")
        await link_hamlet(ctx.session, ctx.group.id, hamlet.code, ctx.now)
        return _reply(ctx, "ganap_done", hamlet=hamlet, commune=commune)

    @router.command("nhom", role=Role.LEADER, help_key="cmd_nhom")
    async def nhom(ctx: Context) -> list[Outbound]:
        if ctx.group is None:
            return _reply(ctx, "ganap_only_in_group")
        hamlet = ctx.config.hamlet(ctx.group.hamlet_code) if ctx.group.hamlet_code else None
        members = await member_count(ctx.session, ctx.group.id)
        return _reply(ctx, "group_info", hamlet=hamlet, members=members, admin=ctx.group.bot_is_admin)

    @router.command("quyen", help_key="cmd_quyen")
    async def quyen(ctx: Context) -> list[Outbound]:
        return _reply(ctx, "my_role", role=ctx.role.role.value, commune=ctx.config.commune(ctx.role.commune or ""))

    @router.command("capquyen", role=Role.OFFICIAL, help_key="cmd_capquyen")
    async def capquyen(ctx: Context) -> list[Outbound]:
        msg = _msg(ctx)
        args = list(msg.command.args) if msg.command else []
        target, args = _target(msg, args)
        role = ROLE_WORDS.get(args[0].lower()) if args else None
        if target is None or role is None:
            return _reply(ctx, "grant_usage")
        commune = args[1] if len(args) > 1 else ctx.role.commune
        if commune is not None:
            known = next((c for c in ctx.config.communes if c.code.lower() == commune.lower()), None)
            if known is None:
                return _reply(ctx, "unknown_commune", code=commune)
            commune = known.code
        if not ctx.may_manage(commune) or not await _may_change(ctx, target):
            return _reply(ctx, "refused_commune")
        by = f"{msg.sender.platform.value}:{msg.sender.id}"
        await grant_role(ctx.session, target, role, commune if role is not Role.RESIDENT else None, by, ctx.now)
        return _reply(ctx, "grant_done", user=target.display_name or target.id, role=role.value)

    @router.command("thuhoiquyen", role=Role.OFFICIAL, help_key="cmd_thuhoiquyen")
    async def thuhoiquyen(ctx: Context) -> list[Outbound]:
        msg = _msg(ctx)
        target, _ = _target(msg, list(msg.command.args) if msg.command else [])
        if target is None:
            return _reply(ctx, "revoke_usage")
        if not await _may_change(ctx, target):
            return _reply(ctx, "refused_commune")
        removed = await revoke_role(ctx.session, Platform(target.platform), target.id)
        return _reply(ctx, "revoke_done" if removed else "revoke_none", user=target.display_name or target.id)


async def _may_change(ctx: Context, target: UserRef) -> bool:
    """An official limited to a commune may not change the role of someone outside it
    (or of someone not limited to any commune)."""
    current = await role_of(ctx.session, ctx.config, target)
    return current.role is Role.RESIDENT or ctx.may_manage(current.commune)


# Platforms whose user ids are numbers; Zalo's are strings (kept as given, never int()).
INT_ID_PLATFORMS = frozenset({Platform.TELEGRAM, Platform.SHELL})


def _target(msg: InboundMessage, args: list[str]) -> tuple[UserRef | None, list[str]]:
    """The person a role command is about: the replied-to message's author, or an id
    (a number on Telegram and the shell, a string on Zalo)."""
    if msg.reply_to_user is not None:
        return msg.reply_to_user, args
    if not args:
        return None, args
    platform = msg.sender.platform
    if platform in INT_ID_PLATFORMS:
        if args[0].isascii() and args[0].lstrip("-").isdigit() and len(args[0]) <= 20 and fits_bigint(int(args[0])):
            return UserRef(platform, int(args[0])), args[1:]
        return None, args
    if (
        args[0].lower() not in ROLE_WORDS
        and args[0].isascii()
        and args[0].isalnum()
        and len(args[0]) <= MAX_EXTERNAL_ID
    ):
        return UserRef(platform, args[0]), args[1:]
    return None, args
