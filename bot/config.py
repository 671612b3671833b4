"""Typed, validated configuration, read once at start.

A bad config must name the key and the reason (``communes[0].hamlets[2].lat: must be a
number``) and stop the program with exit status 2 before anything starts. Secrets never
live here: tokens and keys come only from environment variables (see ``secrets``).
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.logsafe import register_secret
from bot.model import Platform, Role

DEFAULT_CONFIG = "config.yaml"
CONFIG_ENV = "LOASO_CONFIG"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
CODE_RE = r"^[A-Za-z0-9_-]{1,32}$"


_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _weekday_number(tok: str) -> int:
    t = tok.strip().lower()
    if t[:3] in _WEEKDAYS and t.isalpha():
        return _WEEKDAYS.index(t[:3])
    if not t.isdigit() or int(t) > 7:
        raise ValueError(f"bad day of week {tok!r} (0-7 or sun-sat)")
    return int(t) % 7


def crontab_weekdays(field: str) -> str:
    """Crontab's day-of-week field (0 or 7 = Sunday) as weekday names for APScheduler.

    APScheduler 3 counts 0 as Monday, so numbers (and ``*/n`` steps) are spelled out as
    names: ``1-5`` → ``mon,tue,wed,thu,fri``, ``0,6`` → ``sun,sat``.
    """
    if field.strip() == "*":
        return "*"
    days: list[int] = []
    for part in field.split(","):
        base, _, step_s = part.partition("/")
        step = 1
        if step_s:
            if not step_s.isdigit() or int(step_s) < 1:
                raise ValueError(f"bad step in day of week {part!r}")
            step = int(step_s)
        if base == "*":
            lo, hi = 0, 6
        elif "-" in base:
            a, b = base.split("-", 1)
            lo, hi = _weekday_number(a), _weekday_number(b)
            if b.strip() == "7":
                hi = 7
            if lo > hi:
                raise ValueError(f"bad range in day of week {part!r}")
        else:
            lo = _weekday_number(base)
            hi = 7 if step_s else lo
        for d in range(lo, hi + 1, step):
            if d % 7 not in days:
                days.append(d % 7)
    return ",".join(_WEEKDAYS[d] for d in days)


def cron_trigger(expr: str, tz: ZoneInfo) -> Any:
    """An APScheduler ``CronTrigger`` for five crontab fields, with crontab's weekdays."""
    from apscheduler.triggers.cron import CronTrigger

    fields = expr.split()
    if len(fields) != 5:
        raise ValueError("must have five crontab fields, e.g. '30 5 * * *'")
    minute, hour, day, month, dow = fields
    return CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=crontab_weekdays(dow), timezone=tz)


class ConfigError(Exception):
    """Raised with one line per problem, each starting with the key's path."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(_Model):
    name: str
    phone: str | None = None


class Station(_Model):
    """A salinity measuring station; readings are in g/l (= ‰)."""

    code: str = Field(pattern=CODE_RE)
    name: str
    river: str | None = None


class Hamlet(_Model):
    code: str = Field(pattern=CODE_RE)
    name: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    households: int = Field(ge=0)
    station: str | None = None
    team: list[Contact] = []


class Commune(_Model):
    code: str = Field(pattern=CODE_RE)
    name: str
    province: str
    office: str | None = None
    police: str | None = None  # the commune police post and its phone, for the police.contact answer
    pages: list[str] = []  # the commune's own web and Facebook pages: never flagged as scams
    hamlets: list[Hamlet] = Field(min_length=1)


class RoleGrant(_Model):
    """A person's role, fixed in config (the database may add more)."""

    platform: Platform
    user_id: int | str
    role: Role
    name: str | None = None
    commune: str | None = None


class Webhook(_Model):
    url: str
    path: str = "/webhooks/telegram"

    @field_validator("url")
    @classmethod
    def _https(cls, v: str) -> str:
        if not v.startswith(("https://", "http://")):
            raise ValueError("must start with https://")
        return v


class Telegram(_Model):
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str | None = None
    username: str | None = None
    webhook: Webhook | None = None
    poll_timeout: int = Field(default=30, ge=0, le=50)


class Web(_Model):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    # Addresses (or networks) of reverse proxies whose X-Forwarded-For / -Proto are believed.
    # Empty (the default): the client is the socket's peer, whatever headers say.
    trusted_proxies: list[str] = []

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, v: list[str]) -> list[str]:
        for item in v:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or network (e.g. 127.0.0.1 or 10.0.0.0/8)") from None
        return v


