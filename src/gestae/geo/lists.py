"""Names listed together: areas before a plural generic word ("Dakota, Otoe and Washington
counties"), list runs after a naming word or before a plural place noun, and unknown names
listed with toponyms in a place's role ("clashes at Kut, Harbnafseh and Hilla").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from gestae.geo.entities import inside_other_name, person_words, plain_unknown
from gestae.geo.lexicon import context_words, cue_set
from gestae.geo.names import MAX_TOKENS, is_name_like, name_ending_at, people_name, run_after
from gestae.geo.roles import after_determiner, list_head

# Plural generic words that end a list of second-level areas, and the singular each name takes.
LIST_GENERICS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough",
                 "townships": "Township"}


def listed_areas(doc: Doc) -> dict[tuple[int, int], str]:
    """Name runs listed before a plural generic word, with the singular each takes:
    "Dakota, Otoe and Washington counties" -> Dakota, Otoe, Washington -> "County"."""
    out: dict[tuple[int, int], str] = {}
    for tok in doc:
        generic = LIST_GENERICS.get(tok.lower_)
        if generic is None:
            continue
        j = tok.i  # the run ends before j
        while j > 0:
            start = j
            while start > 0 and j - start < MAX_TOKENS and is_name_like(doc[start - 1]):
                start -= 1
            if start == j:
                break
            out[(start, j)] = generic
            k = start - 1
            seps = 0
            while k >= 0 and doc[k].lower_ in {",", "and", "or", "&"} and seps < 2:
                k -= 1
                seps += 1
            if seps == 0:
                break
            j = k + 1
    return out


def generic_name(span: Span, generic: str) -> str:
    return f"{span.text} {generic}"


def listed_after(doc: Doc, i: int) -> list[Span]:
    """The name runs of a list starting at token ``i``: "X, Y and Z"."""
    out: list[Span] = []
    while i < len(doc):
        span = run_after(doc, i)
        if span is None:
            break
        out.append(span)
        k = span.end
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in {"and", "or"}:
            k += 1
        if k + 1 >= len(doc) or doc[k].lower_ not in {",", "and", "or"}:
            break
        i = k + 1
    return out


def listed_before(doc: Doc, j: int, plural: bool) -> list[Span]:
    """The name run ending before token ``j`` and, before a plural noun, the runs listed with
    it: "the Shuqayf and Bustan Al-Basha (districts)"."""
    span = name_ending_at(doc, doc[j - 1])
    out: list[Span] = []
    while span is not None:
        out.append(span)
        k = span.start - 1
        if not plural or k < 1 or doc[k].lower_ not in {",", "and", "or"}:
            break
        if doc[k].lower_ in {"and", "or"} and doc[k - 1].text == ",":
            k -= 1
        span = name_ending_at(doc, doc[k - 1]) if k >= 1 else None
    return out


def listed_names(doc: Doc, places: list[Span], taken: set[int]) -> list[Span]:
    """Unknown names listed with toponyms where the list is in a place's role and mostly
    places already: "clashes at Kut, Harbnafseh and Hilla", "rebels captured Kut and
    Bzaah". A name with its own "of X" / "in X" is a person or body placed there ("Jane
    Doe of Springfield")."""
    preps = (cue_set("in_preps") | cue_set("near_preps")) - {"to", "on"}
    verbs = context_words()["territorial_verbs"]
    people = person_words(doc)
    found: list[Span] = []
    heads: dict[int, Token] = {}
    for place in places:
        head = list_head(place.root)
        heads.setdefault(head.i, head)
    for head in heads.values():
        members = [head] + [t for t in head.subtree if t.dep_ == "conj"
                            and list_head(t).i == head.i]
        known = [m for m in members if m.i in taken]
        if len(members) < 2 or 2 * len(known) < len(members):
            continue
        if not (head.dep_ == "pobj" and head.head.lower_ in preps
                or head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_.lower() in verbs):
            continue
        for member in members:
            if member.i in taken or any(c.dep_ in {"prep", "appos", "nummod"}
                                        for c in member.children):
                continue
            span = name_ending_at(doc, member)
            if span is not None and not after_determiner(span) \
                    and plain_unknown(span, taken, people) and not people_name(span.text) \
                    and not inside_other_name(span, person=len(known) < 2 and len(span) > 1):
                found.append(span)
                taken.update(range(span.start, span.end))
    return found
