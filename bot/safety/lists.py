"""The data the judge reads: official domains, look-alike targets, wording, known-bad entries.

Everything here is data, not code (``safety/official.yaml``, ``safety/wording.yaml``,
``safety/known_bad.csv``), so leaders and officials can update it without a release:
``loaso safety import`` adds known-bad domains, phone numbers and phrases, each with
where it came from, to the database, and ``SafetyData.with_entries`` layers them over
the shipped files. Loading is done once per process (``shipped_data``).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from bot.safety.fold import fold
from bot.safety.gate import Gate
from bot.safety.urls import host_skeleton, normalise_phone, registrable

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "safety"
KINDS = ("domain", "phone", "phrase")
MAX_ENTRY = 200
CERTAIN = 5  # the weight of wording only scams use (a category's `certain` patterns)


class ListError(ValueError):
    """A data file or an import with problems, one line per problem."""


@dataclass(frozen=True, slots=True)
class Site:
    domain: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Brand:
    token: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One known-bad item and where it came from (a URL, a file, a person)."""

    kind: str  # domain | phone | phrase
    value: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Rule:
    """One wording category: its patterns (one alternation) and weight, and optionally
    ``strong`` patterns (wording only scams use) worth ``strong_weight``."""

    name: str
    weight: int
    pattern: Gate
    strong: Gate | None = None
    strong_weight: int = 0
    certain: Gate | None = None  # wording that alone makes a scam (weight 5)

    def score(self, folded: str) -> int:
        if self.certain is not None and self.certain.search(folded):
            return CERTAIN
        if self.strong is not None and self.strong.search(folded):
            return self.strong_weight
        return self.weight if self.pattern.search(folded) else 0


@dataclass(frozen=True, slots=True)
class Combo:
    """Word classes that together score ``weight`` (all of ``all``, and one of ``any`` when given).

    ``calmed``: False for a scam that speaks a warning's words by design ("bị lừa mất tiền? chúng tôi lấy
    lại"): warnings' wording does not lower a message where it fires.
    ``sure``: wording only scams use ("má đọc giùm con 4 số cuối"): a scam even where the learned score reads the
    message as everyday talk (it is written to sound like everyday talk).
    ``none``: word classes that keep it from firing (a collection that also takes cash in hand is a neighbour's)."""

    name: str
    all: tuple[str, ...]
    any: tuple[str, ...]
    weight: int
    calmed: bool = True
    sure: bool = False
    none: tuple[str, ...] = ()


