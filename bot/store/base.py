"""Declarative base and column types shared by every table module."""

from __future__ import annotations

import unicodedata

from sqlalchemy import BigInteger, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase

# Autoincrementing BIGINT keys; SQLite only autoincrements INTEGER PRIMARY KEY.
BigPK = BigInteger().with_variant(Integer(), "sqlite")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def clip(value: str | None, limit: int) -> str | None:
    """Text cut to fit a VARCHAR(limit) column (characters, as PostgreSQL counts them), ending
    in "…" when cut; combining marks left dangling at the cut and NUL characters are dropped."""
    if value is None:
        return value
    value = value.replace("\x00", "")  # PostgreSQL text cannot hold NUL
    if len(value) <= limit:
        return value
    head = value[: limit - 1]
    while head and unicodedata.combining(head[-1]):
        head = head[:-1]
    return head + "…"
