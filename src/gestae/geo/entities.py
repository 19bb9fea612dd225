"""Whose name a run is, by spaCy's entities and the document: a person's (surnames, speakers),
a body's or a building's, part of a longer entity, or nobody's and so free to be a place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gestae.geo.lexicon import body_words, context_words
from gestae.geo.names import is_name_token, plain_name
from gestae.geo.normalize import fold
from gestae.nlp import ents_in, ents_of

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def person_words(doc: Doc) -> frozenset[str]:
    """Folded names the document uses for people: surnames of PERSON entities of two words
    or more ("Judge Jim Stucky" -> stucky) and subjects of speech verbs ("Clark said")."""
    cached = doc.user_data.get("gestae_person_words")
    if cached is not None:  # several recognisers ask; the doc does not change
        return cached
    speech = context_words()["speech_verbs"]
    out = {fold(ent[-1].text) for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) > 1}
    out.update(fold(t.text) for t in doc if t.dep_ == "nsubj" and t.pos_ == "PROPN"
               and t.head.lemma_.lower() in speech)
    doc.user_data["gestae_person_words"] = frozenset(out)
    return doc.user_data["gestae_person_words"]


def ent_end(ent: Span) -> int:
    """Where an entity ends without the weekday it ran on into ("Goma Thursday")."""
    end = ent.end
    times = context_words()["time_names"]
    while end > ent.start + 1 and ent.doc[end - 1].lower_ in times:
        end -= 1
    return end


def entity_at(doc: Doc) -> dict[int, Span]:
    return {tok.i: ent for ent in ents_of(doc) for tok in ent}


def owner_like(span: Span) -> bool:
    """A run that names a body rather than a place: an acronym ("the NATO base"), or a name
    ending in an institution's word ("the Free Syrian Army base")."""
    heads = context_words()["not_place_heads"]
    if any(t.lower_ in heads for t in span):
        return True
    return len(span) == 1 and span.text.isupper() and span.text.isalpha()


def plain_unknown(span: Span | None, taken: set[int],
                   people: frozenset[str] = frozenset()) -> bool:
    """A new run that may be a local name and is nobody's: see :func:`plain_name`; its
    words proper nouns ("This road", "Latino community" are not names), not a person's."""
    if span is None or any(t.i in taken for t in span) or not plain_name(span) \
            or owner_like(span):
        return False
    if fold(span.text) in people:
        return False
    if any(ent.label_ == "ORG" and _name_start(ent) < span.start < ent.end
           for ent in ents_of(span.doc)):
        return False  # "the U.S. Embassy": the end of an organisation's name
    return all(t.pos_ == "PROPN" for t in span if is_name_token(t))


def _name_start(ent: Span) -> int:
    """Where an entity's name starts, past a leading "the"."""
    return ent.start + 1 if ent[0].lower_ == "the" else ent.start


def inside_other_name(span: Span, person: bool = True) -> bool:
    """The run lies in a person's name (when ``person``), or in a longer entity that
    reaches beyond it ("the Lake Area Arts and Recreation District")."""
    for ent in ents_of(span.doc):
        if ent.end <= span.start or ent.start >= span.end:
            continue
        if ent.label_ == "PERSON" and person:
            return True
        if _name_start(ent) < span.start or ent.end > span.end:
            return True
    return False


def body_like(span: Span) -> bool:
    """A run that more likely names a body or a building than a place: its last word an
    institution's or a facility's ("First Presbyterian Church"), or an organisation of two
    words or more by NER ("Pizzeria Uno")."""
    if span[-1].lower_ in body_words():
        return True
    return len(span) > 1 and any(ent.label_ in {"ORG", "WORK_OF_ART", "EVENT", "PRODUCT"}
                                 for ent in ents_in(span))
