"""A name the actor knowledge base knows as an organisation or a person is not a place, and
a listed non-place ("the Green Zone") is not cut down to a town inside it."""

from __future__ import annotations

import pytest

from gestae.geo import Geocoder
from gestae.pipeline import Pipeline


@pytest.mark.parametrize("text", [
    "Hamas said on Monday that it would respond to the raid.",  # Hamm, Germany, by spelling
    "Xinhua reported the blast on Monday.",  # a Chinese town of that name
    "The U.N. General Assembly condemned the attack.",  # "U.N." read as a town
    "SANA reported that twelve soldiers were killed.",  # the agency, not the Sanaa region
])
def test_known_organisation_names_hold_no_place(pipeline: Pipeline, text: str) -> None:
    result = pipeline.extract(text)
    assert any(a.id and a.id.startswith("org/") for a in result.actors)
    assert result.places == []


@pytest.mark.parametrize(("text", "place"), [
    ("Basra police arrested 12 protesters on Sunday.", "Basra"),  # a role, not a KB name
    ("Abkhazia accused Georgia of shelling a village.", "Abkhazia"),  # itself a region
    ("Qatar launched a mediation effort between Hamas and Israel.", "Israel"),
    ("The Kurdistan Workers Party claimed the bombing.", "Kurdistan"),  # written out inside
])
def test_places_beside_known_names_stay(pipeline: Pipeline, text: str, place: str) -> None:
    result = pipeline.extract(text)
    assert place in [p.text for p in result.places]
    assert "Hamm" not in [p.name for p in result.places]


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


@pytest.mark.parametrize("text", [
    "A drone strike hit a car near the Green Zone in Baghdad.",
    "Two rockets landed inside the Green Zone on Sunday night.",
])
def test_listed_non_places_are_not_cut_to_a_town(nlp, geocoder: Geocoder, text: str) -> None:
    names = [p.name for p in geocoder.extract(nlp(text))]
    assert "Green" not in names


def test_dropping_a_known_name_keeps_what_the_geocoder_learnt(pipeline: Pipeline) -> None:
    # "Hamas" (read as Hamm) goes; the neighbourhood keeps its containing city
    text = ("Hamas denied any role. Gunmen shot dead three men in the El Poblado "
            "neighborhood of Medellin on Friday.")
    result = pipeline.extract(text)
    assert "Hamm" not in [p.name for p in result.places]
    located = [e.location for e in result.events if e.type == "ASSAULT"]
    assert located and located[0] is not None and located[0].name == "Medellin"
