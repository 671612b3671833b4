"""Chat and user ids: ints go to the BIGINT column, opaque strings to ``external_id``."""

from __future__ import annotations

from typing import Any

from bot.model import ChatId


def id_columns(value: ChatId, int_col: str) -> dict[str, Any]:
    if isinstance(value, int) and not isinstance(value, bool):
        return {int_col: value, "external_id": None}
    return {int_col: None, "external_id": str(value)}


def id_filter(model: Any, value: ChatId, int_col: str) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return getattr(model, int_col) == value
    return model.external_id == str(value)


def row_id(row: Any, int_col: str) -> ChatId:
    v = getattr(row, int_col)
    return v if v is not None else row.external_id


# The largest id a BIGINT column holds (PostgreSQL and SQLite alike): a bigger number from a
# platform update, a button or a URL is not a row of ours, and must not reach the driver.
MAX_ID = 2**63 - 1


def fits_bigint(value: int) -> bool:
    return -MAX_ID - 1 <= value <= MAX_ID
