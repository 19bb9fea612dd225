"""Event targets the coder used to miss or mistake: the target on the light verb of a nominal
trigger, the place of "in" (a location, except for a restriction laid on an area), the
receiver of a thing handed over, the people of a release, the aim of a purpose clause or of
the operation troops are mobilised for, the counterpart of a ceasefire, and a direct object
that is only an apposition."""

from __future__ import annotations

import pytest
from argument_spans import event_of, targets
from spacy.language import Language

from gestae.coding import EventCoder

# --- a nominal trigger's target on its light verb -----------------------------------------

@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Hackers based in Iran have launched cyber warfare against Estonia and Latvia.",
     "COERCE", ["Estonia", "Latvia"]),
    ("The guerrillas carried out cyber warfare against the national bank.", "COERCE",
     ["the national bank"]),
])
def test_light_verb_preposition_gives_the_target(nlp: Language, coder: EventCoder, text: str,
                                                  type_: str, expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, type_)) == expected


def test_attack_object_of_a_light_verb_gives_its_own_target(nlp: Language,
                                                            coder: EventCoder) -> None:
    # the bomber is the nominal trigger; "attacks" is only what it carried out
    text = "A suicide bomber carried out coordinated attacks on the parliament in Kabul."
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == ["the parliament in Kabul"]


def test_operation_named_in_apposition_keeps_its_target(nlp: Language,
                                                        coder: EventCoder) -> None:
    text = ("The army launched a large military operation, Operation Thunder, against "
            "insurgents in the hills.")
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == [
        "insurgents in the hills"]


# --- "in X": a location, unless the event is a restriction on X ---------------------------

@pytest.mark.parametrize("text", [
    "A truck bomb in Kiev killed a retired colonel.",
    "A car bomb in Lahore killed three policemen.",
])
def test_place_of_a_nominal_trigger_is_not_its_target(nlp: Language, coder: EventCoder,
                                                      text: str) -> None:
    event = event_of(nlp, coder, text, "ASSAULT")
    found = targets(text, event)
    assert found and not any(t in ("Kiev", "Lahore") for t in found)


def test_place_after_in_on_a_verb_is_not_the_target(nlp: Language, coder: EventCoder) -> None:
    text = "The air force carried out three air strikes in western Mosul."
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == []


@pytest.mark.parametrize(("text", "type_", "area"), [
    ("The governor declared a state of siege in Kandahar on Monday.", "COERCE", "Kandahar"),
    ("The government will extend the curfew in Bangkok.", "COERCE", "Bangkok"),
    ("The president lifted the state of emergency in Oromia.", "CONCEDE", "Oromia"),
])
def test_restriction_on_an_area_targets_the_area(nlp: Language, coder: EventCoder, text: str,
                                                  type_: str, area: str) -> None:
    assert targets(text, event_of(nlp, coder, text, type_)) == [area]


@pytest.mark.parametrize(("text", "type_", "place"), [
    ("The African Union deployed peacekeepers in Darfur last year.", "AID", "Darfur"),
    ("Thousands of families have sought refuge in Chad since the fighting began.", "REQUEST",
     "Chad"),
])
def test_help_given_or_sought_in_a_place_is_aimed_at_it(nlp: Language, coder: EventCoder,
                                                         text: str, type_: str,
                                                         place: str) -> None:
    # help given or asked for in a place is for or from it; force used there only happens there
    assert targets(text, event_of(nlp, coder, text, type_)) == [place]


# --- the receiver of a thing; a person handed over stays the target ----------------------

def test_receiver_of_a_thing_surrendered_is_the_target(nlp: Language,
                                                       coder: EventCoder) -> None:
    text = "The militants surrendered their last stretch of land to Kurdish forces."
    assert targets(text, event_of(nlp, coder, text, "RETREAT")) == ["Kurdish forces"]


def test_people_released_stay_the_target_not_their_receiver(nlp: Language,
                                                            coder: EventCoder) -> None:
    text = "The rebels will release the two nurses to the Red Cross."
    event = event_of(nlp, coder, text, ("CONCEDE", "RETREAT"))
    assert targets(text, event) == ["the two nurses"]


