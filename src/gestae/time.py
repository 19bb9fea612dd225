"""Temporal expressions: find them in plain text and resolve them to ISO 8601 values.

A small rule grammar (regexes built once from ``data/time_words.yaml``), not a general date
parser run over raw text, which turns "the march of a" into March. Each expression gets its
own value and precision (see DESIGN.md, TimeRef):

* ``day`` ``2020-01-24``, ``week`` ``2020-W04``, ``month`` ``2020-01``, ``year`` ``2019``,
  ``range`` ``2019-10-27/2020-01-27`` (only for expressions that are ranges themselves, like
  "the past three months"). "2009-2010" is two expressions, 2009 and 2010 (``event_date``
  joins them into ``2009/2010``).
* Where ISO 8601 has no notation, the TimeML (TIDES) TIMEX3 value is used, with the
  precision of its ISO equivalent (``iso_value`` converts it; event dates are always ISO):
  decades ``199`` ("the 1990s", range), seasons ``2012-SU`` (SP, SU, FA, WI; range), a day or
  month of a known year anchored to an event ("the day before the vote") ``2012-XX-XX``
  (year), and ``PRESENT_REF`` for "now" (day).
* "the last week" / "the past month" without a number is the previous calendar unit, as
  "last week" (TimeML); with a number ("the past three months") it is a range.
* Relative expressions ("on Friday", "last week", "January 13") are resolved against the
  article date; without it they keep their text with value and precision None.
* A bare weekday is the most recent such day strictly before the article date, unless the
  phrase or its clause is future ("next Friday", "will meet on Friday"): then the next one.
* A month and day without a year take the article's year, or the year before when that
  would put them more than ~2 months after the article date.
* An event's date (``event_date``) is the expression attached to its trigger by syntax
  when the parse is given (``attached_time``), else the nearest one of its sentence.
* "the end of the year", "that year", "the same month" and "the day before <event>" are read
  against the narrative's reference time: the last resolved expression before them in the
  paragraph, outside quotations (quoted speech has its own "now").
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from gestae.model import TimeRef
from gestae.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Date = dt.date
Resolved = tuple[str | None, str | None]
_DAYS_IN = {"day": 1, "week": 7}  # "a week later": days counted from the previous day
_FUTURE_WINDOW_DAYS = 62  # "~2 months": how far after the article date a yearless date may be


def _load(name: str) -> dict[str, Any]:
    """Read one of the package's YAML data files."""
    with resources.files("gestae").joinpath("data", name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _alt(phrases: list[str] | set[str] | dict[str, Any], *, lower: bool = True) -> str:
    """Regex alternation, longest first; spaces match any whitespace."""
    ordered = sorted({p.lower() if lower else p for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


_W = _load("time_words.yaml")
_NOUNS = _load("quantities_nouns.yaml")
_MONTHS: dict[str, int] = _W["months"]
_WEEKDAYS: dict[str, int] = _W["weekdays"]
_COUNTS: dict[str, int] = _W["count_words"]
_UNITS: dict[str, str] = _W["units"]
_REL_DAYS: dict[str, int] = _W["relative_days"]
_ANAPHORIC: dict[str, int] = _W["anaphoric_days"]
_AMBIGUOUS = set(_W["ambiguous_months"])
_STRICT = set(_W["strict_context"])
_BLOCKERS = set(_W["weekday_blockers"])
_SEASONS: dict[str, tuple[str, int]] = {k: (v[0], int(v[1])) for k, v in _W["seasons"].items()}
_SEASON_START = {code: month for code, month in _SEASONS.values()}
_ENDERS = set(_W["anaphor_enders"])
_COUNT_NOUNS = {w.lower() for w in _NOUNS["people"]["plural"]} | {
    f for forms in _NOUNS["things"].values() for f in forms}

_FULL_MONTHS = [m for m in _MONTHS if len(m) > 4 or m in ("May", "June", "July")]
_ABBR_MONTHS = [m for m in _MONTHS if m not in _FULL_MONTHS]
_MONTH = (rf"(?P<mon>(?-i:{_alt(_FULL_MONTHS, lower=False)})\b"
          rf"|(?-i:{_alt(_ABBR_MONTHS, lower=False)})\b\.?)")
_WEEKDAY = rf"(?P<wd>(?-i:{_alt(_WEEKDAYS, lower=False)}))\b"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])\b"
_YEAR = r"(?<![\d,.])(?P<year>(?:1[89]|20)\d\d)(?!\d|,\d)\b"
_MOD = rf"(?:(?P<mod>{_alt(_W['modifiers'])})(?:\s+|-|\s*-\s*))"
_POD = rf"(?:\s+(?P<pod>{_alt(_W['parts_of_day'])}))"
_NUMW = rf"(?P<n>{_alt(_COUNTS)}|\d+)"
_UNIT = rf"(?P<unit>{_alt(_UNITS)})"
_MONTH_CTX = _alt([w for w in _W["month_context"] if w not in ("early", "late", "mid")])
_YEAR_CTX = _alt([w for w in _W["year_context"] if w not in ("early", "late", "mid")])
_FUTURE_RE = re.compile(rf"(?:^|[^\w'])(?:{_alt(_W['future_cues'])})\b", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[.!?;\n]")
_ATTACH_RE = re.compile(rf"(?:^|\W)(?:{_alt(_W['attaching_prepositions'])})\s*$", re.IGNORECASE)
_SINCE_RE = re.compile(r"(?:^|\W)(?:ever\s+)?since\s*$", re.IGNORECASE)
_FROM_RE = re.compile(r"(?:^|\W)(?:from|between)\s*$", re.IGNORECASE)
_DASH_RE = re.compile(r"\s*[-–]\s*")
_TO_RE = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*$", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile("|".join(re.escape(b) for b in _W["clause_breaks"]),
                              re.IGNORECASE)
_SELF_ATTACHED = re.compile(
    rf"^(?:{_alt(_REL_DAYS)}|last|this|next|earlier|later|the\s+past|the\s+last|past|"
    r"the\s+previous|the\s+next|the\s+following|\w+\s+\w+\s+ago)\b", re.IGNORECASE)
_SEASON = rf"(?P<season>{_alt(_SEASONS)})"
_YEAR_KIND = rf"(?:(?:{_alt(_W['year_kinds'])})\s+)?"
_PART = rf"(?:{_alt(_W['period_parts'])})"
_ANCHOR_AFTER_RE = re.compile(r"\s+([A-Za-z][\w'’-]*)")
_TIMEML_RE = re.compile(
    r"^(?:(?P<dec>\d{3})|(?P<sy>\d{4})-(?P<season>SP|SU|FA|WI)|(?P<xy>\d{4})-XX(?:-XX)?"
    r"|(?P<wy>\d{4})-WXX|PRESENT_REF)$")
_ISO_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?$")
_NAME_AFTER_RE = re.compile(r"\s+[A-Z]")
_PARSE_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\w:.+\-]*)?\s*$")


