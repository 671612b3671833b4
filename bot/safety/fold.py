"""Text folding for scam wording: lower case, no diacritics, teencode spelled out.

Residents and scammers write with or without diacritics, in teencode ("ko", "dc",
"ck"), with dots or spaces inside words to dodge filters. Phrases are matched on the
folded text so one pattern covers all of these spellings.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from bot.safety.urls import BARE_TLDS, CONFUSABLE

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
    "acc": "tai khoan",
    "0tp": "otp",  # a zero for the "O" ("cho chị xin mã 0TP"), where the leet reading needs four such words
}
# Words after which "kg" is a weight ("20 kg", "160k/kg", "mỗi kg", "mấy kg"), not "không".
_KG_AFTER = frozenset({"mỗi", "moi", "mấy", "may", "nhiêu", "bn", "nửa", "chục", "trăm", "ngàn", "nghìn", "k"})
_AMOUNT = re.compile(r"\d+[kđd]?")  # a word of digits, or an amount: "20", "160k" (words hold no "." nor ",")
_WORD = re.compile(r"[^\W_]+")
# Digits for look-alike letters ("Ch0 v4y t13n kh0ng th3 ch4p"): read back as letters in words that start with
# a letter and have two or more, when a message writes at least LEET_MIN words so — "F0", "A4", a lottery's
# "G1 30516" stay as they are.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})
_LEET_WORD = re.compile(r"[^\W\d_]+\d[^\W_]*")
_LETTER_DIGIT = re.compile(r"[^\W\d_]\d")  # no such pair: no word is written in leet
LEET_MIN = 4
# Dots inside words to dodge filters ("V.A.Y T.I.Ề.N", "gi.ải ng.ân"): pieces of one to three letters joined by
# dots are read as one word when a message writes at least DOTTED_MIN words so and the last piece is no web
# ending ("gov.vn", "fb.com", "t.me" stay as they are; links are judged on their own).
_DOTTED = re.compile(
    r"(?<![\w.])(?:[^\W\d_]{1,3}\.)+(?!(?:" + "|".join(sorted(BARE_TLDS | {"gov", "edu"})) + r")\b)"
    r"[^\W\d_]{1,3}(?![\w.])"
)
DOTTED_MIN = 3


# Cyrillic and Greek letters that look Latin, inside a word that also has Latin letters ("tài khоản" with a Cyrillic
# "о", "Vіеtсоmbаnk"): a word no one types by hand, written so that a filter does not read it. Read as the Latin
# letters; a word all in Cyrillic or Greek (a Russian-speaking guide's message) stays as it is.
_LOOKALIKE = {k: v for k, v in CONFUSABLE.items() if k >= 0x370}  # (not its digits and Latin look-alikes)
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f\u1e00-\u1eff]")


def _leet(word: str) -> bool:
    return _LEET_WORD.fullmatch(word) is not None and sum(c.isalpha() for c in word) >= 2


def strip_marks(text: str) -> str:
    """'Mã OTP' → 'ma otp': lower case, diacritics removed, đ → d."""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_STRIP))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Words of ``text`` folded and teencode spelled out, joined by single spaces.

    Teencode is looked up on the word as written, so "hông" and "hong" mean "không" but
    "hồng" (as in "hoa hồng", commission) stays "hong". Punctuation becomes a space, so
    'O.T.P' → 'o t p' (caught by the patterns as well); digits written for letters throughout a message
    ("v4y t13n") are read as the letters.
    """
    text = text.lower().replace("%", " phantram ")
    if text.count(".") >= DOTTED_MIN and len(_DOTTED.findall(text)) >= DOTTED_MIN:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    words = _WORD.findall(text)
    if _LETTER_DIGIT.search(text) and sum(1 for w in words if _leet(w)) >= LEET_MIN:
        words = [w.translate(_LEET) if _leet(w) else w for w in words]
    folded = list(map(_fold_word, words))
    for i in range(1, len(words)):
        if words[i] == "kg" and (_AMOUNT.fullmatch(words[i - 1]) or words[i - 1] in _KG_AFTER):
            folded[i] = "kg"  # "160k/kg", "giá 30 ngàn 1 kg", "mấy kg": kilograms, not teencode for "không"
    return " ".join(folded)


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """One lower-case word folded (cached: a group's words repeat, and the judge folds each message more
    than once)."""
    if _OTHER_SCRIPT.search(word) and _LATIN.search(word):
        word = word.translate(_LOOKALIKE)
    spelled = _TEEN.get(word)
    if spelled is None:
        plain = strip_marks(word)
        spelled = _TEEN.get(plain, plain) if word.isascii() else plain
    return spelled
