"""Arguments of round 8: a weapon named by its owner ("Iraqi warplanes", "a Kenyan police
helicopter") and a nominal attack named by its owner that is the subject of its verb ("Saudi
air strikes killed") stand for the one who struck; the one a thing is taken from is the
target of seizing and stealing; a strike "to protest X's decision" is aimed at the decision;
an answer to another event named by its doer ("condemned a march by settlers") is aimed at
that event."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources, targets
from spacy.language import Language

from gestae.coding import EventCoder

# --- weapons and attacks named by their owner ----------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish warplanes bombed Kurdish positions near the border on Monday.",
     "Turkish warplanes"),
    ("Egyptian army helicopters attacked a militant hideout in northern Sinai.",
     "Egyptian army helicopters"),
    ("A Kenyan police helicopter attacked a camp of cattle rustlers.",
     "A Kenyan police helicopter"),
    ("Russian jets struck a hospital in the rebel enclave.", "Russian jets"),
])
def test_a_weapon_named_by_its_owner_is_the_source(nlp: Language, coder: EventCoder,
                                                   text: str, expected: str) -> None:
    assert sources(text, event_of(nlp, coder, text, "ASSAULT")) == [expected]


@pytest.mark.parametrize("text", [
    "A car bomb killed nine people outside a mosque.",
    "Heavy artillery pounded the old city for hours.",
])
def test_a_weapon_with_no_owner_is_no_source(nlp: Language, coder: EventCoder,
                                             text: str) -> None:
    assert sources(text, event_of(nlp, coder, text, "ASSAULT")) == []


def test_an_owned_attack_subject_is_the_source(nlp: Language, coder: EventCoder) -> None:
    text = "Saudi air strikes killed eleven fighters near the port."
    found = sources(text, event_of(nlp, coder, text, "ASSAULT"))
    assert found == ["Saudi air strikes"], found


def test_an_owned_attack_as_an_object_keeps_its_owner_as_source(
        nlp: Language, coder: EventCoder) -> None:
    # not the subject of the verb: the nominal attack's own modifier stays its source
    text = "The villagers fled the Turkish air strikes on their homes."
    event = event_of(nlp, coder, text, "ASSAULT")
    assert "The villagers" not in sources(text, event)
    assert not any("air strikes" in s for s in sources(text, event)), sources(text, event)


# --- the one a thing is taken from ---------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("The gunmen stole forty goats from nomadic herders.", "nomadic herders"),
    ("Customs officers confiscated the trucks from the smugglers.", "the smugglers"),
    ("The militia will return the rifles it seized from the national army.",
     "the national army"),
])
def test_taken_from_an_actor_is_the_target(nlp: Language, coder: EventCoder, text: str,
                                           expected: str) -> None:
    assert targets(text, event_of(nlp, coder, text, "COERCE")) == [expected]


def test_taken_from_a_place_is_no_target(nlp: Language, coder: EventCoder) -> None:
    text = "The gunmen stole forty goats from Garissa."
    assert "Garissa" not in targets(text, event_of(nlp, coder, text, "COERCE"))


def test_a_from_phrase_of_another_verb_is_no_target(nlp: Language, coder: EventCoder) -> None:
    text = "Troops from Chad attacked the rebels."
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == ["the rebels"]


# --- what a protest or an answer is aimed at -----------------------------------------------


def test_a_strike_to_protest_an_owned_thing(nlp: Language, coder: EventCoder) -> None:
    text = "Dock workers went on strike to protest the governor's new tax."
    found = targets(text, event_of(nlp, coder, text, "PROTEST"))
    assert found == ["the governor's new tax"], found


def test_a_purpose_that_makes_a_thing_is_no_target(nlp: Language, coder: EventCoder) -> None:
    text = "The Kenyan government agreed to set up the Nairobi Centre for Film Studies."
    found = targets(text, event_of(nlp, coder, text, "AGREE"))
    assert not any("Centre" in t for t in found), found


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("The mayor condemned a violent march by settlers through the old town.", "ACCUSE",
     "a violent march by settlers"),
    ("Norway welcomed the Chinese delegation's visit.", "SUPPORT",
     "the Chinese delegation's visit"),
])
def test_an_answer_to_an_event_named_by_its_doer(nlp: Language, coder: EventCoder,
                                                 text: str, type_: str,
                                                 expected: str) -> None:
    found = targets(text, event_of(nlp, coder, text, type_))
    assert any(t.startswith(expected) for t in found), found


def test_an_answer_to_an_event_with_no_doer_names_no_target(nlp: Language,
                                                            coder: EventCoder) -> None:
    text = "The mayor condemned the violent march through the old town."
    assert targets(text, event_of(nlp, coder, text, "ACCUSE")) == []
