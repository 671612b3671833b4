"""Is a link's domain official, known bad, or dressed up as an official one?

Rules, all on the written domain (never by opening it):
- official (itself or under an official domain, or ``*.gov.vn``) → never flagged;
- on the known-bad list → scam;
- "gov" as a part of a domain that is not ``.gov.vn`` ("dichvucong.gov-vn.top") → scam;
- contains a name only official domains carry (after folding look-alike letters:
  "vietc0mbank-online.com", "vneid-capnhat.xyz") → scam;
- one or two edits away from an official domain name ("vietconbank.com.vn") → scam;
- the same name under another ending ("tinnhiemmang.com") → scam;
- punycode / letters of other scripts → suspicious (scam when it imitates a name);
- a URL shortener hides the target → suspicious (it is never expanded);
- a raw IP address, free hosting or an ending scammers favour → suspicious.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from bot.safety.lists import SafetyData
from bot.safety.urls import Link, host_skeleton, registrable

SHORTENERS = frozenset(
    """bit.ly bitly.com tinyurl.com t.ly cutt.ly shorturl.at rb.gy is.gd goo.gl s.id tiny.cc ow.ly v.gd
    rebrand.ly shorten.asia t.co buff.ly short.io bl.ink tiny.one urlz.fr u.to clck.ru qr.net
    bom.so gg.gg linkz.vn 1url.vn rutgon.me link1s.com""".split()
)
FREE_HOSTS = frozenset(
    """web.app firebaseapp.com github.io weebly.com blogspot.com wixsite.com netlify.app vercel.app
    pages.dev glitch.me 000webhostapp.com ngrok.io ngrok-free.app herokuapp.com square.site
    webflow.io carrd.co mystrikingly.com site123.me""".split()
)
ODD_TLDS = frozenset(
    """xyz top icu click online site vip tk ml ga cf gq buzz monster cyou sbs win bid loan work live
    fun shop store cc life support cfd rest bond""".split()
)
APP_FILES = frozenset({"apk", "xapk", "apks", "exe", "msi", "bat", "scr", "jar", "ipa"})
# A chat group's invite on a platform's own domain: made by any user.
_USER_GROUP = re.compile(r"/(g|groups?|join)/", re.IGNORECASE)
# Endings that make a short name "bank-like" when glued to it: "vcbonline", "acbdigital".
_GLUE = (
    "online", "bank", "ebank", "ibank", "digital", "smart", "login", "card", "pay", "vn", "vietnam",
    "cskh", "khcn", "support", "care", "help", "247", "24h", "plus", "app", "hcm", "hn", "sg",
    "spc", "npc", "cpc", "hanoi", "id", "vay", "tindung", "net",
)  # fmt: skip
# A province or a city glued to a short brand ("evnkhanhhoa-hoantien.top", "vcbcantho.com"): the real branches' sites
# sit under the brand's own domain (official.yaml), never under a name so built.
_PLACES = frozenset(
    """angiang bariavungtau vungtau baclieu bacgiang backan bacninh bentre binhduong binhdinh binhphuoc binhthuan camau
    caobang cantho danang daklak daknong dienbien dongnai dongthap gialai hagiang hanam hatinh haiduong haiphong
    haugiang hoabinh hungyen khanhhoa kiengiang kontum laichau lamdong langson laocai longan namdinh nghean ninhbinh
    ninhthuan phutho phuyen quangbinh quangnam quangngai quangninh quangtri soctrang sonla tayninh thaibinh
    thainguyen thanhhoa thuathienhue hue tiengiang travinh tuyenquang vinhlong vinhphuc yenbai saigon hochiminh
    tphcm""".split()
)
_SPLIT = re.compile(r"[.\-_]+")
_GOV = re.compile(r"(?:^|[.\-_])(?:gov|gov-?vn|govn|chinhphu)(?:[.\-_]|$)|govvn|gov\.vn\.")
# A Vietnamese address with another ending glued on ("quatet-bienphong.vn.cc", "evn.com.vn.top"): the name reads
# as .vn to a resident, but the site is under the last ending. No real site is named so.
_FAKE_VN = re.compile(r"\.(?:com\.|net\.|org\.|edu\.|info\.)?vn\.[a-z]{2,}$")
# ".vn"'s second levels written with a dash under another ending ("mamnon-phutho.edu-vn.com", "bhxh.com-vn.net"), as
# "gov-vn" is for the state: no school's, company's or newspaper's address reads so.
_DASHED_VN = re.compile(r"(?:^|[.\-_])(?:com|net|org|edu|info|ac|health|int)-vn(?:[.\-_])")


@dataclass(frozen=True, slots=True)
class LinkVerdict:
    """What one link is. ``code`` names a reason in templates (``safety_r_<code>``)."""

    # official good known_bad fake_gov fake_vn lookalike idn shortener ip free_host odd_tld app_file unknown
    code: str
    weight: int
    domain: str
    imitates: str | None = None  # the official name it imitates
    kind: str | None = None  # what it pretends to be
    source: str | None = None  # where a known-bad entry came from


STRONG = 5


# Brand names this long are imitated when one letter is missing, added or changed in a part of the address.
_FUZZY_BRAND = 8

# The Android ones of APP_FILES: as a word of a host name ("apk-tai.com") they name app downloads; "exe", "msi"
# or "jar" name real sites too (msi.com).
_APP_WORDS = frozenset({"apk", "xapk", "apks"})


def _short_brand_hit(token: str, parts: list[str]) -> bool:
    for part in parts:
        if part == token:
            return True
        if part.startswith(token) and (part[len(token) :] in _GLUE or part[len(token) :] in _PLACES):
            return True
        if part.endswith(token) and part[: -len(token)] in _GLUE:
            return True
    return False


def check_link(link: Link, data: SafetyData) -> LinkVerdict:
    host = link.host
    ext = link.file_ext
    if link.ip:
        if ext in APP_FILES:
            return LinkVerdict("app_file", STRONG, host, kind="app")
        return LinkVerdict("ip", 3, host)
    site = data.official_site(host)
    if site is not None and _USER_GROUP.match(link.path):
        # "zalo.me/g/…", "facebook.com/groups/…": a group anyone can open on the platform, not its own page
        return LinkVerdict("group_link", 0, host, imitates=site.name)
    if site is not None:
        return LinkVerdict("official", 0, host, imitates=site.name, kind=site.kind)
    if data.is_known_good(host):
        return LinkVerdict("good", 0, host, kind="news" if data.is_news(host) else None)
    bad = data.bad_domain(host)
    if bad is not None:
        return LinkVerdict("known_bad", STRONG, host, source=bad.source)
    if ext in APP_FILES:
        return LinkVerdict("app_file", STRONG, host, kind="app")
    reg = registrable(host)
    if reg in SHORTENERS or host in SHORTENERS:
        return LinkVerdict("shortener", 3, host)
    skeleton = host_skeleton(host)
    if _GOV.search(host) or _GOV.search(skeleton):
        return LinkVerdict("fake_gov", STRONG, host, imitates="gov.vn", kind="portal")
    if _FAKE_VN.search(host) or (_DASHED_VN.search(host) and not host.endswith(".vn")):
        return LinkVerdict("fake_vn", STRONG, host, imitates=".vn")
    tld = host.rsplit(".", 1)[-1]
    body = host[: -len(tld) - 1] if "." in host else host
    parts = [p for p in _SPLIT.split(body) if p]
    skel_parts = [p for p in _SPLIT.split(host_skeleton(body)) if p]
    joined = "".join(skel_parts)
    if any(p in _APP_WORDS for p in parts):  # "datdaiso.apk-tai.com": a site named for app files to install
        return LinkVerdict("app_file", STRONG, host, kind="app")
    for brand in data.brands:
        token = brand.token
        if len(token) >= 5:
            hit = token in joined or any(token in p for p in parts)
        else:
            hit = _short_brand_hit(token, parts) or _short_brand_hit(token, skel_parts)
        if hit:
            return LinkVerdict("lookalike", STRONG, host, imitates=brand.name, kind=brand.kind)
    for brand in data.brands:
        # A long name misspelt by one letter, as a part of its own ("canhbao-boconan.com", "agrbank-xacthuc.net")
        token = brand.token
        if len(token) >= _FUZZY_BRAND and any(
            abs(len(p) - len(token)) <= 1 and Levenshtein.distance(p, token, score_cutoff=1) <= 1
            for p in (*parts, *skel_parts)
        ):
            return LinkVerdict("lookalike", STRONG, host, imitates=brand.name, kind=brand.kind)
    main = host_skeleton(reg.split(".", 1)[0])
    for o_main, official in data.official_names:
        if main == o_main:
            return LinkVerdict("lookalike", STRONG, host, imitates=official.name, kind=official.kind)
        limit = 2 if len(o_main) >= 9 else 1
        if abs(len(main) - len(o_main)) <= limit and Levenshtein.distance(main, o_main, score_cutoff=limit) <= limit:
            return LinkVerdict("lookalike", STRONG, host, imitates=official.name, kind=official.kind)
    if link.punycode:
        return LinkVerdict("idn", 3, host)
    if reg in FREE_HOSTS or ".".join(host.split(".")[-2:]) in FREE_HOSTS:
        return LinkVerdict("free_host", 2, host)
    if tld in ODD_TLDS:
        return LinkVerdict("odd_tld", 3, host)
    return LinkVerdict("unknown", 1, host)
