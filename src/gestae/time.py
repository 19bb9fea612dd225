"""Temporal expressions: find them in plain text and resolve them to ISO 8601 values.

A small rule grammar (regexes built once from ``data/time_words.yaml``), not a general date
parser run over raw text, which turns "the march of a" into March. Each expression gets its
own value and precision (see DESIGN.md, TimeRef):

* ``day`` ``2020-01-24``, ``week`` ``2020-W04``, ``month`` ``2020-01``, ``year`` ``2019``,
  ``range`` ``2019-10-27/2020-01-27`` (only for expressions that are ranges themselves, like
  "the past three months"; "the 1990s" is ``1990/1999``).
* Relative expressions ("on Friday", "last week", "January 13") are resolved against the
  article date; without it they keep their text with value and precision None.
* A bare weekday is the most recent such day strictly before the article date, unless the
  phrase or its clause is future ("next Friday", "will meet on Friday"): then the next one.
* A month and day without a year take the article's year, or the year before when that
  would put them more than ~2 months after the article date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from gestae.model import TimeRef

Date = dt.date
Resolved = tuple[str | None, str | None]
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
_TO_RE = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*$", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile("|".join(re.escape(b) for b in _W["clause_breaks"]),
                              re.IGNORECASE)
_SELF_ATTACHED = re.compile(
    rf"^(?:{_alt(_REL_DAYS)}|last|this|next|earlier|later|the\s+past|the\s+last|past|"
    r"the\s+previous|the\s+next|the\s+following|\w+\s+\w+\s+ago)\b", re.IGNORECASE)
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
    first = int(m.group("dec"))
    return f"{first}/{first + 9}", "range"


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
    step = {"last": -1, "previous": -1, "this": 0, "same": 0, "next": 1, "following": 1}[rel]
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
    other = _span_back(article, n, unit, forward)
    lo, hi = (article, other) if forward else (other, article)
    return f"{lo.isoformat()}/{hi.isoformat()}", "range"


def _h_ago(m: re.Match[str], article: Date | None, text: str) -> Resolved | None:
    if article is None:
        return None, None
    n = _count(m.group("n"))
    unit = _UNITS[m.group("unit").lower()]
    day = _span_back(article, n, unit, False) if unit != "hour" else article
    if unit in ("hour", "day"):
        return day.isoformat(), "day"
    if unit == "week":
        return _iso_week(day), "week"
    if unit == "month":
        return _month(day.year, day.month), "month"
    return str(day.year), "year"


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
    ("year_range", rf"\b(?P<t>{_YEAR}\s*[-–/]\s*(?P<end>(?:1[89]|20)\d\d|\d\d))(?![\d-])",
     _h_year_range),
    ("year_poss", rf"\b(?P<t>{_YEAR})(?=['’]s\b)", _h_year),
    ("decade", r"\b(?P<t>(?:(?:early|late|mid)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s)\b",
     _h_decade),
    ("rel_day", rf"\b(?P<t>(?P<rel>{_alt(_REL_DAYS)}){_POD}?)\b", _h_rel_day),
    ("weekday", rf"\b(?P<t>(?:(?P<rel>last|this\s+past|this\s+coming|this|next|coming|past)\s+)?"
                rf"{_WEEKDAY}{_POD}?(?:,?\s+(?:of\s+)?(?P<wk>last|this|next)\s+week\b)?)",
     _h_weekday),
    ("rel_unit", rf"\b(?P<t>(?:(?:earlier|later)\s+|{_MOD})?(?P<rel>last|this|next|"
                 r"the\s+previous|the\s+following|the\s+same)\s+"
                 r"(?P<unit>weekend|week|month|year))\b", _h_rel_unit),
    ("weekend", r"\b(?:over|during|at|on|this\s+past)\s+(?P<t>the\s+weekend)\b", _h_weekend),
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
            if name == "anaphoric":
                cand.anaphor = _ANAPHORIC[" ".join(m.group("t").lower().split())]
            elif name == "anchored":
                later = _LATER_RE.match(m.group("t"))
                unit = _UNITS[later.group("unit").lower()] if later else None
                if later and unit in ("day", "hour"):
                    n = _count(later.group("n")) if unit == "day" else 0
                    cand.anaphor = n if later.group("dir").lower() == "later" else -n
            cands.append(cand)
    chosen: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    _resolve_anaphors(chosen)
    return [TimeRef(text[c.start:c.end], c.start, c.end, c.value, c.precision) for c in chosen]


def _resolve_anaphors(cands: list[_Cand]) -> None:
    """"the next day", "two days later": a day counted from the previous day expression."""
    last: Date | None = None
    for cand in cands:
        if cand.anaphor is not None and last is not None:
            last = last + dt.timedelta(days=cand.anaphor)
            cand.value, cand.precision = last.isoformat(), "day"
        elif cand.precision == "day" and cand.value:
            last = Date.fromisoformat(cand.value)


def event_date(trigger_start: int, trigger_end: int, sent_start: int, sent_end: int, text: str,
               times: list[TimeRef], article_date: Date | None,
               ) -> tuple[str | None, str | None, bool]:
    """The date of the event whose trigger is given: (value, precision, inferred).

    The expression of the event's sentence nearest the trigger wins, those attached to the
    clause by a preposition ("on", "in", "since" ...) or standing alone ("yesterday", "last
    week") being preferred and clause breaks (";", "while", "but") counting as distance.
    "since X" gives the range X/article date; "from X to Y" the range X/Y. An expression
    that cannot be resolved ("three weeks after the strike") gives (None, None, False).
    With no expression: the article date at week precision, inferred; or (None, None, True).
    """
    inside = [t for t in times if t.start >= sent_start and t.end <= sent_end]
    if not inside:
        if article_date is None:
            return None, None, True
        return article_date.isoformat(), "week", True
    best = min(inside, key=lambda t: _attachment_cost(t, trigger_start, trigger_end, text))
    if best.value is None:
        return None, None, article_date is None
    if _SINCE_RE.search(text, max(0, best.start - 12), best.start) and article_date:
        if best.precision == "range":
            return best.value, "range", False
        return f"{best.value}/{article_date.isoformat()}", "range", False
    if _FROM_RE.search(text, max(0, best.start - 10), best.start):
        after = [t for t in inside if t.start >= best.end and t.value]
        if after and _TO_RE.match(text[best.end:after[0].start]):
            start = best.value.split("/")[0]
            end = after[0].value.split("/")[-1]
            return f"{start}/{end}", "range", False
    return best.value, best.precision, False


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
    end = _value_end(value)
    return end is not None and (article_date - end).days > 365
