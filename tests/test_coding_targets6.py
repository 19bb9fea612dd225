"""Targets of events the coder finds but used to leave without one: the object of the act a
participle's noun goes on to do, a target preposition hung on what is moved, a "with" or a
last "to" the parser hung low, "in relation to", the maker of a demand or of a thing
condemned or protested, the one called, the people a helping act's thing is for, the aim of
an attack after a relative clause, the addressee of a letter, whose pressure a refusal
resists, and the sides of a dispute a mediation is to settle."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources, targets
from spacy.language import Language

from gestae.coding import EventCoder

# --- a participle on the subject of the same act -----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The rockets fired by the militants hit a police station near the border.",
     ["a police station"]),
    ("Shells launched by government forces struck a hospital in the north.", ["a hospital"]),
])
def test_participle_on_the_subject_takes_the_act_s_object(nlp: Language, coder: EventCoder,
                                                          text: str,
                                                          expected: list[str]) -> None:
    event = event_of(nlp, coder, text, "ASSAULT", "assault.fire_rockets")
    assert targets(text, event) == expected


def test_participle_whose_noun_does_no_attack_gets_no_target(nlp: Language,
                                                            coder: EventCoder) -> None:
    text = "The rockets fired by the militants landed in an empty field."
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == []


# --- target prepositions hung on the wrong word ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya withdrew a contingent of 300 peacekeepers from Somalia.", ["Somalia"]),
    ("The government withdrew the last battalion of its soldiers from the disputed region.",
     ["the disputed region"]),
])
def test_withdrawn_from_on_the_object(nlp: Language, coder: EventCoder, text: str,
                                      expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, "RETREAT")) == expected


def test_withdrawal_without_from_has_no_target(nlp: Language, coder: EventCoder) -> None:
    text = "The army withdrew its troops on Monday."
    assert targets(text, event_of(nlp, coder, text, "RETREAT")) == []


def test_with_after_the_trigger_object_names_the_partner(nlp: Language,
                                                        coder: EventCoder) -> None:
    text = "Norway suspended development aid and trade deals with Ethiopia."
    assert targets(text, event_of(nlp, coder, text, "SANCTION")) == ["Ethiopia"]


def test_with_that_names_no_actor_is_no_target(nlp: Language, coder: EventCoder) -> None:
    text = "The government suspended military aid with immediate effect."
    assert targets(text, event_of(nlp, coder, text, "SANCTION")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The museum returned a statue that was looted in 1990 from a temple to Cambodia.",
     ["Cambodia"]),
    ("The United States returned a painting that was stolen in 1989 from a gallery in Vienna "
     "to the Austrian government.", ["the Austrian government"]),
])
def test_last_to_after_a_relative_clause_is_the_receiver(nlp: Language, coder: EventCoder,
                                                         text: str,
                                                         expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, "RETREAT")) == expected


def test_last_to_that_names_no_actor_is_no_receiver(nlp: Language, coder: EventCoder) -> None:
    text = "The agency returned a painting that was taken from the museum to the storage room."
    assert targets(text, event_of(nlp, coder, text, "RETREAT")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The council imposed sanctions in relation to Mali.", ["Mali"]),
    ("The bloc imposed new sanctions with regard to Eritrea.", ["Eritrea"]),
])
def test_in_relation_to_names_the_target(nlp: Language, coder: EventCoder, text: str,
                                         expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, "SANCTION")) == expected


# --- makers of what is answered, condemned or protested ----------------------------------

def test_maker_of_demands_in_the_trigger(nlp: Language, coder: EventCoder) -> None:
    text = "The president accepted the demands of the striking teachers."
    assert targets(text, event_of(nlp, coder, text, "CONCEDE")) == ["the striking teachers"]


def test_free_request_with_its_maker_stays_the_target(nlp: Language,
                                                      coder: EventCoder) -> None:
    # the phrase names its maker; the actor stage codes it by the newspaper
    text = "The minister rejected a request from the newspaper."
    assert targets(text, event_of(nlp, coder, text, "REJECT")) == [
        "a request from the newspaper"]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("The ministers condemned the threats made by the militia.", "ACCUSE", ["the militia"]),
    ("Farmers staged a hunger strike to protest the law passed by Parliament.", "PROTEST",
     ["Parliament"]),
])
def test_maker_of_the_thing_condemned_or_protested(nlp: Language, coder: EventCoder,
                                                   text: str, type_: str,
                                                   expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, type_)) == expected


def test_attacked_thing_stays_the_target_over_its_escort(nlp: Language,
                                                         coder: EventCoder) -> None:
    text = "The militants attacked a convoy escorted by UN troops."
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == ["a convoy"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister refused to resign despite pressure from the opposition.",
     ["the opposition"]),
    ("The mayor declined to step down despite the governor's request.", ["the governor's"]),
])
def test_refusal_despite_pressure_targets_who_pressed(nlp: Language, coder: EventCoder,
                                                      text: str,
                                                      expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, "REJECT")) == expected


# --- calls, letters, helping acts, attacks and mediation --------------------------------

@pytest.mark.parametrize(("text", "type_", "source", "target"), [
    ("Macron called Putin to discuss the crisis.", "CONSULT", "Macron", "Putin"),
    ("The minister phoned his Indian counterpart to apologize for the remarks.", "CONCEDE",
     "The minister", "his Indian counterpart"),
])
def test_the_one_called_is_the_target_of_the_call_s_purpose(nlp: Language, coder: EventCoder,
                                                            text: str, type_: str,
                                                            source: str,
                                                            target: str) -> None:
    event = event_of(nlp, coder, text, type_)
    assert sources(text, event) == [source]
    assert targets(text, event) == [target]


def test_urged_to_still_controls_by_the_object(nlp: Language, coder: EventCoder) -> None:
    text = "The envoy urged Iran to release the tanker."
    assert sources(text, event_of(nlp, coder, text, "RETREAT")) == ["Iran"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan donated 5 million dollars to build shelters for displaced families.",
     ["displaced families"]),
    ("Japan donated $5 million to fund shelters for displaced families.",
     ["displaced families"]),
    ("The EU is providing 20 million euros to meet the needs of refugees.", ["refugees"]),
])
def test_people_a_helping_act_s_thing_is_for(nlp: Language, coder: EventCoder, text: str,
                                             expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, "AID")) == expected


def test_threat_keeps_the_object_with_its_owner(nlp: Language, coder: EventCoder) -> None:
    # not a helping act: the positions are shelled, not their owner helped
    text = "The rebels threatened to shell positions of the army."
    assert targets(text, event_of(nlp, coder, text, "THREATEN")) == ["positions of the army"]


def test_attack_aim_after_its_relative_clause(nlp: Language, coder: EventCoder) -> None:
    text = ("Government forces launched an attack that involved tanks and artillery on the "
            "rebel headquarters.")
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == ["the rebel headquarters"]


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("The president sent a letter to the UN chief threatening to withdraw from the treaty.",
     "THREATEN", ["the UN chief"]),
    ("The group sent a message to the government demanding the release of prisoners.",
     "REQUEST", ["the government"]),
])
def test_addressee_of_a_letter_is_the_target(nlp: Language, coder: EventCoder, text: str,
                                             type_: str, expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, type_)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Qatar launched a mediation effort to end the dispute between Ethiopia and Egypt.",
     ["Ethiopia", "Egypt"]),
    ("Egypt launched a mediation effort to try to prevent a confrontation between Turkey and "
     "Syria.", ["Turkey", "Syria"]),
])
def test_mediation_targets_the_sides_of_the_dispute(nlp: Language, coder: EventCoder,
                                                    text: str, expected: list[str]) -> None:
    assert targets(text, event_of(nlp, coder, text, "CONSULT")) == expected
