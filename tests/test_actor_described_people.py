"""Event arguments that name people without saying which: "those
affected by the floods", "its owners", "the ringleaders", "leaders of the two sides" are
actors, uncoded; things ("the legislation") stay none. Lawyers are a role, and the
knowledge base knows the LRA and its leader ("Kony" is no place)."""

from __future__ import annotations

import pytest
from argument_actors import argument

from gestae.pipeline import Pipeline


@pytest.mark.parametrize(("text", "phrase"), [
    ("The government gave money to those affected by the floods.",
     "those affected by the floods"),
    ("The army arrested those responsible for the attack on Monday.",
     "those responsible for the attack"),
    ("The charity sent food to those in need.", "those in need"),
])
def test_those_with_a_description_are_people(pipeline: Pipeline, text: str,
                                             phrase: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert (actor.text, actor.kind, actor.country) == (phrase, "group", None)


@pytest.mark.parametrize(("text", "phrase", "name"), [
    ("The museum returned the stolen painting to its owners.", "its owners", "owners"),
    ("Police arrested the ringleaders on Friday.", "the ringleaders", "ringleaders"),
    ("Leaders of the two sides are responsible for the killings.",
     "Leaders of the two sides", "Leaders"),
    ("The rebels attacked the leaders in the capital.", "the leaders", "leaders"),
])
def test_people_nouns_and_sectorless_roles_are_actors(pipeline: Pipeline, text: str,
                                                      phrase: str, name: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert (actor.text, actor.name, actor.kind) == (phrase, name, "group")


@pytest.mark.parametrize(("text", "phrase"), [
    ("The commission criticised the legislation on Monday.", "the legislation"),
    ("The ministry lifted the ban on those goods.", "those goods"),
    ("Donors praised the countries for their help.", "the countries"),
])
def test_things_and_unsaid_groups_stay_no_actor(pipeline: Pipeline, text: str,
                                                phrase: str) -> None:
    assert argument(pipeline, text, phrase) is None


@pytest.mark.parametrize(("text", "phrase", "word"), [
    ("A Chicago attorney filed a lawsuit against the city.", "A Chicago attorney",
     "attorney"),
    ("The defense lawyer appealed the verdict.", "The defense lawyer", "lawyer"),
])
def test_a_lawyer_is_a_person_role(pipeline: Pipeline, text: str, phrase: str,
                                   word: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert actor.kind == "person" and actor.sector == "SOC" and word in (actor.name or "")


def test_attorney_general_keeps_its_longer_role(pipeline: Pipeline) -> None:
    text = "The attorney general sued the company."
    actor = argument(pipeline, text, "The attorney general")
    assert actor is not None and actor.sector != "SOC"


@pytest.mark.parametrize(("text", "phrase", "name"), [
    ("Kony ordered new attacks in the north.", "Kony", "Joseph Kony"),
    ("The LRA abducted dozens of children.", "The LRA", "Lord's Resistance Army"),
])
def test_lra_and_its_leader_are_known(pipeline: Pipeline, text: str, phrase: str,
                                      name: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector) == (name, "UGA", "REB")


@pytest.mark.parametrize(("text", "phrase", "author"), [
    ("The president conceded to the demands of the striking truck drivers.",
     "the demands of the striking truck drivers", "the striking truck drivers"),
    ("The city council rejected demands from the Neighborhood Association.",
     "demands from the Neighborhood Association", "the Neighborhood Association"),
    ("Activists protested against human rights violations by the state police.",
     "human rights violations by the state police", "the state police"),
])
def test_an_author_act_is_coded_by_its_author_alone(pipeline: Pipeline, text: str,
                                                    phrase: str, author: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None and actor.text == author


@pytest.mark.parametrize(("text", "phrase"), [
    ("The German government rejected a request by Mr. Erdogan to hold a rally.",
     "a request by Mr. Erdogan"),
    ("The Taliban rejected an offer from the Afghan government.",
     "an offer from the Afghan government"),
])
def test_a_request_or_offer_keeps_its_whole_phrase(pipeline: Pipeline, text: str,
                                                   phrase: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None and actor.text == phrase


@pytest.mark.parametrize(("text", "phrase", "name"), [
    ("Police freed the 45-year-old British-Iranian Nazanin Ratcliffe on Monday.",
     "the 45-year-old British-Iranian Nazanin Ratcliffe", "Nazanin Ratcliffe"),
    ("Egypt let free the 27-year old Egyptian-American Mohamed Soltan on Saturday.",
     "the 27-year old Egyptian-American Mohamed Soltan", "Mohamed Soltan"),
])
def test_a_name_after_its_description_is_an_actor(pipeline: Pipeline, text: str,
                                                  phrase: str, name: str) -> None:
    actor = argument(pipeline, text, phrase)
    assert actor is not None
    assert (actor.text, actor.name) == (phrase, name)


def test_a_described_place_name_stays_no_actor(pipeline: Pipeline) -> None:
    text = "The rebels attacked the old Santa Cruz Barillas."
    assert argument(pipeline, text, "the old Santa Cruz Barillas") is None
