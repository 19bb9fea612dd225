"""Where an actor argument's phrase starts and ends (coding/phrases.py)."""

from __future__ import annotations

import pytest
from argument_spans import phrase_of
from spacy.language import Language


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # a person's whereabouts are the event's place, not part of the name
    ("The prime minister will meet Chancellor Olaf Scholz in Berlin next month.", "Scholz",
     "Chancellor Olaf Scholz"),
    # a common noun keeps its place: that is who it is
    ("A court in Lima sentenced the former mayor to ten years.", "court", "A court in Lima"),
    ("The army shelled a hospital in Aleppo on Friday.", "hospital", "a hospital in Aleppo"),
    # why and when, hung on the noun by the parser, are not the actor
    ("The agency cut food aid for 40,000 families in Homs due to funding gaps.", "families",
     "40,000 families in Homs"),
    ("Hundreds of students in protest blocked the main road.", "Hundreds", "Hundreds of students"),
    # a bracketed abbreviation is closed
    ("The UN lifted sanctions on the Central African Republic (CAR) last year.", "CAR",
     "the Central African Republic (CAR)"),
])
def test_phrase_boundaries(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase
