"""Precision: conflict words in other senses code nothing; the same frames with real events
still code. Decisions on borderline senses are documented next to their sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.model import EventCandidate


def code(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    return coder.find(nlp(text))


@pytest.mark.parametrize("text", [
    "The senator suffered a heart attack on Sunday.",
    "The club fired the coach after the defeat.",
    "The two airlines are locked in a price war.",
    "The director shot a film in Morocco last year.",
    "The champion stormed to victory in the final.",
    "The minister attacked the problem with energy.",
    "The sequel bombed at the box office.",
    # A "war of words" describes an ongoing verbal dispute, not a datable act: no event.
    # The accusations themselves, when reported, are coded as ACCUSE.
    "The two leaders are engaged in a war of words.",
    "Her new single shot up the charts.",
    "Critics noted striking similarities between the two novels.",
    "The company launched a new product in Paris.",
    "Chelsea beat Arsenal 2-0 on Saturday.",
    "The Lions crushed the Tigers in the final.",
    "Inflation hit a record high in March.",
    "The singer shot to fame after the contest.",
    "The charity fights poverty in rural districts.",
    "He had a panic attack before the exam.",
    # A refusal to talk (CAMEO 011 "decline comment", dropped by PLOVER) is not a REJECT.
    "The ministry declined to comment on the report.",
    "A spokesman refused to comment.",
    # Denying an accusation is CAMEO 016, dropped by PLOVER: not a REJECT.
    "The mayor rejected accusations of corruption.",
])
def test_other_senses_code_nothing(nlp: Language, coder: EventCoder, text: str) -> None:
    assert code(nlp, coder, text) == [], text


@pytest.mark.parametrize(("text", "type_"), [
    ("A suicide attack on the market killed twelve people.", "ASSAULT"),
    ("Gunmen shot a farmer in his field.", "ASSAULT"),
    ("Troops stormed the parliament building.", "ASSAULT"),
    ("Rebels attacked the army base near the river.", "ASSAULT"),
    ("Militants fired rockets at the airport.", "ASSAULT"),
    ("A bomb hit the stadium during the match, killing four fans.", "ASSAULT"),
    ("Soldiers beat the prisoners with batons.", "ASSAULT"),
    ("The army launched an offensive against the rebels.", "ASSAULT"),
])
def test_real_events_in_the_same_frames_still_code(nlp: Language, coder: EventCoder,
                                                   text: str, type_: str) -> None:
    events = code(nlp, coder, text)
    assert any(e.type == type_ and e.modality == "asserted" and not e.negated
               for e in events), [(e.type, e.rule) for e in events]


def test_legislative_kill_is_a_rejection(nlp: Language, coder: EventCoder) -> None:
    """Decision: "killed the bill" is a legislature rejecting a proposal, like "rejected the
    bill": REJECT (CAMEO 120), never ASSAULT. The rule id shows the re-typing."""
    text = "The Senate killed the bill on Tuesday."
    events = code(nlp, coder, text)
    assert [e.type for e in events] == ["REJECT"]
    assert events[0].cameo_root == "12" and events[0].rule.endswith(">reject")
    assert [text[a:b] for a, b in events[0].source_spans] == ["The Senate"]


def test_verbal_attack_on_a_policy_is_criticism(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The opposition attacked the government's budget.")
    assert [(e.type, e.mode) for e in events] == [("ACCUSE", "disapprove")]


def test_comment_topic_is_not_an_event(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "Officials would not comment on the arrests.") == []


def test_content_of_an_allegation_is_not_asserted(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The general denied allegations that his troops tortured "
                              "prisoners.")
    assert events and all(e.modality != "asserted" or e.negated for e in events)
