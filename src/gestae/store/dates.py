"""ISO 8601 values of the output contract as day ranges, so events can be filtered by date."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def day_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day covered by a value (``2020-W04``, ``2019-10/2020-01-27`` ...)."""
    if not value:
        return None, None
    if "/" in value:
        left, _, right = value.partition("/")
        first, last = _bounds(left), _bounds(right)
        return (first[0] if first else None), (last[1] if last else None)
    found = _bounds(value)
    return found if found else (None, None)


def parse_day(value: str) -> dt.date:
    """A YYYY-MM-DD (or YYYY-MM, YYYY) option value; ValueError with the accepted forms."""
    first, _ = day_range(value.strip())
    if first is None:
        raise ValueError(f"'{value}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    return first


def parse_until(value: str) -> dt.date:
    """Like parse_day but the *last* day the value covers ("--until 2020" = 2020-12-31)."""
    _, last = day_range(value.strip())
    if last is None:
        raise ValueError(f"'{value}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    return last
