"""Round 3 of resolution: a main name outweighs another place's alternate name, unless that
place is so much bigger that the alternate is its usual English name."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def resolved(geo: Geocoder, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp.load()(text)
    return {p.text: (p.name, p.country) for p in geo.extract(doc)}


def test_main_name_beats_a_bigger_citys_alternate(geo: Geocoder) -> None:
    got = resolved(geo, "The council in Augusta voted on Tuesday to repave two streets.")
    assert got["Augusta"][0] == "Augusta"


def test_exonym_of_a_big_city_still_wins(geo: Geocoder) -> None:
    got = resolved(geo, "The trade fair opened in Cologne on Monday with 900 exhibitors.")
    assert got["Cologne"][1] == "DEU"


def test_direction_word_that_begins_a_state_name_inside_an_organisation(geo: Geocoder) -> None:
    got = resolved(geo, "The grant came from the West Virginia Department of Transportation "
                        "last spring.")
    assert got.get("West Virginia", (None, None))[0] == "West Virginia"
    assert "Virginia" not in got


def test_county_and_town_settle_on_one_state(geo: Geocoder) -> None:
    text = ("The burn ban for Walker County was lifted on Monday. Huntsville officials met "
            "Walker County commissioners at the courthouse in Huntsville.")
    doc = nlp.load()(text)
    states = {p.admin1 for p in geo.extract(doc) if p.text in {"Walker County", "Huntsville"}}
    assert len(states) == 1


def test_dateline_does_not_vote_for_its_own_reading(geo: Geocoder) -> None:
    from gestae.geo.lexicon import demonym_counts
    from gestae.geo.resolver import resolve_with_context
    from gestae.geo.toponyms import recognise

    doc = nlp.load()("MANSFIELD — The council approved the budget on Monday. Mansfield "
                     "residents spoke for an hour.")
    tops = recognise(doc, geo.gazetteer)
    _res, ranked = resolve_with_context(tops, doc.text, geo.gazetteer, demonym_counts(doc))
    for top, scored in zip(tops, ranked, strict=True):
        if top.text.lower() == "mansfield" and scored:
            assert "document country" not in scored[0].parts


def test_a_country_spelled_exactly_beats_a_town_spelled_alike(geo: Geocoder) -> None:
    got = resolved(geo, "She grew up in western Iran and moved to North Texas in 1975. Her "
                        "family had to leave Iran after the revolution.")
    assert got["Iran"] == ("Iran", "IRN")


def test_a_name_listed_among_states_is_a_state(geo: Geocoder) -> None:
    doc = nlp.load()("Cases were reported in Michigan, Oregon, New Mexico, Indiana, Ohio and "
                     "Wisconsin last week.")
    features = {p.text: p.feature for p in geo.extract(doc)}
    assert features["Oregon"] == "admin1"
    assert features["Wisconsin"] == "admin1"
