"""Vietnamese text → comparable tokens, however residents type.

Residents write with or without diacritics, in two tone-mark styles ("hoà"/"hòa"), in
teencode ("ko dc j"), in Southern speech ("hông", "tui") and with typos. Matching works on
the diacritic-free ("folded") form, because half the questions arrive without marks: so
``fold`` maps đ → d, and teencode/Southern words are expanded on folded tokens. Pure
functions only; the matcher and the evaluation both call them.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Tone marks (combining): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_WORD = re.compile(r"[0-9a-z]+")

# Open syllables ending in oa/oe/uy: one style marks the first vowel ("hòa", "thúy"), the
# other the second ("hoà", "thuý"). We keep the first-vowel style; "qu" is an onset, so
# "quý" stays as it is.
_TONE_STYLE = re.compile(r"(?<![q\w])(?P<pre>\w*?)(?<!q)(?P<v1>[ou])(?P<v2>[aey])(?P<tone>[" + _TONES + r"])(?!\w)")


def canonical(text: str) -> str:
    """NFC, lowercase, one tone-mark style; diacritics kept (for display and storage)."""
    text = unicodedata.normalize("NFD", text.lower())
    text = _TONE_STYLE.sub(lambda m: m["pre"] + m["v1"] + m["tone"] + m["v2"], text)
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    return {ord("đ"): "d", ord("Đ"): "D"}


def fold(text: str) -> str:
    """Drop every diacritic (đ → d): 'Kích hoạt' → 'Kich hoat'."""
    text = unicodedata.normalize("NFD", text.translate(_fold_table()))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# Teencode and regional words, keyed by their folded form → folded standard words.
# Only words that are unambiguous in residents' questions to the help desk.
# fmt: off
TEENCODE: dict[str, str] = {
    # không
    "ko": "khong", "k": "khong", "kh": "khong", "khg": "khong", "kg": "khong", "hok": "khong",
    "hk": "khong", "hong": "khong", "hem": "khong", "khum": "khong", "hum": "khong",
    "hog": "khong", "kong": "khong", "khog": "khong", "khonq": "khong",
    # được
    "dc": "duoc", "dk": "duoc", "dx": "duoc", "duok": "duoc",
    # đăng ký
    "dky": "dang ky", "dki": "dang ky", "dangky": "dang ky", "ki": "ky",
    # pronouns, particles
    "tui": "toi", "t": "toi", "mik": "minh", "mh": "minh", "mn": "moi nguoi", "mng": "moi nguoi",
    "j": "gi", "ji": "gi", "chi": "gi", "rang": "sao", "ntn": "nhu the nao", "sao z": "sao vay",
    "z": "vay", "v": "vay", "zay": "vay", "ruk": "roi", "rui": "roi", "r": "roi",
    "ns": "noi", "bit": "biet", "bik": "biet", "bt": "biet", "lm": "lam",
    "vs": "voi", "cx": "cung", "cg": "cung", "nhiu": "nhieu", "wa": "qua", "ik": "di", "bn": "bao nhieu",
    "coi": "xem", "xai": "dung", "gat": "lua", "dzo": "vao", "zo": "vao", "vo": "vao", "dia": "ve",
    "hnay": "hom nay", "hqua": "hom qua",
    # domain abbreviations
    "dt": "dien thoai", "dthoai": "dien thoai", "sdt": "so dien thoai",
    "mk": "mat khau", "pass": "mat khau", "pw": "mat khau", "password": "mat khau", "passwork": "mat khau",
    "tk": "tai khoan", "tkhoan": "tai khoan", "acc": "tai khoan", "account": "tai khoan",
    "app": "ung dung", "apps": "ung dung", "ud": "ung dung",
    "onl": "online", "onlai": "online",
    "vnid": "vneid", "vneld": "vneid", "vnied": "vneid", "vnedi": "vneid",
    "cmt": "cmnd", "gplx": "bang lai", "blx": "bang lai",
    "dvc": "dich vu cong", "lltp": "ly lich tu phap", "bh": "bao hiem",
    "ck": "chuyen khoan", "stk": "so tai khoan", "nh": "ngan hang", "cskh": "cham soc khach hang",
    "sms": "tin nhan", "ms": "moi", "mun": "muon", "wen": "quen", "qen": "quen",
    "hai": "2", "mot": "1", "hc": "hanh chinh", "tthc": "thu tuc hanh chinh", "csgt": "canh sat giao thong",
}

# Multi-word spellings → one form, on folded text (applied after teencode).
PHRASES: tuple[tuple[str, str], ...] = (
    ("dang ki", "dang ky"), ("loa so", "loaso"), ("ho so", "hoso"),
    ("bua nay", "hom nay"), ("bua qua", "hom qua"), ("hum nay", "hom nay"),
    ("vn eid", "vneid"), ("vn id", "vneid"), ("vne id", "vneid"), ("v neid", "vneid"),
    ("vss id", "vssid"), ("vs id", "vssid"),
    ("bao hiem y te", "bhyt"), ("bao hiem xa hoi", "bhxh"),
    ("can cuoc cong dan", "cccd"), ("chung minh nhan dan", "cmnd"), ("chung minh thu", "cmnd"),
    ("giay phep lai xe", "bang lai"), ("bang lai xe", "bang lai"),
    ("dinh danh dien tu", "dinh danh"), ("tai khoan dinh danh", "dinh danh"),
    ("truc tuyen", "online"), ("tren mang", "online"), ("qua mang", "online"),
    ("mat khau", "matkhau"), ("so dien thoai", "sodienthoai"), ("dien thoai", "dienthoai"),
    ("ma otp", "otp"), ("ma qr", "qr"), ("ma xac thuc", "otp"), ("ma xac nhan", "otp"),
    ("sap nhap", "sapnhap"), ("nhan vien ngan hang", "ngan hang"),
    # Synonyms residents use for the same thing.
    ("tai khoan dinh danh", "vneid"), ("dinh danh", "vneid"), ("khong nho", "quen"), ("su dung", "dung"),
    ("con nit", "tre em"), ("tre con", "tre em"), ("tre nho", "tre em"), ("con nho", "tre em"),
    ("trai cay", "nong san"), ("to cao", "to giac"), ("le phi", "phi"), ("hieu luc", "gia tri"),
    ("cong an xa", "cong an"), ("cong an phuong", "cong an"), ("cap lai", "doi"),
)
# fmt: on

# Words that carry no topic: pronouns, particles, politeness, question fillers.
STOPWORDS = frozenset(
    """
    a ah ha hat hoi nha nhe nhen nghen ne oi oii voi cho toi minh em anh chi co ba ong bac chu cau di
    con la gi sao the nao nhu vay thi ma roi duoc khong lam biet muon phai do kia day dau
    cai ay vui long giup gium xin hoi ad admin moi nguoi nha nhau
    va hay hoac nua luon tron de ve cua mot nhung cac rat qua bi o
    """.split()
)

# Messages made only of these (and stopwords) are chit-chat: the bot stays silent.
CHITCHAT = frozenset(
    """
    ok oke okie okay uh uhm um vang da yes cam on thank thanks tks thanksss camon cmon
    chao hello hi alo xinchao hihi haha hehe kk kkk like buoi sang trua chieu toi ngu ngon
    chuc mung nam moi khoe good morning night bye tam biet hen gap lai dung roi chuan
    """.split()
)

# Adverts and selling posts: silence even when a domain word slips in.
SELLING = re.compile(
    r"\b(can ban|ban gap|thanh ly|gia re|gia si|lh \d+|inbox|ib|order|ship cod|freeship|sale|0\d{9})\b"
)

# Everyday words that say little about the topic: they weigh little in the confidence and
# are not, on their own, evidence that a message is a question the bot knows.
GENERIC = frozenset(
    """
    xai dung nhap xong nua moi cu trong ngoai len xuong ra vao lay dua gui nhan keu noi chi huong dan
    cach chua hom nay mai ngay qua bao nhieu may lau nguoi nha xa ap thay duoc biet tot sao roi toi can
    ai xem sau gio luc khi truoc bay lai dang
    """.split()
)


# An ad starts like this ("Bán xoài cát…", "Cần mua lúa…") and asks nothing; talk about
# selling *online* (the sell-online topic) names the channel instead.
SELLING_ONLINE = re.compile(r"\b(online|voso|postmart|san|gian hang|tmdt)\b")
AD_START = re.compile(r"^(ban|can ban|mua|can mua|thu mua|cho thue|can thue|nhan)\b")
QUESTION_WORDS = re.compile(
    r"\b(sao|nao|gi|dau|khong|chua|cach|huong dan|lam the|the nao|bao nhieu|bao lau|co nen|duoc khong|ha|hoi"
    r"|ai|may|chi giup|giup|o dau|phai|co can|co that|co phai|muon)\b"
)


def _expand(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        out.extend(TEENCODE.get(tok, tok).split())
    return out


def folded_words(text: str) -> str:
    """Canonical → folded → teencode expanded → phrases joined: a space-separated string."""
    raw = _WORD.findall(fold(canonical(text)))
    # A token starting with 'w' is usually 'qu' typed lazily ("wen" → "quen").
    raw = [("qu" + t[1:]) if t.startswith("w") and len(t) > 2 and t not in TEENCODE else t for t in raw]
    joined = " " + " ".join(_expand(raw)) + " "
    for src, dst in PHRASES:
        joined = joined.replace(f" {src} ", f" {dst} ")
    return joined.strip()


def content_tokens(text: str) -> list[str]:
    """The words that say what a question is about (no stopwords)."""
    return [t for t in folded_words(text).split() if t not in STOPWORDS]


# "Done it", "it works now": news, not a request for help.
DONE_WORDS = re.compile(r"\b(xong|thanh cong|duoc roi|on roi|lam duoc|ok roi)\b")


def looks_like_question(text: str) -> bool:
    """In a group, a resident reporting success is left alone; terse topics ("quên mk vneid") are questions."""
    words = folded_words(text)
    return "?" in text or bool(QUESTION_WORDS.search(words)) or not DONE_WORDS.search(words)


def is_chitchat(text: str) -> bool:
    """Greetings, thanks, 'ok', ads: nothing a help desk should answer."""
    words = folded_words(text)
    if SELLING.search(words):
        return True
    asks = QUESTION_WORDS.search(words) or "?" in text or SELLING_ONLINE.search(words)
    if AD_START.search(words) and not asks:
        return True
    tokens = words.split()
    # The bot's own name is not a topic: "cảm ơn Loa Số" is thanks, "Loa Số làm được gì" is not.
    rest = [t for t in tokens if t not in STOPWORDS and t not in CHITCHAT and t != "loaso"]
    return not rest and (any(t in CHITCHAT for t in tokens) or "loaso" not in tokens)
