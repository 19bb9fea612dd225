"""Argument phrases that name an actor indirectly: a facility or an act of a named owner
(PLOVER codes the recipient as the owner), institutions by name, people words the role
lists lacked, and partitives ("four of the country's states"). Abstract nouns without an
owner stay no actor."""

from __future__ import annotations

import pytest
from argument_actors import argument, read, span_of

from gestae.actors import ActorResolver
from gestae.pipeline import Pipeline

# -- facilities: the owner is the recipient ------------------------------------------------


@pytest.mark.parametrize(("text", "phrase", "sector"), [
    ("Insurgents stormed a police headquarters near the border.", "a police headquarters",
     "COP"),
    ("Mortar rounds hit an army camp outside the town.", "an army camp", "MIL"),
    ("Hackers defaced the government websites overnight.", "the government websites", "GOV"),
])
def test_facility_of_a_role_is_coded_as_the_role(pipeline: Pipeline, text: str, phrase: str,
                                                   sector: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert actor.sector == sector
    assert actor.text == phrase  # the mention is the whole phrase


def test_facility_owned_through_of_takes_the_owner_country(pipeline: Pipeline) -> None:
    text = "Rebels blew up an arms depot of the Syrian army on Friday."
    actor = argument(pipeline, text, "an arms depot of the Syrian army")
    assert actor is not None
    assert (actor.country, actor.sector) == ("SYR", "MIL")


def test_facility_of_an_unknown_acronym_is_that_organisation(pipeline: Pipeline) -> None:
    text = "Government troops overran three KPLF camps in the hills."
    actor = argument(pipeline, text, "three KPLF camps")
    assert actor is not None
    assert actor.name == "KPLF"
    assert actor.kind == "organisation"


def test_facility_without_owner_is_no_actor(pipeline: Pipeline) -> None:
    text = "Gunmen attacked the base and burned a building."
    assert argument(pipeline, text, "the base") is None
    assert argument(pipeline, text, "a building") is None


# -- acts: their author is the target ------------------------------------------------------


def test_demand_of_a_country_is_coded_as_the_country(pipeline: Pipeline) -> None:
    text = "Ankara said it rejected the Greek demands."
    actor = argument(pipeline, text, "the Greek demands")
    assert actor is not None
    assert actor.country == "GRC"


def test_decision_of_a_council_is_coded_as_the_council(pipeline: Pipeline) -> None:
    text = "The governor rejected the city council decision."
    actor = argument(pipeline, text, "the city council decision")
    assert actor is not None
    assert actor.sector == "GOV"


def test_demands_from_a_named_association_are_coded_as_the_association(
        pipeline: Pipeline) -> None:
    # a demand is its author's act: the actor's span is the author alone
    text = "The mayor gave in to demands from the Riverside Tenants Association."
    phrase = "demands from the Riverside Tenants Association"
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert actor.text == "the Riverside Tenants Association"
    assert "Riverside Tenants Association" in (actor.name or "")


@pytest.mark.parametrize(("text", "phrase"), [
    ("The ministry accepted the recommendation on Tuesday.", "the recommendation"),
    ("The junta refused international aid after the storm.", "international aid"),
    ("Both sides rejected the proposal.", "the proposal"),
])
def test_abstract_noun_without_author_is_no_actor(pipeline: Pipeline, text: str,
                                                  phrase: str) -> None:
    assert argument(pipeline, text, phrase) is None


# -- institutions, people, partitives ------------------------------------------------------


def test_institution_name_with_of_part(resolver: ActorResolver) -> None:
    text = "Police raided the Southern Branch of the Workers Movement on Monday."
    read(resolver, text)
    phrase = "the Southern Branch of the Workers Movement"
    actor = resolver.arguments.institution_actor(text, *span_of(text, phrase))
    assert actor is not None
    assert actor.kind == "organisation"
    assert actor.name == "Southern Branch of the Workers Movement"


def test_institution_in_a_country_is_located_there(resolver: ActorResolver) -> None:
    text = "Thieves robbed the Kessel City Museum in Germany last week."
    read(resolver, text)
    span = span_of(text, "the Kessel City Museum in Germany")
    actor = resolver.arguments.institution_actor(text, *span)
    assert actor is not None
    assert actor.country == "DEU"
    assert actor.inferred


def test_lower_case_or_bare_institution_noun_is_no_institution(resolver: ActorResolver) -> None:
    text = "They visited the museum and then the Museum of Modern Art."
    read(resolver, text)
    assert resolver.arguments.institution_actor(text, *span_of(text, "the museum")) is None


def test_new_role_words(resolver: ActorResolver) -> None:
    text = "Police detained the truckers and several Kenyan nationals."
    read(resolver, text)
    truckers = resolver.resolve(text, *span_of(text, "the truckers"))
    nationals = resolver.resolve(text, *span_of(text, "several Kenyan nationals"))
    assert truckers is not None and truckers.sector == "LAB"
    assert nationals is not None and (nationals.country, nationals.sector) == ("KEN", "CVL")


def test_people_word_after_a_determiner(pipeline: Pipeline) -> None:
    text = "A bomb in the market killed another ethnic Chechen on Sunday."
    actor = argument(pipeline, text, "another ethnic Chechen")
    assert actor is not None
    assert actor.kind == "person"


def test_partitive_is_coded_as_the_whole(pipeline: Pipeline) -> None:
    text = "The agency opened investigations against each of the top 25 providers."
    phrase = "each of the top 25 providers"
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert actor.text == phrase
    span = span_of(text, "the top 25 providers")
    assert pipeline.actors.arguments.partitive_whole(text, *span) is None


def test_partitive_of_a_thing_stays_no_actor(pipeline: Pipeline) -> None:
    text = "The army destroyed most of the harvest."
    assert argument(pipeline, text, "most of the harvest") is None
