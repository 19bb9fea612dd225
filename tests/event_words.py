"""Test helper: which words of a text report an event, and of what type."""

from __future__ import annotations

from gestae.pipeline import extract


def words_of(text: str) -> dict[str, str]:
    """Every word that reports an event (a word of a trigger or a folded word) -> the event's
    type."""
    out: dict[str, str] = {}
    for event in extract(text).events:
        for word in event.evidence.trigger.split():
            out.setdefault(word, event.type)
        for other in event.evidence.other_triggers:
            out.setdefault(other.text, event.type)
    return out
