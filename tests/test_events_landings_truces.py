"""Events: craft forced to land, an object the parser made the subject
of a participle ("accept refugees fleeing ..."), who takes part in a nominal event, truces
told as a cessation of hostilities (no fighting is reported), aid donations suspended,
and deadlines given to a party."""

from __future__ import annotations

import pytest
from argument_spans import events, of_type, words
from spacy.language import Language

from gestae.coding import EventCoder


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Fighter jets forced a cargo plane to land in Jaipur.", "Fighter jets", "a cargo plane"),
    ("The navy forced the fishing boat to turn back.", "The navy", "the fishing boat"),
    ("Air force jets forced a plane carrying forty passengers to land in Jaipur.",
     "Air force jets", "a plane"),
])
def test_craft_forced_to_land_is_coerced(nlp: Language, coder: EventCoder, text: str,
                                         source: str, target: str) -> None:
    found = of_type(nlp, coder, text, "COERCE")
    assert [e.rule for e in found] == ["coerce.force_to_land"]
    assert words(text, found[0].source_spans) == [source]
    assert words(text, found[0].target_spans) == [target]


def test_forced_down_jet_is_coerced(nlp: Language, coder: EventCoder) -> None:
    text = "Belarus forced down a passenger jet carrying a dissident journalist."
    found = of_type(nlp, coder, text, "COERCE")
    assert [e.rule for e in found] == ["coerce.force_down"]
    assert words(text, found[0].target_spans) == ["a passenger jet"]


def test_forced_to_retreat_is_no_coercion(nlp: Language, coder: EventCoder) -> None:
    assert not of_type(nlp, coder, "The army forced the rebels to retreat from the town.",
                       "COERCE")


@pytest.mark.parametrize(("text", "target"), [
    ("Bangladesh says it will not accept any refugees fleeing the violence in Myanmar.",
     "refugees"),
    ("Hungary will not admit migrants crossing the border from Serbia.", "migrants"),
])
def test_object_read_as_participle_subject(nlp: Language, coder: EventCoder, text: str,
                                           target: str) -> None:
    found = [e for e in events(nlp, coder, text) if e.rule.startswith("aid.accept_refugees")]
    assert found
    assert any(target in t for t in words(text, found[0].target_spans))


@pytest.mark.parametrize(("text", "source"), [
    ("Dozens of prisoners are participating in a hunger strike.", "Dozens of prisoners"),
    ("Thousands of students took part in the protests against the new law.",
     "Thousands of students"),
])
def test_participants_are_the_source(nlp: Language, coder: EventCoder, text: str,
                                     source: str) -> None:
    found = of_type(nlp, coder, text, "PROTEST")
    assert found
    assert words(text, found[0].source_spans) == [source]


def test_called_to_join_is_no_participation(nlp: Language, coder: EventCoder) -> None:
    text = "Students have called for workers to join Friday's protest against the decree."
    for event in of_type(nlp, coder, text, "PROTEST"):
        assert "workers" not in words(text, event.source_spans)


@pytest.mark.parametrize(("text", "rule"), [
    ("The two sides agreed on a cessation of hostilities.", "agree.ceasefire"),
    ("The president declared a cessation of hostilities in all war zones.",
     "concede.declare_ceasefire"),
])
def test_cessation_of_hostilities_is_a_truce(nlp: Language, coder: EventCoder, text: str,
                                             rule: str) -> None:
    found = events(nlp, coder, text)
    assert rule in [e.rule for e in found]
    assert not [e for e in found if e.type == "ASSAULT"]  # the fighting stops


def test_end_to_fighting_tells_no_fighting(nlp: Language, coder: EventCoder) -> None:
    assert not of_type(nlp, coder, "The UN called for an end to the fighting in Yemen.",
                       "ASSAULT")


@pytest.mark.parametrize(("text", "target"), [
    ("The minister suspended humanitarian aid donations for the city.", "the city"),
    ("Washington froze grants to the ministry after the coup.", "the ministry"),
])
def test_suspended_donations_are_a_sanction(nlp: Language, coder: EventCoder, text: str,
                                            target: str) -> None:
    found = of_type(nlp, coder, text, "SANCTION")
    assert [e.rule for e in found] == ["sanction.suspend_aid"]
    assert words(text, found[0].target_spans) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("The president gave the rebels a 48-hour deadline to surrender.", "the rebels"),
    ("The army issued a deadline to the protesters to leave the square.", "the protesters"),
])
def test_deadline_given_to_a_party_is_an_ultimatum(nlp: Language, coder: EventCoder,
                                                   text: str, target: str) -> None:
    found = of_type(nlp, coder, text, "THREATEN")
    assert [e.rule for e in found] == ["threaten.deadline"]
    assert words(text, found[0].target_spans) == [target]


def test_deadline_for_a_procedure_is_no_threat(nlp: Language, coder: EventCoder) -> None:
    text = "The electoral commission set a deadline for the submission of candidate lists."
    assert not of_type(nlp, coder, text, "THREATEN")
