"""Which hamlets and which days a figure covers, and the UTC bounds that means.

Dates are local calendar days in the config's time zone (Asia/Ho_Chi_Minh); the
database holds naive UTC, so a day runs from local midnight to local midnight in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.config import Config
from bot.texts import default_texts


def _say(key: str, **kw: object) -> str:
    return default_texts().say(key, **kw)


DEFAULT_DAYS = 30
MAX_DAYS = 731  # two years: longer ranges are a report, not a page
FIRST_DAY = date(2000, 1, 1)  # no figures before the project; keeps every bound inside datetime's range
LAST_DAY = date(2199, 12, 31)


class ScopeError(ValueError):
    """A filter that cannot be answered: unknown commune or hamlet, or a bad date range."""


@dataclass(frozen=True)
class Scope:
    commune: str | None  # None: every commune
    hamlets: tuple[str, ...]
    start: date  # first local day, inclusive
    end: date  # last local day, inclusive
    tz: ZoneInfo
    now: datetime  # naive UTC; "active in the last 7 days" counts back from min(now, end of range)
    hamlet: str | None = None  # set when the scope is one hamlet's page

    @property
    def start_utc(self) -> datetime:
        return local_midnight_utc(self.start, self.tz)

    @property
    def end_utc(self) -> datetime:
        """Exclusive: local midnight after the last day."""
        return local_midnight_utc(self.end + timedelta(days=1), self.tz)

    @property
    def reference(self) -> datetime:
        return min(self.now, self.end_utc)

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    def local(self, at: datetime) -> datetime:
        """A naive UTC time as local wall-clock time (naive)."""
        return at.replace(tzinfo=UTC).astimezone(self.tz).replace(tzinfo=None)


def local_midnight_utc(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC).replace(tzinfo=None)


def today_local(now: datetime, tz: ZoneInfo) -> date:
    return now.replace(tzinfo=UTC).astimezone(tz).date()


def parse_day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    value = value.strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if FIRST_DAY <= day <= LAST_DAY:  # 0001-01-01 or 9999-12-31 would overflow the date arithmetic
            return day
        break
    raise ScopeError(_say("err_bad_date", value=value[:40]))


def make_scope(
    config: Config,
    now: datetime,
    *,
    commune: str | None = None,
    hamlet: str | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
) -> Scope:
    """Validate a filter. Default range: the last 30 local days up to today."""
    tz = config.tz
    end_day = parse_day(end) or today_local(now, tz)
    start_day = parse_day(start) or end_day - timedelta(days=DEFAULT_DAYS - 1)
    if start_day > end_day:
        raise ScopeError(_say("err_date_order"))
    if (end_day - start_day).days >= MAX_DAYS:
        raise ScopeError(_say("err_range_too_long", days=MAX_DAYS))
    if hamlet:
        h = config.hamlet(hamlet)
        owner = config.commune_of(hamlet)
        if h is None or owner is None or (commune and owner.code != commune):
            raise ScopeError(_say("err_unknown_hamlet", code=hamlet))
        return Scope(owner.code, (h.code,), start_day, end_day, tz, now, hamlet=h.code)
    if commune:
        c = config.commune(commune)
        if c is None:
            raise ScopeError(_say("err_unknown_commune", code=commune))
        return Scope(c.code, tuple(h.code for h in c.hamlets), start_day, end_day, tz, now)
    return Scope(None, tuple(h.code for h in config.all_hamlets()), start_day, end_day, tz, now)