def _listed(host: str, names: frozenset[str]) -> bool:
    """``host`` is one of ``names`` or under one ("m.thanhnien.vn" under "thanhnien.vn")."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in names for i in range(len(labels) - 1))


@dataclass(frozen=True)
class SafetyData:
    official_suffixes: tuple[str, ...]
    official: dict[str, Site]
    brands: tuple[Brand, ...]
    known_good: frozenset[str]
    themes: tuple[Rule, ...]
    asks: tuple[Rule, ...]
    calming: Rule
    calming_each: tuple[Gate, ...]
    scam_at: int
    suspicious_at: int
    cues: dict[str, Gate] = field(default_factory=dict)
    combos: tuple[Combo, ...] = ()
    # Talk about a scam in a group post (wording.yaml ``about``): weight per pattern, the patterns.
    about_weight: int = 0
    about_each: tuple[Gate, ...] = ()
    bad_domains: dict[str, Entry] = field(default_factory=dict)
    news: frozenset[str] = frozenset()
    bad_phones: dict[str, Entry] = field(default_factory=dict)
    bad_phrases: tuple[tuple[str, Entry], ...] = ()
    # A bank named where it is paid (wording.yaml ``payee_banks``), on folded text; None: no such names.
    payee_bank: re.Pattern[str] | None = None

    def with_entries(self, entries: Iterable[Entry]) -> SafetyData:
        """A copy with more known-bad entries (later entries win on the same value)."""
        domains, phones, phrases = dict(self.bad_domains), dict(self.bad_phones), list(self.bad_phrases)
        for e in entries:
            if e.kind == "domain":
                domains[e.value] = e
            elif e.kind == "phone":
                phones[e.value] = e
            elif e.kind == "phrase":
                phrases.append((fold(e.value), e))
        return replace(self, bad_domains=domains, bad_phones=phones, bad_phrases=tuple(phrases))

    def with_pages(self, urls: Iterable[str], name: str, kind: str = "commune") -> SafetyData:
        """The commune's own pages (config ``communes[].pages``) become official too."""
        official = dict(self.official)
        for url in urls:
            host = _host_of(url)
            if host:
                official[host] = Site(host, name, kind)
        return replace(self, official=official)

    @functools.cached_property
    def official_names(self) -> tuple[tuple[str, Site], ...]:
        """(folded main name, site) of every official domain, for the edit-distance check."""
        out = []
        for domain, site in self.official.items():
            main = host_skeleton(registrable(domain).split(".", 1)[0])
            if len(main) >= 5:
                out.append((main, site))
        return tuple(out)

    def official_site(self, host: str) -> Site | None:
        """The official site ``host`` belongs to (itself or a parent domain), if any."""
        labels = host.split(".")
        for i in range(len(labels) - 1):
            site = self.official.get(".".join(labels[i:]))
            if site is not None:
                return site
        for suffix in self.official_suffixes:
            if host == suffix or host.endswith("." + suffix):
                return Site(suffix, suffix, "state")
        return None

    def is_known_good(self, host: str) -> bool:
        return _listed(host, self.known_good) or self.is_news(host)

    def is_news(self, host: str) -> bool:
        return _listed(host, self.news)

    def bad_domain(self, host: str) -> Entry | None:
        labels = host.split(".")
        for i in range(len(labels) - 1):
            e = self.bad_domains.get(".".join(labels[i:]))
            if e is not None:
                return e
        return None


def _host_of(url: str) -> str:
    text = url.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text).split("/", 1)[0].split(":", 1)[0]
    return text[4:] if text.startswith("www.") else text


def _compile(patterns: Any, where: str) -> Gate:
    if not isinstance(patterns, list) or not patterns:
        raise ListError(f"{where}: needs a list of patterns")
    try:
        return Gate(str(p) for p in patterns)
    except re.error as exc:
        raise ListError(f"{where}: bad pattern: {exc}") from None


def _rule(name: str, spec: dict[str, Any], where: str) -> Rule:
    strong = _compile(spec["strong"], f"{where}.{name}.strong") if spec.get("strong") else None
    certain = _compile(spec["certain"], f"{where}.{name}.certain") if spec.get("certain") else None
    return Rule(
        name,
        int(spec.get("weight", 1)),
        _compile(spec.get("patterns"), f"{where}.{name}"),
        strong,
        int(spec.get("strong_weight", 4)),
        certain,
    )


def _with_web_address(wording: Any) -> Any:
    """The wording with ``<web_address>`` in its patterns spelled out (``web_address`` in wording.yaml): one
    definition for the rules that look for money, benefits or logins "tại" a site."""
    address = str(wording.get("web_address") or "") if isinstance(wording, dict) else ""

    def spell(node: Any) -> Any:
        if isinstance(node, str):
            if "<web_address>" in node and not address:
                raise ListError("wording.yaml: a pattern says <web_address> but web_address is not set")
            return node.replace("<web_address>", address)
        if isinstance(node, list):
            return [spell(n) for n in node]
        if isinstance(node, dict):
            return {k: spell(v) for k, v in node.items()}
        return node

    return spell(wording)