def test_release_noun_targets_the_people_released(nlp: Language, coder: EventCoder) -> None:
    text = "The envoy hopes to secure the release of political prisoners."
    event = event_of(nlp, coder, text, ("CONCEDE", "RETREAT"))
    assert targets(text, event) == ["political prisoners"]


# --- purposes and counterparts ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya has offered to send troops to Somalia.", ["Somalia"]),
    ("Ghana offered to send soldiers to help the Malian army.", ["the Malian army"]),
])
def test_offer_to_send_troops_targets_where_or_whom(nlp: Language, coder: EventCoder,
                                                    text: str, expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, "AGREE")) == expected


def test_troops_mobilised_for_an_assault_target_its_target(nlp: Language,
                                                           coder: EventCoder) -> None:
    text = "The government mobilized the army for an offensive against the rebels."
    assert targets(text, event_of(nlp, coder, text, "MOBILIZE")) == ["the rebels"]


def test_troops_mobilised_without_an_aim_stay(nlp: Language, coder: EventCoder) -> None:
    text = "The government mobilized the army on Sunday."
    assert targets(text, event_of(nlp, coder, text, "MOBILIZE")) == ["the army"]


def test_ceasefire_with_a_party_targets_it(nlp: Language, coder: EventCoder) -> None:
    text = "The president declared a three-day ceasefire with the rebels on Sunday."
    assert targets(text, event_of(nlp, coder, text, "CONCEDE")) == ["the rebels"]


def test_aid_in_a_sum_goes_to_its_receiver(nlp: Language, coder: EventCoder) -> None:
    text = "Norway has provided 4 million dollars in emergency funding to Malawi."
    assert targets(text, event_of(nlp, coder, text, "AID")) == ["Malawi"]


def test_release_sought_for_a_person(nlp: Language, coder: EventCoder) -> None:
    text = "The prosecutor seeks the conditional release for a Texas man held in jail."
    found = targets(text, event_of(nlp, coder, text, "REQUEST"))
    assert found and found[0].startswith("a Texas man")


def test_thing_for_a_thing_gives_no_target(nlp: Language, coder: EventCoder) -> None:
    # "for" names a beneficiary only when it is an actor
    text = "The ministry sought aid for reconstruction."
    assert targets(text, event_of(nlp, coder, text, "REQUEST")) == []


# --- an apposition the parser made a second object ----------------------------------------

def test_second_object_after_a_comma_is_an_apposition(nlp: Language,
                                                      coder: EventCoder) -> None:
    text = "The junta banned the Movement for Democratic Change, the main opposition group."
    assert targets(text, event_of(nlp, coder, text, "COERCE")) == [
        "the Movement for Democratic Change"]


def test_coordinated_objects_are_kept(nlp: Language, coder: EventCoder) -> None:
    text = "The junta banned the Democratic Union and the Farmers Party."
    assert targets(text, event_of(nlp, coder, text, "COERCE")) == [
        "the Democratic Union", "the Farmers Party"]


# --- a participle clause that goes on to tell the same act --------------------------------

@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Jets carried out a raid at dawn, targeting rebel commanders.", "ASSAULT",
     ["rebel commanders"]),
    ("The air force carried out two air strikes near Sirte, killing five militants.",
     "ASSAULT", ["five militants"]),
])
def test_participle_of_the_same_act_gives_the_target(nlp: Language, coder: EventCoder,
                                                     text: str, type_: str,
                                                     expected: list[str]) -> None:
    event = next(e for e in coder.find(nlp(text)) if e.type == type_)
    assert targets(text, event) == expected


def test_participle_of_another_act_gives_no_target(nlp: Language, coder: EventCoder) -> None:
    # praising someone is not the target of the attack
    text = "Militants carried out a raid near the base, praising their leader."
    event = event_of(nlp, coder, text, "ASSAULT")
    assert "their leader" not in targets(text, event)
