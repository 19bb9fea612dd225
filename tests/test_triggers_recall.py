"""Recall patterns (data/triggers_recall.yaml): patrols and troop movements, attacks that are
continued, stepped up or repelled, ways of killing, rammings, arson; and the senses of the
same verbs that must stay uncoded."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.model import EventCandidate


def code(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    return coder.find(nlp(text))


def triggered(events: list[EventCandidate], text: str) -> list[tuple[str, str, str]]:
    return [(text[e.trigger_start:e.trigger_end], e.type, e.rule) for e in events]


@pytest.mark.parametrize(("text", "word", "type_"), [
    ("Police patrolled the city centre after the riots.", "patrolled", "MOBILIZE"),
    ("Two warships are patrolling the disputed waters.", "patrolling", "MOBILIZE"),
    ("Peacekeepers patrol the buffer zone between the two armies.", "patrol", "MOBILIZE"),
    ("Rebel fighters entered the village at dawn.", "entered", "MOBILIZE"),
    ("Armoured columns advanced toward the border town overnight.", "advanced", "MOBILIZE"),
    ("The army continued its assault on the old quarter.", "continued", "ASSAULT"),
    ("Militants have intensified their attacks on army posts.", "intensified", "ASSAULT"),
    ("The rebels resumed their bombardment of the airport on Friday.", "resumed", "ASSAULT"),
    ("Insurgents stepped up their attacks on convoys this month.", "stepped", "ASSAULT"),
    ("Soldiers repulsed an attack on the checkpoint.", "repulsed", "ASSAULT"),
    ("The defenders fended off a raid by bandits.", "fended", "ASSAULT"),
    ("Troops engaged the gunmen in a forest clearing.", "engaged", "ASSAULT"),
    ("The robbers strangled the shopkeeper.", "strangled", "ASSAULT"),
    ("Attackers mutilated the bodies of the victims.", "mutilated", "ASSAULT"),
    ("A man rammed his van into pedestrians on the bridge.", "rammed", "ASSAULT"),
    ("Protesters set two buses ablaze near the stadium.", "set", "ASSAULT"),
    ("Unionised dockers picketed the port gates.", "picketed", "PROTEST"),
])
def test_new_triggers_code_the_verb(nlp: Language, coder: EventCoder, text: str, word: str,
                                    type_: str) -> None:
    found = triggered(code(nlp, coder, text), text)
    assert any(span.startswith(word) and t == type_ for span, t, _ in found), found


def test_set_off_covers_landmines(nlp: Language, coder: EventCoder) -> None:
    text = "Guerrillas set off a landmine under an army truck."
    assert ("ASSAULT", "assault.set_off") in [(e.type, e.rule) for e in code(nlp, coder, text)]


@pytest.mark.parametrize("text", [
    "The negotiations entered a decisive phase.",
    "She entered parliament in 2010.",
    "The shares advanced to a record high.",
    "The company continued its expansion in Asia.",
    "The striking workers continued their strike for a second week.",
    "The lorry rammed into a wall on the motorway.",
    "The new coating repels water.",
    "The spokesman stepped up the pressure on the ministry.",
    "Farmers set the price of milk for the year.",
    "The government foiled a plan to privatise the railways.",
])
def test_other_senses_stay_uncoded(nlp: Language, coder: EventCoder, text: str) -> None:
    found = triggered(code(nlp, coder, text), text)
    assert not any(t in ("ASSAULT", "MOBILIZE") for _, t, _ in found), found


def test_ablaze_counts_as_arson_for_acled_rules(nlp: Language, coder: EventCoder) -> None:
    # acled.yaml matches rule-id prefixes: the ablaze rule must share assault.set_fire's prefix
    text = "A crowd set the police station ablaze."
    rules = [e.rule for e in code(nlp, coder, text)]
    assert any(r.startswith("assault.set_fire") for r in rules), rules


def test_continued_offensive_is_one_event(nlp: Language, coder: EventCoder) -> None:
    """The verb takes the attack noun as its object: one event, not a verb and a noun."""
    text = "Government forces continued their offensive in the eastern hills."
    events = [e for e in code(nlp, coder, text) if e.type == "ASSAULT"]
    assert len(events) == 1
    assert text[events[0].trigger_start:events[0].trigger_end] == "continued their offensive"
