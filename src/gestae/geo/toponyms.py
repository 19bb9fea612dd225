"""Toponym recognition: which spans of a parsed document name places.

spaCy's GPE/LOC/FAC entities are the base. The small English model mislabels many Arabic and
African place names (Diwaniya as ORG, Hilla and Kut as PERSON), so capitalised token runs that
name a gazetteer place of some size become toponyms too, guarded by a stoplist, by spaCy's
PERSON/ORG spans that reach beyond the name, and for smaller places by a locative cue.
Demonyms ("Iraqi") are not toponyms, but they hint at the country a story or a name is in.

This module is the entry point: :func:`recognise` runs the recognisers in order and builds
the :class:`Toponym` records. The recognisers live beside it: datelines.py, forms.py
(abbreviations, hyphenated names), candidates.py (gazetteer matches), embedded.py (places
inside other names), unknown.py and lists.py (names the gazetteer lacks), filters.py (names
that are no places); roles.py, names.py, entities.py and lexicon.py are what they share.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from gestae.geo.candidates import gazetteer_matches, other_spellings
from gestae.geo.datelines import dateline, inner_datelines
from gestae.geo.embedded import embedded_places, inner_place, variant_spelling
from gestae.geo.entities import PLACE_LABELS, person_words
from gestae.geo.filters import not_a_place
from gestae.geo.forms import (
    dotted_states,
    hyphenated_names,
    party_places,
    split_listed,
    state_after,
)
from gestae.geo.gazetteer import Gazetteer
from gestae.geo.lexicon import cue_set, cues, demonyms, not_places
from gestae.geo.lists import generic_name, listed_areas, listed_names
from gestae.geo.names import is_name_token
from gestae.geo.normalize import ARTICLES, fold, key
from gestae.geo.unknown import cued_names, lead_word_names, located_names, role_names
from gestae.nlp import ents_of

# Labels of toponyms found by their form alone, which no reading as a person undoes.
KEPT_LABELS = frozenset({"DATELINE", "STATE", "LISTED", "PARTY"})


@dataclass
class Toponym:
    """A recognised place name with what its surroundings say about it."""

    start: int
    end: int
    text: str
    label: str  # spaCy label, "GAZ" for gazetteer matches, "DATELINE"
    country_hint: str | None = None  # ISO alpha-3 from "the Iraqi city of X" / "X, Iraq"
    feature_hint: str | None = None  # "city", "admin1", ... from "city of X" / "X province"
    in_dateline: bool = False
    generic: str | None = None  # "County" from "Douglas and Grant counties": the full name


def _trim(span: Span) -> Span:
    """Drop a leading "the" that spaCy sometimes puts inside an entity; take in an Arabic
    article that it leaves outside ("An Nasiriyah", "al- Najaf")."""
    if len(span) > 1 and span[-1].lower_ in {"'s", "\u2019s", "'"}:
        span = span[:-1]  # "the West Bank's largest hospital"
    if len(span) > 1 and span[0].lower_ == "the":
        return span[1:]
    doc = span.doc
    start = span.start
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ARTICLES:
        return doc[start - 2:span.end]
    if start >= 1 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ in ARTICLES:
        return doc[start - 1:span.end]
    return span


def _hints(span: Span, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """Country and feature hints from "the Iraqi city of X", "X province", "X, Iraq"."""
    doc = span.doc
    nouns: dict[str, str] = cues()["feature_nouns"]
    country: str | None = None
    feature: str | None = None
    # "... city of X"
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lower_ in nouns and not _part_of_name_before(span):
        feature = nouns[doc[span.start - 2].lower_]
        k = span.start - 3
        while k >= 0 and k >= span.start - 5 and doc[k].lower_ not in {"the", "a", "of", "in"}:
            iso = demonyms().get(fold(doc[k].text))
            if iso:
                country = iso
                break
            k -= 1
    # "X province"
    if span.end < len(doc) and doc[span.end].lower_ in nouns:
        feature = feature or nouns[doc[span.end].lower_]
    # "X, Iraq" / "Paris, Texas": resolved later through the neighbouring toponym
    return country, feature


def _part_of_name_before(span: Span) -> bool:
    """In "the Sadr City district of Baghdad" the noun is Sadr City's, not Baghdad's: a name
    (not a demonym, "the Iraqi city of X") stands right before it."""
    doc = span.doc
    if span.start < 3 or doc[span.start - 2].lower_ not in cue_set("town_part_nouns"):
        return False
    before = doc[span.start - 3]
    return is_name_token(before) and fold(before.text) not in demonyms()


def recognise(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """All toponym mentions of a document, in text order, non-overlapping."""
    spans: list[tuple[Span, str]] = []
    taken: set[int] = set()
    line = dateline(doc.text, gaz)
    if line is not None:
        span = doc.char_span(line[0], line[1], alignment_mode="expand")
        if span is not None:
            spans.append((span, "DATELINE"))
            taken.update(range(span.start, span.end))
    for span in inner_datelines(doc, gaz, taken):
        spans.append((span, "DATELINE"))
    spans.extend(hyphenated_names(doc, gaz, taken))
    for ent in ents_of(doc):
        if ent.label_ in PLACE_LABELS and not any(t.i in taken for t in ent) \
                and any(t.text[:1].isupper() for t in ent):  # "the west coast": a description
            span = _trim(ent)
            if any(t.i in taken for t in span):
                span = ent
            if not gaz.lookup(span.text) and gaz.abbreviation(span.text) is None \
                    and not variant_spelling(span, gaz) and fold(span.text) not in not_places():
                span = inner_place(ent, gaz) or span  # not "Green" of "the Green Zone"
            for part in split_listed(span, gaz):
                spans.append((part, ent.label_))
                taken.update(range(part.start, part.end))
    for span in lead_word_names(doc, taken):
        spans.append((span, "LEAD"))
    for _ in range(2):  # the second pass adds repeats of names found in the first
        known = frozenset(key(s.text) for s, _label in spans) | other_spellings(spans, gaz)
        for span in gazetteer_matches(doc, gaz, taken, known):
            spans.append((span, "GAZ"))
            taken.update(range(span.start, span.end))
    for span in party_places(doc, gaz, taken):
        spans.append((span, "PARTY"))
    known = frozenset(key(s.text) for s, _label in spans)
    for span in embedded_places(doc, gaz, taken, known):
        spans.append((span, "ORG_PLACE"))
    for span in dotted_states(doc, gaz, taken):
        spans.append((span, "STATE"))
    for span in cued_names(doc, taken):
        spans.append((span, "CUED"))
    for span in role_names(doc, taken):
        spans.append((span, "CUED"))
    listed = listed_areas(doc)
    for (i, j), generic in listed.items():
        span = doc[i:j]
        if any(t.i in taken for t in span):
            continue
        if any(e.feature == "admin2" for e, _q in gaz.lookup(generic_name(span, generic))):
            spans.append((span, "LISTED"))
            taken.update(range(i, j))
    for span, _label in list(spans):
        state = state_after(doc, span, gaz)
        if state is not None and not any(t.i in taken for t in state):
            spans.append((state, "STATE"))
            taken.update(range(state.start, state.end))
    for span in located_names(doc, taken):
        spans.append((span, "CUED"))
    people = person_words(doc)
    spans = [(s, label) for s, label in spans
             if label in KEPT_LABELS or not not_a_place(s, gaz, people, label)]
    named = [s for s, label in spans if label not in {"CUED", "PARTY", "FAC"}]
    for span in listed_names(doc, named, taken):
        spans.append((span, "LIST"))
    out = []
    for span, label in sorted(spans, key=lambda x: x[0].start):
        country, feature = _hints(span, gaz)
        generic = listed.get((span.start, span.end))
        out.append(Toponym(start=span.start_char, end=span.end_char, text=span.text,
                           label=label, country_hint=country,
                           feature_hint="admin2" if generic else feature,
                           in_dateline=label == "DATELINE", generic=generic))
    return out