class Database(_Model):
    url: str = "sqlite+aiosqlite:///loaso.db"
    echo: bool = False

    @field_validator("url")
    @classmethod
    def _async_driver(cls, v: str) -> str:
        if not re.match(r"^(sqlite\+aiosqlite|postgresql\+asyncpg)://", v):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return v


class Faq(_Model):
    path: str = "faq/knowledge.yaml"
    min_score: float = Field(default=0.0, ge=0)


class Schedule(_Model):
    """A recurring bulletin. ``cron`` is five crontab fields in the config timezone."""

    id: str = Field(pattern=CODE_RE)
    kind: Literal["weather", "salinity", "policy_digest"]
    cron: str
    target: str = "all"
    months: list[int] = []
    grace_minutes: int = Field(default=60, ge=0)

    @field_validator("cron")
    @classmethod
    def _cron(cls, v: str) -> str:
        if len(v.split()) != 5:
            raise ValueError("must have five crontab fields, e.g. '30 5 * * *'")
        return v

    @field_validator("months")
    @classmethod
    def _months(cls, v: list[int]) -> list[int]:
        if any(m < 1 or m > 12 for m in v):
            raise ValueError("months must be between 1 and 12")
        return v

    @field_validator("target")
    @classmethod
    def _target(cls, v: str) -> str:
        if v != "all" and not re.match(r"^(commune|hamlet):[A-Za-z0-9_-]+$", v):
            raise ValueError("must be all, commune:CODE or hamlet:CODE")
        return v


class WeatherSource(_Model):
    base_url: str = "https://api.open-meteo.com/v1/forecast"
    timeout: float = Field(default=10.0, gt=0)
    retries: int = Field(default=3, ge=0)


class SalinitySource(_Model):
    url: str | None = None
    format: Literal["csv", "json"] = "csv"


class PolicySource(_Model):
    feed_url: str | None = None


class Sources(_Model):
    weather: WeatherSource = WeatherSource()
    salinity: SalinitySource = SalinitySource()
    policy: PolicySource = PolicySource()


class ZaloOA(_Model):
    app_id: str
    oa_id: str
    base_url: str = "https://openapi.zalo.me"
    oauth_url: str = "https://oauth.zaloapp.com/v4/oa/access_token"
    followers_hamlet: str | None = None  # send this hamlet's bulletins to the OA's followers too


class ZaloBot(_Model):
    base_url: str = "https://bot-api.zaloplatforms.com"
    mode: Literal["webhook", "polling"] = "webhook"
    webhook_url: str | None = None  # public https URL of /webhooks/zalo-bot; set with setWebhook at start


class Privacy(_Model):
    hide_names: bool = False
    # Days residents' questions, activity counts and join/leave history are kept (Decree 13/2023).
    keep_days: int = Field(default=730, ge=31, le=3650)


class Shell(_Model):
    """Who the local chat shell pretends to be, and where."""

    hamlet: str | None = None
    user_id: int = 1001
    user_name: str = "Cô Tư"


