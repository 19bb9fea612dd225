"""Argument spans and recipients: whole noun phrases as news coders mark actors, and the
target of an event whose pattern names none."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources, targets
from spacy.language import Language

from gestae.coding import EventCoder

# --- spans: the whole noun phrase ----------------------------------------------------------

@pytest.mark.parametrize(("text", "type_", "source"), [
    # a locative phrase belongs to the actor ("which court?")
    ("A tribunal in Quito has freed the former mayor.", "RETREAT", "A tribunal in Quito"),
    ("Riot police in the capital detained dozens of students on Friday.", "COERCE",
     "Riot police in the capital"),
    # an apposition names the same actor
    ("Pedro Alvarez, the party's deputy leader, condemned the bombing.", "ACCUSE",
     "Pedro Alvarez, the party's deputy leader"),
    # a bracketed abbreviation is part of the name
    ("The Council of Elders (COE) rejected the proposal.", "REJECT",
     "The Council of Elders (COE)"),
])
def test_source_is_whole_noun_phrase(nlp: Language, coder: EventCoder, text: str, type_: str,
                                     source: str) -> None:
    assert sources(text, event_of(nlp, coder, text, type_)) == [source]


def test_date_is_not_part_of_the_phrase(nlp: Language, coder: EventCoder) -> None:
    text = "Riot police in the capital detained dozens of students on Friday."
    event = event_of(nlp, coder, text, "COERCE")
    assert targets(text, event) == ["dozens of students"]


def test_conjuncts_stay_separate(nlp: Language, coder: EventCoder) -> None:
    text = "The rebels released three aid workers and a pilot."
    event = event_of(nlp, coder, text, "RETREAT")
    assert targets(text, event) == ["three aid workers", "a pilot"]


def test_relative_clause_is_not_part_of_the_phrase(nlp: Language, coder: EventCoder) -> None:
    text = "Soldiers arrested a teacher who had organised the march."
    event = event_of(nlp, coder, text, "COERCE")
    assert targets(text, event) == ["a teacher"]


# --- recipients when the pattern names no target -------------------------------------------

@pytest.mark.parametrize(("text", "type_", "target"), [
    # a person object that is part of the trigger is also the one it is aimed at
    ("Norway summoned the Chilean ambassador to protest.", "ACCUSE", "the Chilean ambassador"),
    ("Kenya expelled two Ugandan diplomats.", "SANCTION", "two Ugandan diplomats"),
    # "on" on the trigger's object, through a participle
    ("The ministry lifted restrictions imposed on Moldova.", "CONCEDE", "Moldova"),
])
def test_recipient(nlp: Language, coder: EventCoder, text: str, type_: str,
                   target: str) -> None:
    assert targets(text, event_of(nlp, coder, text, type_)) == [target]


def test_a_place_after_in_is_a_location_not_a_target(nlp: Language, coder: EventCoder) -> None:
    text = "Thousands of mourners marched in Baghdad on Saturday."
    assert targets(text, event_of(nlp, coder, text, "PROTEST")) == []


def test_named_target_wins_over_place(nlp: Language, coder: EventCoder) -> None:
    text = "Police in Lahore arrested the organisers."
    event = event_of(nlp, coder, text, "COERCE")
    assert targets(text, event) == ["the organisers"]


def test_pronoun_in_a_nested_clause_is_not_the_speaker(nlp: Language, coder: EventCoder) -> None:
    text = "Sadr said the US military will be treated as an enemy if it does not withdraw."
    event = event_of(nlp, coder, text, "RETREAT")
    assert sources(text, event) == ["it"]
    text = "Russia announced it would withdraw its troops from the border."
    assert sources(text, event_of(nlp, coder, text, "CONCEDE")) == ["Russia"]
