"""Temporal expressions: detection, resolution against the article date, event dates."""

from __future__ import annotations

import datetime as dt
import time as clock

import pytest

from gestae.model import TimeRef
from gestae.time import event_date, extract_times, is_historical, parse_date

MONDAY = dt.date(2020, 1, 27)  # a Monday, ISO week 2020-W05


def values(text: str, article: dt.date | None = MONDAY) -> dict[str, tuple[str | None, str | None]]:
    return {t.text: (t.value, t.precision) for t in extract_times(text, article)}


def only(text: str, article: dt.date | None = MONDAY) -> TimeRef:
    found = extract_times(text, article)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- parse_date

@pytest.mark.parametrize("raw, expected", [
    ("2020-01-27", dt.date(2020, 1, 27)),
    ("2020-01-27T10:15:00Z", dt.date(2020, 1, 27)),
    ("2020-01-27T10:15:00+03:00", dt.date(2020, 1, 27)),
    (" 2019-12-31 ", dt.date(2019, 12, 31)),
])
def test_parse_date_accepts_dates_and_datetimes(raw: str, expected: dt.date) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["2020-13-45", "2019-02-29", "yesterday", "27/01/2020", ""])
def test_parse_date_rejects_bad_dates_with_clear_message(raw: str) -> None:
    with pytest.raises(ValueError, match="invalid date"):
        parse_date(raw)


# ---------------------------------------------------------------- weekdays and days

@pytest.mark.parametrize("phrase, expected", [
    ("on Sunday", "2020-01-26"),
    ("on Friday", "2020-01-24"),
    ("last Monday", "2020-01-20"),  # strictly before
    ("on Monday", "2020-01-27"),  # the article's own weekday is the article date
    ("last Tuesday", "2020-01-21"),
    ("on Saturday night", "2020-01-25"),
])
def test_weekday_is_most_recent_before_article(phrase: str, expected: str) -> None:
    ref = only(f"Police opened fire {phrase} near the bridge.")
    assert (ref.value, ref.precision) == (expected, "day")
    assert "on " not in ref.text  # prepositions are not part of the expression


def test_future_weekdays() -> None:
    assert only("Protesters plan a rally next Friday.").value == "2020-01-31"
    assert only("The parliament will vote on Thursday.").value == "2020-01-30"
    assert only("The talks are scheduled for Tuesday.").value == "2020-01-28"
    assert only("The talks are scheduled for next Monday.").value == "2020-02-03"


def test_friday_last_week_and_this_week() -> None:
    assert only("It happened on Friday last week.").value == "2020-01-24"
    assert only("It happened Wednesday of last week.").value == "2020-01-22"
    assert only("They meet on Friday next week.").value == "2020-02-07"


def test_weekday_names_used_as_names_are_not_dates() -> None:
    assert extract_times("They marked Bloody Sunday.", MONDAY) == []
    assert extract_times("Stores opened on Sundays.", MONDAY) == []


@pytest.mark.parametrize("word, expected", [
    ("yesterday", "2020-01-26"),
    ("today", "2020-01-27"),
    ("last night", "2020-01-26"),
    ("the day before yesterday", "2020-01-25"),
    ("tomorrow", "2020-01-28"),
])
def test_relative_days(word: str, expected: str) -> None:
    ref = only(f"Clashes broke out {word} in the capital.")
    assert (ref.text, ref.value, ref.precision) == (word, expected, "day")


def test_part_of_day_stays_in_the_expression() -> None:
    ref = only("Gunmen attacked the base yesterday morning.")
    assert (ref.text, ref.value) == ("yesterday morning", "2020-01-26")


# ---------------------------------------------------------------- weeks, months, years

@pytest.mark.parametrize("phrase, value, precision", [
    ("last week", "2020-W04", "week"),
    ("this week", "2020-W05", "week"),
    ("earlier this week", "2020-W05", "week"),
    ("next week", "2020-W06", "week"),
    ("last month", "2019-12", "month"),
    ("earlier this month", "2020-01", "month"),
    ("next month", "2020-02", "month"),
    ("last year", "2019", "year"),
    ("earlier this year", "2020", "year"),
    ("the end of last year", "2019", "year"),
    ("three weeks ago", "2020-W02", "week"),
    ("two days ago", "2020-01-25", "day"),
    ("a month ago", "2019-12", "month"),
    ("five years ago", "2015", "year"),
])
def test_relative_periods(phrase: str, value: str, precision: str) -> None:
    ref = only(f"Something happened {phrase}, officials said.")
    assert ref.text == phrase
    assert (ref.value, ref.precision) == (value, precision)


