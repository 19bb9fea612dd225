"""The steps the argument reader's cascade is split into: receivers of things given and the
order in which the source fallbacks are tried."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from gestae import nlp as gestae_nlp
from gestae.coding.arguments import ArgumentReader, _Verbal
from gestae.coding.match import TriggerMatch
from gestae.coding.patterns import Pattern


@pytest.fixture(scope="module")
def nlp() -> Language:
    return gestae_nlp.load()


@pytest.fixture(scope="module")
def reader() -> ArgumentReader:
    return ArgumentReader(set())


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_receiver_replaces_a_thing_given(nlp: Language, reader: ArgumentReader) -> None:
    doc = nlp("The rebels surrendered the town to the army.")
    found = reader._receivers([word(doc, "town")], [word(doc, "army")])
    assert [t.text for t in found] == ["army"]


def test_person_handed_over_stays_the_target(nlp: Language, reader: ArgumentReader) -> None:
    doc = nlp("The militia released two hostages to the Red Cross.")
    found = reader._receivers([word(doc, "hostages")], [word(doc, "Cross")])
    assert [t.text for t in found] == ["hostages"]


def test_no_receiver_keeps_the_targets(nlp: Language, reader: ArgumentReader) -> None:
    doc = nlp("The donors sent a shipment of rice to the ministry.")
    targets = [word(doc, "shipment")]
    assert reader._receivers(targets, []) is targets


def test_thing_beside_a_place_receiver_is_kept(nlp: Language, reader: ArgumentReader) -> None:
    # neither names an actor: a target that is not the verb's object stays before the place
    doc = nlp("The donors sent a shipment of rice to the town.")
    found = reader._receivers([word(doc, "rice")], [word(doc, "town")])
    assert [t.text for t in found] == ["rice", "town"]


def test_source_fallbacks_stop_at_the_first_found(nlp: Language,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp("Troops fired on the crowd.")
    reader = ArgumentReader(set())
    calls: list[str] = []

    def finder(name: str, found: list[Token]) -> Callable[[_Verbal, list[Token]], list[Token]]:
        def find(clause: _Verbal, targets: list[Token]) -> list[Token]:
            calls.append(name)
            return found
        return find

    monkeypatch.setattr(reader, "_misread_verb_subject", finder("misread", []))
    monkeypatch.setattr(reader, "_hidden_subject", finder("hidden", []))
    monkeypatch.setattr(reader, "_shared_subject", finder("shared", [doc[0]]))
    monkeypatch.setattr(reader, "_expelling_source", finder("expelling", [doc[3]]))
    monkeypatch.setattr(reader, "_measure_source", finder("measure", [doc[3]]))
    match = TriggerMatch(Pattern(id="fire", type="ASSAULT", lemmas=("fire",)), doc[1], [doc[1]])
    clause = _Verbal(match, False)
    assert reader._source_fallbacks(clause, [], []) == [doc[0]]
    assert calls == ["misread", "hidden", "shared"]
    calls.clear()
    assert reader._source_fallbacks(clause, [doc[4]], []) == [doc[4]]
    assert calls == []