def load_data(directory: Path = DATA_DIR) -> SafetyData:
    """Read the shipped files; a broken file raises ``ListError`` naming it."""
    try:
        official = yaml.safe_load((directory / "official.yaml").read_text(encoding="utf-8"))
        wording = yaml.safe_load((directory / "wording.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ListError(f"safety data: {exc}") from None
    wording = _with_web_address(wording)
    sites = {s["domain"].lower(): Site(s["domain"].lower(), s["name"], s["kind"]) for s in official["official"]}
    brands = tuple(Brand(b["token"], b["name"], b["kind"]) for b in official["brands"])
    data = SafetyData(
        official_suffixes=tuple(official.get("official_suffixes") or ()),
        official=sites,
        brands=brands,
        known_good=frozenset(d.lower() for d in official.get("known_good") or ()),
        news=frozenset(d.lower() for d in official.get("news") or ()),
        themes=tuple(_rule(k, v, "themes") for k, v in wording["themes"].items()),
        asks=tuple(_rule(k, v, "asks") for k, v in wording["asks"].items()),
        calming=_rule("calming", wording["calming"], "calming"),
        calming_each=tuple(_compile([p], "calming") for p in wording["calming"]["patterns"]),
        cues={k: _compile(v["patterns"], f"cues.{k}") for k, v in (wording.get("cues") or {}).items()},
        combos=tuple(
            Combo(
                k,
                tuple(v["all"]),
                tuple(v.get("any") or ()),
                int(v["weight"]),
                bool(v.get("calmed", True)),
                bool(v.get("sure", False)),
                tuple(v.get("none") or ()),
            )
            for k, v in (wording.get("combos") or {}).items()
        ),
        about_weight=int((wording.get("about") or {}).get("weight", 0)),
        about_each=tuple(_compile([p], "about") for p in (wording.get("about") or {}).get("patterns") or ()),
        scam_at=int(wording["thresholds"]["scam"]),
        suspicious_at=int(wording["thresholds"]["suspicious"]),
        payee_bank=_payee_bank(wording.get("payee_banks") or ()),
    )
    path = directory / "known_bad.csv"
    entries = parse_entries(path.read_text(encoding="utf-8"), default_source=str(path.name))
    return data.with_entries(entries)


def _payee_bank(names: Iterable[str]) -> re.Pattern[str] | None:
    """A bank's name followed within two words by an account number, just after digits, or where a payment is
    made to it ("chuyển khoản Agribank ghi tên người mua", "STK Agribank ghi trong ảnh bìa")."""
    if not names:
        return None
    banks = "(?:ngan hang )?(?:" + "|".join(re.escape(fold(str(n))) for n in names) + ")"
    paid = "|".join(f"(?<={w} )" for w in ("chuyen khoan", "chuyen khoan qua", "chuyen khoan vao", "so tai khoan"))
    return re.compile(rf"\b{banks}\b(?= (?:\w+ ){{0,2}}\d[\d ]{{5,}})|(?<=\d ){banks}\b|(?:{paid}){banks}\b")


@functools.lru_cache(maxsize=1)
def shipped_data() -> SafetyData:
    return load_data()


def normalise_value(kind: str, value: str) -> str:
    value = value.strip()
    if kind == "domain":
        return _host_of(value)
    if kind == "phone":
        return normalise_phone(value)
    return value


def parse_entries(text: str, *, default_source: str) -> list[Entry]:
    """CSV with columns ``kind,value[,source][,note]`` (a header row is optional).

    A row without a source gets ``default_source`` (the file or URL it was imported
    from). Bad rows are reported by line number and nothing is returned.
    """
    problems: list[str] = []
    entries: list[Entry] = []
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    for n, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if n == 1 and cells[0].lower() == "kind":
            continue
        kind = cells[0].lower()
        value = cells[1] if len(cells) > 1 else ""
        if kind not in KINDS:
            problems.append(f"line {n}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
            continue
        norm = normalise_value(kind, value)
        if not norm or len(norm) > MAX_ENTRY:
            problems.append(f"line {n}: empty or too long value")
            continue
        if kind == "phone" and not 9 <= len(norm) <= 12:
            problems.append(f"line {n}: {value!r} is not a phone number")
            continue
        if kind == "domain" and ("." not in norm or " " in norm):
            problems.append(f"line {n}: {value!r} is not a domain")
            continue
        if kind == "phrase" and len(fold(norm).split()) < 3:
            problems.append(f"line {n}: a phrase needs at least three words")
            continue
        source = (cells[2] if len(cells) > 2 else "") or default_source
        note = cells[3] if len(cells) > 3 else ""
        entries.append(Entry(kind, norm, source[:300], note[:300]))
    if problems:
        raise ListError("\n".join(problems))
    return entries


__all__ = ["Brand", "Entry", "ListError", "SafetyData", "Site", "load_data", "parse_entries", "registrable"]
