"""Who is in which group: the bot's own membership, residents' joins and leaves, migrations.

Message activity is counted by the dispatcher (``bot.store.activity``): counts and times,
never what people wrote.
"""

from __future__ import annotations

import logging

from bot.model import BotMembership, ChatMigrated, MemberEvent, Outbound
from bot.router import Context, Router
from bot.store.groups import ensure_group, migrate_group, set_bot_membership
from bot.store.members import apply_member_change, ensure_person

log = logging.getLogger(__name__)


def register(router: Router) -> None:
    @router.on(MemberEvent)
    async def member(ctx: Context) -> None:
        ev = ctx.event
        assert isinstance(ev, MemberEvent)
        if ev.user.is_bot:
            return None
        group = await ensure_group(ctx.session, ev.chat, ctx.now)
        person = await ensure_person(ctx.session, ev.user, ctx.now, keep_name=not ctx.config.privacy.hide_names)
        changed = await apply_member_change(ctx.session, group.id, person.id, ev.change, ev.source, ctx.now)
        state = "recorded" if changed else "already known"
        log.debug("member %s %s in group %s (%s)", ev.change.value, state, group.id, ev.source)
        return None

    @router.on(BotMembership)
    async def bot_membership(ctx: Context) -> list[Outbound]:
        ev = ctx.event
        assert isinstance(ev, BotMembership)
        existing = await ensure_group(ctx.session, ev.chat, ctx.now)
        was_active = existing.active and existing.created_at != ctx.now
        group = await set_bot_membership(ctx.session, ev.chat, active=ev.active, is_admin=ev.is_admin, now=ctx.now)
        log.info("bot %s group %s:%s", "added to" if ev.active else "removed from", ev.chat.platform.value, ev.chat.id)
        if ev.active and not was_active:
            hamlet = ctx.config.hamlet(group.hamlet_code) if group.hamlet_code else None
            text = ctx.texts.render("replies/welcome_group.txt.j2", hamlet=hamlet, is_admin=ev.is_admin)
            return [Outbound(ev.chat, text)]
        return []

    @router.on(ChatMigrated)
    async def migrated(ctx: Context) -> None:
        ev = ctx.event
        assert isinstance(ev, ChatMigrated)
        group = await migrate_group(ctx.session, ev.platform, ev.old_id, ev.new_id, ctx.now)
        row = group.id if group else None
        log.info("group %s migrated %s → %s (row %s)", ev.platform.value, ev.old_id, ev.new_id, row)
        return None
