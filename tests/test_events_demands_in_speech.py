"""A duty laid on another party in reported speech is a demand
("Russia says Israel must end ...": CAMEO 10, PLOVER REQUEST, the speaker the source, the
obliged party the target), but not "we must", "the world must" nor a duty of the speaker's own
side; a request's that-clause names of whom it asks; the content of a demand noun is asked for,
not done; verdicts told as "found X guilty"; agreements renewed; relief let in."""

from __future__ import annotations

import pytest
from argument_spans import events, words
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.model import EventCandidate


def first(nlp: Language, coder: EventCoder, text: str) -> EventCandidate:
    """The event the pipeline reports first: asserted before the rest, then by confidence."""
    found = events(nlp, coder, text)
    assert found, text
    return min(found, key=lambda e: (e.modality != "asserted" or e.negated, -e.confidence))


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Russia says Israel must end its attacks on Syria.", "Russia", "Israel"),
    ("Human Rights Watch said that the authorities must free the jailed journalists.",
     "Human Rights Watch", "the authorities"),
    ("The minister said Washington needs to take the first step.", "The minister",
     "Washington"),
    ("The opposition leader said the army has to return to its barracks.",
     "The opposition leader", "the army"),
    ("The president told reporters that Hamas should release the hostages.", "The president",
     "Hamas"),
])
def test_a_duty_laid_on_another_party_is_a_demand(nlp: Language, coder: EventCoder, text: str,
                                                   source: str, target: str) -> None:
    event = first(nlp, coder, text)
    assert (event.type, event.rule, event.cameo_root) == ("REQUEST", "request.said_must", "10")
    assert words(text, event.source_spans) == [source]
    assert words(text, event.target_spans) == [target]


def test_the_demanded_act_is_content_not_the_report(nlp: Language, coder: EventCoder) -> None:
    text = "Human Rights Watch said that the authorities must free the jailed journalists."
    release = [e for e in events(nlp, coder, text) if e.type == "RETREAT"]
    assert release and release[0].modality == "hypothetical"
    assert release[0].confidence < first(nlp, coder, text).confidence


@pytest.mark.parametrize("text", [
    "The prime minister said we must remain vigilant.",
    "The UN chief said the world must act now.",
    "The secretary general said everyone should stay calm.",
    "Iran's foreign minister said Iran must defend its borders.",
    "The general said our soldiers should stay in their positions.",
    "He said the court should be the final arbiter.",
    "Officials said the army had released 20 prisoners.",
    "The spokesman said the talks have made progress.",
])
def test_no_demand_without_another_obliged_party(nlp: Language, coder: EventCoder,
                                                 text: str) -> None:
    assert not [e for e in events(nlp, coder, text) if e.rule == "request.said_must"]


def test_a_passive_duty_names_what_is_demanded_not_of_whom(nlp: Language,
                                                           coder: EventCoder) -> None:
    text = "The rebels said the prisoners must be released."
    event = first(nlp, coder, text)
    assert event.rule == "request.said_must"
    assert words(text, event.source_spans) == ["The rebels"]
    assert event.target_spans == []


@pytest.mark.parametrize(("text", "source", "target"), [
    ("North Korea reiterated its demand that the United States lift sanctions.",
     "North Korea", "the United States"),
    ("The rebels repeated their demand that the army leave the city.", "The rebels",
     "the army"),
])
def test_a_renewed_demand_asks_its_that_clause_subject(nlp: Language, coder: EventCoder,
                                                       text: str, source: str,
                                                       target: str) -> None:
    event = first(nlp, coder, text)
    assert (event.type, event.rule) == ("REQUEST", "request.renew_demand")
    assert words(text, event.source_spans) == [source]
    assert words(text, event.target_spans) == [target]
    content = [e for e in events(nlp, coder, text) if e.type != "REQUEST"]
    assert all(e.modality == "hypothetical" for e in content)


@pytest.mark.parametrize(("text", "target"), [
    ("The UN demanded that Israel withdraw its troops from the village.", "Israel"),
    ("Protesters demanded that the governor step down.", "the governor"),
])
def test_a_demand_that_names_of_whom_it_asks(nlp: Language, coder: EventCoder, text: str,
                                             target: str) -> None:
    event = first(nlp, coder, text)
    assert (event.type, event.rule) == ("REQUEST", "request.demand")
    assert words(text, event.target_spans) == [target]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The court found the former minister guilty of corruption.", "The court",
     "the former minister"),
    ("A military tribunal found two soldiers guilty of desertion.", "A military tribunal",
     "two soldiers"),
])
def test_found_guilty_is_a_conviction(nlp: Language, coder: EventCoder, text: str, source: str,
                                      target: str) -> None:
    event = first(nlp, coder, text)
    assert (event.type, event.rule, event.mode) == ("SANCTION", "sanction.find_guilty",
                                                     "convict")
    assert words(text, event.source_spans) == [source]
    assert words(text, event.target_spans) == [target]


def test_finding_no_verdict_is_no_conviction(nlp: Language, coder: EventCoder) -> None:
    for text in ("Investigators found the missing documents in a safe.",
                 "The inspectors found the site empty."):
        assert not [e for e in events(nlp, coder, text) if e.type == "SANCTION"]


@pytest.mark.parametrize(("text", "target"), [
    ("The government renewed a ceasefire pact with the rebel groups.", "the rebel groups"),
    ("Kenya extended its truce with the militia.", "the militia"),
])
def test_a_renewed_agreement_is_agreed(nlp: Language, coder: EventCoder, text: str,
                                       target: str) -> None:
    event = first(nlp, coder, text)
    assert (event.type, event.rule) == ("AGREE", "agree.renew_agreement")
    assert words(text, event.target_spans) == [target]


@pytest.mark.parametrize("text", [
    "The junta allowed humanitarian relief into the flooded delta.",
    "The authorities permitted international assistance into the region.",
])
def test_relief_let_in_is_access(nlp: Language, coder: EventCoder, text: str) -> None:
    event = first(nlp, coder, text)
    assert (event.type, event.rule, event.mode) == ("RETREAT", "retreat.allow_access", "access")
