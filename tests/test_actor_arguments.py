"""Event arguments that name an actor the knowledge base does not list: pronouns, collective
nouns with a word saying which, proper names the NER missed, places coded as their country."""

from __future__ import annotations

import pytest
from argument_actors import place_at, read, span_of

from gestae.actors import ActorResolver
from gestae.pipeline import Pipeline

# -- pronouns and "the country" -----------------------------------------------------------


def test_pronoun_argument_is_its_antecedent_in_the_sentence(resolver: ActorResolver) -> None:
    text = "The Taliban said on Sunday that it would free the prisoners."
    read(resolver, text)
    ante = resolver.arguments.antecedent(text, *span_of(text, "it"))
    assert ante is not None
    assert text[ante.start:ante.end] == "The Taliban"


def test_pronoun_antecedent_in_an_earlier_sentence_is_not_moved(
        resolver: ActorResolver) -> None:
    text = "The Taliban met elders in Doha. It said the talks went well."
    read(resolver, text)
    assert resolver.arguments.antecedent(text, *span_of(text, "It")) is None


def test_plural_named_state_is_it(resolver: ActorResolver) -> None:
    text = "The Philippines said it would expel the ambassador."
    actors = read(resolver, text)
    pronoun = next(a for a in actors if a.text == "it")
    assert pronoun.country == "PHL"


def test_the_country_is_the_subject_state_of_the_sentence(resolver: ActorResolver) -> None:
    text = ("Bangladesh said it cannot accept more refugees from Myanmar, the first time "
            "the country has threatened to close its border.")
    read(resolver, text)
    ante = resolver.arguments.antecedent(text, *span_of(text, "the country"))
    assert ante is not None and ante.country == "BGD"


def test_the_country_without_a_state_before_it_is_nothing(resolver: ActorResolver) -> None:
    text = "Officials said the country would hold elections."
    read(resolver, text)
    assert resolver.arguments.antecedent(text, *span_of(text, "the country")) is None


# -- collective nouns ---------------------------------------------------------------------


def test_collective_noun_with_a_modifier_is_an_uncoded_actor(resolver: ActorResolver) -> None:
    text = "China sent medical supplies to various African countries."
    read(resolver, text)
    actor = resolver.arguments.group_actor(text, *span_of(text, "various African countries"))
    assert actor is not None
    assert actor.name == "African countries"
    assert actor.country is None and actor.sector is None and actor.kind == "group"


def test_position_of_an_unknown_body_is_a_person(resolver: ActorResolver) -> None:
    text = "The union thanked CMPAJAC's chairman for the talks."
    read(resolver, text)
    actor = resolver.arguments.group_actor(text, *span_of(text, "CMPAJAC's chairman"))
    assert actor is not None and actor.kind == "person" and actor.sector is None


def test_collective_noun_takes_a_country_word(resolver: ActorResolver) -> None:
    text = "The army withdrew support from its Iraqi allies last year."
    read(resolver, text)
    actor = resolver.arguments.group_actor(text, *span_of(text, "its Iraqi allies"))
    assert actor is not None and actor.country == "IRQ"


@pytest.mark.parametrize("phrase", ["the countries", "141 organisations", "the talks",
                                    "aid to the countries"])
def test_collective_noun_needs_a_word_saying_which(resolver: ActorResolver,
                                                   phrase: str) -> None:
    text = f"The bank wrote to {phrase} on Monday."
    read(resolver, text)
    assert resolver.arguments.group_actor(text, *span_of(text, phrase)) is None


# -- proper names the NER missed ----------------------------------------------------------


def test_bare_proper_name_is_an_actor(resolver: ActorResolver) -> None:
    text = "Papandreou met the prime minister in Athens."
    read(resolver, text)
    actor = resolver.arguments.name_actor(text, *span_of(text, "Papandreou"))
    assert actor is not None and actor.name == "Papandreou" and actor.country is None


@pytest.mark.parametrize("phrase", ["Athens", "Monday", "the minister"])
def test_places_dates_and_common_nouns_are_not_names(resolver: ActorResolver,
                                                     phrase: str) -> None:
    text = f"Papandreou spoke about {phrase} and left."
    read(resolver, text)
    assert resolver.arguments.name_actor(text, *span_of(text, phrase)) is None


# -- places as recipients -----------------------------------------------------------------


def test_place_argument_takes_the_gazetteer_country(resolver: ActorResolver) -> None:
    text = "Israel suspended aid to Gaza on Tuesday."
    read(resolver, text)
    places = [place_at(text, "Gaza", "PSE", "region")]
    actor = resolver.arguments.place_actor(text, *span_of(text, "Gaza"), places)
    assert actor is not None
    assert (actor.country, actor.inferred, actor.located, actor.sector) == ("PSE", True,
                                                                            "PSE", None)


def test_place_noun_headed_argument(resolver: ActorResolver) -> None:
    text = "The jets attacked the cities in Saudi Arabia overnight."
    read(resolver, text)
    places = [place_at(text, "Saudi Arabia", "SAU", "country")]
    span = span_of(text, "the cities in Saudi Arabia")
    actor = resolver.arguments.place_actor(text, *span, places)
    assert actor is not None and actor.country == "SAU"


def test_a_thing_in_a_place_is_no_actor(resolver: ActorResolver) -> None:
    text = "The militants attacked an army base in Kabul overnight."
    read(resolver, text)
    places = [place_at(text, "Kabul", "AFG", "city")]
    span = span_of(text, "an army base in Kabul")
    assert resolver.arguments.place_actor(text, *span, places) is None


# -- role nouns ---------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "sector"), [("several suspects", "CRM"),
                                                ("the secessionists", "REB"),
                                                ("Muslim leaders", "REL"),
                                                ("about 550 households", "CVL"),
                                                ("municipal police services", "COP")])
def test_role_nouns_have_sectors(resolver: ActorResolver, phrase: str, sector: str) -> None:
    text = f"The ministry met {phrase} yesterday."
    read(resolver, text)
    actor = resolver.resolve(text, *span_of(text, phrase))
    assert actor is not None and actor.sector == sector


def test_regional_adjective_is_not_a_country(resolver: ActorResolver) -> None:
    actors = read(resolver, "Central American clergymen denounced the arrests.")
    assert actors and all(a.country != "USA" for a in actors)


def test_a_date_ends_the_actor_phrase(resolver: ActorResolver) -> None:
    actors = read(resolver, "The Guatemalan government Monday denied the charges.")
    assert any(a.text == "The Guatemalan government" and a.country == "GTM" for a in actors)


# -- through the pipeline -----------------------------------------------------------------


def test_pipeline_keeps_actor_arguments_and_drops_things(pipeline: Pipeline) -> None:
    result = pipeline.extract("The US reduced military aid to European allies.",
                              date="2020-01-05")
    targets = [a for e in result.events for a in e.target]
    assert any(a.name == "European allies" for a in targets)
    result = pipeline.extract("The government signed a contract with the company.",
                              date="2020-01-05")
    assert all(a.text != "a contract" for e in result.events for a in e.target)
