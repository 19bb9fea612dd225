"""Places named inside other names, lists of counties, datelines after a headline, party
designations, and document context that a repeated name cannot give itself."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def found(geo: Geocoder, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc = nlp.load()(text)
    return [(p.text, p.name, p.admin1, p.feature) for p in geo.extract(doc)]


def names(geo: Geocoder, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {t: (n, a, f) for t, n, a, f in found(geo, text)}


def test_state_and_city_inside_organisation_names(geo: Geocoder) -> None:
    got = names(geo, "The Ohio Department of Health said cases rose. A report from the "
                     "University of Cincinnati agreed.")
    assert got["Ohio"][2] == "admin1"
    assert got["Cincinnati"][1] == "Ohio"


def test_person_named_after_a_state_is_no_place(geo: Geocoder) -> None:
    got = names(geo, "Virginia Smith said the Justice Department would not comment.")
    assert "Virginia" not in got and "Justice" not in got


def test_each_name_in_a_county_list_is_a_county(geo: Geocoder) -> None:
    got = names(geo, "Turnout rose in Dakota, Otoe and Washington counties, election "
                     "officials in Nebraska said.")
    for name in ("Dakota", "Otoe", "Washington"):
        assert got[name][0] == f"{name} County" and got[name][2] == "admin2"
        assert got[name][1] == "Nebraska"


def test_town_and_county_close_together_settle_each_other(geo: Geocoder) -> None:
    got = names(geo, "The Henry County commission met in Paris on Tuesday to discuss the "
                     "budget.")
    assert got["Paris"][1] == got["Henry County"][1]
    assert got["Paris"][1] is not None


def test_repeated_name_does_not_vote_for_itself(geo: Geocoder) -> None:
    text = ("Paris police said the fire started at noon. Paris firefighters from Lamar "
            "County put it out. Officers came from Dallas and Tyler, Texas. Paris schools "
            "stayed open.")
    assert {a for t, _n, a, _f in found(geo, text) if t == "Paris"} == {"Texas"}


def test_dateline_after_a_headline(geo: Geocoder) -> None:
    got = names(geo, "Storm damages barns. MAYSVILLE, Ky. - High winds tore roofs off two "
                     "barns on Monday.")
    assert got["MAYSVILLE"][:2] == ("Maysville", "Kentucky")


def test_capitals_inside_a_sentence_are_no_dateline(geo: Geocoder) -> None:
    got = names(geo, "An HIV-positive man was sentenced. The tide of HIV, officials said, "
                     "is turning.")
    assert "HIV" not in got


def test_legislator_home_town(geo: Geocoder) -> None:
    got = names(geo, "The plan was backed by Sen. Jane Roe, R-Fresno, and Rep. John Doe, "
                     "D-N.J., on Monday.")
    assert got["Fresno"][1] == "California"
    assert got["N.J."][0] == "New Jersey"


def test_place_inside_an_unknown_facility_or_direction(geo: Geocoder) -> None:
    got = names(geo, "Records were moved out of the Henry County Courthouse. Jobless rates "
                     "fell across Northeast Georgia.")
    assert got["Henry County"][2] == "admin2"
    assert got["Georgia"][0] == "Georgia"


@pytest.mark.parametrize("name,country", [("Dagestan", "RUS"), ("Zamfara", "NGA"),
                                          ("West Java", "IDN")])
def test_first_level_areas_missing_from_iso_names(geo: Geocoder, name: str,
                                                  country: str) -> None:
    entries = [e for e, q in geo.gazetteer.lookup(name) if q == 1.0 and e.feature == "admin1"]
    assert entries and entries[0].country == country


def test_county_population_is_a_prior(geo: Geocoder) -> None:
    counties = [e for e, _q in geo.gazetteer.lookup("Henry County") if e.feature == "admin2"]
    assert len(counties) > 3 and any(e.population > 10_000 for e in counties)
