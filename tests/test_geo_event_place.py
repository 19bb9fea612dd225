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
