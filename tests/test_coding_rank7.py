"""Ranking 7: the event a sentence is about comes first. An event whose clause another
event of the sentence governs (the content of an order, a background "after" clause, a second
conjunct, a participle describing an earlier act) ranks below the governing one, unless the
governing event names no doer and the governed one does ("X was released after Y pardoned
him"). Also triggers the parse hid: a verb read as a noun with a subject or an object of its
own ("the EU and UN hand over supplies", "U.S. lifts sanctions"), and title-case headlines,
which are parsed again in sentence case."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.coding.parse import is_title_case, sentence_case
from gestae.model import EventCandidate


def ranked(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    """The candidates in the pipeline's order: asserted first, then by confidence."""
    found = coder.find(nlp(text))
    return sorted(found, key=lambda e: (e.modality != "asserted" or e.negated, -e.confidence,
                                        e.trigger_start))


def first(nlp: Language, coder: EventCoder, text: str) -> tuple[str, str]:
    events = ranked(nlp, coder, text)
    assert events, text
    return events[0].type, text[events[0].trigger_start:events[0].trigger_end]


# --- a governing event over the events of its clauses -------------------------------------

@pytest.mark.parametrize(("text", "type_", "word"), [
    # the content of an order or of pressure
    ("The court ordered the bank to hand over the documents.", "REQUEST", "ordered"),
    ("The president ordered all newspapers to suspend publication.", "REQUEST", "ordered"),
    ("Police pressured the workers to call off the strike.", "REQUEST", "pressured"),
    ("The UN urged the rebels to release the hostages.", "REQUEST", "urged"),
    # a background clause after the main report
    ("The agency suspended aid deliveries in the province after a convoy was attacked.",
     "SANCTION", "suspended aid deliveries"),
    ("Police arrested three men after a bomb exploded near the market.", "COERCE",
     "arrested"),
    # a second conjunct of the same subject
    ("The government expelled two diplomats and closed the border with its neighbour.",
     "SANCTION", "expelled two diplomats"),
    # a participle clause after the main verb
    ("The army launched an offensive, capturing three villages.", "ASSAULT",
     "launched an offensive"),
    # the decision a speaker defends is what he defends
    ("The minister defended the decision to expel the ambassador.", "SUPPORT", "defended"),
])
def test_governing_event_first(nlp: Language, coder: EventCoder, text: str, type_: str,
                               word: str) -> None:
    assert first(nlp, coder, text) == (type_, word)


def test_governed_event_still_coded(nlp: Language, coder: EventCoder) -> None:
    """Ranking lower is not dropping: the background attack is still an event."""
    text = "The agency suspended aid deliveries in the province after a convoy was attacked."
    types = [e.type for e in ranked(nlp, coder, text)]
    assert types == ["SANCTION", "ASSAULT"]


@pytest.mark.parametrize(("text", "type_", "word"), [
    # the main event names no doer; the clause that names him tells the event
    ("The journalist was released after the president pardoned him.", "CONCEDE", "pardoned"),
    ("The activist was freed after the king pardoned him.", "CONCEDE", "pardoned"),
    # a single event is unaffected
    ("Iran threatened to close the strait.", "THREATEN", "threatened"),
])
def test_doer_clause_or_single_event(nlp: Language, coder: EventCoder, text: str, type_: str,
                                     word: str) -> None:
    assert first(nlp, coder, text) == (type_, word)


def test_governed_event_confidence_lower(nlp: Language, coder: EventCoder) -> None:
    """The same attack ranks lower in a background clause than told on its own."""
    alone = ranked(nlp, coder, "A convoy was attacked.")
    inside = ranked(nlp, coder, "The agency suspended aid deliveries after a convoy was "
                                "attacked.")
    attack = [e for e in inside if e.type == "ASSAULT"]
    assert alone and attack and attack[0].confidence < alone[0].confidence


# --- triggers the parse hides ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "type_", "source"), [
    ("EU and UN hand over urgently needed medical supplies to the government.", "AID", "EU"),
    ("Germany and Japan hand over tents to the flood victims.", "AID", "Germany"),
    ("U.S. lifts sanctions on Iran", "CONCEDE", "U.S."),
])
def test_verb_read_as_noun(nlp: Language, coder: EventCoder, text: str, type_: str,
                           source: str) -> None:
    events = [e for e in coder.find(nlp(text)) if e.type == type_]
    assert events, [e.type for e in coder.find(nlp(text))]
    assert source in [text[a:b] for a, b in events[0].source_spans]


@pytest.mark.parametrize("text", [
    "The rebels have the upper hand in the east.",
    "A hand grenade was found near the school.",
    "The lifts in the building were repaired.",
])
def test_noun_stays_noun(nlp: Language, coder: EventCoder, text: str) -> None:
    assert not [e for e in coder.find(nlp(text)) if e.type in ("AID", "COOPERATE", "CONCEDE")]


@pytest.mark.parametrize(("text", "type_", "source", "target"), [
    ("Russia Expels Two British Diplomats", "SANCTION", "Russia", "Two British Diplomats"),
    ("Police Arrest 12 Protesters In Cairo", "COERCE", "Police", "12 Protesters"),
    ("China Sends Aid To Nepal", "AID", "China", "Nepal"),
])
def test_title_case_headline(nlp: Language, coder: EventCoder, text: str, type_: str,
                             source: str, target: str) -> None:
    events = [e for e in coder.find(nlp(text)) if e.type == type_]
    assert events, [e.type for e in coder.find(nlp(text))]
    event = events[0]
    # offsets point into the original text, capitals and all
    assert [text[a:b] for a, b in event.source_spans] == [source]
    assert [text[a:b] for a, b in event.target_spans] == [target]


def test_title_case_in_a_longer_document(nlp: Language, coder: EventCoder) -> None:
    text = "Fighting continued in the north on Monday, officials said.\n\nRussia Expels Two " \
           "British Diplomats\n"
    events = [e for e in coder.find(nlp(text)) if e.type == "SANCTION"]
    assert events
    assert text[events[0].trigger_start:events[0].trigger_start + 6] == "Expels"
    assert [text[a:b] for a, b in events[0].source_spans] == ["Russia"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia Expels Two British Diplomats", True),
    ("U.S. Lifts Travel Ban to Lebanon.", True),
    ("Russia expelled two British diplomats on Monday.", False),
    ("The United Nations Security Council met in New York.", False),
    ("Hello World", False),
])
def test_is_title_case(nlp: Language, text: str, expected: bool) -> None:
    assert is_title_case(next(nlp(text).sents)) is expected


def test_sentence_case_keeps_names_and_length(nlp: Language) -> None:
    text = "U.S. Lifts Sanctions On Iran After Talks In Geneva"
    recased = sentence_case(next(nlp(text).sents))
    assert len(recased) == len(text)
    assert recased.startswith("U.S. lifts sanctions on Iran after talks in ")
    assert "Iran" in recased and "Geneva" in recased
