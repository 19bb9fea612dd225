"""Sources read around the trigger (round 4): a subject the parser hangs on the auxiliary, a
weapon bearer that is also the trigger, blame adjectives, intention nouns, and light verbs
that hold an event noun, directly or through a noun that counts it."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources
from spacy.language import Language

from gestae.coding import EventCoder


@pytest.mark.parametrize(("text", "type_", "expected"), [
    # the subject under "have" / "has" when an adverb stands between
    ("Norway and Chile however have rejected the proposals of the committee.", "REJECT",
     ["Norway", "Chile"]),
    # a weapon bearer that is part of the trigger did it
    ("Two suicide bombers have killed nine soldiers in Kandahar.", "ASSAULT",
     ["Two suicide bombers"]),
    # the one responsible for / guilty of an event
    ("The Black Hand gang has been responsible for several killings in the region.", "ASSAULT",
     ["The Black Hand gang"]),
    ("Peru and Ecuador were guilty of violating the truce many times.", "ASSAULT",
     ["Peru", "Ecuador"]),
    ("The tribunal found the militia guilty of attacking the convoy.", "ASSAULT",
     ["the militia"]),
    # intention nouns: the owner or the subject of the verb holding the noun
    ("The Kenyan navy reaffirmed its commitment to support the coast guard.", "SUPPORT",
     ["The Kenyan navy"]),
    ("The Dutch government is studying the possibility of providing four experts to the panel.",
     "AID", ["The Dutch government"]),
    # light verbs and the nouns that count an event
    ("The French envoy paid a visit to the Senate president.", "CONSULT",
     ["The French envoy"]),
    ("A Canadian judge approved the extradition of the banker to Brazil.", "COOPERATE",
     ["A Canadian judge"]),
    ("Chile and Peru began a new round of joint military exercises today.", "COOPERATE",
     ["Chile", "Peru"]),
])
def test_source_found(nlp: Language, coder: EventCoder, text: str, type_: str,
                      expected: list[str]) -> None:
    assert sorted(sources(text, event_of(nlp, coder, text, type_))) == sorted(expected)


def test_conjoined_events_share_the_culprit(nlp: Language, coder: EventCoder) -> None:
    text = "The Red Hand group is responsible for killings and abductions in the north."
    doc = nlp(text)
    found = [c for c in coder.find(doc) if c.type == "ASSAULT"]
    assert len(found) >= 2
    assert all(sources(text, c) == ["The Red Hand group"] for c in found)


@pytest.mark.parametrize(("text", "type_", "wrong"), [
    # a noun that is not an intention keeps its acl's own reading ("the noun it modifies")
    ("The police praised its plan to support the farmers.", "SUPPORT", "its plan"),
    # a blame adjective with no one to blame gives no source
    ("Nobody knows who is responsible.", "ASSAULT", "Nobody"),
])
def test_no_wrong_source(nlp: Language, coder: EventCoder, text: str, type_: str,
                         wrong: str) -> None:
    doc = nlp(text)
    for cand in coder.find(doc):
        if cand.type == type_:
            assert wrong not in sources(text, cand)


def test_possessive_name_owns_the_intention(nlp: Language, coder: EventCoder) -> None:
    text = "Officials welcomed Japan's decision to ease sanctions on Iran."
    event = event_of(nlp, coder, text, "CONCEDE")
    assert [s.removesuffix("'s") for s in sources(text, event)] == ["Japan"]
