"""Event targets: the recipient rather than the thing given, the target named only in the
purpose or content of the act, the person a call was arranged with, and phrases the parser
split in two."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.actors.kb import role_heads
from gestae.coding import EventCoder
from gestae.model import EventCandidate


def event_of(nlp: Language, coder: EventCoder, text: str, type_: str) -> EventCandidate:
    found = [e for e in coder.find(nlp(text)) if e.type == type_]
    assert found, [(e.type, e.rule) for e in coder.find(nlp(text))]
    return found[0]


def spans(text: str, pairs: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in pairs]


# --- the recipient, not the thing given ----------------------------------------------------

@pytest.mark.parametrize(("text", "recipient"), [
    ("Norway donated two million kroner to the Red Cross on Friday.", "the Red Cross"),
    ("Japan donated 40 water pumps to Malawi last month.", "Malawi"),
])
def test_recipient_beats_the_thing_given(nlp: Language, coder: EventCoder, text: str,
                                         recipient: str) -> None:
    event = event_of(nlp, coder, text, "AID")
    assert spans(text, event.target_spans) == [recipient]


def test_a_thing_with_no_recipient_stays_the_target(nlp: Language, coder: EventCoder) -> None:
    text = "Rebels attacked the fuel depot near the port."
    event = event_of(nlp, coder, text, "ASSAULT")
    assert spans(text, event.target_spans) == ["the fuel depot"]


def test_an_actor_object_is_kept(nlp: Language, coder: EventCoder) -> None:
    # an actor object is the recipient; a destination phrase does not replace it
    text = "Police arrested the smugglers on their way to Tijuana."
    event = event_of(nlp, coder, text, "COERCE")
    assert spans(text, event.target_spans) == ["the smugglers"]


def test_owner_of_the_object_keeps_the_phrase(nlp: Language, coder: EventCoder) -> None:
    # "Bolivia's proposal" is coded by its owner: no "to"-phrase replaces it
    text = "Chile rejected Bolivia's proposal to build a port."
    event = event_of(nlp, coder, text, "REJECT")
    assert spans(text, event.target_spans) == ["Bolivia's proposal"]


# --- restrictions: the target is "of" or "on" the trigger's object -----------------------

@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Egypt lifted its blockade of Libya on Monday.", "CONCEDE", "Libya"),
    ("The senator called for sanctions against Belarus.", "REQUEST", "Belarus"),
])
def test_target_of_the_trigger_object(nlp: Language, coder: EventCoder, text: str, type_: str,
                                      target: str) -> None:
    event = event_of(nlp, coder, text, type_)
    assert spans(text, event.target_spans) == [target]


def test_quantity_object_keeps_its_of_phrase(nlp: Language, coder: EventCoder) -> None:
    text = "Soldiers detained dozens of miners on Sunday."
    event = event_of(nlp, coder, text, "COERCE")
    assert spans(text, event.target_spans) == ["dozens of miners"]


# --- the target named in the purpose or content ------------------------------------------

def test_content_clause_names_the_target(nlp: Language, coder: EventCoder) -> None:
    text = "Brazil refused to lift the ban on Argentine beef exporters."
    event = event_of(nlp, coder, text, "REJECT")
    assert spans(text, event.target_spans) == ["Argentine beef exporters"]


def test_purpose_clause_names_the_recipient(nlp: Language, coder: EventCoder) -> None:
    text = "Canada sent medical aid to help Haiti after the storm."
    event = event_of(nlp, coder, text, "AID")
    assert spans(text, event.target_spans) == ["Haiti"]


def test_a_thing_made_is_no_target(nlp: Language, coder: EventCoder) -> None:
    text = "The province agreed to set up a new cancer research institute in Toronto."
    event = event_of(nlp, coder, text, "AGREE")
    assert event.target_spans == []


def test_call_arranged_to_discuss(nlp: Language, coder: EventCoder) -> None:
    # the caller discusses, with the person called
    text = "The Kenyan president called the Ugandan foreign minister to discuss the border."
    event = event_of(nlp, coder, text, "CONSULT")
    assert spans(text, event.source_spans) == ["The Kenyan president"]
    assert spans(text, event.target_spans) == ["the Ugandan foreign minister"]


def test_called_on_to_act_is_the_actor(nlp: Language, coder: EventCoder) -> None:
    # "called on X to lift": X is to lift; the request stays the headline
    text = "France and Spain called on Italy to lift its sanctions against Malta."
    events = coder.find(nlp(text))
    request = next(e for e in events if e.type == "REQUEST")
    assert spans(text, request.target_spans) == ["Italy"]
    lift = [e for e in events if e.type == "CONCEDE"]
    if lift:
        assert spans(text, lift[0].source_spans) == ["Italy"]
        assert lift[0].confidence < request.confidence


# --- spans -------------------------------------------------------------------------------

def test_split_name_is_joined(nlp: Language, coder: EventCoder) -> None:
    text = "Macron will meet his counterpart German Chancellor Olaf Scholz in Berlin."
    event = coder.find(nlp(text))[0]
    parties = ["Macron", "his counterpart German Chancellor Olaf Scholz"]
    assert spans(text, event.source_spans) == parties  # a meeting: every party an actor


def test_listed_targets_stay_apart(nlp: Language, coder: EventCoder) -> None:
    text = "Militants attacked a police post and an army checkpoint."
    event = event_of(nlp, coder, text, "ASSAULT")
    assert spans(text, event.target_spans) == ["a police post", "an army checkpoint"]


def test_role_heads_come_from_the_knowledge_base() -> None:
    heads = role_heads()
    assert {"police", "soldiers", "refugees", "countries"} <= heads
    assert "shipment" not in heads and "ban" not in heads
