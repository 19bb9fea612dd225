"""Local (US) news: state abbreviations, counties, small towns, places inside organisation
names, and the explanation of each resolution."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo import Geocoder
from gestae.geo.explain import explain_doc


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def places(geo: Geocoder, text: str) -> dict[str, tuple]:
    doc = nlp.load()(text)
    return {p.text: (p.name, p.country, p.admin1, p.feature) for p in geo.extract(doc)}


def test_state_abbreviation_after_town(geo: Geocoder) -> None:
    found = places(geo, "The fire broke out in a warehouse in Macon, Ga., late on Tuesday.")
    assert found["Ga."][0] == "Georgia" and found["Ga."][1] == "USA"
    assert found["Macon"][2] == "Georgia"


def test_two_part_abbreviation(geo: Geocoder) -> None:
    found = places(geo, "Officials in Wheeling, W.Va. said the bridge would reopen.")
    assert found["W.Va."][0] == "West Virginia"


def test_bare_word_is_not_an_abbreviation(geo: Geocoder) -> None:
    gaz = geo.gazetteer
    assert gaz.abbreviation("Ill.") is not None
    assert gaz.abbreviation("Ill") is None  # the word, without its period
    assert gaz.abbreviation("GA") is None and gaz.abbreviation("GA", after_comma=True)


def test_county_resolved_by_state_context(geo: Geocoder) -> None:
    text = ("Deputies in Henry County said the crash happened north of Paris. "
            "The Tennessee Highway Patrol is investigating.")
    found = places(geo, text)
    assert found["Henry County"][2] == "Tennessee"
    assert found["Henry County"][3] == "admin2"


def test_small_town_follows_the_state_named(geo: Geocoder) -> None:
    text = ("A man from Paris was charged on Monday, the Edgar County sheriff said. "
            "He is held in the county jail in Illinois.")
    found = places(geo, text)
    assert found["Paris"][1] == "USA" and found["Paris"][2] == "Illinois"


def test_big_namesake_wins_without_local_context(geo: Geocoder) -> None:
    found = places(geo, "The summit in Paris ended with a joint statement by France and Germany.")
    assert found["Paris"][1] == "FRA"


def test_place_opening_an_organisation_name(geo: Geocoder) -> None:
    text = "The Springfield Police Department arrested two men in Illinois on Friday."
    found = places(geo, text)
    assert "Springfield" in found and found["Springfield"][2] == "Illinois"


def test_person_name_is_not_split(geo: Geocoder) -> None:
    found = places(geo, "Paris Hilton attended the premiere with friends.")
    assert "Paris" not in found


def test_explain_gives_candidates_and_reason(geo: Geocoder) -> None:
    doc = nlp.load()("Flooding closed roads around Athens, Ga., and in nearby towns.")
    rows = {r["text"]: r for r in explain_doc(geo, doc)}
    athens = rows["Athens"]
    assert athens["chosen"]["admin1"] == "Georgia"
    assert len(athens["candidates"]) > 1
    assert "Georgia" in athens["reason"] or "state" in athens["reason"]
    assert athens["candidates"][0]["score"] >= athens["candidates"][1]["score"]
