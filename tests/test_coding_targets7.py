"""Targets of round 7: the place "in" which help is given or a truce laid (its people are
the target) when nothing else is, while an attack, alert, surrender or deployment "in X"
keeps X as its location; a person object that is part of a force or coercion trigger
("used civilians as human shields"); no target from "in retaliation for" nor from an
apposition the parser read as a second object; the subject of "announced / completed" a
nominal event is its source."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources, targets
from spacy.language import Language

from gestae.coding import EventCoder

# --- help given and truces laid "in" a place -----------------------------------------------

@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("The rebels declared a ceasefire in Tripoli.", "CONCEDE", "Tripoli"),
    ("The army declared a unilateral ceasefire on Monday in South Sudan.", "CONCEDE",
     "South Sudan"),
    ("Turkey and Russia announced a ceasefire in Idlib on Thursday.", "CONCEDE", "Idlib"),
    ("The warring parties agreed to a truce in Hodeidah.", "AGREE", "Hodeidah"),
    ("The government had provided $340 million for assistance in northern Iraq.", "AID",
     "Iraq"),
    ("USAID announced a suspension of aid in Yemen.", "SANCTION", "Yemen"),
    ("The EU is ready to contribute to the peacekeeping operation in Georgia.", "AGREE",
     "Georgia"),
])
def test_help_or_truce_in_a_place_is_aimed_at_it(nlp: Language, coder: EventCoder,
                                                  text: str, type_: str,
                                                  expected: str) -> None:
    found = targets(text, event_of(nlp, coder, text, type_))
    assert any(expected in t for t in found), found


@pytest.mark.parametrize(("text", "type_"), [
    ("Taliban fighters attacked a checkpoint in Kandahar.", "ASSAULT"),
    ("Indian troops remained on alert in New Delhi.", "MOBILIZE"),
    ("The rebel leader surrendered on Friday in Goma.", "RETREAT"),
    ("The US deployed 200 troops in Syria.", "MOBILIZE"),
    ("The president resigned in Lima after weeks of protests.", "RETREAT"),
])
def test_force_alerts_surrenders_and_deployments_keep_in_x_as_location(
        nlp: Language, coder: EventCoder, text: str, type_: str) -> None:
    event = event_of(nlp, coder, text, type_)
    place = text.split(" in ")[1].split()[0].rstrip(".")
    assert not any(t.startswith(place) for t in targets(text, event)), targets(text, event)


def test_an_actor_target_wins_over_the_place(nlp: Language, coder: EventCoder) -> None:
    text = "Japan sent relief supplies to flood victims in Pakistan."
    assert targets(text, event_of(nlp, coder, text, "AID")) == ["flood victims"]


@pytest.mark.parametrize("text", [
    "Germany provided 5 million euros in aid in 2019.",
    "The UN sent aid in trucks to the border.",
])
def test_in_with_no_place_is_no_target(nlp: Language, coder: EventCoder, text: str) -> None:
    found = targets(text, event_of(nlp, coder, text, "AID"))
    assert not any(w in t for t in found for w in ("2019", "trucks")), found


@pytest.mark.parametrize("text", [
    "Observers were sent to monitor a ceasefire in Hodeidah.",
    "The rebels said a truce in Darfur was holding.",
])
def test_a_background_truce_takes_no_place_target(nlp: Language, coder: EventCoder,
                                                   text: str) -> None:
    for event in coder.find(nlp(text)):
        assert not any(w in t for t in targets(text, event) for w in ("Hodeidah", "Darfur"))


# --- the people a force or coercion trigger names ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Hezbollah systematically used Lebanese civilians as human shields.", "civilians"),
    ("Islamic State militants held 20,000 civilians as human shields in Raqqa.",
     "civilians"),
    ("Hamas uses civilians as human shields.", "civilians"),
])
def test_people_used_as_shields_are_the_target(nlp: Language, coder: EventCoder, text: str,
                                               expected: str) -> None:
    found = targets(text, event_of(nlp, coder, text, "ASSAULT"))
    assert any(expected in t for t in found), found


@pytest.mark.parametrize("text", [
    "Russia has strengthened its forces in Crimea.",
    "The US sent 200 troops in Syria to serve as a peacekeeping force.",
])
def test_one_s_own_forces_are_not_the_target(nlp: Language, coder: EventCoder,
                                             text: str) -> None:
    for event in coder.find(nlp(text)):
        assert not any(w in t for t in targets(text, event) for w in ("forces", "troops"))


# --- garbage targets --------------------------------------------------------------------------

def test_in_retaliation_is_no_target(nlp: Language, coder: EventCoder) -> None:
    text = ("Houthi fighters carried out an attack against a military base in Saudi Arabia "
            "in retaliation for the Saudi-led aggression against their homeland.")
    found = targets(text, event_of(nlp, coder, text, "ASSAULT"))
    assert not any("retaliation" in t for t in found), found


def test_an_apposition_read_as_object_is_no_target(nlp: Language, coder: EventCoder) -> None:
    text = ("Taliban suicide bombers killed 48 people in two separate attacks on Tuesday, "
            "the deadliest taking place near an election rally.")
    found = targets(text, event_of(nlp, coder, text, "ASSAULT"))
    assert found and not any("deadliest" in t for t in found), found


# --- who announced or completed a nominal event ---------------------------------------------

@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Germany announced the withdrawal of its troops from Mali.", "RETREAT", "Germany"),
    ("The United States completed its withdrawal of troops from Iraq.", "RETREAT",
     "The United States"),
    ("Denmark announced a suspension of aid to Egypt.", "SANCTION", "Denmark"),
    ("Kenya announced the arrest of three al-Shabaab suspects.", "COERCE", "Kenya"),
])
def test_announcer_of_a_nominal_event_is_its_source(nlp: Language, coder: EventCoder,
                                                    text: str, type_: str,
                                                    expected: str) -> None:
    assert expected in sources(text, event_of(nlp, coder, text, type_))


def test_a_by_phrase_beats_the_announcer(nlp: Language, coder: EventCoder) -> None:
    text = "The UN announced the release of 20 hostages by the rebels."
    assert sources(text, event_of(nlp, coder, text, "RETREAT")) == ["the rebels"]
