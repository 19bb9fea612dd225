"""The event's place: objects of the trigger, possessives, unresolved names, origins."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo import Geocoder
from gestae.model import Place


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def locate(geo: Geocoder, text: str, trigger: str) -> Place | None:
    doc = nlp.load()(text)
    places = geo.extract(doc)
    start = text.index(trigger)
    return geo.event_location(doc, start, start + len(trigger), places, geo.focus(doc, places))


def test_town_as_object_of_the_trigger(geo: Geocoder) -> None:
    loc = locate(geo, "The rebels captured Kandahar after a week of fighting.", "captured")
    assert loc is not None and loc.text == "Kandahar" and loc.precision == "exact"


def test_country_as_object_is_not_a_location(geo: Geocoder) -> None:
    loc = locate(geo, "The president criticised Germany on Monday.", "criticised")
    assert loc is None or loc.precision == "inferred"


def test_possessive_place_noun(geo: Geocoder) -> None:
    loc = locate(geo, "Many of Chechnya's towns were destroyed during the war.", "destroyed")
    assert loc is not None and loc.text == "Chechnya"


def test_possessive_actor_is_not_a_location(geo: Geocoder) -> None:
    loc = locate(geo, "Syria's army shelled the rebels overnight.", "shelled")
    assert loc is None or loc.text != "Syria" or loc.precision == "inferred"


def test_plural_admin_noun(geo: Geocoder) -> None:
    loc = locate(geo, "Militants executed 40 prisoners in the Idlib and Hama governorates.",
                 "executed")
    assert loc is not None and loc.text in {"Idlib", "Hama"}


def test_through_the_city(geo: Geocoder) -> None:
    loc = locate(geo, "Thousands of students marched through Nairobi on Tuesday.", "marched")
    assert loc is not None and loc.text == "Nairobi"


def test_origin_only_gives_no_location(geo: Geocoder) -> None:
    loc = locate(geo, "A taxi driver from Abidjan was shot on Sunday.", "shot")
    assert loc is None


def test_town_modifying_the_noun_of_a_locative_phrase(geo: Geocoder) -> None:
    loc = locate(geo, "The judge was shot dead in a Nairobi restaurant on Friday.", "shot")
    assert loc is not None and loc.text == "Nairobi" and loc.precision == "exact"


def test_country_modifying_a_noun_is_an_actor_not_a_place(geo: Geocoder) -> None:
    loc = locate(geo, "Nine people were killed in a French air strike on Friday.", "killed")
    assert loc is None or loc.text != "French" and loc.precision == "inferred"


def test_resident_of_a_town_is_not_its_event(geo: Geocoder) -> None:
    loc = locate(geo, "A Nairobi resident was arrested on Friday.", "arrested")
    assert loc is None or loc.precision == "inferred"


def test_of_complement_of_a_located_noun(geo: Geocoder) -> None:
    loc = locate(geo, "The hostages were found in the forests of Colombia last year.", "found")
    assert loc is not None and loc.text == "Colombia" and loc.precision == "country"


def test_abstract_noun_does_not_pass_on_a_place(geo: Geocoder) -> None:
    loc = locate(geo, "Students marched in support of Kenya on Monday.", "marched")
    assert loc is None or loc.precision == "inferred" or loc.text != "Kenya"


def test_object_of_the_trigger_passes_on_its_place(geo: Geocoder) -> None:
    loc = locate(geo, "Police patrolled the terminals of Mombasa airport.", "patrolled")
    assert loc is not None and loc.text == "Mombasa"
    loc = locate(geo, "Rebels captured the eastern half of Uganda in 1986.", "captured")
    assert loc is not None and loc.text == "Uganda" and loc.precision == "country"


def test_town_inside_a_country_wins(geo: Geocoder) -> None:
    loc = locate(geo, "The army seized Kisumu in western Kenya on Monday.", "seized")
    assert loc is not None and loc.text == "Kisumu" and loc.precision == "exact"
