"""Event arguments that name a place, a region or a part of a state, and phrases whose one
known name is not their head: a facility in a place or an act on it is coded as the place's
country; a world region takes its CAMEO region code; "the town" is the town named before it;
a person or an institution around a country name keeps its own kind; titles ending in
"General" are not military ranks."""

from __future__ import annotations

import pytest
from argument_actors import argument, place_at, read, span_of

from gestae.actors import ActorResolver
from gestae.pipeline import Pipeline

# -- a facility in a place, an act on a place ----------------------------------------------


@pytest.mark.parametrize(("text", "phrase", "name"), [
    ("The peacekeepers pulled out of another checkpoint in Somalia on Sunday.",
     "another checkpoint in Somalia", "Somalia"),
    ("Drones struck several positions inside Somalia overnight.",
     "several positions inside Somalia", "Somalia"),
])
def test_facility_without_owner_in_a_place_is_the_place_country(
        pipeline: Pipeline, text: str, phrase: str, name: str) -> None:
    actor = argument(pipeline, text, phrase, [place_at(text, name, "SOM", "country")])
    assert actor is not None
    # located there and inferred: the facility is in the country, it is not the state
    assert (actor.country, actor.inferred, actor.located, actor.kind) == ("SOM", True,
                                                                          "SOM", None)
    assert actor.text == phrase


def test_facility_of_an_owner_in_a_place_is_not_the_place(resolver: ActorResolver) -> None:
    text = "The militants overran a police checkpoint in Mogadishu at dawn."
    read(resolver, text)
    places = [place_at(text, "Mogadishu", "SOM", "city")]
    span = span_of(text, "a police checkpoint in Mogadishu")
    assert resolver.arguments.place_actor(text, *span, places) is None


def test_abstract_thing_in_a_place_is_no_actor(pipeline: Pipeline) -> None:
    text = "The envoy welcomed the talks in Somalia on Sunday."
    places = [place_at(text, "Somalia", "SOM", "country")]
    assert argument(pipeline, text, "the talks in Somalia", places) is None


@pytest.mark.parametrize("act", ["siege", "blockade", "occupation"])
def test_act_on_a_place_is_the_place_country(pipeline: Pipeline, act: str) -> None:
    text = f"Students protested against the continued {act} of Aleppo."
    actor = argument(pipeline, text, f"the continued {act} of Aleppo",
                      [place_at(text, "Aleppo", "SYR", "city")])
    assert actor is not None
    assert (actor.country, actor.inferred) == ("SYR", True)


def test_act_in_a_place_is_not_an_act_on_it(resolver: ActorResolver) -> None:
    text = "Students protested against the continued siege near Aleppo."
    read(resolver, text)
    places = [place_at(text, "Aleppo", "SYR", "city")]
    assert resolver.arguments.place_actor(text, *span_of(text, "the continued siege near Aleppo"),
                                places) is None


# -- places without a country ---------------------------------------------------------------


def test_world_region_takes_its_cameo_code(pipeline: Pipeline) -> None:
    text = "The activist urged Europe and Japan to press the junta."
    actor = argument(pipeline, text, "Europe", [place_at(text, "Europe", None, "continent")])
    assert actor is not None
    assert (actor.country, actor.code) == (None, "EUR")


def test_disputed_region_is_named_without_country(pipeline: Pipeline) -> None:
    text = "Pakistan is willing to withdraw its troops from the disputed territory of Kashmir."
    actor = argument(pipeline, text, "the disputed territory of Kashmir",
                      [place_at(text, "Kashmir", None, "region")])
    assert actor is not None
    assert (actor.name, actor.country, actor.code) == ("Kashmir", None, None)


def test_region_word_before_a_collective_noun(pipeline: Pipeline) -> None:
    text = "Oman offered to mediate between Qatar and other Gulf states."
    actor = argument(pipeline, text, "other Gulf states")
    assert actor is not None
    assert (actor.code, actor.country, actor.kind) == ("PGS", None, "group")


