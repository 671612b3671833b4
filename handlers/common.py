"""Small look-ups several handlers share: the hamlet a chat belongs to, its contacts."""

from __future__ import annotations

from sqlalchemy import select

from bot.config import Commune, Hamlet
from bot.router import Context
from bot.store.tables import Group, Membership


async def hamlet_for(ctx: Context) -> Hamlet | None:
    """The group's hamlet; in a private chat, the hamlet of a group the person is in."""
    if ctx.group is not None:
        return ctx.config.hamlet(ctx.group.hamlet_code) if ctx.group.hamlet_code else None
    code = None
    person = ctx.extras.get("person")
    if person is not None:
        code = (
            await ctx.session.execute(
                select(Group.hamlet_code)
                .join(Membership, Membership.group_id == Group.id)
                .where(Membership.person_id == person.id, Membership.active.is_(True), Group.hamlet_code.is_not(None))
                .limit(1)
            )
        ).scalar_one_or_none()
    return ctx.config.hamlet(code) if code else None


def commune_for(ctx: Context, hamlet: Hamlet | None) -> Commune | None:
    if hamlet is not None:
        return ctx.config.commune_of(hamlet.code)
    return ctx.config.communes[0] if len(ctx.config.communes) == 1 else None


async def contacts_text(ctx: Context) -> str:
    """Where to get help in person: the hamlet's team, else the commune office."""
    hamlet = await hamlet_for(ctx)
    return ctx.texts.render("replies/contacts.txt.j2", hamlet=hamlet, commune=commune_for(ctx, hamlet))