@dataclass
class _Cand:
    """A matched expression before overlap removal."""

    start: int
    end: int
    value: str | None
    precision: str | None
    priority: int
    anaphor: int | None = None  # day offset from the previous day expression
    refer: str | None = None  # "year", "month", "week": read against the reference time
    anchored: str | None = None  # "day", "week", "month": anchored to an event, unknown


Handler = Callable[[re.Match[str], Date | None, str], Resolved | None]


# ---------------------------------------------------------------------------- date helpers

def _add_months(day: Date, months: int) -> Date:
    """The same day ``months`` later (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return Date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _iso_week(day: Date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _at_precision(day: Date, precision: str) -> Resolved:
    """A day as the value of an expression of that precision (day, week, month, else year)."""
    if precision == "day":
        return day.isoformat(), "day"
    if precision == "week":
        return _iso_week(day), "week"
    if precision == "month":
        return _month(day.year, day.month), "month"
    return str(day.year), "year"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _weekday_before(day: Date, weekday: int) -> Date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7 or 7)


def _weekday_after(day: Date, weekday: int) -> Date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def _monday(day: Date) -> Date:
    return day - dt.timedelta(days=day.weekday())


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _COUNTS[word]


def _is_future(text: str, start: int) -> bool:
    """Whether the clause before ``start`` speaks of the future ("will meet on ...")."""
    lo = max(0, start - 120)
    cut = lo
    for m in _CLAUSE_END_RE.finditer(text, lo, start):
        cut = m.end()
    return bool(_FUTURE_RE.search(text, cut, start))


def _year_for(month: int, day: int, article: Date, future: bool) -> Date | None:
    """A yearless month-day: the article's year, the next or the previous one."""
    years = (article.year, article.year + 1) if future else (
        article.year + 1, article.year, article.year - 1)
    for year in years:
        try:
            candidate = Date(year, month, day)
        except ValueError:
            continue
        if future and candidate >= article:
            return candidate
        if not future and candidate <= article + dt.timedelta(days=_FUTURE_WINDOW_DAYS):
            return candidate
    return None


def _month_alone(month: int, article: Date, future: bool) -> str:
    """A month without a year: this year's, last year's or (if future) next year's."""
    if future:
        year = article.year if month >= article.month else article.year + 1
    else:
        limit = article + dt.timedelta(days=_FUTURE_WINDOW_DAYS)
        year = article.year if Date(article.year, month, 1) <= limit else article.year - 1
        if Date(article.year + 1, month, 1) <= limit:
            year = article.year + 1
    return _month(year, month)


# ---------------------------------------------------------------------------- handlers

