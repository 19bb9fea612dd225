"""Per-doc caches in gestae.nlp give what spaCy's own properties give."""

from __future__ import annotations

from spacy.language import Language

from gestae.nlp import ents_in, ents_of, text_of


def test_cached_entities_and_text_match_spacy(nlp: Language) -> None:
    doc = nlp("Gunmen from Mali attacked a police post in Niamey, Niger, on Monday, "
              "the interior minister Ali Keita said.")
    assert text_of(doc) == doc.text
    assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents]
    assert ents_of(doc) is ents_of(doc)  # built once
    for start, end in ((0, 5), (5, 12), (8, len(doc))):
        span = doc[start:end]
        assert [(e.start, e.end) for e in ents_in(span)] == [(e.start, e.end) for e in span.ents]
