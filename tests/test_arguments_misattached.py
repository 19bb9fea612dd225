"""Targets the argument reader finds where the parser hangs them elsewhere: a destination
on the verb an event noun is the object of, a second name joined to the verb or to the
measure after a bracket; coordinated targets; the other side of the deal a concession
follows; and ``of_role: none`` (what is moved is no target, its destination is)."""

from __future__ import annotations

import dataclasses

import pytest
from argument_spans import event_of, targets
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.coding.match import TriggerMatch


@pytest.mark.parametrize(("text", "target"), [
    ("Kenya ordered the dispatch of 500 police officers to the border town.",
     "the border town"),
    ("Chad announced the deployment of 400 soldiers, including 30 officers, to Mali.", "Mali"),
])
def test_destination_hung_on_the_verb(nlp: Language, coder: EventCoder, text: str,
                                      target: str) -> None:
    """"announced the deployment of troops to X": the parser hangs "to" on "announced"."""
    assert targets(text, event_of(nlp, coder, text, "MOBILIZE")) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("A federal judge approved the extradition of the former governor to Mexico.", "Mexico"),
    ("A court in Madrid approved the extradition of two bankers to Argentina.", "Argentina"),
])
def test_of_role_none_keeps_the_moved_out(nlp: Language, coder: EventCoder,
                                          monkeypatch: pytest.MonkeyPatch, text: str,
                                          target: str) -> None:
    """A noun pattern with ``of_role: none`` takes no target from its "of" phrase: the one
    moved is not who the act is aimed at; its destination is."""
    read = coder.arguments.read

    def read_none(match: TriggerMatch, matches: list[TriggerMatch]) -> None:
        if match.pattern.pos == "noun":
            match.pattern = dataclasses.replace(match.pattern, of_role="none")
        read(match, matches)

    monkeypatch.setattr(coder.arguments, "read", read_none)
    assert targets(text, event_of(nlp, coder, text, "COOPERATE")) == [target]


@pytest.mark.parametrize(("text", "expected"), [
    ("The government outlawed the African National Congress (ANC) and the recently formed "
     "Pan Africanist Congress (PAC), forcing them to go underground.",
     ["the African National Congress (ANC)",
      "the recently formed Pan Africanist Congress (PAC)"]),
    ("The regime outlawed the Democratic Party (DP) and the recently founded Liberal "
     "Alliance (LA) last year.",
     ["the Democratic Party (DP)", "the recently founded Liberal Alliance (LA)"]),
])
def test_second_name_joined_to_the_verb(nlp: Language, coder: EventCoder, text: str,
                                        expected: list[str]) -> None:
    """After a bracket the parser joins "and the Y" to the verb, not to its object."""
    assert targets(text, event_of(nlp, coder, text, "COERCE")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Security Council imposed sanctions on the Central African Republic (CAR) and the "
     "Democratic Republic of the Congo (DRC).",
     ["the Central African Republic (CAR)", "the Democratic Republic of the Congo (DRC)"]),
    ("The council imposed sanctions on the Islamic Republic of Iran (IRI) and the Syrian "
     "Arab Republic.", ["the Islamic Republic of Iran (IRI)", "the Syrian Arab Republic"]),
])
def test_second_name_joined_to_the_measure(nlp: Language, coder: EventCoder, text: str,
                                           expected: list[str]) -> None:
    """"sanctions on X (CAR) and Y": the parser joins Y to "sanctions"."""
    assert targets(text, event_of(nlp, coder, text, "SANCTION")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Syrian army intensified its bombardment of a besieged Palestinian neighborhood "
     "and nearby rebel-held areas.",
     ["a besieged Palestinian neighborhood", "nearby rebel-held areas"]),
    ("Turkish jets stepped up their shelling of Kurdish villages and nearby hills.",
     ["Kurdish villages", "nearby hills"]),
])
def test_conjuncts_share_the_role(nlp: Language, coder: EventCoder, text: str,
                                  expected: list[str]) -> None:
    """The conjuncts of a target that names an actor are targets too."""
    assert targets(text, event_of(nlp, coder, text, "ASSAULT")) == expected


@pytest.mark.parametrize(("text", "target"), [
    ("Truck drivers called off a four-day strike after reaching agreement with the "
     "government.", "the government"),
    ("Coal workers called off the strike after the agreement with the Indian government.",
     "the Indian government"),
    ("Nurses ended their walkout following talks with the health ministry.",
     "the health ministry"),
])
def test_concession_after_a_deal(nlp: Language, coder: EventCoder, text: str,
                                 target: str) -> None:
    """A strike called off after a deal with X yields to X."""
    assert targets(text, event_of(nlp, coder, text, "CONCEDE")) == [target]


def test_no_deal_no_target(nlp: Language, coder: EventCoder) -> None:
    """A time phrase without a partner gives no target."""
    text = "Truck drivers called off a four-day strike after two weeks."
    assert targets(text, event_of(nlp, coder, text, "CONCEDE")) == []