@pytest.mark.parametrize("phrase, value", [
    ("the past three months", "2019-10-27/2020-01-27"),
    ("the last two years", "2018-01-27/2020-01-27"),
    ("the past 48 hours", "2020-01-25/2020-01-27"),
    ("the next three days", "2020-01-27/2020-01-30"),
])
def test_ranges(phrase: str, value: str) -> None:
    ref = only(f"Dozens were arrested over {phrase}.")
    assert (ref.text, ref.value, ref.precision) == (phrase, value, "range")


def test_decade_is_the_timeml_decade() -> None:
    assert (only("Violence peaked in the 1990s.").value,
            only("Violence peaked in the 1990s.").precision) == ("199", "range")


def test_singular_past_unit_is_the_previous_unit() -> None:
    assert (only("Six died in the past week.").value) == "2020-W04"
    assert (only("Six died over the last month.").value) == "2019-12"


def test_year_ranges_and_years_in_noun_phrases() -> None:
    # four-digit pairs are two atomic years; a two-digit end stays one range
    assert values("the pandemic of 2009-2010 and the 2014-15 season") == {
        "2009": ("2009", "year"), "2010": ("2010", "year"), "2014-15": ("2014/2015", "range")}
    assert values("after a 2010 commando raid") == {"2010": ("2010", "year")}


def test_modifier_on_relative_month() -> None:
    assert only("It began in late last July.").value == "2019-07"


# ---------------------------------------------------------------- calendar dates

def test_month_day_takes_article_year_or_previous() -> None:
    assert only("Protests began on January 13.").value == "2020-01-13"
    # December 7 of the article's year would be ten months ahead: previous year
    assert only("Protests began on December 7.").value == "2019-12-07"
    # a little after the article date is fine
    assert only("The vote is on February 20.").value == "2020-02-20"
    assert only("It began on January 3.", dt.date(2019, 12, 20)).value == "2020-01-03"


@pytest.mark.parametrize("phrase, value", [
    ("December 7, 2019", "2019-12-07"),
    ("Dec. 7, 2019", "2019-12-07"),
    ("7 December 2019", "2019-12-07"),
    ("the 7th of December 2019", "2019-12-07"),
    ("Sunday, January 26, 2020", "2020-01-26"),
    ("2019-10-27", "2019-10-27"),
])
def test_full_dates(phrase: str, value: str) -> None:
    ref = only(f"The attack took place on {phrase} in the north.")
    assert (ref.value, ref.precision) == (value, "day")
    assert ref.text == phrase


@pytest.mark.parametrize("phrase, value", [
    ("in 2019", "2019"),
    ("since 2003", "2003"),
    ("in early 2019", "2019"),
    ("by the end of 2021", "2021"),
])
def test_years(phrase: str, value: str) -> None:
    ref = only(f"Fighting resumed {phrase} in the region.")
    assert (ref.value, ref.precision) == (value, "year")


@pytest.mark.parametrize("phrase, value", [
    ("in October", "2019-10"),
    ("in January", "2020-01"),
    ("in March", "2020-03"),
    ("October of last year", "2019-10"),
    ("October last year", "2019-10"),
    ("in June 2018", "2018-06"),
    ("mid-January", "2020-01"),
    ("last October", "2019-10"),
])
def test_months(phrase: str, value: str) -> None:
    ref = only(f"Hundreds gathered {phrase} outside the ministry.")
    assert (ref.value, ref.precision) == (value, "month")


def test_future_month_goes_forward() -> None:
    assert only("Elections will be held in October.").value == "2020-10"


@pytest.mark.parametrize("text", [
    "the march of a thousand people",
    "Protesters may march again.",
    "May God protect them, he said.",
    "Theresa May met the president.",
    "March organisers said they would return.",
    "They will march on the capital.",
    "It was noted in Jan Egeland's report.",
])
def test_month_names_need_date_context(text: str) -> None:
    assert extract_times(text, MONDAY) == []


def test_numbers_that_are_not_years() -> None:
    assert extract_times("Highway 1 was closed and 2000 people fled.", MONDAY) == []
    assert extract_times("About 1,200 protesters and the 2000 protesters marched.", MONDAY) == []


def test_year_modifying_a_noun_is_a_year() -> None:
    ref = only("Since the 2003 invasion, the city has changed.")
    assert (ref.text, ref.value) == ("2003", "2003")


def test_anaphoric_days_follow_previous_date() -> None:
    found = values("Clashes erupted on Sunday. The next day police withdrew; "
                   "two days later the army arrived.")
    assert found["Sunday"] == ("2020-01-26", "day")
    assert found["The next day"] == ("2020-01-27", "day")
    assert found["two days later"] == ("2020-01-29", "day")


