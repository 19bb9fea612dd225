"""Conflict verbs in phrasings the coder used to miss, and their other senses left alone."""

from __future__ import annotations

import pytest

from gestae.pipeline import extract


def words_of(text: str) -> dict[str, str]:
    """Every word that reports an event (trigger or folded word) -> the event's type."""
    out: dict[str, str] = {}
    for event in extract(text).events:
        out.setdefault(event.evidence.trigger, event.type)
        for word in event.evidence.other_triggers:
            out.setdefault(word.text, event.type)
    return out


def covered(text: str, word: str) -> str | None:
    """The type of the event whose trigger or folded words include ``word``."""
    for trigger, type_ in words_of(text).items():
        if word in trigger.split() or trigger == word:
            return type_
    return None


@pytest.mark.parametrize(("text", "word", "type_"), [
    # a blast verb the parser hangs on the vehicle as a participle
    ("A rigged minibus detonated near the bus station in Kandahar.", "detonated", "ASSAULT"),
    ("An explosives-laden van exploded outside the courthouse in Peshawar.", "exploded",
     "ASSAULT"),
    # a finite verb with an object, misread as a participle of the attack noun
    ("Another ambush, also in March, killed eleven soldiers near Gao.", "killed", "ASSAULT"),
    # "shot" read as a noun: with a coordinated verb or its own subject
    ("A sniper shot and wounded a farmer near the river.", "shot", "ASSAULT"),
    ("Border guards shot at a smuggler's truck on the highway.", "shot", "ASSAULT"),
    # patrols: a bare verb after a plural subject, a progressive misread as an adjective
    ("Hundreds of marines patrol the port city of Hodeidah.", "patrol", "MOBILIZE"),
    ("Riot police are patrolling busy markets across the province.", "patrolling",
     "MOBILIZE"),
    # armed forces moving into a place, whatever its name
    ("Fighters of the rebel brigade entered the hospital on Friday.", "entered",
     "MOBILIZE"),
    # a captured person or town, with a setting phrase that is no other sense
    ("The bomb maker was captured at the scene by special forces.", "captured", "ASSAULT"),
    ("On the ground, militia fighters captured two strategic peaks near the pass.",
     "captured", "COERCE"),
    # fighting that breaks out under a noun that is no trigger
    ("Violence erupted in the northern town after the disputed count.", "erupted", "ASSAULT"),
    ("A brawl broke out between rival supporters outside the stadium gates.", "broke",
     "ASSAULT"),
    # arson and inversion
    ("Settlers burned down the olive press of the village.", "burned", "ASSAULT"),
    ("The mosque was burned to the ground during the riots.", "burned", "ASSAULT"),
    ("Also shelled was the nearby hamlet of Tarnovo.", "shelled", "ASSAULT"),
    # where an attack landed is the attack itself
    ("Jets carried out raids on the town, striking the market and a school.",
     "striking", "ASSAULT"),
])
def test_conflict_verb_is_found(text: str, word: str, type_: str) -> None:
    assert covered(text, word) == type_, words_of(text)


@pytest.mark.parametrize(("text", "word"), [
    ("The Kenyan runner captured the gold medal in the marathon.", "captured"),
    ("Her photographs captured the mood of the city at night.", "captured"),
    ("The film was shot in Morocco over fourteen months.", "shot"),
    ("Oil prices shot up on news of the embargo.", "shot"),
    ("The retailer entered the Indian market last year.", "entered"),
    ("The two countries entered talks on a new trade accord.", "entered"),
    ("An army patrol found the missing hikers on Tuesday.", "patrol"),
    ("The old theatre burned down in 1907.", "burned"),
    ("A heated argument erupted at the board meeting.", "erupted"),
])
def test_other_senses_are_not_conflict(text: str, word: str) -> None:
    got = covered(text, word)
    assert got not in ("ASSAULT", "MOBILIZE", "COERCE"), words_of(text)


def test_shot_and_killed_is_one_event() -> None:
    """The shooting and the killing it caused are one attack, not two."""
    text = "A gunman shot and killed a shopkeeper in the market on Monday."
    events = [e for e in extract(text).events if e.type == "ASSAULT"]
    assert len(events) == 1
    words = {events[0].evidence.trigger, *(w.text for w in events[0].evidence.other_triggers)}
    assert {"shot", "killed"} <= words


def test_attack_noun_keeps_the_verb_it_reports() -> None:
    """"Another ambush ... killed eleven": one event, reported by the verb."""
    text = "Another ambush, also in March, killed eleven soldiers near Gao."
    events = [e for e in extract(text).events if e.type == "ASSAULT"]
    assert len(events) == 1
    assert events[0].evidence.trigger == "killed"
