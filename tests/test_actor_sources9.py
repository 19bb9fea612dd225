"""Source arguments the actor stage used to drop or mis-kind: a bare country adjective
("Japanese" in "Japanese and the Australian armies") stands for the country's side; a
person's title or name inside a phrase headed by an institution noun ("the Office of
Inspector General") is the institution; abbreviations written with a space ("the U. K.")
and singular people nouns ("an inmate") are actors too."""

from __future__ import annotations

import datetime as dt

import pytest
from argument_actors import argument, read, span_of

from gestae.actors import ActorResolver
from gestae.pipeline import Pipeline

# -- a bare country adjective ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Japanese and the Australian armies have agreed to hold joint exercises.", "Japanese",
     "JPN"),
    ("Turkish and Kurdish fighters clashed near the border on Monday.", "Turkish", "TUR"),
    ("Israeli and Egyptian envoys signed the accord.", "Israeli", "ISR"),
])
def test_bare_country_adjective_is_the_country(pipeline: Pipeline, text: str, phrase: str,
                                               country: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    # the country's side, no sector or kind: which body of the state acted is not said
    assert (actor.country, actor.sector, actor.kind, actor.text) == (country, None, None,
                                                                      phrase)


@pytest.mark.parametrize(("text", "phrase"), [
    ("The talks were held in a friendly atmosphere.", "friendly"),
    ("Officials met in the capital on Monday.", "Monday"),
    ("Leaders discussed the Israeli and Egyptian proposals.", "the Israeli and Egyptian"),
])
def test_other_adjectives_and_words_stay_no_actor(pipeline: Pipeline, text: str,
                                                  phrase: str) -> None:
    assert argument(pipeline, text, phrase) is None


def test_adjective_source_of_an_attack_noun_is_kept(pipeline: Pipeline) -> None:
    result = pipeline.extract("The UN condemned Israeli air strikes on Gaza.")
    strikes = [e for e in result.events if e.evidence.trigger == "air strikes"]
    assert strikes, "the attack noun is an event"
    assert [(a.text, a.country) for a in strikes[0].source] == [("Israeli", "ISR")]


# -- a person's office is an organisation ---------------------------------------------------


@pytest.mark.parametrize(("text", "sector"), [
    ("The Office of Inspector General", "GOV"),
    ("the Office of the President", "GOV"),
    ("the President's office", "GOV"),
    ("the Office of the Attorney General", None),
])
def test_office_of_a_person_is_an_organisation(resolver: ActorResolver, text: str,
                                               sector: str | None) -> None:
    read(resolver, text)  # as in the pipeline: the phrase is read in its parsed text
    actor = resolver.resolve(text, 0, len(text))
    assert actor is not None
    assert actor.kind == "organisation"
    if sector:
        assert actor.sector == sector
    assert actor.id is None or not actor.id.startswith("person/")


def test_office_of_a_named_leader_keeps_country(resolver: ActorResolver) -> None:
    text = "the office of President Emmanuel Macron"
    read(resolver, text)
    actor = resolver.resolve(text, 0, len(text))
    assert actor is not None
    assert (actor.country, actor.kind) == ("FRA", "organisation")


@pytest.mark.parametrize("text", [
    "a spokesman for the President",
    "the Inspector General",
    "President Emmanuel Macron",
])
def test_people_not_headed_by_an_institution_stay_people(resolver: ActorResolver,
                                                        text: str) -> None:
    read(resolver, text)
    actor = resolver.resolve(text, 0, len(text))
    assert actor is not None
    assert actor.kind == "person"


# -- abbreviations with spaces, singular people nouns, a leader ------------------------------


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Kenya signed an agreement with the U. K. on trade terms.", "the U. K.", "GBR"),
    ("Mexico asked the U. S. for help.", "the U. S.", "USA"),
])
def test_spaced_abbreviation_is_the_country(pipeline: Pipeline, text: str, phrase: str,
                                            country: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert actor.country == country


def test_single_inmate_is_a_civilian(pipeline: Pipeline) -> None:
    text = "Guards beat a 35-year-old inmate at the prison."
    actor = argument(pipeline, text, "a 35-year-old inmate")
    assert actor is not None
    assert actor.sector == "CVL"


def test_bashir_is_sudan_government_during_his_term(resolver: ActorResolver) -> None:
    text = "Omar al-Bashir expelled aid agencies."
    actors = read(resolver, text)
    start, end = span_of(text, "Omar al-Bashir")
    named = [a for a in actors if (a.start, a.end) == (start, end)]
    assert named and (named[0].country, named[0].sector) == ("SDN", "GOV")
    later = resolver.resolve(text, start, end, dt.date(2021, 5, 1))
    assert later is not None and later.country == "SDN" and later.sector != "GOV"