class Config(_Model):
    timezone: str = "Asia/Ho_Chi_Minh"
    database: Database = Database()
    telegram: Telegram = Telegram()
    web: Web = Web()
    stations: list[Station] = []
    communes: list[Commune] = Field(min_length=1)
    roles: list[RoleGrant] = []
    faq: Faq = Faq()
    schedules: list[Schedule] = []
    sources: Sources = Sources()
    zalo_oa: ZaloOA | None = None
    zalo_bot: ZaloBot | None = None
    privacy: Privacy = Privacy()
    shell: Shell = Shell()

    # Where the file was read from: relative paths in it are relative to its folder.
    base_dir: Path = Field(default=PROJECT_ROOT, exclude=True)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("unknown time zone") from None
        return v

    @model_validator(mode="after")
    def _references(self) -> Config:
        problems: list[tuple[str, str]] = []
        station_codes = {s.code for s in self.stations}
        seen: set[str] = set()
        for ci, commune in enumerate(self.communes):
            for hi, hamlet in enumerate(commune.hamlets):
                where = f"communes[{ci}].hamlets[{hi}]"
                if hamlet.code in seen:
                    problems.append((f"{where}.code", f"duplicate hamlet code {hamlet.code!r}"))
                seen.add(hamlet.code)
                if hamlet.station is not None and hamlet.station not in station_codes:
                    problems.append((f"{where}.station", f"unknown station {hamlet.station!r}"))
        communes = {c.code for c in self.communes}
        for ri, grant in enumerate(self.roles):
            if grant.commune is not None and grant.commune not in communes:
                problems.append((f"roles[{ri}].commune", f"unknown commune {grant.commune!r}"))
        if self.zalo_oa is not None and self.zalo_oa.followers_hamlet not in (None, *seen):
            problems.append(("zalo_oa.followers_hamlet", f"unknown hamlet {self.zalo_oa.followers_hamlet!r}"))
        if self.shell.hamlet is not None and self.shell.hamlet not in seen:
            problems.append(("shell.hamlet", f"unknown hamlet {self.shell.hamlet!r}"))
        for si, sched in enumerate(self.schedules):
            try:
                cron_trigger(sched.cron, self.tz)
            except ValueError as e:
                problems.append((f"schedules[{si}].cron", f"bad cron {sched.cron!r}: {e}"))
        if problems:
            raise ConfigError([f"{k}: {m}" for k, m in problems])
        return self

    # Look-ups used everywhere; small lists, so linear scans are fine.
    def hamlet(self, code: str) -> Hamlet | None:
        return next((h for c in self.communes for h in c.hamlets if h.code == code), None)

    def commune_of(self, hamlet_code: str) -> Commune | None:
        return next((c for c in self.communes if any(h.code == hamlet_code for h in c.hamlets)), None)

    def commune(self, code: str) -> Commune | None:
        return next((c for c in self.communes if c.code == code), None)

    def station(self, code: str) -> Station | None:
        return next((s for s in self.stations if s.code == code), None)

    def all_hamlets(self) -> list[Hamlet]:
        return [h for c in self.communes for h in c.hamlets]

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def resolve(self, path: str) -> Path:
        p = Path(path)
        return p if p.is_absolute() else self.base_dir / p


_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "unknown key",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "string_type": "must be text",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a mapping of keys",
    "dict_type": "must be a mapping of keys",
    "too_short": "must not be empty",
    "string_pattern_mismatch": "must be letters, digits, '-' or '_' (at most 32)",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).startswith(("function-", "literal[", "int", "str", "float")) or out == "":
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        ctx = err.get("ctx", {})
        bound = next(iter(ctx.values()), "")
        word = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}[kind]
        return f"must be {word} {bound}"
    if kind == "literal_error":
        return "must be one of " + str(err.get("ctx", {}).get("expected", ""))
    if kind == "enum":
        return "must be one of " + str(err.get("ctx", {}).get("expected", ""))
    msg = str(err.get("msg", kind))
    return msg.removeprefix("Value error, ")


def _collapse(errors: list[dict[str, Any]]) -> list[str]:
    """Union types (int | str) report one error per branch; keep one line per key."""
    lines: dict[str, str] = {}
    for err in errors:
        if isinstance(err.get("ctx", {}).get("error"), ConfigError):
            for line in err["ctx"]["error"].problems:
                lines.setdefault(line, line)
            continue
        key = _path(tuple(err["loc"]))
        lines.setdefault(key, f"{key}: {_message(err)}")
    return list(lines.values())


def parse_config(data: Any, base_dir: Path = PROJECT_ROOT) -> Config:
    if not isinstance(data, dict):
        raise ConfigError(["(top level): must be a mapping of keys"])
    try:
        return Config.model_validate({**data, "base_dir": base_dir})
    except ValidationError as exc:
        raise ConfigError(_collapse([dict(e) for e in exc.errors()])) from None


def config_path(explicit: str | None = None) -> Path:
    """``--config`` beats ``LOASO_CONFIG`` beats ./config.yaml beats the project's sample."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    here = Path.cwd() / DEFAULT_CONFIG
    return here if here.exists() else PROJECT_ROOT / DEFAULT_CONFIG


def load_config(path: str | Path | None = None) -> Config:
    p = config_path(str(path) if path else None)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{p}: config file not found"]) from None
    except OSError as exc:
        raise ConfigError([f"{p}: cannot read ({exc.strerror})"]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ConfigError([f"{p}:{where} not valid YAML ({getattr(exc, 'problem', exc)})"]) from None
    return parse_config(data, base_dir=p.resolve().parent)


def secret(name: str) -> str | None:
    """Secrets come only from the environment; empty means unset. Every one read here is
    kept out of the logs from then on (``bot.logsafe``)."""
    value = os.environ.get(name, "").strip()
    register_secret(value)
    return value or None
