"""ACLED sub-event types through the real pipeline: who acts on whom, modes, the incident.

Sentences are written for these tests; each checks the first (most reliable) event.
"""

from __future__ import annotations

import pytest

from gestae.coding import ontology
from gestae.model import Actor, Event, Evidence


def first(pipeline, text: str):
    """The first event of a text (the one a consumer takes), or None."""
    events = pipeline.extract(text).events
    return events[0] if events else None


def sub_type(pipeline, text: str) -> str | None:
    event = first(pipeline, text)
    return event.acled_sub_event_type if event else None


def test_done_when_excessive_force(pipeline) -> None:
    text = ("Security forces opened fire on protesters in Nasiriyah on Sunday, killing three. "
            "Al-Sadr stopped short of threatening military action.")
    events = pipeline.extract(text).events
    asserted = [e for e in events if e.is_asserted]
    assert len(asserted) == 1
    shot = asserted[0]
    assert shot.type == "ASSAULT" and shot.mode == "firearms"
    assert shot.acled_event_type == "Protests"
    assert shot.acled_sub_event_type == "Excessive force against protesters"
    assert not any(e.type == "THREATEN" and e.is_asserted for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    # protests and force against them
    ("Thousands of teachers marched through the capital against the pension reform.",
     "Peaceful protest"),
    ("Riot police fired tear gas at demonstrators outside the parliament.",
     "Protest with intervention"),
    ("Soldiers shot dead four demonstrators during a rally in the northern town.",
     "Excessive force against protesters"),
    # riots
    ("Rioters torched cars and smashed shop windows in the port city.",
     "Violent demonstration"),
    ("Protesters threw stones at the police outside the governor's office.",
     "Violent demonstration"),
    ("Violent protests broke out in the capital over fuel prices.", "Violent demonstration"),
    ("An angry mob beat a suspected thief to death in the market.", "Mob violence"),
    # battles and violence against civilians
    ("Government troops clashed with rebels near the river crossing.", "Armed clash"),
    ("Gunmen opened fire on villagers at a wedding, killing six.", "Attack"),
    ("Unknown gunmen attacked a bus on the highway.", "Attack"),
    ("Armed men kidnapped three aid workers near the border.",
     "Abduction/forced disappearance"),
    ("The rape of two girls by militiamen was reported by the family.", "Sexual violence"),
    # remote violence, the weapon of the incident
    ("A suicide bomber blew himself up at a checkpoint, killing four policemen.",
     "Suicide bomb"),
    ("Militants threw a grenade at a police patrol in the old town.", "Grenade"),
    ("A roadside bomb exploded near an army convoy.", "Remote explosive/landmine/IED"),
    ("Helicopters dropped barrel bombs on the rebel district.", "Air/drone strike"),
    ("Artillery shelled the village overnight.", "Shelling/artillery/missile attack"),
    ("Dozens were killed in a chlorine attack on the besieged suburb.", "Chemical weapon"),
    # territory
    ("The army recaptured the town from the insurgents on Friday.",
     "Government regains territory"),
    ("Government troops liberated three villages from the militants.",
     "Government regains territory"),
    ("Rebels seized control of the district headquarters.",
     "Non-state actor overtakes territory"),
    ("The militia handed over the town to the army.", "Non-violent transfer of territory"),
    # strategic developments
    ("The army set up a new military base near the border.",
     "Headquarters or base established"),
    ("Police seized a cache of rifles and grenades in a farmhouse.", "Disrupted weapons use"),
    ("Army engineers defused a roadside bomb on the main highway.", "Disrupted weapons use"),
    ("Air defences shot down two drones over the port.", "Disrupted weapons use"),
    ("The government and the rebels agreed to a ceasefire.", "Agreement"),
    ("Dozens of soldiers defected to the rebels.", "Change to group/activity"),
    ("Fighters looted shops and homes in the market town.", "Looting/property destruction"),
    ("Police arrested the opposition leader at his home.", "Arrests"),
])
def test_sub_event_types(pipeline, text: str, expected: str) -> None:
    assert sub_type(pipeline, text) == expected


@pytest.mark.parametrize("text", [
    # natural disasters and accidents
    "A powerful earthquake struck the coast, killing at least 40 people.",
    "A tsunami killed 12 fishermen on the islands.",
    "Two workers were killed when a boiler exploded at the factory.",
    "Floods hit the northern districts after days of heavy rain.",
    # diplomacy and statements
    "The foreign ministers met in Geneva to discuss the crisis.",
    "The president said the talks had been constructive.",
    "The new sanctions target banks and shipping companies.",
    # claims of responsibility are reports about an event, not the event
    "The group claimed responsibility for the attack on the embassy.",
    # ordinary crime without political actors
    "Customs officers confiscated two tonnes of cocaine at the port.",
])
def test_events_acled_would_not_code(pipeline, text: str) -> None:
    assert sub_type(pipeline, text) is None


def test_troops_that_march_are_not_protesters(pipeline) -> None:
    event = first(pipeline, "Government forces captured the town and marched into the suburbs.")
    assert event is not None
    assert event.acled_sub_event_type == "Government regains territory"


def _event(type_: str, mode: str | None, source: list[Actor], text: str = "",
           rule: str = "x.rule") -> Event:
    return Event(event_id="e", type=type_, mode=mode, source=source,
                 evidence=Evidence(text=text, start=0, end=len(text), trigger="",
                                   trigger_start=0, trigger_end=0, rule=rule))


def test_incident_mode_comes_from_the_most_telling_weapon() -> None:
    rebels = [Actor(text="militants", start=0, end=9, sector="REB")]
    killing = _event("ASSAULT", None, rebels)
    bombing = _event("ASSAULT", "suicide-attack", [])
    kidnap = _event("ASSAULT", "abduct", rebels)
    assert ontology.acled_types(killing, [killing, bombing])[1] == "Suicide bomb"
    assert ontology.acled_types(kidnap, [kidnap, bombing])[1] == (
        "Abduction/forced disappearance")


def test_capitalised_hazard_word_is_a_name() -> None:
    text = "Members of the Storm Brigade killed two soldiers."
    event = _event("ASSAULT", None, [], text=text)
    assert ontology.acled_types(event, [event]) == ("Battles", "Armed clash")
    lower = _event("ASSAULT", None, [], text="A storm killed two people.")
    assert ontology.acled_types(lower, [lower]) == (None, None)
