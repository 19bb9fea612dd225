"""Publication dates given with the input, checked and normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import calendar
import re

from gestae.ingest.errors import InputError

# A date, optionally followed by an ISO time part ("T12:30:00Z", " 12:30+02:00").
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ]\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")


def check_date(value: str) -> str:
    """Return ``value`` as ``YYYY-MM-DD``, or raise InputError saying what is wrong.

    Accepts ``YYYY-MM-DD``, ``YYYYMMDD`` and ISO datetimes (the date part is kept; the
    article's own calendar day, not converted to UTC).
    """
    if not isinstance(value, str):
        raise InputError(f"invalid date {value!r}: expected a string like '2020-01-27'")
    text = value.strip()
    match = _ISO.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        raise InputError(
            f"invalid date '{value}': expected YYYY-MM-DD or an ISO datetime"
        )
    year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
    if year < 1:
        raise InputError(f"invalid date '{value}': year must be 0001 or later")
    if not 1 <= month <= 12:
        raise InputError(f"invalid date '{value}': month must be 1..12")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise InputError(f"invalid date '{value}': day must be 1..{last} for {year}-{month:02d}")
    return f"{year:04d}-{month:02d}-{day:02d}"
