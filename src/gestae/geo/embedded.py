"""Places named inside other names: "the Mansfield Police Department", "the University of
Cincinnati", and the place inside a place-labelled name the gazetteer lacks ("Henry County
Courthouse", "Northeast Georgia").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from gestae.geo.candidates import SMALL_CITY, city_of_size, standalone_place, strong_place
from gestae.geo.entities import PLACE_LABELS
from gestae.geo.gazetteer import Gazetteer
from gestae.geo.lexicon import cue_set, stoplist
from gestae.geo.names import MAX_TOKENS, NOT_NAMES, is_name_like
from gestae.geo.normalize import fold, key
from gestae.nlp import ents_of


def _probe_starts(span: Span) -> list[int]:
    """Token indices inside a name where an embedded place may start: its beginning and
    after "of"/"in", each past "the" and direction words ("the University of Western
    Ontario", "Northeast Georgia Medical Center"). A direction word is also tried as the
    start, first, since it begins some names ("the West Virginia Division of Highways")."""
    doc = span.doc
    skip = cue_set("direction_words")
    starts = [span.start] + [t.i + 1 for t in span[:-1] if t.lower_ in {"of", "in"}]
    out = []
    for i in starts:
        while i < span.end - 1 and doc[i].lower_ == "the":
            i += 1
        if i < span.end - 1 and doc[i].lower_ in skip:
            out.append(i)
        while i < span.end - 1 and (doc[i].lower_ == "the" or doc[i].lower_ in skip):
            i += 1
        out.append(i)
    return out


def _place_at(span: Span, i: int, gaz: Gazetteer,
              accept: Callable[[Span, Token | None], bool]) -> Span | None:
    """The longest run of name words from token ``i`` inside ``span`` that ``accept``s."""
    doc = span.doc
    stop = stoplist()
    directions = cue_set("direction_words")
    last = i
    while last < min(span.end, i + MAX_TOKENS) and is_name_like(doc[last]):
        last += 1
    for end in range(last, i, -1):
        sub = doc[i:end]
        if fold(sub.text) in stop or (len(sub) == 1 and len(sub.text) < 3):
            continue
        if len(sub) == 1 and sub[0].lower_ in directions:
            continue  # "West" alone is a direction, not the town of West
        nxt = doc[end] if end < span.end else None
        if accept(sub, nxt):
            return sub
    return None


def embedded_places(doc: Doc, gaz: Gazetteer, taken: set[int],
                    known: frozenset[str] = frozenset()) -> list[Span]:
    """Places named inside other names: "the Mansfield Police Department", "the Ohio
    Department of Health", "the University of Cincinnati", "Anderson County Sheriff".

    Before an institution word (data/cues.yaml) any city will do; elsewhere only a name that
    stands as a place on its own (see :func:`standalone_place`), so "Paris Hilton" and
    "Virginia Smith" stay people."""
    words = cue_set("institution_words")
    named = cue_set("named_institution_words")
    found: list[Span] = []
    for ent in ents_of(doc):
        if ent.label_ in PLACE_LABELS or ent.label_ in NOT_NAMES:
            continue
        if any(t.i in taken for t in ent):
            continue
        loose = ent.label_ != "PERSON"

        def accept(sub: Span, nxt: Token | None, ent: Span = ent, loose: bool = loose) -> bool:
            if sub.start == ent.start and sub.end == ent.end:
                return False  # the whole name: gazetteer_matches decides
            word = nxt.lower_ if nxt is not None else ""
            if word in words and strong_place(gaz, sub):
                return True  # "the Mansfield Police Department"
            if word in named and (key(sub.text) in known
                                  or city_of_size(gaz, sub, SMALL_CITY)):
                return True  # "Springfield High School", not "Kennedy Elementary"
            if not loose:
                return False
            # "Paris Hilton" tagged ORG: a city and one more name word is a person's name
            rest = [t for t in ent if t.i >= sub.end]
            two_names = len(rest) == 1 and is_name_like(rest[0]) and word not in named
            return standalone_place(gaz, sub, known, cities=not two_names)

        for i in _probe_starts(ent):
            sub = _place_at(ent, i, gaz, accept)
            if sub is not None and not any(t.i in taken for t in sub):
                found.append(sub)
                taken.update(range(sub.start, sub.end))
    return found


def variant_spelling(span: Span, gaz: Gazetteer) -> bool:
    """A town's name spelled otherwise, to be kept whole: "Beled Weyne" is Beledweyne, not
    the town of Beled. Never a facility or an institution's name."""
    words = cue_set("institution_words") | cue_set("facility_words")
    if span.label_ == "FAC" or any(t.lower_ in words for t in span):
        return False
    return any(e.feature == "city" for e in gaz.fuzzy(span.text))


def inner_place(span: Span, gaz: Gazetteer) -> Span | None:
    """For a place-labelled span the gazetteer does not know ("Henry County Courthouse",
    "Northeast Georgia", "Vancouver International Airport"): the place it contains."""
    words = cue_set("institution_words") | cue_set("facility_words")
    strict = span.label_ == "FAC"

    def accept(sub: Span, nxt: Token | None) -> bool:
        if sub.start == span.start and sub.end == span.end:
            return False
        if strict and (nxt is None or nxt.lower_ not in words):
            return standalone_place(gaz, sub, frozenset())
        return strong_place(gaz, sub)

    for i in _probe_starts(span):
        sub = _place_at(span, i, gaz, accept)
        if sub is not None:
            return sub
    return None
