"""Periods: due dates and partly-known dates.

Sources rarely give a day: "trong tháng 6" is due at the end of June, "Quý I năm 2020" at the
end of March 2020, "trong năm 2019" at the end of 2019. A period keeps that precision (stored
as 2019, 2020-Q1, 2019-09 or 2019-10-01), and its `end` is what a deadline is checked against.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property, total_ordering

from generator.core.text import fold

__all__ = ["Period", "parse_period", "period_from_phrase",
           "MIN_YEAR", "MAX_YEAR"]

MIN_YEAR, MAX_YEAR = 1900, 2100
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@total_ordering
@dataclass(frozen=True)
class Period:
    """A year, a quarter, a month or a day; ordered by (end, start), i.e. by when it is due."""

    year: int
    quarter: int | None = None
    month: int | None = None
    day: int | None = None
    # "2019-09..2019-09-18": within September 2019, on or before the 18th; "2018..2020-02-12":
    # from 2018 to 12 February 2020. The interval runs from this one's start to the bound's end.
    upto: "Period | None" = None

    def __post_init__(self) -> None:
        if self.upto is not None:
            if not isinstance(self.upto, Period) or self.upto.upto is not None:
                raise ValueError("a bound is a single period, e.g. 2019-09..2019-09-18")
            if self.upto.end < self._base().start:
                raise ValueError(f"the bound {self.upto} ends before {self._base()} begins")
        for name in ("year", "quarter", "month", "day"):
            value = getattr(self, name)
            if isinstance(value, bool) or not (value is None or isinstance(value, int)):
                raise ValueError(f"{name} must be a whole number, not {value!r}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year {self.year} is outside {MIN_YEAR}–{MAX_YEAR}")
        if self.quarter is not None:
            if self.month is not None or self.day is not None:
                raise ValueError("a period is a quarter or a month/day, not both")
            if not 1 <= self.quarter <= 4:
                raise ValueError(f"quarter {self.quarter} does not exist: use Q1 to Q4")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist: use 01 to 12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]  # type: ignore[arg-type]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} does not exist: "
                                 f"{self.year}-{self.month:02d} has {last} days")

    def _base(self) -> "Period":
        return Period(self.year, self.quarter, self.month, self.day)

    @property
    def precision(self) -> str:
        """How much the sources said: "day", "month", "quarter", "year", or "range" (bounded)."""
        if self.upto is not None:
            return "range"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        if self.quarter is not None:
            return "quarter"
        return "year"

    @cached_property  # read millions of times by a large register's pages: computed once
    def start(self) -> date:
        """The first day of the period."""
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        if self.month is not None:
            return date(self.year, self.month, 1)
        if self.quarter is not None:
            return date(self.year, 3 * self.quarter - 2, 1)
        return date(self.year, 1, 1)

    @cached_property
    def end(self) -> date:
        """The last day of the period, the day a deadline falls due."""
        if self.upto is not None:
            return self.upto.end
        if self.day is not None:
            return self.start
        last_month = self.month or (3 * self.quarter if self.quarter else 12)
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def __str__(self) -> str:
        if self.upto is not None:
            return f"{self._base()}..{self.upto}"
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year:04d}-Q{self.quarter}"
        return f"{self.year:04d}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.end, self.start) < (other.end, other.start)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


_PERIOD_RE = re.compile(
    r"(?P<year>\d{4})(?:-(?:[Qq](?P<quarter>\d+)|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?")
_FORMS = "YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD, or a bounded one such as 2019-09..2019-09-18"


def parse_period(value: str | int | date) -> Period:
    """A period from a record field: "2019", "2020-Q1", "2019-09", "2019-10-01", a year as an
    int, or a date. Raises ValueError saying what is wrong, for the editor to fix."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date: expected {_FORMS}")
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return Period(value.year, None, value.month, value.day)
    if isinstance(value, int):
        return Period(value)
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date: expected {_FORMS}")
    if ".." in value:
        base, _, bound = value.strip().partition("..")
        if not base.strip() or not bound.strip() or ".." in bound:
            raise ValueError(f"{value!r}: a bounded date is written <period>..<latest period>, "
                             "e.g. 2019-09..2019-09-18 (in September 2019, on or before the 18th)")
        first, last = parse_period(base), parse_period(bound)
        if last.end < first.start:
            raise ValueError(f"{value!r}: the bound {last} ends before {first} begins")
        if last.end == first.end:
            raise ValueError(f"{value!r}: the bound {last} ends with {first}; write {first}")
        return Period(first.year, first.quarter, first.month, first.day, upto=last)
    m = _PERIOD_RE.fullmatch(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not a date: expected {_FORMS}, "
                         "e.g. 2019, 2020-Q1, 2019-09 or 2019-10-01")

    def num(name: str) -> int | None:
        return int(m[name]) if m[name] is not None else None

    return Period(int(m["year"]), num("quarter"), num("month"), num("day"))


