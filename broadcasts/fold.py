"""Comparing what people type with names: case, spaces and Vietnamese diacritics ignored."""

from __future__ import annotations

import re
import unicodedata

from bot.model import nfc


def fold(text: str) -> str:
    """'Trần Đề' and 'tran de' and 'TRANDE' all fold to 'trande'."""
    text = nfc(text).lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "", text)
