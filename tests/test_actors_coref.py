"""Within-article coreference: names, definite descriptions and pronouns take their
antecedent's coding; nothing is made up without a compatible antecedent."""

from __future__ import annotations

import datetime as dt

import pytest

from gestae.actors import ActorResolver
from gestae.actors.coref import link_mentions, load_rules
from gestae.model import Actor
from gestae.nlp import load

DAY = dt.date(2020, 1, 10)


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def actors(nlp, resolver: ActorResolver, text: str) -> list[Actor]:
    return resolver.extract(nlp(text), DAY)


def texts(found: list[Actor]) -> list[str]:
    return [a.text for a in found]


def find(found: list[Actor], text: str, nth: int = 0) -> Actor:
    hits = [a for a in found if a.text == text]
    assert len(hits) > nth, f"{text!r} not among {texts(found)}"
    return hits[nth]


def test_one_person_through_name_description_short_name_and_pronoun(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Moqtada al-Sadr called for protests. The Shiite cleric said "
                                  "the US must leave. Al-Sadr added that he would not negotiate.")
    sadr = find(found, "Moqtada al-Sadr")
    assert sadr.id == "person/muqtada-al-sadr" and not sadr.inferred
    cleric, short, he = (find(found, t) for t in ("The Shiite cleric", "Al-Sadr", "he"))
    assert {cleric.id, short.id, he.id} == {sadr.id}
    assert cleric.inferred and he.inferred and not short.inferred  # short name: from the mention
    assert (he.country, he.sector, he.kind) == (sadr.country, sadr.sector, "person")
    # the mention keeps its own span
    text = "Moqtada al-Sadr called for protests. The Shiite cleric said"
    assert cleric.start == text.index("The Shiite") and cleric.end == cleric.start + 17


def test_possessive_and_a_second_person_stay_two_actors(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Soleimani and his sidekick al-Muhandis were killed.")
    his = find(found, "his")
    assert his.id == find(found, "Soleimani").id and his.inferred
    assert find(found, "al-Muhandis").id != his.id


def test_no_antecedent_no_actor(nlp, resolver) -> None:
    assert actors(nlp, resolver, "It rained.") == []
    assert actors(nlp, resolver, "He left early and they never came back.") == []
    found = actors(nlp, resolver, "The militia attacked. It is unclear whether the "
                                  "attack was planned.")
    assert "It" not in texts(found)


def test_states_are_not_they_and_persons_are_not_it(nlp, resolver) -> None:
    assert "They" not in texts(actors(nlp, resolver, "Iran condemned the attack. They said "
                                                     "nothing more."))
    assert "it" not in texts(actors(nlp, resolver, "Donald Trump said it was over."))


def test_organisation_it_and_plural_they(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Kata'ib Hezbollah said it would retaliate.")
    it = find(found, "it")
    assert (it.id, it.aligned, it.inferred) == ("org/kataib-hezbollah", "IRN", True)
    found = actors(nlp, resolver, "Iraqi protesters stormed the embassy. They chanted slogans.")
    they = find(found, "They")
    assert (they.country, they.sector) == ("IRQ", "CVL") and they.inferred


def test_a_thing_in_between_blocks_it(nlp, resolver) -> None:
    found = actors(nlp, resolver, "The militia fired a rocket. It hit the embassy.")
    assert "It" not in texts(found)


def test_object_pronoun_is_not_the_subject_of_its_verb(nlp, resolver) -> None:
    assert "him" not in texts(actors(nlp, resolver, "Donald Trump praised him."))
    found = actors(nlp, resolver, "Donald Trump met Erdogan and praised him.")
    assert find(found, "him").id == find(found, "Erdogan").id


def test_subject_pronoun_prefers_the_last_subject(nlp, resolver) -> None:
    found = actors(nlp, resolver, "The Taliban refused talks with the Afghan government, "
                                  "saying it would only negotiate with Washington.")
    assert find(found, "it").id == find(found, "The Taliban").id


def test_paragraphs_and_window(nlp, resolver) -> None:
    near = actors(nlp, resolver, "Moqtada al-Sadr spoke on Friday.\nHe left.")
    assert find(near, "He").id == "person/muqtada-al-sadr"
    far = actors(nlp, resolver, "Moqtada al-Sadr spoke on Friday.\nThe weather was mild.\n"
                                "He left.")
    assert "He" not in texts(far)


def test_description_needs_a_fitting_country_and_kind(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Iraqi Prime Minister Adil Abdul-Mahdi spoke on Monday. The "
                                  "Iraqi prime minister said the talks went well. The Iranian "
                                  "prime minister was absent.")
    pm = find(found, "The Iraqi prime minister")
    assert pm.id == "person/adel-abdul-mahdi" and pm.inferred
    other = find(found, "The Iranian prime minister")
    assert other.country == "IRN" and not other.inferred and other.id != pm.id
    found = actors(nlp, resolver, "Kata'ib Hezbollah fired rockets on Monday. The militia "
                                  "denied it.")
    assert find(found, "The militia").id == "org/kataib-hezbollah"


def test_unknown_surname_takes_the_full_name(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Colonel Karim Haddad commanded the unit. Haddad said the "
                                  "attack failed.")
    short = find(found, "Haddad")
    assert short.name == "Karim Haddad" and short.inferred and short.sector == "MIL"


def test_links_explain_every_inferred_mention(nlp, resolver) -> None:
    doc = nlp("Kata'ib Hezbollah said it would retaliate. The militia warned the US.")
    coded = resolver.extract(doc, DAY)
    assert {link.rule for link in resolver.links} == {"pronoun", "description"}
    assert all(link.antecedent.id == "org/kataib-hezbollah" for link in resolver.links)
    assert len([a for a in coded if a.inferred]) == len(resolver.links)
    # the function alone adds no actor where there is nothing to point to
    empty = nlp("It was late.")
    assert link_mentions(empty, [], load_rules()) == ([], [])


def test_resolve_keeps_a_description_coded_from_context(nlp, resolver) -> None:
    text = "Moqtada al-Sadr spoke on Friday. The cleric threatened US troops."
    resolver.extract(nlp(text), DAY)
    start = text.index("The cleric")
    coded = resolver.resolve(text, start, start + len("The cleric"), DAY)
    assert coded is not None and coded.id == "person/muqtada-al-sadr" and coded.inferred


def test_pipeline_uses_pronoun_actors_for_arguments() -> None:
    from gestae.pipeline import Pipeline  # noqa: PLC0415 - heavy, only here

    result = Pipeline().extract("Muqtada al-Sadr met Iranian officials in Qom on Monday. He "
                                "threatened to attack US forces.", date="2020-01-15")
    later = [e for e in result.events if e.evidence.start > 50 and e.source]
    assert later, "no event found in the second sentence"
    source = later[0].source[0]
    assert source.id == "person/muqtada-al-sadr" and source.inferred
    assert result.to_dict()["actors"][2]["text"] == "He"
