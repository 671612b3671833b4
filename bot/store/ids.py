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


MAX_EXTERNAL_ID = 64  # characters: the external_id columns (Zalo ids are about 19 digits)


def id_problem(value: object) -> str | None:
    """Why an id cannot be stored (too big for BIGINT, too long for external_id), or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return None if fits_bigint(value) else "id out of range"
    if isinstance(value, str) and len(value) > MAX_EXTERNAL_ID:
        return f"id longer than {MAX_EXTERNAL_ID} characters"
    if isinstance(value, str) and "\x00" in value:  # PostgreSQL text cannot hold NUL
        return "id with a NUL character"
    return None


def unstorable_id(event: object) -> str | None:
    """The first id of an event's chat or people that no column could hold."""
    for holder in ("chat", "sender", "user", "by"):
        ref = getattr(event, holder, None)
        problem = id_problem(getattr(ref, "id", None)) if ref is not None else None
        if problem:
            return f"{holder} {problem}"
    for name in ("old_id", "new_id"):
        problem = id_problem(getattr(event, name, None))
        if problem:
            return f"{name} {problem}"
    return None
