"""Commune scope: the one check every leader and official action makes, in chat, CLI and dashboard.

A person's scope is the commune recorded with their role (config.yaml ``roles[].commune``,
``/capquyen … MAXA``, ``loaso roles grant --commune``, a dashboard account's commune), or
None when they are not limited to one. Leaders and officials alike act only inside their
scope; what differs between the two roles is which commands they may use, not where.
Pure functions over the config: no I/O, so every caller asks the same question the same way.
"""

from __future__ import annotations

from bot.config import Config
from bot.model import Role


def within(scope: str | None, commune: str | None) -> bool:
    """May someone limited to ``scope`` (None: not limited) act on ``commune`` (None: unknown/all)?"""
    return scope is None or (commune is not None and commune == scope)


def may_act(role: Role, scope: str | None, commune: str | None) -> bool:
    """A leader or official acting on one commune's hamlets, groups, stations or bulletins."""
    return role.at_least(Role.LEADER) and within(scope, commune)


def hamlet_commune(config: Config, hamlet_code: str | None) -> str | None:
    if not hamlet_code:
        return None
    commune = config.commune_of(hamlet_code)
    return commune.code if commune is not None else None


def station_communes(config: Config, station_code: str) -> set[str]:
    """The communes whose hamlets take their salinity from this station."""
    return {c.code for c in config.communes for h in c.hamlets if h.station == station_code}


def target_communes(config: Config, target: str) -> set[str] | None:
    """The communes a bulletin target reaches; None for ``all`` (every commune)."""
    kind, _, rest = target.partition(":")
    if kind == "all" or not rest:
        return None
    codes = [c for c in rest.split(",") if c]
    if kind == "commune":
        return set(codes)
    return {c for c in (hamlet_commune(config, h) for h in codes) if c is not None}


def target_within(config: Config, scope: str | None, target: str) -> bool:
    """Does the whole target lie inside the scope (who may send or cancel it)?"""
    if scope is None:
        return True
    communes = target_communes(config, target)
    return communes is not None and bool(communes) and communes <= {scope}


def target_touches(config: Config, scope: str | None, target: str) -> bool:
    """Does the target reach any group in the scope (whose bulletins a person may list)?"""
    if scope is None:
        return True
    communes = target_communes(config, target)
    return communes is None or scope in communes
