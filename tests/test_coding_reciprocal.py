"""Reciprocal events: PLOVER codes every party of a meeting without a host, like the parties
of two-sided fighting, as actor with no recipient; hosts, callers and mediators keep one."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources, targets
from spacy.language import Language

from gestae.coding.coder import EventCoder


@pytest.mark.parametrize(("text", "parties"), [
    ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.",
     ["Russian President Vladimir Putin", "Turkish President Recep Tayyip Erdogan"]),
    ("The Iraqi prime minister held talks with the US ambassador in Baghdad.",
     ["The Iraqi prime minister", "the US ambassador"]),
    ("Rebel commanders met with tribal elders on Sunday.",
     ["Rebel commanders", "tribal elders"]),
    ("The Kenyan foreign minister held discussions with his Somali counterpart.",
     ["The Kenyan foreign minister", "his Somali counterpart"]),
])
def test_meeting_parties_are_all_actors(nlp: Language, coder: EventCoder, text: str,
                                        parties: list[str]) -> None:
    event = event_of(nlp, coder, text, "CONSULT")
    assert sorted(sources(text, event)) == sorted(parties)
    assert targets(text, event) == []


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    ("The Egyptian president hosted the Palestinian leader in Cairo.", "CONSULT",
     "the Palestinian leader", "The Egyptian president"),
    ("Qatar launched a mediation effort between Hamas and Israel.", "CONSULT",
     "Qatar", "Hamas"),
    ("The minister called his French counterpart to discuss the crisis.", "CONSULT",
     "The minister", "his French counterpart"),
])
def test_hosts_callers_and_mediators_keep_a_recipient(nlp: Language, coder: EventCoder,
                                                      text: str, kind: str, source: str,
                                                      target: str) -> None:
    event = event_of(nlp, coder, text, kind)
    assert sources(text, event) == [source]
    assert target in targets(text, event)