# --- Vietnamese deadline phrases, matched on folded text ----------------------------------

_YEAR_SUFFIX = r"(?:(?:,? nam (?P<y>\d{4})| ?[/.-] ?(?P<y2>\d{4}))(?!\d))"
_PHRASES: list[tuple[str, re.Pattern[str]]] = [
    # ngày 01 tháng 10 năm 2019 / ngày 01 tháng 10
    ("day", re.compile(rf"\bngay (?P<d>\d{{1,2}}) thang (?P<m>\d{{1,2}})(?!\d){_YEAR_SUFFIX}?")),
    # 28/8/2018, ngày 28-8-2018
    ("day", re.compile(r"(?<![\d/.-])(?P<d>\d{1,2}) ?([/.-]) ?(?P<m>\d{1,2}) ?\2 ?(?P<y>\d{4})(?!\d)")),
    # ngày 01/10 (the year from context)
    ("day", re.compile(r"\bngay (?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])")),
    # 6 tháng đầu năm 2020: the first six months
    ("month", re.compile(rf"(?<!\d)(?P<m>\d{{1,2}}) thang dau nam(?: (?P<y>\d{{4}})(?!\d))?")),
    # tháng 9 năm 2019, tháng 9/2019, tháng 6
    ("month", re.compile(rf"\bthang (?P<m>\d{{1,2}})(?!\d){_YEAR_SUFFIX}?")),
    # Quý I năm 2020, quý 3/2020
    ("quarter", re.compile(rf"\bquy (?P<q>iv|iii|ii|i|[1-4])\b{_YEAR_SUFFIX}?")),
    # trong năm 2020, đến hết năm 2020
    ("year", re.compile(r"\bnam (?P<y>\d{4})(?![\d/]| ?[-–] ?\d)")),
]


def period_from_phrase(phrase: str, context_year: int | None = None) -> Period | None:
    """The period a Vietnamese deadline phrase names ("hoàn thành trước ngày 01 tháng 10 năm
    2019" → 2019-09-30, before that day; "trong Quý I năm 2020" → 2020-Q1, "trong tháng 6" → context year's
    June), or None when there is none or its year is not known.

    When a phrase names several, the first one written wins; an impossible one
    ("ngày 30 tháng 2 năm 2019") gives None rather than a guess.
    """
    text = fold(phrase)
    found: list[tuple[int, int, Period | None]] = []
    for rank, (kind, pattern) in enumerate(_PHRASES):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            written = groups.get("y") or groups.get("y2")
            year = int(written) if written else context_year
            if year is None:
                continue
            try:
                if kind == "day":
                    period = Period(year, None, int(groups["m"]), int(groups["d"]))
                    if text[max(0, m.start() - 11):m.start()].endswith(("truoc ", "truoc ngay ")):
                        # "trước ngày 01 tháng 10": by the day before (fidelity audit D14)
                        day = period.start - timedelta(days=1)
                        period = Period(day.year, None, day.month, day.day)
                elif kind == "month":
                    period = Period(year, None, int(groups["m"]))
                elif kind == "quarter":
                    q = groups["q"]
                    period = Period(year, _ROMAN.get(q) or int(q))
                else:
                    period = Period(year)
            except ValueError:
                period = None
            found.append((m.start(), rank, period))
            break
    if not found:
        return None
    return min(found, key=lambda item: (item[0], item[1]))[2]
