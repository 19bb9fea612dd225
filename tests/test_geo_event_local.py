"""Event location, round 4: local names the gazetteer lacks, reference points, victims' places.

Gold event locations name the narrowest place a report gives ("the village of X in northern
Y" -> X) and not the town a distance is measured from ("X, 80 km south of Y" -> X).
"""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo import Geocoder
from gestae.geo.toponyms import recognise
from gestae.model import Place


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def locate(geo: Geocoder, text: str, trigger: str) -> Place | None:
    doc = nlp.load()(text)
    places = geo.extract(doc)
    start = text.index(trigger)
    return geo.event_location(doc, start, start + len(trigger), places, geo.focus(doc, places))


def names(geo: Geocoder, text: str) -> list[str]:
    return [t.text for t in recognise(nlp.load()(text), geo.gazetteer)]


@pytest.mark.parametrize("text, name", [
    ("Gunmen killed four farmers in the village of Kerem Tabla on Monday.", "Kerem Tabla"),
    ("Two men were shot dead in Zawiyat Harb village overnight.", "Zawiyat Harb"),
    ("Troops raided the Qurnat Ali refugee camp at dawn.", "Qurnat Ali"),
    ("A bomb went off in the Al-Amil neighbourhood of Baghdad.", "Al-Amil"),
])
def test_a_place_noun_makes_an_unknown_name_a_toponym(geo: Geocoder, text: str,
                                                       name: str) -> None:
    assert name in names(geo, text)


def test_every_name_of_a_listed_phrase(geo: Geocoder) -> None:
    found = names(geo, "Militants shelled the towns of Zorbat and Khan Sawda on Friday.")
    assert "Khan Sawda" in found


@pytest.mark.parametrize("text", [
    "The Iraqi city was shelled on Sunday.",
    "Kurdish villages were shelled on Sunday.",
    "Sunday's market was crowded.",
])
def test_demonyms_and_dates_before_a_place_noun_are_not_names(geo: Geocoder, text: str) -> None:
    assert names(geo, text) == []


def test_the_owner_before_a_town_of_x_is_not_a_place(geo: Geocoder) -> None:
    found = names(geo, "Rebels shelled the Jaysh Al-Islam town of Harasta.")
    assert "Jaysh Al-Islam" not in found


def test_the_village_beats_the_city_it_lies_in(geo: Geocoder) -> None:
    loc = locate(geo, "Gunmen killed four farmers in the village of Kerem Tabla in northern "
                      "Hama on Monday.", "killed")
    assert loc is not None and loc.text == "Kerem Tabla"


def test_the_neighbourhood_beats_its_city(geo: Geocoder) -> None:
    loc = locate(geo, "A roadside bomb killed a soldier in the Al-Amil neighbourhood of "
                      "Baghdad.", "killed")
    assert loc is not None and loc.text == "Al-Amil"


def test_a_place_in_beats_a_reference_point(geo: Geocoder) -> None:
    loc = locate(geo, "Gunmen shot dead a teacher in Minya, 240 kilometers south of Cairo.",
                 "shot")
    assert loc is not None and loc.text == "Minya"


def test_a_reference_point_alone_is_near(geo: Geocoder) -> None:
    loc = locate(geo, "A roadside bomb went off near Tikrit, killing two soldiers.", "went")
    assert loc is not None and loc.text == "Tikrit" and loc.precision == "near"


def test_the_victims_place_is_the_events(geo: Geocoder) -> None:
    loc = locate(geo, "Gunmen killed a farmer in Ogbe village, Esan West local government "
                      "area of Edo State.", "killed")
    assert loc is not None and loc.text == "Ogbe"


def test_the_owner_of_a_victim_locates_the_event(geo: Geocoder) -> None:
    loc = locate(geo, "Mexico's top police commander was shot dead on Thursday.", "shot")
    assert loc is not None and loc.text == "Mexico" and loc.precision == "country"


def test_the_owner_of_a_subject_is_still_an_actor(geo: Geocoder) -> None:
    loc = locate(geo, "Syria's army shelled the rebels overnight.", "shelled")
    assert loc is None or loc.precision == "inferred"


def test_a_participle_shares_the_object_place_of_its_verb(geo: Geocoder) -> None:
    loc = locate(geo, "Attackers stormed the village of Kwari Dusa, killing 12 people.",
                 "killing")
    assert loc is not None and loc.text == "Kwari Dusa"


def test_according_to_a_place_is_no_location(geo: Geocoder) -> None:
    loc = locate(geo, "The raid, according to Washington, killed at least 40 fighters.",
                 "killed")
    assert loc is None or loc.text != "Washington" or loc.precision == "inferred"


def test_a_big_city_labelled_as_a_person_is_a_place(geo: Geocoder) -> None:
    assert "Kiev" in names(geo, "He was shot as he left a central Kiev courthouse on Tuesday.")
