"""Links, domains and phone numbers found in a message's text, without ever opening them.

Scammers write links many ways: with or without ``https://``, bare domains
("dichvucong-gov.vn.com/xacthuc"), dots written as "[.]", "(.)", " . " or "chấm", domains in other
scripts (``xn--`` punycode, Cyrillic letters that look Latin). Everything here is string
work; ``host_skeleton`` folds look-alike characters so "vietc0mbank" and "vіetcombank"
(Cyrillic і) compare equal to "vietcombank".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Top-level domains accepted for a bare domain with no "http" or "www" in front. Longer
# than any real message needs, short enough that "v.v" or "5.000" is never a domain.
BARE_TLDS = frozenset(
    """vn com net org info biz xyz top site online shop store club vip live icu click link me io co cc ly
    app tk ml ga cf gq pro asia mobi tv fun buzz monster cyou sbs win bid loan work space website
    tech cloud today life world news us uk ru cn in id ph th kr jp de fr be gle gl watch ee to ws ai gg""".split()
)
# Second-level suffixes under which the registrable name is one label further left.
TWO_LEVEL = frozenset(
    """gov.vn com.vn net.vn org.vn edu.vn ac.vn info.vn biz.vn name.vn pro.vn health.vn int.vn
    co.uk com.cn com.br com.au co.jp co.kr com.sg com.my co.id co.th""".split()
)

_DOT = r"(?:\.|\[\.\]|\(\.\)|\{\.\}|\s\[dot\]\s|\[dot\])"
_CH = "a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff"  # Latin, Vietnamese, Greek, Cyrillic
_LABEL = rf"[{_CH}](?:[{_CH}-]{{0,61}}[{_CH}])?"
_URL = re.compile(
    rf"(?<![{_CH}.-])(?P<scheme>https?://|hxxps?://)?(?P<host>(?:{_LABEL}{_DOT})+(?P<tld>[a-z\u00c0-\u04ff]{{2,24}}|xn--[a-z0-9-]+))"
    r"(?P<port>:\d{1,5})?(?P<path>[/?#][^\s<>\"'“”]*)?",
    re.IGNORECASE,
)
# "vcb-xacnhan . com", "vneid . gov-vn . com", "evn-hoantien (chấm) net": a link written with its dots spaced out or
# spoken so that the app does not make it clickable (and a filter does not see it). Only where a name with a hyphen
# comes first and a common ending last: "50k. Link tải" or "Hà Nội . Com" are no link.
_SPACED_DOT = r"(?:[ \t]+\.[ \t]*|\.[ \t]+|[ \t]*\((?:chấm|cham|dot)\)[ \t]*|[ \t]+(?:chấm|cham|dot)[ \t]+)"
# (the endings of BARE_TLDS that are no Vietnamese or English word: "… . Link", "… . me" end sentences)
_SPACED_TLDS = BARE_TLDS & frozenset(
    "com net org vn info xyz top site online shop store vip cc io club biz asia cyou sbs icu fun buzz".split()
)
# Labels (letters, digits, hyphens) joined by dots, spaced or not; which of them make a link is decided in code, so
# that the pattern never backtracks over a long run of hyphens or dots.
_SPACED_CHAIN = re.compile(rf"(?<![\w.-])[a-z0-9][a-z0-9-]*(?:(?:{_SPACED_DOT}|\.)[a-z0-9][a-z0-9-]*)+", re.IGNORECASE)
_SPACED_SPLIT = re.compile(rf"({_SPACED_DOT}|\.)", re.IGNORECASE)
_PATH = re.compile(r"/[^\s<>\"'“”]*")
_IP_URL = re.compile(r"(?:https?://)?(?P<host>\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?P<path>/[^\s]*)?", re.I)
_DOTS = re.compile(_DOT, re.I)
# (digits one by one with " . " between groups, "0 8 6 9 . 1 1 2 . 5 4 0", are a number spaced out to slip past filters)
_PHONE = re.compile(r"(?<![\d.,])(?:\+?84|0)(?:[\s.\-]?\d|\s\.\s\d){8,10}(?![\d])")
_FILE_EXT = re.compile(r"\.([a-z0-9]{2,5})(?:$|[?#])", re.I)

# Characters from other scripts that look like Latin letters, and digit/letter swaps.
CONFUSABLE = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "ј": "j",
        "ԁ": "d", "ɡ": "g", "һ": "h", "ո": "n", "ѕ": "s", "к": "k", "м": "m", "т": "t", "в": "b",
        "н": "h", "ӏ": "l", "ν": "v", "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "ı": "i", "ł": "l", "ø": "o", "0": "o", "1": "l", "3": "e",
        "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "|": "l",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Link:
    """One link as written: ``host`` lower-case Unicode (punycode decoded), ``path`` as given."""

    raw: str
    host: str
    path: str
    has_scheme: bool
    punycode: bool  # written as xn-- or with letters outside a–z
    ip: bool = False

    @property
    def registrable(self) -> str:
        return registrable(self.host)

    @property
    def file_ext(self) -> str | None:
        last = re.split(r"[?#]", self.path, maxsplit=1)[0].rsplit("/", 1)[-1]
        m = _FILE_EXT.search(last)
        return m.group(1).lower() if m else None


def _decode_idna(host: str) -> str:
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                pass
        labels.append(label)
    return ".".join(labels)


def registrable(host: str) -> str:
    """'a.b.vietcombank.com.vn' → 'vietcombank.com.vn'; 'x.y.com' → 'y.com'."""
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in TWO_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def host_skeleton(text: str) -> str:
    """Fold look-alikes: diacritics off, Cyrillic/Greek look-alikes and 0/1/3/5 → Latin, rn → m, vv → w."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(CONFUSABLE)
    return text.replace("rn", "m").replace("vv", "w")


