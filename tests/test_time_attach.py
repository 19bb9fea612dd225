"""Event dates from the time expression attached to the trigger by syntax (issue 9).

Every sentence is written for these tests. The article date is Tuesday 14 June 2022, so
Monday is 06-13, Sunday 06-12, Saturday 06-11, Friday 06-10, Thursday 06-09.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gestae.time import _shift, attached_time, contract_times, event_date, extract_times

TUESDAY = dt.date(2022, 6, 14)


def date_of(nlp, text: str, trigger: str, article: dt.date | None = TUESDAY,
            ) -> tuple[str | None, str | None]:
    """The (value, precision) event_date gives the event whose trigger is ``trigger``."""
    start = text.index(trigger)
    times = contract_times(extract_times(text, article), article)
    value, precision, _ = event_date(start, start + len(trigger), 0, len(text), text, times,
                                     article, doc=nlp(text))
    return value, precision


# ---------------------------------------------------------------- two times in one sentence

@pytest.mark.parametrize("text, trigger, expected", [
    # a relative clause's time is that clause's, not the main verb's
    ("The court freed on Monday 12 students who had been detained at a checkpoint on Friday.",
     "detained", "2022-06-10"),
    ("The court freed on Monday 12 students who had been detained at a checkpoint on Friday.",
     "freed", "2022-06-13"),
    ("Police released on Monday students who had been arrested during a march through the "
     "capital on Friday.", "arrested", "2022-06-10"),
    # a participle's time
    ("Rights groups demanded on Sunday an inquiry into the beating of journalists arrested in "
     "Harare on Thursday.", "arrested", "2022-06-09"),
    ("Rights groups demanded on Sunday an inquiry into the beating of journalists arrested in "
     "Harare on Thursday.", "demanded", "2022-06-12"),
    # an event noun's own relative clause dates it
    ("The council condemned on Monday the raid that killed four farmers near Kidal on Friday.",
     "raid", "2022-06-10"),
    ("The council condemned on Monday the raid that killed four farmers near Kidal on Friday.",
     "condemned", "2022-06-13"),
])
def test_each_clause_keeps_its_own_time(nlp, text: str, trigger: str, expected: str) -> None:
    assert date_of(nlp, text, trigger) == (expected, "day")


def test_event_noun_takes_the_time_beside_it_not_the_verbs(nlp) -> None:
    text = "The army denied on Monday any role in the shelling of Kidal last week."
    assert date_of(nlp, text, "shelling") == ("2022-W23", "week")
    assert date_of(nlp, text, "denied") == ("2022-06-13", "day")


def test_event_noun_without_time_takes_its_clause_time(nlp) -> None:
    text = "Rebels carried out an ambush near Gao on Saturday."
    assert date_of(nlp, text, "ambush") == ("2022-06-11", "day")


# ---------------------------------------------------------------- anchored expressions

@pytest.mark.parametrize("text, trigger, expected", [
    # "N days after <clause>": the clause's event is N days before the main clause's time
    ("Mourners gathered in Gao on Saturday, four days after gunmen ambushed a convoy outside "
     "the city.", "ambushed", "2022-06-07"),
    ("Mourners gathered in Gao on Saturday, four days after gunmen ambushed a convoy outside "
     "the city.", "gathered", "2022-06-11"),
    # "N days before <clause>": N days after
    ("The mayor resigned on Friday, two days before protesters stormed the town hall.",
     "stormed", "2022-06-12"),
    # an event noun as the anchor
    ("Police arrested 30 people on Thursday, a day after the bombing of a bus station.",
     "bombing", "2022-06-08"),
    ("Police arrested 30 people on Thursday, a day after the bombing of a bus station.",
     "arrested", "2022-06-09"),
    # the anchored phrase modifies the trigger and its clause has a date
    ("A week after the army retook Kidal on June 1, rebels shelled the airport.", "shelled",
     "2022-06-08"),
    # the main clause's time sits on a verb chain ("tried to occupy ... on Saturday")
    ("Students tried to occupy the ministry on Saturday, three days after police arrested "
     "their leaders.", "arrested", "2022-06-08"),
])
def test_anchored_expression_shifts_the_anchor_date(nlp, text: str, trigger: str,
                                                    expected: str) -> None:
    assert date_of(nlp, text, trigger) == (expected, "day")


def test_the_day_before_a_dated_event(nlp) -> None:
    text = "Protesters clashed with police in Gao the day before Sunday's vote."
    assert date_of(nlp, text, "clashed") == ("2022-06-11", "day")


def test_time_inside_an_anchor_dates_the_anchor_not_the_verb(nlp) -> None:
    text = "Thousands marched on the capital a year after the 2019 election."
    assert date_of(nlp, text, "marched") == ("2020", "year")


def test_anchor_without_date_stays_unresolved(nlp) -> None:
    text = "He died more than three weeks after the strike."
    assert date_of(nlp, text, "died") == (None, None)


def test_a_week_later_counts_from_the_previous_day() -> None:
    text = "The army took Kidal on June 1. A week later, rebels shelled the airport."
    found = {t.text: t.value for t in extract_times(text, TUESDAY)}
    assert found["A week later"] == "2022-06-08"
    text = "The army retook Kidal on June 1; two weeks earlier, rebels had shelled the airport."
    found = {t.text: t.value for t in extract_times(text, TUESDAY)}
    assert found["two weeks earlier"] == "2022-05-18"


@pytest.mark.parametrize("text, value", [
    ("Six people died in the weekend attack on the hotel.", "2022-W23"),
    ("Police said the weekend's clashes left six dead.", "2022-W23"),
    ("The rebels must withdraw by the weekend deadline.", None),
])
def test_the_weekend_before_a_noun_is_last_weekend(text: str, value: str | None) -> None:
    found = [t.value for t in extract_times(text, TUESDAY) if "weekend" in t.text]
    assert found == ([value] if value else [])


# ---------------------------------------------------------------- fallback and edges

def test_distance_is_the_fallback_when_nothing_attaches(nlp) -> None:
    text = "Police said on Monday that 20 people were arrested."
    assert date_of(nlp, text, "arrested") == ("2022-06-13", "day")


def test_attached_time_is_none_without_times(nlp) -> None:
    text = "Police fired tear gas at the crowd."
    assert attached_time(nlp(text), text.index("fired"), text.index("fired") + 5, []) is None


def test_without_article_date_nothing_is_invented(nlp) -> None:
    text = "Mourners gathered in Gao on Saturday, four days after gunmen ambushed a convoy."
    assert date_of(nlp, text, "ambushed", None) == (None, None)


@pytest.mark.parametrize("value, precision, amount, unit, expected", [
    ("2022-06-11", "day", -4, "day", ("2022-06-07", "day")),
    ("2022-06-11", "day", 1, "week", ("2022-06-18", "day")),
    ("2022-06-11", "day", -1, "month", ("2022-05-11", "day")),
    ("2022-05", "month", -2, "day", ("2022-05", "month")),  # "in May, two days after ..."
    ("2022-W23", "week", -1, "week", ("2022-W22", "week")),
    ("2019", "year", 1, "year", ("2020", "year")),
    ("2022-03-01/2022-06-14", "range", 2, "day", None),
])
def test_shift_keeps_the_anchor_precision(value: str, precision: str, amount: int, unit: str,
                                          expected: tuple[str, str] | None) -> None:
    assert _shift(value, precision, amount, unit) == expected


# ---------------------------------------------------------------- through the pipeline

def test_pipeline_dates_each_event_by_its_clause(pipeline) -> None:
    text = ("Hundreds of people rallied in Gao on Saturday, four days after gunmen ambushed an "
            "army convoy outside the town.")
    result = pipeline.extract(text, date=TUESDAY.isoformat())
    dates = {e.type: (e.date, e.date_precision) for e in result.events}
    assert dates.get("PROTEST") == ("2022-06-11", "day")
    assert dates.get("ASSAULT") == ("2022-06-07", "day")
