"""Text folding for scam wording: lower case, no diacritics, teencode spelled out.

Residents and scammers write with or without diacritics, in teencode ("ko", "dc",
"ck"), with dots or spaces inside words to dodge filters. Phrases are matched on the
folded text so one pattern covers all of these spellings.
"""

from __future__ import annotations

import re
import unicodedata

_STRIP = str.maketrans({"đ": "d", "Đ": "d"})
# Teencode and abbreviations → the words the patterns use (whole words only).
_TEEN = {
    "ko": "khong",
    "k": "khong",
    "kh": "khong",
    "hok": "khong",
    "hong": "khong",
    "hông": "khong",
    "khg": "khong",
    "kg": "khong",
    "dc": "duoc",
    "dk": "duoc",
    "đc": "duoc",
    "ck": "chuyen khoan",
    "tk": "tai khoan",
    "stk": "so tai khoan",
    "mk": "mat khau",
    "pass": "mat khau",
    "password": "mat khau",
    "j": "gi",
    "ng": "nguoi",
    "bn": "bao nhieu",
    "nh": "nhieu",
    "vs": "voi",
    "ib": "nhan tin",
    "inbox": "nhan tin",
    "sdt": "so dien thoai",
    "đt": "dien thoai",
    "dt": "dien thoai",
    "cmnd": "can cuoc",
    "cccd": "can cuoc",
    "ctv": "cong tac vien",
    "tr": "trieu",
    "ty": "ty",
    "lk": "link",
    "ln": "link",
}
_WORD = re.compile(r"[^\W_]+")


def strip_marks(text: str) -> str:
    """'Mã OTP' → 'ma otp': lower case, diacritics removed, đ → d."""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_STRIP))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Words of ``text`` folded and teencode spelled out, joined by single spaces.

    Teencode is looked up on the word as written, so "hông" and "hong" mean "không" but
    "hồng" (as in "hoa hồng", commission) stays "hong". Punctuation becomes a space, so
    'O.T.P' → 'o t p' (caught by the patterns as well).
    """
    out: list[str] = []
    for word in _WORD.findall(text.lower().replace("%", " phantram ")):
        spelled = _TEEN.get(word)
        if spelled is None:
            plain = strip_marks(word)
            spelled = _TEEN.get(plain, plain) if word.isascii() else plain
        out.append(spelled)
    return " ".join(out)