def test_anchored_expressions_stay_unresolved() -> None:
    ref = only("He died more than three weeks after the strike.")
    assert ref.text == "more than three weeks after"
    assert ref.value is None and ref.precision is None


# ---------------------------------------------------------------- structure

def test_sorted_atomic_and_non_overlapping() -> None:
    text = ("On Sunday, three protesters were killed; last week two died, and in October of "
            "last year dozens were hurt. On January 13 and 7 December 2019 more marched.")
    found = extract_times(text, MONDAY)
    assert [t.start for t in found] == sorted(t.start for t in found)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for t in found:
        assert text[t.start:t.end] == t.text
    assert [t.text for t in found] == ["Sunday", "last week", "October of last year",
                                       "January 13", "7 December 2019"]


def test_without_article_date_relative_values_are_none() -> None:
    found = values("Yesterday, last week, on Friday and on January 13 protests were held; "
                   "on December 7, 2019 and in 2019 too.", None)
    for phrase in ("Yesterday", "last week", "Friday", "January 13"):
        assert found[phrase] == (None, None)
    assert found["December 7, 2019"] == ("2019-12-07", "day")
    assert found["2019"] == ("2019", "year")


def test_speed() -> None:
    text = ("Security forces opened fire on protesters in Nasiriyah on Sunday, killing three, "
            "officials said last week. In October of last year demonstrations began. ") * 100
    begin = clock.perf_counter()
    found = extract_times(text, MONDAY)
    assert len(found) == 300
    assert clock.perf_counter() - begin < 1.0


# ---------------------------------------------------------------- event_date

def _event(text: str, trigger: str, article: dt.date | None = MONDAY
           ) -> tuple[str | None, str | None, bool]:
    start = text.index(trigger)
    return event_date(start, start + len(trigger), 0, len(text), text,
                      extract_times(text, article), article)


def test_event_date_takes_expression_of_sentence() -> None:
    assert _event("Three demonstrators were shot dead on Sunday.", "shot dead") == (
        "2020-01-26", "day", False)


def test_event_date_prefers_nearest_attached_expression() -> None:
    text = "Since the 2003 invasion, gunmen have attacked the town; on Friday they killed two."
    assert _event(text, "killed") == ("2020-01-24", "day", False)
    text = "Police arrested 20 people on Tuesday, a week after the 2019 election."
    assert _event(text, "arrested") == ("2020-01-21", "day", False)


def test_event_date_since_gives_range() -> None:
    text = "Since October of last year, more than 500 protesters have been killed."
    assert _event(text, "killed") == ("2019-10/2020-01-27", "range", False)


def test_event_date_from_to_gives_range() -> None:
    text = "Curfews were imposed from January 13 to January 20."
    assert _event(text, "imposed") == ("2020-01-13/2020-01-20", "range", False)


def test_event_date_range_expression_kept() -> None:
    text = "Over the past three months, 500 protesters have been killed."
    assert _event(text, "killed") == ("2019-10-27/2020-01-27", "range", False)


def test_event_date_anchored_is_unresolved() -> None:
    text = "He died more than three weeks after the strike."
    assert _event(text, "died") == (None, None, False)


def test_event_date_falls_back_to_article_date() -> None:
    assert _event("Police fired tear gas at the crowd.", "fired") == (
        "2020-01-27", "week", True)
    assert _event("Police fired tear gas at the crowd.", "fired", None) == (None, None, True)


def test_event_date_only_reads_its_sentence() -> None:
    text = "Police fired tear gas. On Sunday, the army withdrew."
    start = text.index("fired")
    end_first = text.index(".") + 1
    result = event_date(start, start + 5, 0, end_first, text, extract_times(text, MONDAY), MONDAY)
    assert result == ("2020-01-27", "week", True)


# ---------------------------------------------------------------- is_historical

@pytest.mark.parametrize("value, expected", [
    ("2020-01-26", False),
    ("2019", False),
    ("2018", True),
    ("2018-12", True),
    ("2019-01-28", False),
    ("2019-01-20", True),
    ("2018-W50", True),
    ("2003/2004", True),
    ("2018-10/2020-01-27", False),
    ("1990/1999", True),
    (None, False),
    ("not a date", False),
])
def test_is_historical(value: str | None, expected: bool) -> None:
    assert is_historical(value, MONDAY) is expected


def test_is_historical_needs_article_date() -> None:
    assert is_historical("1990", None) is False