def test_collective_noun_without_region_word_has_no_code(pipeline: Pipeline) -> None:
    text = "Oman offered to mediate between Qatar and other member states."
    actor = argument(pipeline, text, "other member states")
    assert actor is not None and actor.code is None


# -- "the town": the place named before it -------------------------------------------------


def test_the_town_is_the_town_named_before_it(pipeline: Pipeline) -> None:
    text = "Rebels captured Tal Afar on Monday and then shelled the town."
    places = [place_at(text, "Tal Afar", "IRQ", "city")]
    actor = argument(pipeline, text, "the town", places)
    assert actor is not None
    assert (actor.name, actor.country, actor.inferred) == ("Tal Afar", "IRQ", True)


def test_the_town_without_a_named_town_is_no_actor(pipeline: Pipeline) -> None:
    text = "Rebels entered Iraq on Monday and then shelled the town."
    places = [place_at(text, "Iraq", "IRQ", "country")]  # a country is not the town
    assert argument(pipeline, text, "the town", places) is None
    text = "The army shelled the town for a week."
    assert argument(pipeline, text, "the town") is None


def test_the_town_in_another_sentence_is_not_taken(pipeline: Pipeline) -> None:
    text = "Rebels captured Tal Afar on Monday. Three days later the army shelled the town."
    places = [place_at(text, "Tal Afar", "IRQ", "city")]
    assert argument(pipeline, text, "the town", places) is None


# -- the phrase's head decides its kind ----------------------------------------------------


def test_person_around_a_country_name_stays_a_person(pipeline: Pipeline) -> None:
    text = "Libya's renegade Gen. Khalifa Haftar has declared a ceasefire in Tripoli."
    actor = argument(pipeline, text, "Libya's renegade Gen. Khalifa Haftar")
    assert actor is not None
    assert (actor.kind, actor.country, actor.sector) == ("person", "LBY", "MIL")


@pytest.mark.parametrize(("text", "phrase", "kind"), [
    ("The Oman Sovereign Fund bought a stake in the port.", "The Oman Sovereign Fund",
     "organisation"),
    ("Brazil's oilworkers' confederation called a strike.", "Brazil's oilworkers' confederation",
     None),
])
def test_institution_of_a_state_is_not_the_state(resolver: ActorResolver, text: str,
                                                 phrase: str, kind: str | None) -> None:
    read(resolver, text)
    actor = resolver.resolve(text, *span_of(text, phrase))
    assert actor is not None
    assert actor.country in ("OMN", "BRA")
    assert actor.kind == kind and actor.sector is None


@pytest.mark.parametrize(("text", "phrase"), [
    ("Officials in Ankara rejected Mexico's immigration policy.", "Mexico's immigration policy"),
    ("Russia warned its NATO ally Turkey on Monday.", "its NATO ally Turkey"),
])
def test_act_or_description_of_a_state_stays_the_state(resolver: ActorResolver, text: str,
                                                       phrase: str) -> None:
    read(resolver, text)
    actor = resolver.resolve(text, *span_of(text, phrase))
    assert actor is not None and actor.kind == "state"


@pytest.mark.parametrize(("text", "phrase", "sector"), [
    ("The Inspector General opened an inquiry into the contracts.", "The Inspector General",
     "GOV"),
    ("The Surgeon General warned against vaping.", "The Surgeon General", "GOV"),
    ("The Solicitor General appealed the ruling.", "The Solicitor General", "JUD"),
    ("A general ordered the retreat.", "A general", "MIL"),
])
def test_titles_ending_in_general(resolver: ActorResolver, text: str, phrase: str,
                                  sector: str) -> None:
    read(resolver, text)
    actor = resolver.resolve(text, *span_of(text, phrase))
    assert actor is not None and actor.sector == sector


def test_justice_department_is_a_us_judicial_body(resolver: ActorResolver) -> None:
    text = "The U.S. Department of Justice charged two men with fraud."
    read(resolver, text)
    actor = resolver.resolve(text, *span_of(text, "The U.S. Department of Justice"))
    assert actor is not None
    assert (actor.country, actor.sector, actor.kind) == ("USA", "JUD", "organisation")