def find_links(text: str) -> list[Link]:
    """Every link or bare domain in ``text``; e-mail addresses are not links."""
    links: list[Link] = []
    seen: set[str] = set()
    for m in _URL.finditer(text):
        start = m.start()
        if start > 0 and text[start - 1] in "@.-":
            continue  # e-mail address, or the tail of something longer ("đuôi -gov.com" names an ending)
        raw_host = _DOTS.sub(".", m.group("host")).rstrip(".")
        tld = raw_host.rsplit(".", 1)[-1].lower()
        if not tld.isascii():  # an ending in look-alike letters (".cоm" with a Cyrillic "о") is the ending it mimics
            tld = host_skeleton(tld)
        written_with_prefix = bool(m.group("scheme")) or raw_host.lower().startswith("www.")
        # "hotro.gov.vn.cm": whatever the last ending, a name that reads as .vn or .gov is a link to judge
        reads_vn = any(label in ("vn", "gov") for label in raw_host.lower().split(".")[:-1])
        if not written_with_prefix and tld not in BARE_TLDS and not tld.startswith("xn--") and not reads_vn:
            continue
        if tld.isdigit():
            continue
        host = unicodedata.normalize("NFC", raw_host.lower())
        ascii_only = host.isascii()
        decoded = _decode_idna(host) if "xn--" in host else host
        if decoded.startswith("www."):
            decoded = decoded[4:]
        path = (m.group("path") or "").rstrip(".,;:!?)»”")
        key = decoded + path
        if key in seen:
            continue
        seen.add(key)
        links.append(Link(m.group(0), decoded, path, bool(m.group("scheme")), "xn--" in host or not ascii_only))
    for m in _SPACED_CHAIN.finditer(text):
        if (spaced := _spaced_link(text, m)) is not None and spaced.host + spaced.path not in seen:
            seen.add(spaced.host + spaced.path)
            links.append(spaced)
    for m in _IP_URL.finditer(text):
        if not m.group(0).lower().startswith("http") and not m.group("path"):
            continue  # a bare dotted number (a version, a price) is not a link
        links.append(Link(m.group(0), m.group("host"), m.group("path") or "", True, False, ip=True))
    return links


def _spaced_link(text: str, m: re.Match[str]) -> Link | None:
    """The link in a chain of labels written with spaced or spoken dots, up to its last common ending; None when no
    dot is spaced, no label has a hyphen or no label is an ending."""
    parts = _SPACED_SPLIT.split(m.group(0))
    labels, seps = parts[::2], parts[1::2]
    last = max((k for k in range(1, len(labels)) if labels[k].lower() in _SPACED_TLDS), default=0)
    if not last or all(sep == "." for sep in seps[:last]) or not any("-" in lb for lb in labels[:last]):
        return None
    raw = "".join(parts[: 2 * last + 1])
    path = ""
    if last == len(labels) - 1 and (p := _PATH.match(text, m.end())) is not None:
        path = p.group(0).rstrip(".,;:!?)»”")
        raw += p.group(0)
    return Link(raw, ".".join(labels[: last + 1]).lower(), path, False, False)


def find_phones(text: str) -> list[str]:
    """Vietnamese phone numbers, normalised to '0xxxxxxxxx' (9–10 digits after the 0)."""
    out: list[str] = []
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if digits.startswith("84"):
            digits = "0" + digits[2:]
        if 10 <= len(digits) <= 11 and digits not in out:
            out.append(digits)
    return out


# A mobile number spelled out in words, as scammers write it to slip past number filters ("kết bạn zalo số không tám
# tám hai bốn …"; folded words): ten or eleven digit words from "không", the second one of a mobile prefix.
_DIGIT_WORDS = {
    "khong": "0", "mot": "1", "hai": "2", "ba": "3", "bon": "4", "tu": "4",
    "nam": "5", "lam": "5", "sau": "6", "bay": "7", "tam": "8", "chin": "9",
}  # fmt: skip
_DIGIT = "(?:" + "|".join(_DIGIT_WORDS) + ")"
_SPELLED_PHONE = re.compile(rf"\bkhong (?:ba|nam|lam|bay|tam|chin)(?: {_DIGIT}){{8,9}}\b(?! {_DIGIT}\b)")


def find_spelled_phones(folded: str) -> list[str]:
    """Mobile numbers written in words in folded text, as '0xxxxxxxxx'."""
    out: list[str] = []
    for m in _SPELLED_PHONE.finditer(folded):
        digits = "".join(_DIGIT_WORDS[w] for w in m.group(0).split())
        if digits not in out:
            out.append(digits)
    return out


def normalise_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits
