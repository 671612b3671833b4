"""Who may do what: roles from config.yaml plus roles granted at run time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.model import Platform, Role, UserRef
from bot.store.ids import row_id
from bot.store.members import ensure_person, find_person
from bot.store.tables import Person, RoleRow

# Bumped on every grant or revoke in this process, so cached roles are reloaded at once
# (other processes' changes show up when the cache expires).
generation = 0


def _bump() -> None:
    global generation
    generation += 1


@dataclass(frozen=True)
class Grant:
    platform: str
    user_id: int | str
    role: Role
    commune: str | None
    source: str  # "config" or "database"
    name: str | None = None


def config_grant(config: Config, platform: Platform, user_id: int | str) -> Grant | None:
    for g in config.roles:
        if g.platform is platform and str(g.user_id) == str(user_id):
            return Grant(platform.value, g.user_id, g.role, g.commune, "config", g.name)
    return None


async def role_of(s: AsyncSession, config: Config, user: UserRef) -> Grant:
    """The higher of the config role and the database role; residents by default."""
    best = config_grant(config, user.platform, user.id)
    person = await find_person(s, user.platform.value, user.id)
    if person is not None:
        row = await s.get(RoleRow, person.id)
        if row is not None and (best is None or Role(row.role).rank > best.role.rank):
            best = Grant(user.platform.value, user.id, Role(row.role), row.commune, "database")
    return best or Grant(user.platform.value, user.id, Role.RESIDENT, None, "default")


async def grant_role(s: AsyncSession, user: UserRef, role: Role, commune: str | None, by: str, now: datetime) -> None:
    person = await ensure_person(s, user, now)
    row = await s.get(RoleRow, person.id)
    _bump()
    if role is Role.RESIDENT:
        if row is not None:
            await s.delete(row)
        return
    if row is None:
        s.add(RoleRow(person_id=person.id, role=role.value, commune=commune, granted_by=by, granted_at=now))
    else:
        row.role, row.commune, row.granted_by, row.granted_at = role.value, commune, by, now


async def revoke_role(s: AsyncSession, platform: Platform, user_id: int | str) -> bool:
    person = await find_person(s, platform.value, user_id)
    if person is None:
        return False
    result = await s.execute(delete(RoleRow).where(RoleRow.person_id == person.id))
    _bump()
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def list_grants(s: AsyncSession, config: Config) -> list[Grant]:
    out = [Grant(g.platform.value, g.user_id, g.role, g.commune, "config", g.name) for g in config.roles]
    rows = await s.execute(select(RoleRow, Person).join(Person, Person.id == RoleRow.person_id))
    for role, person in rows.all():
        uid = row_id(person, "user_id")
        out.append(Grant(person.platform, uid, Role(role.role), role.commune, "database", person.display_name))
    return out
