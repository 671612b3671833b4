"""Which day a weather question asks about: "mai", "ngày mốt", "tối nay", "cuối tuần", "t7 cn", "hôm qua".

A pure function of the question and the local date, so it is tested on its own. Residents
write with and without diacritics, so a word typed with marks must match with its marks
("một" is *one*, not *mốt*), while a word typed without any marks is compared folded — and
where the folded form is ambiguous ("mot" = một or mốt) a neighbouring word decides.
The result names the days; the words shown to residents are in the template.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Kind = Literal[
    "today", "tomorrow", "day_after", "weekend", "this_week", "next_week", "next_days", "weekday", "date", "past"
]
Part = Literal["morning", "noon", "afternoon", "evening", "night"]

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_TOKEN = re.compile(r"[0-9a-zà-ỹđ]+(?:/[0-9]+)*", re.IGNORECASE)


@dataclass(frozen=True)
class AskedDays:
    """The days asked about (local dates, in order); none when ``kind`` is "past"."""

    kind: Kind
    days: tuple[date, ...]
    part: Part | None = None  # the forecast is per day: the template says so when a part is asked
    weekday: int | None = None  # 0 = Monday … 6 = Sunday, for kind "weekday"


@dataclass(frozen=True)
class _Tok:
    text: str  # lowercase NFC, marks kept
    folded: str  # no marks, đ → d
    plain: bool  # typed without any diacritic


def _fold(text: str) -> str:
    text = text.replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _tokens(question: str) -> list[_Tok]:
    text = unicodedata.normalize("NFC", question).lower()
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        folded = _fold(word)
        out.append(_Tok(word, folded, folded == word))
    return out


def _is(tok: _Tok, *words: str) -> bool:
    """The token is one of ``words`` (written with marks): exactly, or folded when typed without marks."""
    return any(tok.text == w or (tok.plain and tok.folded == _fold(w)) for w in words)


# Words before "nay"/"mai"/"qua" that name a day or a part of it.
_DAY_HEADS = ("hôm", "bữa", "ngày", "hum", "bửa")
_PARTS: dict[str, Part] = {
    "sáng": "morning",
    "trưa": "noon",
    "chiều": "afternoon",
    "tối": "evening",
    "đêm": "night",
    "khuya": "night",
}
# After "mot" without marks these make it "một" (one), not "mốt": "mưa một chút", "một ngày".
_COUNTED = {
    "chut", "it", "ngay", "tuan", "thang", "lan", "cai", "so", "con", "nguoi", "tram", "nghin", "ngan",
    "trieu", "buoi", "tieng", "gio", "tran", "ti", "xiu", "nam", "dot",
}  # fmt: skip
_WEEKDAY_WORDS = {
    "hai": 0, "ba": 1, "tư": 2, "tu": 2, "bốn": 2, "năm": 3, "nam": 3, "sáu": 4, "sau": 4, "bảy": 5, "bay": 5,
    "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5,
}  # fmt: skip
_SHORT_WEEKDAY = re.compile(r"^t([2-7])$")
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}))?$")


def _part(tokens: list[_Tok], i: int) -> Part | None:
    """The part of day named just before position ``i`` ("tối nay", "chiều mai")."""
    if i > 0:
        for word, part in _PARTS.items():
            if _is(tokens[i - 1], word):
                return part
    return None


def _next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def asked_days(question: str, today: date) -> AskedDays:
    """The day(s) a weather question asks about; today when it names none."""
    toks = _tokens(question)
    n = len(toks)
    found: list[AskedDays] = []
    weekdays: list[int] = []
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < n else None
        # Past: hôm qua, bữa qua, tối qua, hqua, hôm kia, tuần trước.
        if t.folded == "hqua" or (
            _is(t, "qua") and prev is not None and (_is(prev, *_DAY_HEADS) or _part(toks, i) is not None)
        ):
            found.append(AskedDays("past", ()))
        elif _is(t, "kia") and prev is not None and _is(prev, "hôm", "hum", "bữa"):
            found.append(AskedDays("past", ()))  # in the South "bữa kia" is the other day, too
        elif _is(t, "kia") and prev is not None and _is(prev, "ngày"):
            found.append(AskedDays("day_after", (today + timedelta(days=2),)))
        elif _is(t, "trước", "rồi") and prev is not None and _is(prev, "tuần"):
            found.append(AskedDays("past", ()))
        # Day after tomorrow: mốt / ngày mốt; "mai mốt" covers both.
        elif _is(t, "mốt") and not (t.plain and nxt is not None and nxt.folded in _COUNTED):
            if prev is not None and _is(prev, "mai"):
                found[-1:] = [AskedDays("next_days", (today + timedelta(days=1), today + timedelta(days=2)))]
            else:
                found.append(AskedDays("day_after", (today + timedelta(days=2),), _part(toks, i)))
        elif _is(t, "mai") or t.folded == "nmai":
            found.append(AskedDays("tomorrow", (today + timedelta(days=1),), _part(toks, i)))
        elif _is(t, "nay", "này", "ni") or t.folded in ("hnay", "hn"):
            if prev is not None and _is(prev, "tuần"):
                found.append(_this_week(today))
            elif t.folded in ("hnay", "hn") or (
                t.text != "này" and prev is not None and (_is(prev, *_DAY_HEADS) or _part(toks, i))
            ):
                found.append(AskedDays("today", (today,), _part(toks, i)))
        elif _is(t, "cuối") and nxt is not None and _is(nxt, "tuần"):
            found.append(_weekend(today))
        elif _is(t, "tới", "toi", "sau") and prev is not None and _is(prev, "ngày", "bữa", "hôm") and i >= 2:
            count = toks[i - 2]
            ahead = int(count.text) if count.text.isdigit() else 3 if _is(count, "mấy", "vài", "những", "các") else 0
            if 0 < ahead <= 7:
                found.append(AskedDays("next_days", tuple(today + timedelta(days=k) for k in range(1, ahead + 1))))
        elif _is(t, "tới", "sau") and prev is not None and _is(prev, "tuần"):
            monday = today + timedelta(days=7 - today.weekday())
            found.append(AskedDays("next_week", tuple(monday + timedelta(days=k) for k in range(7))))
        elif _is(t, "nhật") and prev is not None and _is(prev, "chủ"):
            weekdays.append(6)
        elif t.folded == "cn" or t.folded == "chunhat":
            weekdays.append(6)
        elif (m := _SHORT_WEEKDAY.match(t.folded)) is not None:
            weekdays.append(int(m.group(1)) - 2)
        elif _is(t, "thứ") and nxt is not None and (nxt.text in _WEEKDAY_WORDS or nxt.folded in _WEEKDAY_WORDS):
            weekdays.append(_WEEKDAY_WORDS.get(nxt.text, _WEEKDAY_WORDS.get(nxt.folded, 0)))
        elif (m := _DATE.match(t.text)) is not None:
            asked = _date(today, int(m.group(1)), int(m.group(2)), m.group(3))
            if asked is not None:
                found.append(AskedDays("past", ()) if asked < today else AskedDays("date", (asked,)))
    if weekdays:
        days = tuple(sorted({_next_weekday(today, w) for w in weekdays}))
        if set(weekdays) == {5, 6}:
            return AskedDays("weekend", days)
        return AskedDays("weekday", days, weekday=weekdays[0] if len(days) == 1 else None)
    future = [f for f in found if f.kind != "past"]
    if future:
        return future[-1] if len(future) == 1 else _merge(future)
    if found:
        return found[0]
    return AskedDays("today", (today,))


def _merge(found: list[AskedDays]) -> AskedDays:
    """'hôm nay với ngày mai' → both days; one asked day keeps its part."""
    days = tuple(sorted({d for f in found for d in f.days}))
    if len(days) == 1:
        return next(f for f in found if f.part is not None) if any(f.part for f in found) else found[0]
    return AskedDays("next_days", days)


def _weekend(today: date) -> AskedDays:
    """Saturday and Sunday of this week; on Sunday only today."""
    if today.weekday() == 6:
        return AskedDays("weekend", (today,))
    saturday = _next_weekday(today, 5)
    return AskedDays("weekend", (saturday, saturday + timedelta(days=1)))


def _this_week(today: date) -> AskedDays:
    """From today to Sunday."""
    return AskedDays("this_week", tuple(today + timedelta(days=k) for k in range(7 - today.weekday())))


def _date(today: date, day: int, month: int, year: str | None) -> date | None:
    try:
        asked = date(int(year) if year else today.year, month, day)
    except ValueError:
        return None
    if year is None and asked < today - timedelta(days=180):
        asked = asked.replace(year=today.year + 1)  # "5/1" asked in December
    return asked