def _h_full_date(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    month, day = _month_number(m.group("mon")), int(m.group("day"))
    if m.group("year"):
        try:
            return Date(int(m.group("year")), month, day).isoformat(), "day"
        except ValueError:
            return None
    if article is None:
        return None, None
    found = _year_for(month, day, article, _is_future(text, m.start()))
    return (found.isoformat(), "day") if found else None


def _h_iso(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    try:
        return Date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat(), "day"
    except ValueError:
        return None


def _h_month_year(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    return _month(int(m.group("year")), _month_number(m.group("mon"))), "month"


def _h_month_relyear(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    rel = m.group("rel").lower().split()[-1]
    offset = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[rel]
    return _month(article.year + offset, _month_number(m.group("mon"))), "month"


def _h_rel_month(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    month = _month_number(m.group("mon"))
    rel = m.group("rel").lower().split()[-1]
    if rel == "this":
        return _month(article.year, month), "month"
    if rel in ("next", "coming"):
        year = article.year if month > article.month else article.year + 1
    else:
        year = article.year if month < article.month else article.year - 1
    return _month(year, month), "month"


def _h_month_ctx(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    name = m.group("mon").rstrip(".")
    if name in _ABBR_MONTHS and _NAME_AFTER_RE.match(text, m.end("mon")):
        return None  # "in Jan Egeland's report": a first name
    if name in _AMBIGUOUS and not m.group("mod"):
        ctx = (m.groupdict().get("ctx") or "").lower()
        if ctx not in _STRICT:
            return None
    if article is None:
        return None, None
    return _month_alone(_month_number(name), article, _is_future(text, m.start())), "month"


def _h_year(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    nxt = m.groupdict().get("next")
    if nxt and nxt.lower() in _COUNT_NOUNS:
        return None  # "the 2000 protesters" is a count
    return m.group("year"), "year"


def _h_year_range(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    first, end = int(m.group("year")), m.group("end")
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    return (f"{first}/{last}", "range") if first < last <= first + 50 else None


def _h_decade(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    return str(int(m.group("dec")) // 10), "range"  # TimeML: "the 1990s" is 199


def _h_year_pair(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    """"2009-2010": checked here, split into two years by ``extract_times``."""
    first, last = int(m.group("year")), int(m.group("end"))
    return (m.group("year"), "year") if first < last <= first + 50 else None


def _season_at(code: str, year: int) -> tuple[Date, Date]:
    """First and last day of a season labelled by the year it starts in."""
    first = Date(year, _SEASON_START[code], 1)
    last = _add_months(first, 3) - dt.timedelta(days=1)
    return first, last


def _h_season(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    code = _SEASONS[m.group("season").lower()][0]
    year = m.groupdict().get("year")
    if year:
        return f"{year}-{code}", "range"
    if article is None:
        return None, None
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    spans = [(y, *_season_at(code, y)) for y in range(article.year - 2, article.year + 2)]
    current = next((y for y, lo, hi in spans if lo <= article <= hi), None)
    started = [y for y, lo, _ in spans if lo <= article]
    ended = [y for y, _, hi in spans if hi < article]
    upcoming = [y for y, lo, _ in spans if lo > article]
    future = rel in ("next", "coming", "this coming") or (
        not rel and _is_future(text, m.start()))
    if rel in ("last", "past", "this past"):
        label = ended[-1]
    elif future:
        label = current if current is not None and not rel else upcoming[0]
    elif rel == "this":
        label = current if current is not None else article.year
    else:
        label = started[-1]
    return f"{label}-{code}", "range"


def _h_now(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    return "PRESENT_REF", "day"


def _h_refer(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    """"the end of the year", "that month": the article's period until a reference is known."""
    if article is None:
        return None, None
    unit = m.group("unit").lower()
    if unit == "week":
        return _iso_week(article), "week"
    if unit == "month":
        return _month(article.year, article.month), "month"
    return str(article.year), "year"


def _h_rel_day(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    offset = _REL_DAYS[" ".join(m.group("rel").lower().split())]
    return (article + dt.timedelta(days=offset)).isoformat(), "day"


def _h_weekday(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    before = text[max(0, m.start() - 12):m.start()].split()
    if before and before[-1] in _BLOCKERS:
        return None  # "Bloody Sunday" is a name
    if article is None:
        return None, None
    weekday = _WEEKDAYS[m.group("wd")]
    rel = (m.group("rel") or "").lower().split()
    week = (m.group("wk") or "").lower()
    if week:
        shift = {"last": -7, "this": 0, "next": 7}[week]
        day = _monday(article) + dt.timedelta(days=shift + weekday)
    elif rel and rel[-1] == "this" and len(rel) == 1:
        day = _monday(article) + dt.timedelta(days=weekday)
    elif rel and rel[-1] in ("next", "coming"):
        day = _weekday_after(article, weekday)
    elif rel:
        day = _weekday_before(article, weekday)
    elif weekday == article.weekday():
        day = article  # "said on Friday" in a Friday paper is that day
    elif _is_future(text, m.start()):
        day = _weekday_after(article, weekday)
    else:
        day = _weekday_before(article, weekday)
    return day.isoformat(), "day"


def _h_rel_unit(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    rel = m.group("rel").lower().split()[-1]
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[rel]
    unit = m.group("unit").lower()
    if unit == "week":
        return _iso_week(article + dt.timedelta(days=7 * step)), "week"
    if unit == "weekend":
        if step < 0:
            return _iso_week(_weekday_before(article, 5)), "week"
        return _iso_week(_monday(article) + dt.timedelta(days=5 + 7 * step)), "week"
    if unit == "month":
        shifted = _add_months(article, step)
        return _month(shifted.year, shifted.month), "month"
    return str(article.year + step), "year"


def _h_weekend(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    if _is_future(text, m.start()):
        return _iso_week(_weekday_after(article, 5)), "week"
    return _iso_week(_weekday_before(article, 5)), "week"


def _h_weekend_noun(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    """"the weekend attack", "the weekend's clashes"; not "by the weekend" (a deadline)."""
    if (m.group("prep") or "").lower() in _W["weekend_deadlines"]:
        return None
    return _h_weekend(m, article, text)


def _span_back(article: Date, n: int, unit: str, forward: bool) -> Date:
    """The date ``n`` units before (or after) the article date."""
    sign = 1 if forward else -1
    if unit == "hour":
        return article + dt.timedelta(days=sign * max(1, math.ceil(n / 24)))
    if unit in ("day", "week"):
        return article + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    return _add_months(article, sign * months)


def _h_past(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    n = _count(m.group("n") or m.group("n2") or "1")
    unit = _UNITS[m.group("unit").lower()]
    rel = (m.group("rel") or m.group("rel2")).lower()
    forward = rel in ("next", "coming")
    if not (m.group("n") or m.group("n2")) and unit in ("week", "month", "year"):
        step = 1 if forward else -1  # "the past week" is last week, as in TimeML
        if unit == "week":
            return _iso_week(article + dt.timedelta(days=7 * step)), "week"
        if unit == "month":
            shifted = _add_months(article, step)
            return _month(shifted.year, shifted.month), "month"
        return str(article.year + step), "year"
    other = _span_back(article, n, unit, forward)
    lo, hi = (article, other) if forward else (other, article)
    return f"{lo.isoformat()}/{hi.isoformat()}", "range"


def _h_ago(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    n = _count(m.group("n"))
    unit = _UNITS[m.group("unit").lower()]
    day = _span_back(article, n, unit, False) if unit != "hour" else article
    return _at_precision(day, "day" if unit == "hour" else unit)


def _h_unresolved(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    """Anchored to another event ("three weeks after the strike"): kept, not resolved."""
    return None, None


def _h_anaphoric(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    return None, None  # resolved against the previous day expression after overlap removal


# ---------------------------------------------------------------------------- grammar

_RULES: list[tuple[str, str, Handler]] = [
    ("anaphoric", rf"\b(?P<t>{_alt(_ANAPHORIC)})\b", _h_anaphoric),
    ("iso", r"(?<![\d-])(?P<t>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d])", _h_iso),
    ("date_mdy", rf"\b(?P<t>(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_MONTH}\s+{_DAY}"
                 rf"(?:,?\s+{_YEAR})?)", _h_full_date),
    ("date_dmy", rf"(?<![\d,.])\b(?P<t>(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?"
                 rf"{_MONTH}(?:,?\s+{_YEAR})?)", _h_full_date),
    ("season_year", rf"\b(?P<t>{_MOD}?(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR})", _h_season),
    ("season_rel", rf"\b(?P<t>{_MOD}?(?P<rel>last|this\s+past|this\s+coming|this|next|coming|"
                   rf"past)\s+{_SEASON})\b", _h_season),
    ("season_ctx", r"\b(?:in|during|over|since|until|till|by|through|throughout)\s+(?P<t>"
                   r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<season>summer|winter|spring|"
                   r"autumn))\b(?!\s+(?:of|and)\b)", _h_season),
    ("now", r"(?<![\w'’-])(?P<t>now)(?![\w'’-])(?!\s+that\b)", _h_now),
    ("refer_part", rf"\b(?P<t>{_PART}\s+(?:the\s+)?{_YEAR_KIND}(?P<unit>year|month|week))\b",
     _h_refer),
    ("refer_same", rf"\b(?P<t>(?:(?:earlier|later)\s+|{_MOD})?(?:that|the\s+same)\s+"
                   r"(?P<unit>week|month|year))\b", _h_refer),
    ("month_year", rf"\b(?P<t>{_MOD}?{_MONTH},?\s+(?:of\s+)?{_YEAR})", _h_month_year),
    ("month_relyear", rf"\b(?P<t>{_MOD}?{_MONTH},?\s+(?:of\s+)?"
                      r"(?P<rel>last|this|next|the\s+previous|the\s+following)\s+year)\b",
     _h_month_relyear),
    ("rel_month", rf"\b(?P<t>{_MOD}?(?P<rel>last|this\s+past|this\s+coming|this|next|coming)\s+"
                  rf"{_MONTH})(?!\s*\d)", _h_rel_month),
    ("month_ctx", rf"\b(?P<ctx>{_MONTH_CTX})\s+(?P<t>{_MOD}?{_MONTH})(?!\s*\d)(?!['’])",
     _h_month_ctx),
    ("month_mod", rf"\b(?P<t>{_MOD}{_MONTH})(?!\s*\d)", _h_month_ctx),
    ("year_ctx", rf"\b(?:{_YEAR_CTX})\s+(?P<t>{_MOD}?{_YEAR})(?!\s*[-–/]\s*\d)", _h_year),
    ("year_mod", rf"\b(?P<t>{_MOD}{_YEAR})", _h_year),
    ("year_the", rf"\b(?:the|a|an|its|their|his|her|this|that)\s+(?P<t>{_YEAR})"
                 r"(?:\s+(?P<next>[a-z][\w-]*))?", _h_year),
    ("year_pair", rf"\b(?P<t>{_YEAR}\s*[-–]\s*(?P<end>(?:1[89]|20)\d\d))(?![\d-])",
     _h_year_pair),
    ("year_range", rf"\b(?P<t>{_YEAR}\s*[-–/]\s*(?P<end>\d\d))(?![\d-])", _h_year_range),
    ("year_poss", rf"\b(?P<t>{_YEAR})(?=['’]s\b)", _h_year),
    ("decade", r"\b(?P<t>(?:(?:early|late|mid)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s)\b",
     _h_decade),
    ("rel_day", rf"\b(?P<t>(?P<rel>{_alt(_REL_DAYS)}){_POD}?)\b", _h_rel_day),
    ("weekday", rf"\b(?P<t>(?:(?P<rel>last|this\s+past|this\s+coming|this|next|coming|past)\s+)?"
                rf"{_WEEKDAY}{_POD}?(?:,?\s+(?:of\s+)?(?P<wk>last|this|next)\s+week\b)?)",
     _h_weekday),
    ("rel_unit", rf"\b(?P<t>(?:(?:earlier|later)\s+|{_MOD})?(?P<rel>last|this|next|"
                 rf"the\s+previous|the\s+following)\s+{_YEAR_KIND}"
                 r"(?P<unit>weekend|week|month|year))\b", _h_rel_unit),
    ("weekend", r"\b(?:over|during|at|on|this\s+past)\s+(?P<t>the\s+weekend)\b", _h_weekend),
    ("weekend_noun", rf"(?<!\w)(?:(?P<prep>\w+)\s+)?(?P<t>the\s+weekend)(?=['’]s\b|\s+"
                     rf"(?!(?:{_alt(_W['weekend_noun_blockers'])})\b)[a-z])", _h_weekend_noun),
    ("past", rf"\b(?P<t>(?:the\s+(?P<rel>past|last|previous|next|coming)\s+(?:{_NUMW}\s+)?"
             rf"|(?P<rel2>past|last|next)\s+(?P<n2>{_alt(_COUNTS)}|\d+)\s+){_UNIT})\b",
     _h_past),
    ("ago", rf"\b(?P<t>(?:(?:about|nearly|almost|some|more\s+than|over|just|only|less\s+than)"
            rf"\s+)?{_NUMW}\s+{_UNIT}\s+ago)\b", _h_ago),
    ("anchored", rf"\b(?P<t>(?:(?:more|less)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|"
                 rf"just\s+|only\s+|over\s+)?{_NUMW}\s+{_UNIT}\s+"
                 r"(?:after|before|later|earlier|prior\s+to))\b", _h_unresolved),
]
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE), handler, index)
             for index, (name, pattern, handler) in enumerate(_RULES)]
_LATER_RE = re.compile(rf"^{_NUMW}\s+{_UNIT}\s+(?P<dir>later|earlier)$", re.IGNORECASE)


# ---------------------------------------------------------------------------- public API

def parse_date(value: str) -> Date:
    """An article date: ``YYYY-MM-DD`` or a full ISO datetime (its date part is taken)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    m = _PARSE_DATE_RE.match(str(value))
    if not m:
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD or an ISO datetime")
    year, month, day = (int(g) for g in m.groups())
    try:
        return Date(year, month, day)
    except ValueError as err:
        raise ValueError(f"invalid date {value!r}: {err}") from None


def extract_times(text: str, article_date: Date | None) -> list[TimeRef]:
    """Temporal expressions of a text: atomic, non-overlapping, sorted by start."""
    cands: list[_Cand] = []
    for name, regex, handler, priority in _COMPILED:
        for m in regex.finditer(text):
            resolved = handler(m, article_date, text)
            if resolved is None:
                continue
            cand = _Cand(m.start("t"), m.end("t"), resolved[0], resolved[1], priority)
            if name == "year_pair":
                second = _Cand(m.start("end"), m.end("end"), m.group("end"), "year", priority)
                cands += [_Cand(m.start("year"), m.end("year"), resolved[0], "year", priority),
                          second]
                continue
            if name == "anaphoric":
                phrase = " ".join(m.group("t").lower().split())
                if _anchored_to_event(phrase, text, m.end("t")):
                    cand.anchored = "day"  # "the day before the vote"
                else:
                    cand.anaphor = _ANAPHORIC[phrase]
            elif name in ("refer_part", "refer_same"):
                if not _is_future(text, m.start("t")):
                    cand.refer = m.group("unit").lower()
            elif name == "anchored":
                later = _LATER_RE.match(m.group("t"))
                unit = _UNITS[m.group("unit").lower()]
                if later and unit in ("day", "hour", "week"):
                    n = _count(later.group("n")) * _DAYS_IN.get(unit, 0)
                    cand.anaphor = n if later.group("dir").lower() == "later" else -n
                elif unit == "day":
                    cand.anchored = "day"  # "two days after the strike"
            cands.append(cand)
    chosen: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    _resolve_references(chosen, text)
    return [TimeRef(text[c.start:c.end], c.start, c.end, c.value, c.precision) for c in chosen]


def _anchored_to_event(phrase: str, text: str, end: int) -> bool:
    """"the day before the vote" (an event follows) versus "the day before, ..." (a date)."""
    if phrase not in ("the day before", "the day after"):
        return False
    nxt = _ANCHOR_AFTER_RE.match(text, end)
    return bool(nxt) and nxt.group(1).lower() not in _ENDERS


def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation of its paragraph (quoted speech has its own now)."""
    para = text.rfind("\n", 0, pos) + 1
    head = text[para:pos]
    if head.count('"') % 2:
        return True
    return head.rfind("“") > head.rfind("”")


def _reference_date(value: str) -> Date | None:
    """The first day of a resolved value, for reading later expressions against it."""
    iso = iso_value(value, None)
    if iso is None:
        return None
    m = _ISO_VALUE_RE.match(iso[0].split("/")[0])
    if not m:
        return None
    year = int(m.group("y"))
    try:
        if m.group("w"):
            return Date.fromisocalendar(year, int(m.group("w")), 1)
        return Date(year, int(m.group("m") or 1), int(m.group("d") or 1))
    except ValueError:
        return None


def _resolve_references(cands: list[_Cand], text: str) -> None:
    """Expressions read against earlier ones, in text order.

    "the next day", "two days later": a day counted from the previous day expression.
    "the end of the year", "that month": the period of the narrative's reference time (the
    last resolved expression outside quotations), else the article's (set by the handler).
    "the day before the vote": a day of the reference time's year, ``YYYY-XX-XX``.
    """
    last: Date | None = None
    ref: tuple[Date, str] | None = None
    for cand in cands:
        if cand.anaphor is not None and last is not None:
            last = last + dt.timedelta(days=cand.anaphor)
            cand.value, cand.precision = last.isoformat(), "day"
        elif cand.anchored is not None:
            cand.value, cand.precision = (f"{ref[0].year}-XX-XX", "year") if ref else (None, None)
            continue
        elif cand.refer is not None and ref is not None:
            day, precision = ref
            if cand.refer == "year":
                cand.value = str(day.year)
            elif cand.refer == "month" and precision in ("day", "month"):
                cand.value = _month(day.year, day.month)
            elif cand.refer == "week" and precision in ("day", "week"):
                cand.value = _iso_week(day)
        elif cand.precision == "day" and cand.value and cand.value != "PRESENT_REF":
            last = Date.fromisoformat(cand.value)
        if cand.value and cand.value != "PRESENT_REF" and not _in_quote(text, cand.start):
            found = _reference_date(cand.value)
            if found is not None and cand.precision is not None:
                ref = (found, cand.precision)


def event_date(trigger_start: int, trigger_end: int, sent_start: int, sent_end: int, text: str,
               times: list[TimeRef], article_date: Date | None, doc: Doc | None = None,
               ) -> tuple[str | None, str | None, bool]:
    """The date of the event whose trigger is given: (value, precision, inferred).

    With the parsed ``doc``, the expression attached to the trigger by syntax wins
    (``attached_time``: "detained on Saturday" inside "called on Sunday for the release of
    people detained on Saturday"; "three days after <event>" shifts the date of the clause it
    modifies). Without it, or when no expression attaches, the expression of the event's
    sentence nearest the trigger wins, those attached to the
    clause by a preposition ("on", "in", "since" ...) or standing alone ("yesterday", "last
    week") being preferred and clause breaks (";", "while", "but") counting as distance.
    "since X" gives the range X/article date; "from X to Y" the range X/Y. An expression
    that cannot be resolved ("three weeks after the strike") gives (None, None, False).
    With no expression: the article date at week precision, inferred; or (None, None, True).
    """
    inside = []
    for t in times:
        if t.start >= sent_start and t.end <= sent_end and t.value != "PRESENT_REF":
            iso = iso_value(t.value, article_date) if t.value else None
            inside.append(TimeRef(t.text, t.start, t.end, *(iso or (None, None))))
    if not inside:
        if article_date is None:
            return None, None, True
        return article_date.isoformat(), "week", True
    best = attached_time(doc, trigger_start, trigger_end, inside) if doc is not None else None
    if best is None:
        best = min(inside, key=lambda t: _attachment_cost(t, trigger_start, trigger_end, text))
    if best.value is None:
        return None, None, article_date is None
    if _SINCE_RE.search(text, max(0, best.start - 12), best.start) and article_date:
        if best.precision == "range":
            return best.value, "range", False
        return f"{best.value}/{article_date.isoformat()}", "range", False
    joined = _joined_range(best, inside, text)
    if joined is not None:
        return joined, "range", False
    return best.value, best.precision, False


def _joined_range(best: TimeRef, inside: list[TimeRef], text: str) -> str | None:
    """"from January 13 to January 20", "2009-2010": the range two expressions make."""
    after = [t for t in inside if t.start >= best.end and t.value]
    before = [t for t in inside if t.end <= best.start and t.value]
    pairs = []
    if after:
        pairs.append((best, after[0]))
    if before:
        pairs.append((before[-1], best))
    for first, second in pairs:
        link = text[first.end:second.start]
        dashed = _DASH_RE.fullmatch(link) is not None
        if dashed or (_FROM_RE.search(text, max(0, first.start - 10), first.start)
                      and _TO_RE.match(link)):
            assert first.value is not None and second.value is not None
            return f"{first.value.split('/')[0]}/{second.value.split('/')[-1]}"
    return None


# ---------------------------------------------------------------------------- syntax

_A = _load("time_attach.yaml")
_CONNECTIVES = frozenset(w.lower() for w in _A["anchor_connectives"])
_DIRECTIONS: dict[str, int] = {" ".join(k.lower().split()): int(v)
                               for k, v in _A["anchor_directions"].items()}
_SUPPORT_VERBS = frozenset(w.lower() for w in _A["support_verbs"])
_NOMINAL = frozenset(_A["nominal_pos"])
_TIME_NOUNS = frozenset(w.lower() for w in _A["time_nouns"])
_VERB_POS = frozenset({"VERB", "AUX"})
_CLAUSE_DEPS = frozenset(_A["clause_deps"])
_ARGUMENT_DEPS = frozenset(_A["argument_deps"])
_ANCHORED_RE = re.compile(
    rf"^(?:(?:more|less)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|just\s+|only\s+|"
    rf"over\s+|the\s+)?{_NUMW}?\s*{_UNIT}\s+(?P<dir>{_alt(_DIRECTIONS)})$", re.IGNORECASE)
_MAX_CLIMB = 40  # dependency paths are short; this only guards against malformed heads
_UNIT_ORDER = ["hour", "day", "week", "month", "year", "decade"]


@dataclass(frozen=True)
class _Anchor:
    """"three days after <event>": the anchor event's token, the modified one, the shift."""

    ref: TimeRef
    anchor: int  # token of the anchor event (the clause's verb, or the preposition's object)
    head: int | None  # token the phrase modifies (None when the anchor clause is the root)
    n: int
    unit: str
    sign: int  # +1: the modified event is later than the anchor


def attached_time(doc: Doc, trigger_start: int, trigger_end: int, times: list[TimeRef],
                  ) -> TimeRef | None:
    """The time expression attached to a trigger by syntax, or None to fall back on distance.

    An expression belongs to the first predicate its dependency path reaches: one reaching
    the trigger without passing through another verb (or through "after the 2019 election"'s
    "after") dates it ("were arrested on Saturday" in a relative clause is the arrest's,
    not the main verb's). "N days after <clause>" dates the clause's event N days before the
    time of the clause it modifies, and the modifying event N days after the clause's time.
    An event noun's relative clause dates it ("the bomb that killed eight on Sunday"); an
    event without a time of its own takes that of the noun phrase it sits in, then (for a
    noun) that of the verb governing it. ``times`` carry ISO values; a shifted date keeps
    the anchored phrase's span.
    """
    span = doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    if span is None or not len(span) or not times:
        return None
    trigger = _trigger_tokens(doc, span)
    anchors = {id(a.ref): a for a in (_anchor(doc, t) for t in times) if a is not None}
    plain = [t for t in times if id(t) not in anchors]
    for targets in (trigger, _extended(doc, trigger, relative=True)):
        own = _attached(doc, targets, plain, trigger_start, trigger_end)
        if own:
            return own[0]
    root = span.root
    for anchor in anchors.values():
        found = _from_anchor(doc, anchor, root, trigger, plain)
        if found is not None:
            return found
    chain = _noun_chain(root)
    if chain:  # the noun phrase the event sits in ("the weekend attack on the hotel, in which")
        found = _attached(doc, chain, plain, trigger_start, trigger_end)
        if found:
            return found[0]
    verb = None if _is_predicate(root) else _governing_verb(root)
    if verb is None:
        return None
    # an event noun takes its clause's time; where the verb has several, the verb keeps the
    # nearest and the noun the nearest of those after it ("condemned on Friday the strike ...
    # on April 9" when April 9 was parsed onto "condemned")
    clause = _attached(doc, {verb.i}, plain, verb.idx, verb.idx + len(verb))
    rest = [t for t in clause[1:] if t.start >= trigger_end]
    if not rest:
        return clause[0] if clause else None
    text = text_of(doc)
    return min(rest, key=lambda t: (_gap_cost(t, trigger_start, trigger_end, text), t.start))


def _noun_chain(root: Token) -> set[int]:
    """Nouns above an event noun, or above the noun a relative clause or participle hangs on,
    up to the next clause: their times describe the phrase the event belongs to."""
    if _is_predicate(root):
        if root.dep_ not in ("relcl", "acl") or root.head.i == root.i:
            return set()
        cur = root.head
    else:
        cur = root.head if root.head.i != root.i else root
    chain: set[int] = set()
    for _ in range(_MAX_CLIMB):
        if _is_predicate(cur) or cur.lower_ in _CONNECTIVES:
            break
        if cur.pos_ in _NOMINAL:
            chain.add(cur.i)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    chain.discard(root.i)
    return chain


def _is_predicate(token: Token) -> bool:
    """Whether a token heads a clause of its own (a verb, or a mistagged clause head)."""
    return token.pos_ in _VERB_POS or token.dep_ in _CLAUSE_DEPS


def _trigger_tokens(doc: Doc, span: Any) -> set[int]:
    """The trigger's tokens, with the light verb carrying an event noun ("staged a protest")."""
    tokens = {t.i for t in span}
    root = span.root
    if not _is_predicate(root):
        verb = _governing_verb(root)
        if verb is not None and verb.lemma_.lower() in _SUPPORT_VERBS:
            tokens.add(verb.i)
    return tokens


def _governing_verb(token: Token) -> Token | None:
    """The first verb above a token, where nothing but nouns and prepositions intervene."""
    cur = token
    for _ in range(_MAX_CLIMB):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ not in _ARGUMENT_DEPS:
            return None  # a loose attachment (apposition, adverbial noun) is no argument
        if _is_predicate(head):
            return head
        if head.lower_ in _CONNECTIVES:
            return None  # "the day after the bombing": the bombing is not the verb's event
        cur = head
    return None


def _climb(doc: Doc, ref: TimeRef, targets: set[int]) -> int | None:
    """How an expression reaches ``targets``: 0 directly, 1 through nouns; None if it does not.

    The path stops at any other verb (the expression dates that clause) and at an anchor
    connective reached through a noun ("a week after the 2019 election": 2019 is the
    election's); an expression's own preposition ("after Sunday") does not stop it.
    """
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    own = {t.i for t in span}
    if own & targets:
        return 0
    level = 0
    cur = span.root
    for _ in range(_MAX_CLIMB):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.i in targets:
            return level
        if head.i not in own:
            if _is_predicate(head):
                return None
            if head.lower_ in _CONNECTIVES and cur.i not in own:
                return None
            if head.pos_ in _NOMINAL and head.lower_ not in _TIME_NOUNS:
                level = 1
        cur = head
    return None


def _attached(doc: Doc, targets: set[int], refs: list[TimeRef], start: int, end: int,
              ) -> list[TimeRef]:
    """Expressions attached to ``targets``, best first: direct before indirect, then nearest
    to ``start``-``end``."""
    ranked = []
    for ref in refs:
        level = _climb(doc, ref, targets)
        if level is not None:
            ranked.append((ref.value is None, level, _gap_cost(ref, start, end, text_of(doc)),
                           ref.start, ref))
    return [r[-1] for r in sorted(ranked, key=lambda r: r[:4])]


def _gap_cost(t: TimeRef, start: int, end: int, text: str) -> int:
    """Distance from a span, clause breaks counting extra; unresolved expressions last."""
    lo, hi = (t.end, start) if t.end <= start else (end, t.start)
    cost = max(0, hi - lo)
    if hi > lo:
        cost += 40 * len(_CLAUSE_BREAK_RE.findall(text, lo, hi))
    return cost + (10 if t.value is None else 0)


def _extended(doc: Doc, tokens: set[int], *, relative: bool = False) -> set[int]:
    """Tokens of one event across verb chains ("tried to storm") and, with ``relative``, a
    noun's relative clause ("the bomb that killed eight people on Sunday")."""
    out = set(tokens)
    for i in tokens:
        token = doc[i]
        if token.dep_ == "xcomp":
            out.add(token.head.i)
        for child in token.children:
            if child.dep_ == "xcomp" or (relative and child.dep_ == "relcl"
                                         and not _is_predicate(token)):
                out.add(child.i)
    return out


def _anchor(doc: Doc, ref: TimeRef) -> _Anchor | None:
    """Read "N units after/before <event>" and find its anchor event and modified token."""
    m = _ANCHORED_RE.match(" ".join(ref.text.split()))
    if m is None or ref.precision == "day":
        return None  # "the day before, ..." read against the previous date is no anchor
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    link = span[-1]
    own = {t.i for t in span}
    if link.dep_ == "mark":
        anchor = link.head  # "three days after fighters killed ..."
        head = anchor.head if anchor.head.i != anchor.i else None
    else:
        objects = [c for c in link.children if c.dep_ in ("pobj", "pcomp")]
        if not objects:
            return None
        anchor = objects[0]  # "a week after the election"
        head = link.head
        for _ in range(_MAX_CLIMB):
            if head is None or head.i not in own:
                break
            head = head.head if head.head.i != head.i else None
    if anchor.i in own:
        return None
    n = _count(m.group("n")) if m.group("n") else 1
    sign = _DIRECTIONS[" ".join(m.group("dir").lower().split())]
    return _Anchor(ref, anchor.i, None if head is None else head.i, n,
                   _UNITS[m.group("unit").lower()], sign)


def _from_anchor(doc: Doc, anchor: _Anchor, root: Token, trigger: set[int],
                 refs: list[TimeRef]) -> TimeRef | None:
    """The trigger's date from an anchored phrase: the anchor's or the modified event's."""
    if anchor.head is None:
        return None
    if anchor.anchor in trigger or _reaches(root, anchor.anchor, trigger):
        base, sign = anchor.head, -anchor.sign  # the trigger is the anchor event
    elif anchor.head in trigger:
        base, sign = anchor.anchor, anchor.sign  # the phrase modifies the trigger
    else:
        return None
    token = doc[base]
    ranked = _attached(doc, _extended(doc, {base}), refs, token.idx, token.idx + len(token))
    found = ranked[0] if ranked else None
    if found is None or found.value is None or found.precision is None:
        return None  # the anchor is undated: leave it to the fallback
    shifted = _shift(found.value, found.precision, anchor.n * sign, anchor.unit)
    if shifted is None:
        return None
    return TimeRef(anchor.ref.text, anchor.ref.start, anchor.ref.end, *shifted)


def _reaches(token: Token, target: int, trigger: set[int]) -> bool:
    """Whether a trigger noun lies inside the anchor phrase ("two days after the bombing")."""
    cur = token
    for _ in range(_MAX_CLIMB):
        if cur.i == target:
            return True
        head = cur.head
        if head.i == cur.i or (_is_predicate(head) and head.i not in trigger
                               and head.i != target):
            return False
        cur = head
    return False


def _shift(value: str, precision: str, amount: int, unit: str) -> Resolved | None:
    """An ISO value moved by ``amount`` units, at the value's own precision.

    A day moves by any unit; a week or month moves by its own unit or a larger one and keeps
    its value for a smaller shift ("in March, two days after ..." stays March); a range does
    not move.
    """
    start = _reference_date(value)
    if start is None or precision not in ("day", "week", "month", "year"):
        return None
    if _UNIT_ORDER.index(unit) < _UNIT_ORDER.index(precision):
        return value, precision
    if unit in ("hour", "day", "week"):
        days = {"hour": int(amount / 24), "day": amount, "week": 7 * amount}[unit]
        moved = start + dt.timedelta(days=days)
    else:
        moved = _add_months(start, amount * {"month": 1, "year": 12, "decade": 120}[unit])
    return _at_precision(moved, precision)


def iso_value(value: str | None, article_date: Date | None) -> Resolved | None:
    """A TimeRef value as plain ISO 8601 (value, precision), for event dates and intervals.

    ISO values pass through; TimeML ones become their ISO equivalent: ``199`` -> ``1990/1999``,
    ``2012-SU`` -> ``2012-06/2012-08``, ``2012-XX-XX`` -> ``2012``, ``PRESENT_REF`` -> the
    article date. None when there is no ISO equivalent.
    """
    if not value:
        return None
    m = _TIMEML_RE.match(value)
    if m is None:
        return (value, _precision_of(value)) if _is_iso(value) else None
    if m.group("dec"):
        first = int(m.group("dec")) * 10
        return f"{first}/{first + 9}", "range"
    if m.group("season"):
        lo, hi = _season_at(m.group("season"), int(m.group("sy")))
        return f"{_month(lo.year, lo.month)}/{_month(hi.year, hi.month)}", "range"
    year = m.group("xy") or m.group("wy")
    if year:
        return year, "year"
    return (article_date.isoformat(), "day") if article_date else None


def _is_iso(value: str) -> bool:
    return all(_ISO_VALUE_RE.match(part) for part in value.split("/"))


def _precision_of(value: str) -> str:
    if "/" in value:
        return "range"
    m = _ISO_VALUE_RE.match(value)
    assert m is not None
    if m.group("w"):
        return "week"
    return "day" if m.group("d") else "month" if m.group("m") else "year"


def _attachment_cost(t: TimeRef, trigger_start: int, trigger_end: int, text: str) -> int:
    """Distance from a trigger, plus penalties for loose or far-off expressions."""
    lo, hi = (t.end, trigger_start) if t.end <= trigger_start else (trigger_end, t.start)
    gap = max(0, hi - lo)
    cost = gap
    if hi > lo:
        cost += 40 * len(_CLAUSE_BREAK_RE.findall(text, lo, hi))
    attached = _ATTACH_RE.search(text, max(0, t.start - 12), t.start) or _SELF_ATTACHED.match(
        t.text)
    if not attached:
        cost += 50
    if t.value is None:
        cost += 10
    return cost


def _value_end(value: str) -> Date | None:
    """The last day an ISO value (day, week, month, year or range) covers."""
    part = value.split("/")[-1]
    m = _ISO_VALUE_RE.match(part)
    if not m:
        return None
    year = int(m.group("y"))
    try:
        if m.group("w"):
            return Date.fromisocalendar(year, int(m.group("w")), 7)
        if m.group("d"):
            return Date(year, int(m.group("m")), int(m.group("d")))
        if m.group("m"):
            month = int(m.group("m"))
            return Date(year, month, calendar.monthrange(year, month)[1])
        return Date(year, 12, 31)
    except ValueError:
        return None


def is_historical(value: str | None, article_date: Date | None) -> bool:
    """Whether an event dated ``value`` ended more than a year before the article date."""
    if not value or article_date is None:
        return False
    iso = iso_value(value, article_date)
    end = _value_end(iso[0]) if iso else None
    return end is not None and (article_date - end).days > 365


def contract_times(times: list[TimeRef], article_date: Date | None) -> list[TimeRef]:
    """The ``times`` of the output contract: every value plain ISO 8601 (or null).

    ``extract_times`` keeps TimeML's own forms where they say more (a season, a decade,
    "now"); the contract promises ISO values, so they are written out as ISO ranges here.
    """
    out: list[TimeRef] = []
    for ref in times:
        resolved = iso_value(ref.value, article_date)
        value, precision = resolved if resolved else (None, None)
        out.append(replace(ref, value=value, precision=precision))  # type: ignore[arg-type]
    return out
