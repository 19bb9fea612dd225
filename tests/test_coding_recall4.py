"""Conflict verbs missed in a second round: aspect verbs of an event, verbs read as nouns,
killings in relative clauses with their own subject, tolls of a crackdown, marches with an
apposition; and the words that must stay no event."""

from __future__ import annotations

import pytest
from event_words import words_of

from gestae.coding.patterns import is_noun_word
from gestae.pipeline import extract


@pytest.mark.parametrize(("text", "word", "type_"), [
    # aspect verbs carry the event they start or continue
    ("Government troops launched, late on Monday, a fierce attack on the rebel camp.",
     "launched", "ASSAULT"),
    ("The militia began the week with a night assault on the border post.", "began",
     "ASSAULT"),
    ("Rebel units began shelling the airport road before dawn.", "began", "ASSAULT"),
    ("The marines continued their sweep of the valley, targeting militant hideouts.",
     "continued", "ASSAULT"),
    ("The offensive started at first light along the northern front.", "started", "ASSAULT"),
    # verbs the parser reads as nouns
    ("Two suicide bombers detonate explosive vests at a crowded bus terminal.", "detonate",
     "ASSAULT"),
    ("Policemen patrol in the old quarter of the town.", "patrol", "MOBILIZE"),
    ("An extra 3,000 foreign peacekeepers patrol", "patrol", "MOBILIZE"),
    # a relative clause with a subject of its own is the event, not a passing mention
    ("The clashes, during which nine guards were killed, lasted all night.", "killed",
     "ASSAULT"),
    # the course of an attack
    ("Two farmers were shot as they fled across the fields.", "fled", "ASSAULT"),
    # a march whose place has an apposition the parser takes for an object
    ("On Sunday, crowds marched on the palace, the seat of the government, demanding reform.",
     "marched", "PROTEST"),
])
def test_conflict_word_is_covered(text: str, word: str, type_: str) -> None:
    assert words_of(text).get(word) == type_, words_of(text)


@pytest.mark.parametrize(("text", "word"), [
    ("The company launched a new phone in Seoul on Monday.", "launched"),
    ("The festival began on Friday with music in the square.", "began"),
    ("Prices continued their rise in the second quarter.", "continued"),
    ("An army patrol found the missing hikers near the lake.", "patrol"),
    ("The old theatre, which was built in 1900, burned down.", "built"),
    ("Thousands of tourists fled the heat for the mountains.", "fled"),
])
def test_no_event_words(text: str, word: str) -> None:
    assert word not in words_of(text), words_of(text)


def test_aspect_verb_is_no_event_of_its_own() -> None:
    """The aspect verb adds a word to the attack; it does not make a second event."""
    events = extract("Insurgents launched, at dawn, a rocket attack on the base.").events
    assert len([e for e in events if e.type == "ASSAULT"]) == 1
    evidence = events[0].evidence
    assert "launched" in [evidence.trigger, *(w.text for w in evidence.other_triggers)]


def test_noun_words() -> None:
    assert not is_noun_word("detonate")
    assert is_noun_word("patrol")
