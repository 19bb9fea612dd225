"""Hand-written sentences for every pattern of issue 7 (time and human cost), with the values
each should give. The article date is Monday 27 January 2020 unless a case says otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from gestae.model import Casualties, Count
from gestae.quantities import (
    casualty_reports,
    contradictions,
    extract_casualties,
    extract_quantities,
)
from gestae.time import event_date, extract_times, iso_value

MONDAY = dt.date(2020, 1, 27)


def value_of(sentence: str, phrase: str, article: dt.date | None = MONDAY
             ) -> tuple[str | None, str | None]:
    """The value and precision of the expression of ``sentence`` that covers ``phrase``."""
    at = sentence.index(phrase)
    hits = [t for t in extract_times(sentence, article) if t.start <= at < t.end]
    assert hits, f"no time expression covers {phrase!r}"
    return hits[0].value, hits[0].precision


def date_of(sentence: str, trigger: str, article: dt.date | None = MONDAY
            ) -> tuple[str | None, str | None, bool]:
    start = sentence.index(trigger)
    return event_date(start, start + len(trigger), 0, len(sentence), sentence,
                      extract_times(sentence, article), article)


def cost(sentence: str, trigger: str, others: tuple[str, ...] = ()) -> Casualties:
    start = sentence.index(trigger)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    return extract_casualties(sentence, 0, len(sentence), start, start + len(trigger), spans)


def triple(count: Count | None) -> tuple[int | None, int | None, int | None] | None:
    return None if count is None else (count.low, count.best, count.high)


# ------------------------------------------------------------------ time expressions (34)

TIME_CASES = [
    # weekdays: the most recent such day before the article date, unless future
    ("Security forces opened fire on Sunday.", "Sunday", "2020-01-26", "day"),
    ("The governor resigned Friday, aides said.", "Friday", "2020-01-24", "day"),
    ("The council will meet on Friday.", "Friday", "2020-01-31", "day"),
    ("Rebels shelled the town last Tuesday.", "last Tuesday", "2020-01-21", "day"),
    ("The strike began on Friday last week.", "Friday last week", "2020-01-24", "day"),
    ("Talks are scheduled for next Wednesday.", "next Wednesday", "2020-01-29", "day"),
    # days, weeks, months, years relative to the article date
    ("Two bombs exploded yesterday.", "yesterday", "2020-01-26", "day"),
    ("Militants attacked a checkpoint last week.", "last week", "2020-W04", "week"),
    ("Six deaths were reported in the last week.", "the last week", "2020-W04", "week"),
    ("Dozens were detained earlier this month.", "earlier this month", "2020-01", "month"),
    ("Prices doubled last month.", "last month", "2019-12", "month"),
    ("The budget must be cut this fiscal year.", "this fiscal year", "2020", "year"),
    ("Clashes resumed three weeks ago.", "three weeks ago", "2020-W02", "week"),
    # calendar dates
    ("Protests began on January 13.", "January 13", "2020-01-13", "day"),
    ("The law passed on December 7, 2019.", "December 7, 2019", "2019-12-07", "day"),
    ("Talks opened on 3 Jan 2020 in Doha.", "3 Jan 2020", "2020-01-03", "day"),
    ("The unrest started in October of last year.", "October of last year", "2019-10",
     "month"),
    ("He was elected in 2019.", "2019", "2019", "year"),
    ("The mission ended in June 2018.", "June 2018", "2018-06", "month"),
    ("The rebels withdrew in early December.", "early December", "2019-12", "month"),
    # ranges and TimeML conventions
    ("Over the past three months, hundreds fled.", "the past three months",
     "2019-10-27/2020-01-27", "range"),
    ("The pandemic of 2009-2010 killed many.", "2009", "2009", "year"),
    ("The pandemic of 2009-2010 killed many.", "2010", "2010", "year"),
    ("Violence peaked in the 1990s.", "1990s", "199", "range"),
    ("He went missing last summer.", "last summer", "2019-SU", "range"),
    ("Floods hit the valley this winter.", "this winter", "2019-WI", "range"),
    ("Elections will be held next spring.", "next spring", "2020-SP", "range"),
    ("The offensive began in the summer of 2014.", "summer of 2014", "2014-SU", "range"),
    ("He has admitted it now.", "now", "PRESENT_REF", "day"),
    # read against the narrative's reference time
    ("The season started in early December and peaked by the end of the year.",
     "the end of the year", "2019", "year"),
    ("The dam was finished in 2015 and the town was flooded that year.", "that year", "2015",
     "year"),
    ("He vanished in March 2018. The day before he vanished, he sold his car.",
     "The day before", "2018-XX-XX", "year"),
    ("Clashes erupted on Sunday. The day before, police had warned of trouble.",
     "The day before", "2020-01-25", "day"),
    # anchored to another event, not resolvable
    ("He died more than three weeks after the strike.", "three weeks after", None, None),
]


@pytest.mark.parametrize("sentence, phrase, value, precision", TIME_CASES)
def test_time_expression(sentence: str, phrase: str, value: str | None,
                         precision: str | None) -> None:
    assert value_of(sentence, phrase) == (value, precision)


def test_relative_expressions_without_article_date_stay_unresolved() -> None:
    for sentence, phrase in [("Militants attacked a checkpoint last week.", "last week"),
                             ("Security forces opened fire on Sunday.", "Sunday"),
                             ("He went missing last summer.", "last summer")]:
        assert value_of(sentence, phrase, None) == (None, None)
    assert value_of("The law passed on December 7, 2019.", "December 7", None) == (
        "2019-12-07", "day")


def test_quoted_dates_do_not_set_the_reference_time() -> None:
    text = ('He left in July. "Call me on Sunday," he wrote to his son the day before the son '
            "reported him missing.")
    # "July" is July 2019 (July 2020 would be months ahead); the quoted Sunday is not used
    assert value_of(text, "the day before", dt.date(2020, 3, 20)) == ("2019-XX-XX", "year")


# ------------------------------------------------------------------ event dates (7)

@pytest.mark.parametrize("sentence, trigger, expected", [
    ("Since October of last year, more than 500 protesters have been killed.", "killed",
     ("2019-10/2020-01-27", "range", False)),
    ("Three demonstrators were shot dead in Nasiriyah on Sunday.", "shot dead",
     ("2020-01-26", "day", False)),
    ("During the pandemic of 2009-2010, 348 children died.", "died",
     ("2009/2010", "range", False)),
    ("Violence peaked in the 1990s.", "peaked", ("1990/1999", "range", False)),
    ("He went missing last summer.", "missing", ("2019-06/2019-08", "range", False)),
    ("Police fired tear gas at the crowd.", "fired", ("2020-01-27", "week", True)),
    ("He has admitted it now, his lawyer said.", "admitted", ("2020-01-27", "week", True)),
])
def test_event_date(sentence: str, trigger: str,
                    expected: tuple[str | None, str | None, bool]) -> None:
    assert date_of(sentence, trigger) == expected


def test_iso_value_of_timeml_values() -> None:
    assert iso_value("2012-WI", None) == ("2012-12/2013-02", "range")
    assert iso_value("2012-XX-XX", None) == ("2012", "year")
    assert iso_value("PRESENT_REF", MONDAY) == ("2020-01-27", "day")
    assert iso_value("2020-W04", None) == ("2020-W04", "week")
    assert iso_value("garbage", None) is None


# ------------------------------------------------------------------ casualties (27)

CASUALTY_CASES = [
    # sentence, trigger, role, (low, best, high)
    ("Three demonstrators were shot dead while 50 others were wounded.", "shot dead",
     "killed", (3, 3, 3)),
    ("Three demonstrators were shot dead while 50 others were wounded.", "shot dead",
     "injured", (50, 50, 50)),
    ("More than 500 protesters have been killed since October.", "killed", "killed",
     (500, 500, None)),
    ("At least 156 people died in the floods.", "died", "killed", (156, 156, None)),
    ("Up to 20 villagers were killed in the raid.", "killed", "killed", (None, 20, 20)),
    ("About 40 people were wounded by shrapnel.", "wounded", "injured", (None, 40, None)),
    ("Between 10 and 15 people were killed in the crush.", "killed", "killed", (10, 10, 15)),
    ("Tens of people were injured in the stampede.", "injured", "injured", (10, 10, None)),
    ("Dozens of protesters were arrested outside parliament.", "arrested", "arrested",
     (12, 12, None)),
    ("Hundreds of people were detained overnight.", "detained", "arrested", (100, 100, None)),
    ("Half a dozen guards were wounded.", "wounded", "injured", (6, 6, 6)),
    ("Twenty-five people were killed in the ambush.", "killed", "killed", (25, 25, 25)),
    ("Police said 1,200 people were arrested.", "arrested", "arrested", (1200, 1200, 1200)),
    ("34 soldiers suffered brain injuries in the strike.", "strike", "injured", (34, 34, 34)),
    ("The attack caused zero casualties, officials said.", "attack", "killed", (0, 0, 0)),
    ("The attack caused zero casualties, officials said.", "attack", "injured", (0, 0, 0)),
    ("No one was hurt in the fire.", "fire", "injured", (0, 0, 0)),
    ("A policeman was killed at the checkpoint.", "killed", "killed", (1, 1, 1)),
    ("One soldier was wounded in the clash.", "wounded", "injured", (1, 1, 1)),
    ("Gunmen opened fire on a bus, killing two.", "opened fire", "killed", (2, 2, 2)),
    ("The car bomb left five people dead.", "car bomb", "killed", (5, 5, 5)),
    ("Four rebels were killed and six others were wounded.", "killed", "injured", (6, 6, 6)),
    ("The death toll rose to 20 on Tuesday.", "death toll", "killed", (20, 20, 20)),
    ("Nine people, including three children, were killed.", "killed", "killed", (9, 9, 9)),
    # named victims count one each
    ("Mayor Juan Perez was murdered outside his home.", "murdered", "killed", (1, 1, 1)),
    ("Reporters Ana Lopez and Luis Ortega were killed by troops.", "killed", "killed",
     (2, 2, 2)),
    ("Police arrested Ali Hassan and Omar Khan on Tuesday.", "arrested", "arrested",
     (2, 2, 2)),
    ("The bomb that killed attorney general Roberto Garcia was hidden in a car.", "killed",
     "killed", (1, 1, 1)),
    ("However, he was wounded in the leg.", "wounded", "injured", (1, 1, 1)),
    ("Inspector Eva Moreno died in the explosion.", "explosion", "killed", (1, 1, 1)),
    ("Two farmers, Jose Ruiz and Pedro Diaz, were shot to death.", "shot to death", "killed",
     (2, 2, 2)),
    # nouns naming the act before the victims
    ("Judges are investigating the murder of two aid workers.", "murder", "killed",
     (2, 2, 2)),
    ("Unions condemned the arrest of eight teachers.", "arrest", "arrested", (8, 8, 8)),
    ("The assassination of Governor Luis Vega, a reformer, shocked the country.",
     "assassination", "killed", (1, 1, 1)),
]


@pytest.mark.parametrize("sentence, trigger, role, expected", CASUALTY_CASES)
def test_casualty_figure(sentence: str, trigger: str, role: str,
                         expected: tuple[int | None, int | None, int | None]) -> None:
    assert triple(getattr(cost(sentence, trigger), role)) == expected


def test_unknown_number_is_flagged_without_a_figure() -> None:
    killed = cost("An unknown number of civilians were killed.", "killed").killed
    assert killed is not None and killed.unknown and killed.best is None


@pytest.mark.parametrize("sentence, trigger", [
    ("He was nearly killed in the blast.", "killed"),
    ("Soldiers killed Afghan civilians in the raid.", "killed"),
    ("Highway 7 was closed after 2003 clashes.", "clashes"),
])
def test_no_casualty_figure(sentence: str, trigger: str) -> None:
    killed = cost(sentence, trigger).killed
    assert killed is None or killed.best is None


def test_figures_go_to_the_right_event_of_a_sentence() -> None:
    text = "A bomb killed two soldiers in the north, while police arrested 15 protesters."
    bomb = cost(text, "killed", others=("arrested",))
    police = cost(text, "arrested", others=("killed",))
    assert triple(bomb.killed) == (2, 2, 2) and bomb.arrested is None
    assert triple(police.arrested) == (15, 15, 15) and police.killed is None


# ------------------------------------------------------------------ other counts (4)

@pytest.mark.parametrize("sentence, what, value", [
    ("Militants fired 109 Katyusha rockets at the base.", "rockets", 109),
    ("Three rockets hit the embassy compound.", "rockets", 3),
    ("The country sent 5,000 American soldiers to the region.", "soldiers", 5000),
])
def test_other_counts(sentence: str, what: str, value: int) -> None:
    found = {q.what: q.value for q in extract_quantities(sentence, 0, len(sentence))}
    assert found.get(what) == value


def test_votes() -> None:
    text = "The council voted 170 to 0 in favour of the resolution."
    found = {q.what: q.value for q in extract_quantities(text, 0, len(text))}
    assert found == {"votes for": 170, "votes against": 0}


# ------------------------------------------------------------------ contradicting figures (3)

def _reports(text: str, sentence: str, trigger: str, source: str | None
             ) -> list[dict[str, object]]:
    start = text.index(sentence)
    at = text.index(trigger, start)
    return casualty_reports(text, start, start + len(sentence), at, at + len(trigger), [],
                            source)


def test_contradicting_figures_are_all_kept_with_their_sources() -> None:
    first = "Iran said the missile strikes caused zero casualties."
    second = "The Pentagon later said 34 soldiers suffered brain injuries in the strikes."
    text = f"{first} {second}"
    reports = (_reports(text, first, "strikes", "Iran")
               + _reports(text, second, "strikes", "The Pentagon"))
    found = contradictions(reports)
    assert [(r["role"], r["value"], r["source"]) for r in found] == [
        ("injured", 0, "Iran"), ("injured", 34, "The Pentagon")]
    for r in found:
        assert text[r["start"]:r["end"]] == r["text"]


def test_agreeing_figures_are_no_contradiction() -> None:
    first = "At least 10 people were killed in the blast, police said."
    second = "Hospital staff said 12 people were killed in the blast."
    text = f"{first} {second}"
    reports = (_reports(text, first, "blast", "police")
               + _reports(text, second, "blast", "Hospital staff"))
    assert len(reports) == 2 and contradictions(reports) == []


def test_only_the_disputed_role_is_reported() -> None:
    first = "Two soldiers were killed and five were wounded, the army said."
    second = "Rebels said 20 soldiers were killed in the attack."
    text = f"{first} {second}"
    reports = (_reports(text, first, "killed", "the army")
               + _reports(text, second, "killed", "Rebels"))
    found = contradictions(reports)
    assert {r["role"] for r in found} == {"killed"}
    assert [r["value"] for r in found] == [2, 20]
