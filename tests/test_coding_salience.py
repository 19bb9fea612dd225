"""Event coder: which report is the main incident (confidence), objects behind quantity nouns,
reduced relatives, and other senses of protest, speech and explosion words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.model import EventCandidate


def code(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    return coder.find(nlp(text))


def of_type(events: list[EventCandidate], type_: str) -> EventCandidate:
    found = [e for e in events if e.type == type_]
    assert found, [(e.type, e.rule) for e in events]
    return found[0]


# --- the main incident is more confident than a passing mention ---------------------------

def test_lead_sentence_outranks_a_later_sentence(nlp: Language, coder: EventCoder) -> None:
    text = ("Gunmen opened fire on a bus near the border on Tuesday. "
            "Police later arrested three suspects in a nearby village.")
    events = code(nlp, coder, text)
    assert of_type(events, "ASSAULT").confidence > of_type(events, "COERCE").confidence


def test_same_report_in_a_later_sentence_is_less_confident(nlp: Language,
                                                           coder: EventCoder) -> None:
    lead = code(nlp, coder, "Police arrested three suspects in the village.")
    later = code(nlp, coder, "The town was quiet on Monday. It rained all day. "
                             "Police arrested three suspects in the village.")
    assert of_type(later, "COERCE").confidence < of_type(lead, "COERCE").confidence


def test_background_clause_is_less_confident(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Rioters clashed with soldiers as foreign ministers visited "
                              "the capital.")
    assert of_type(events, "ASSAULT").confidence > of_type(events, "CONSULT").confidence


def test_participle_of_a_background_clause_is_background(nlp: Language,
                                                         coder: EventCoder) -> None:
    events = code(nlp, coder, "Police detained dozens of students on Monday as crowds took "
                              "to the streets demanding the release of the union leaders.")
    assert of_type(events, "COERCE").confidence > of_type(events, "REQUEST").confidence


def test_participle_describing_a_thing_is_a_weak_mention(nlp: Language,
                                                         coder: EventCoder) -> None:
    events = code(nlp, coder, "Nurses held up banners criticising the health minister "
                              "outside the hospital.")
    assert of_type(events, "PROTEST").confidence > of_type(events, "ACCUSE").confidence


def test_noun_that_absorbs_its_verb_is_reported_by_it(nlp: Language,
                                                      coder: EventCoder) -> None:
    reported = of_type(code(nlp, coder, "An airstrike destroyed a clinic in the town."),
                       "ASSAULT")
    mention = of_type(code(nlp, coder, "Residents described an airstrike."), "ASSAULT")
    assert reported.mode == "aerial"
    assert reported.confidence >= mention.confidence + 0.1


# --- objects behind quantity nouns, reduced relatives --------------------------------------

@pytest.mark.parametrize("text", [
    "Soldiers seized a total of 300 rifles at a farm.",
    "Dozens of machine guns were seized by the police in the port.",
    "The army destroyed a large number of landmines near the river.",
])
def test_weapons_behind_a_quantity_noun(nlp: Language, coder: EventCoder, text: str) -> None:
    assert any(e.rule == "coerce.seize_weapons" for e in code(nlp, coder, text)), text


def test_reduced_relative_names_the_attack(nlp: Language, coder: EventCoder) -> None:
    for text in ("Four rockets fired by the militants struck the town on Monday.",
                 "Rockets fired from the south slammed into a school, killing two pupils."):
        events = code(nlp, coder, text)
        assert any(e.rule == "assault.fire_rockets" and e.mode == "heavy-weapons"
                   for e in events), text
        assert not any(e.type == "ACCUSE" for e in events), text


# --- other senses ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A missile slammed into the school.",
    "The fire alarm went off at noon.",
    "Troops pushed into the valley on Friday.",
    "The minister broke the news at a press conference.",
    "The teacher gathered the children in the hall.",
])
def test_other_senses_are_not_the_event(nlp: Language, coder: EventCoder, text: str) -> None:
    wrong = {"A missile": "ACCUSE", "The fire": "ASSAULT", "Troops": "REQUEST",
             "The minister": "COERCE", "The teacher": "PROTEST"}
    type_ = next(t for k, t in wrong.items() if text.startswith(k))
    assert not any(e.type == type_ for e in code(nlp, coder, text)), text


def test_protest_against_an_abstract_grievance_is_a_protest(nlp: Language,
                                                            coder: EventCoder) -> None:
    events = code(nlp, coder, "Thousands of people marched against corruption in the capital.")
    assert of_type(events, "PROTEST").modality == "asserted"


def test_without_or_gerund_is_negated(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The troops left the town without resistance or firing a shot.")
    assert all(e.negated for e in events if e.type == "ASSAULT")


def test_bomb_going_off_takes_its_weapon_mode(nlp: Language, coder: EventCoder) -> None:
    event = of_type(code(nlp, coder, "A landmine went off under a truck, wounding the driver."),
                    "ASSAULT")
    assert event.rule == "assault.go_off" and event.mode == "explosives"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Heavy clashes erupted between rival militias in Aden on Friday.", "erupted"),
    ("Fighting broke out near the border town overnight.", "broke"),
    ("The suicide attack claimed 12 lives in the market.", "claimed"),
])
def test_event_predicate_anchors_a_nominal_event(nlp, coder, text, trigger):
    events = coder.find(nlp(text))
    assert events, text
    assert text[events[0].trigger_start:events[0].trigger_end] == trigger


def test_a_noun_with_an_unrelated_verb_keeps_its_own_trigger(nlp, coder):
    text = "The attack was condemned by the United Nations."
    attack = [e for e in coder.find(nlp(text)) if e.type == "ASSAULT"]
    assert [text[e.trigger_start:e.trigger_end] for e in attack] == ["attack"]
