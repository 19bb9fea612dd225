"""Test helper: the first coded event of a type in a text, and its argument phrases."""

from __future__ import annotations

from spacy.language import Language

from gestae.coding import EventCoder
from gestae.coding.phrases import noun_span
from gestae.model import EventCandidate


def event_of(nlp: Language, coder: EventCoder, text: str, type_: str | tuple[str, ...],
             rule: str | None = None) -> EventCandidate:
    """The first event of ``type_`` (one of several types), optionally of one ``rule``."""
    types = (type_,) if isinstance(type_, str) else type_
    events = coder.find(nlp(text))
    found = [e for e in events if e.type in types and (rule is None or e.rule == rule)]
    assert found, [(e.type, e.rule) for e in events]
    return found[0]


def targets(text: str, event: EventCandidate) -> list[str]:
    return [text[a:b] for a, b in event.target_spans]


def sources(text: str, event: EventCandidate) -> list[str]:
    return [text[a:b] for a, b in event.source_spans]


def phrase_of(nlp: Language, text: str, head: str) -> str:
    """The argument phrase ``noun_span`` marks around the first token ``head``."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == head)
    start, end = noun_span(token)
    return text[start:end]


def events(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    """Every event the coder finds in ``text``, in its order."""
    return coder.find(nlp(text))


def of_type(nlp: Language, coder: EventCoder, text: str, type_: str) -> list[EventCandidate]:
    """The events of one type in ``text``."""
    return [e for e in events(nlp, coder, text) if e.type == type_]


def words(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The text of each character span."""
    return [text[a:b] for a, b in spans]
