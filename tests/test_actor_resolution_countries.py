"""Who is who: organisations whose name carries a country word, people
described by a title or a noun with a demonym, acronyms an article defines, a surname the
NER took for an organisation, and "<demonym> allies/partners" keep or get their country."""

from __future__ import annotations

import datetime as dt

import pytest

from gestae.actors import ActorResolver
from gestae.actors.acronyms import initials_fit
from gestae.model import Actor

DAY = dt.date(2021, 3, 1)


def actors(nlp, resolver: ActorResolver, text: str) -> list[Actor]:
    return resolver.extract(nlp(text), DAY)


def find(found: list[Actor], text: str) -> Actor:
    hits = [a for a in found if a.text == text]
    assert hits, f"{text!r} not among {[a.text for a in found]}"
    return hits[0]


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("The Syrian Computer Society registered hundreds of domains.",
     "The Syrian Computer Society", "SYR"),
    ("Officials of the Egyptian Heritage Society met the minister.",
     "the Egyptian Heritage Society", "EGY"),
    ("Officials of the Lebanese Farmers Association met the minister.",
     "the Lebanese Farmers Association", "LBN"),  # a role word inside the name
])
def test_unknown_organisation_named_after_a_demonym(nlp, resolver: ActorResolver, text: str,
                                                    mention: str, country: str) -> None:
    actor = find(actors(nlp, resolver, text), mention)
    assert (actor.kind, actor.country) == ("organisation", country)


def test_known_organisation_with_a_country_word_is_that_country_s(nlp,
                                                                  resolver: ActorResolver
                                                                  ) -> None:
    actor = find(actors(nlp, resolver, "The Syrian Arab Red Crescent delivered aid on Monday."),
                 "The Syrian Arab Red Crescent")
    assert actor.country == "SYR"
    assert actor.sector == "MED"
    assert actor.id is None  # the country's own society, not the international committee


@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("The bridge was designed by the British firm Voganlei in 1950.",
     "the British firm Voganlei", "GBR", "BUS"),
])
def test_unknown_organisation_after_a_describing_noun(nlp, resolver: ActorResolver,
                                                      text: str, mention: str, country: str,
                                                      sector: str) -> None:
    actor = find(actors(nlp, resolver, text), mention)
    assert (actor.kind, actor.country, actor.sector) == ("organisation", country, sector)


def test_person_after_demonym_and_a_noun_for_one_person(nlp, resolver: ActorResolver) -> None:
    found = actors(nlp, resolver, "In May, the Swedish citizen Mohamed Moumou was killed.")
    actor = find(found, "the Swedish citizen Mohamed Moumou")
    assert (actor.kind, actor.country, actor.name) == ("person", "SWE", "Mohamed Moumou")


def test_a_surname_that_is_a_role_word_is_a_name(nlp, resolver: ActorResolver) -> None:
    found = actors(nlp, resolver, "Foreign Minister Julie Bishop met the ambassador.")
    actor = find(found, "Foreign Minister Julie Bishop")
    assert actor.kind == "person"
    assert actor.sector == "GOV"  # a minister, not a bishop (REL)
    assert actor.name == "Julie Bishop"


def test_title_before_a_name_still_codes(nlp, resolver: ActorResolver) -> None:
    found = actors(nlp, resolver, "Turkish Foreign Minister Ali Demir met his counterpart.")
    actor = find(found, "Turkish Foreign Minister Ali Demir")
    assert (actor.kind, actor.country, actor.sector) == ("person", "TUR", "GOV")


def test_minister_of_affairs_is_one_person(nlp, resolver: ActorResolver) -> None:
    found = actors(nlp, resolver, "She met with the Minister of Foreign Affairs of Iraq.")
    actor = find(found, "the Minister of Foreign Affairs of Iraq")
    assert (actor.kind, actor.country) == ("person", "IRQ")


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("A soldier was wounded near the border.", "A soldier", "person"),
    ("A senior Iraqi general was killed in the attack.", "A senior Iraqi general", "person"),
    ("Iraqi soldiers were killed in the attack.", "Iraqi soldiers", "group"),
    ("The Iraqi army attacked the town.", "The Iraqi army", "group"),
])
def test_singular_nouns_for_one_person_are_people(nlp, resolver: ActorResolver, text: str,
                                                  mention: str, kind: str) -> None:
    assert find(actors(nlp, resolver, text), mention).kind == kind


def test_defined_acronym_takes_the_name_s_coding(nlp, resolver: ActorResolver) -> None:
    text = ("Donors gave money to the Syria Recovery Trust Fund (SRTF) in May. "
            "Since then the SRTF has funded twenty projects.")
    found = actors(nlp, resolver, text)
    full = find(found, "the Syria Recovery Trust Fund")
    later = find(found, "the SRTF")
    assert later.country == full.country == "SYR"
    assert later.name == full.name
    assert later.inferred
    assert any(a.text == "SRTF" and a.country == "SYR" for a in found)  # the definition


def test_acronym_as_a_modifier_is_no_mention(nlp, resolver: ActorResolver) -> None:
    text = ("Donors gave money to the Syria Recovery Trust Fund (SRTF) in May. "
            "Our SRTF contribution will help many.")
    found = actors(nlp, resolver, text)
    assert not any(a.text.endswith("SRTF") and a.start > text.index("Our") for a in found)


def test_known_acronym_keeps_its_own_coding(nlp, resolver: ActorResolver) -> None:
    text = "The Free Syrian Army (FSA) attacked the town. The FSA said it lost two men."
    found = actors(nlp, resolver, text)
    assert all(a.country == "SYR" for a in found if a.text.endswith("FSA"))


@pytest.mark.parametrize(("acronym", "name", "fits"), [
    ("SRTF", "Syria Recovery Trust Fund", True),
    ("ISIL", "the Islamic State of Iraq and the Levant", True),
    ("OFAC", "Office of Foreign Assets Control", True),
    ("FSA", "Free Syrian Army", True),
    ("SDF", "Free Syrian Army", False),
    ("FA", "Free Syrian Army", False),  # leaves a capitalised word out
    ("X", "Xinhua", False),
])
def test_initials_fit(acronym: str, name: str, fits: bool) -> None:
    assert initials_fit(acronym, name) is fits


def test_surname_the_ner_took_for_an_organisation(nlp, resolver: ActorResolver) -> None:
    text = ("Gen. Joseph L. Votel visited the base on Monday. "
            "Votel explained the command's priorities.")
    found = actors(nlp, resolver, text)
    later = [a for a in found if a.text == "Votel"]
    assert later and later[0].kind == "person"
    assert later[0].name == "Joseph L. Votel"


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("We stand with our Turkish allies against terrorism.", "Turkish allies", "TUR"),
    ("We thank our Syrian partners for their courage.", "Syrian partners", "SYR"),
])
def test_demonym_with_an_actor_noun(nlp, resolver: ActorResolver, text: str, mention: str,
                                    country: str) -> None:
    actor = find(actors(nlp, resolver, text), mention)
    assert (actor.kind, actor.country) == ("group", country)


def test_demonym_before_a_thing_is_no_actor(nlp, resolver: ActorResolver) -> None:
    found = actors(nlp, resolver, "The Syrian economy shrank by a third.")
    assert not any("economy" in a.text for a in found)


def test_adverb_inside_the_phrase_keeps_the_owner(nlp, resolver: ActorResolver) -> None:
    text = "We support Turkey's democratically elected government."
    actor = find(actors(nlp, resolver, text), "Turkey's democratically elected government")
    assert (actor.country, actor.sector) == ("TUR", "GOV")
