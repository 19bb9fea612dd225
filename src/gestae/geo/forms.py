"""Places known by how they are written: US state abbreviations after a town ("Macon, Ga."),
dotted ("S.C."), or in a legislator's party tag ("R-Moorpark"), a town and state NER took as
one entity, and names the tokeniser splits at a hyphen ("Mazar-i-Sharif", "Sar-e Pol").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gestae.geo.entities import PLACE_LABELS, entity_at
from gestae.geo.gazetteer import Gazetteer
from gestae.geo.lexicon import context_words, cues
from gestae.geo.names import is_name_token, name_run
from gestae.nlp import ents_in


def state_after(doc: Doc, span: Span, gaz: Gazetteer) -> Span | None:
    """A US state abbreviation right after "Town, " ("Macon, Ga.", "Macon, GA")."""
    k = span.end
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    for n in (1, 2, 3):
        cand = doc[k + 1:k + 1 + n]
        if cand.end > len(doc) or len(cand) < n:
            break
        text = cand.text
        at_end = cand.end < len(doc) and doc[cand.end].text == "." and not text.endswith(".")
        if at_end and gaz.abbreviation(text + ".") is not None:  # "Ill" "." ending a sentence
            return cand
        if gaz.abbreviation(text, after_comma=True) is not None:
            return cand
    return None


def split_listed(span: Span, gaz: Gazetteer) -> list[Span]:
    """"Bolingbrook, Ill." taken by NER as one entity -> the town and the state."""
    commas = [t.i for t in span if t.text == ","]
    if len(commas) != 1 or commas[0] in (span.start, span.end - 1):
        return [span]
    doc = span.doc
    head, tail = doc[span.start:commas[0]], doc[commas[0] + 1:span.end]
    if gaz.abbreviation(tail.text, after_comma=True) is None and not gaz.lookup(tail.text):
        return [span]
    if not gaz.lookup(head.text):
        return [span]
    return [head, tail]


def party_places(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """The home of a legislator in "Sen. Jane Doe, R-Moorpark," or "(D-N.J.)"."""
    parties = set(cues()["party_letters"])
    found = []
    for tok in doc[:-2]:
        if tok.text not in parties or doc[tok.i + 1].text != "-":
            continue
        end = name_run(doc, tok.i + 2)
        if end == tok.i + 2 or end >= len(doc) or doc[end].text not in {",", ")", ";", "."}:
            continue
        span = doc[tok.i + 2:end]
        if any(t.i in taken for t in span):
            continue
        if gaz.abbreviation(span.text) is not None or gaz.lookup(span.text):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


def dotted_states(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """US states written with two or more periods ("the S.C. Highway Patrol", "W.Va.
    lawmakers"): unlike "Ga." or "Miss." such forms are never ordinary words."""
    found: list[Span] = []
    for tok in doc:
        if tok.i in taken or tok.text.count(".") < 2 or not tok.text[:1].isupper():
            continue
        if gaz.abbreviation(tok.text) is not None:
            found.append(doc[tok.i:tok.i + 1])
            taken.add(tok.i)
    return found


def _joined_end(doc: Doc, i: int, particles: frozenset[str]) -> int | None:
    """End of a name whose parts a particle and a hyphen join, starting at token ``i``:
    "Sar-e Pol", "Mazar-i-Sharif", "Deir ez-Zor"; None when no such name starts there."""
    def glued(k: int) -> bool:  # "-" at k written without spaces around it
        return k < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ \
            and not doc[k].whitespace_

    def particle(k: int) -> bool:
        return k < len(doc) and doc[k].text in particles

    def name(k: int) -> bool:
        return k < len(doc) and is_name_token(doc[k])

    if not is_name_token(doc[i]):
        return None
    if glued(i + 1) and particle(i + 2):
        if glued(i + 3) and name(i + 4):
            return i + 5  # "Mazar-i-Sharif"
        if doc[i + 2].whitespace_ and name(i + 3):
            return i + 4  # "Sar-e Pol"
    if doc[i].whitespace_ and particle(i + 1) and glued(i + 2) and name(i + 3):
        return i + 4  # "Deir ez-Zor"
    return None


def hyphenated_names(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[Span, str]]:
    """Names the tokeniser splits at a hyphen ("Sar-e Pol Province", "Mazar-i-Sharif"),
    taken whole so that no part ("Sar") stands as a place alone: the longest run the
    gazetteer knows, else the joined name when NER took a part of it for a place."""
    particles = context_words()["name_particles"]
    ent_at = entity_at(doc)
    found: list[tuple[Span, str]] = []
    i = 0
    while i < len(doc):
        end = None if i in taken else _joined_end(doc, i, particles)
        if end is None:
            i += 1
            continue
        core = doc[i:end]
        if any(ent.start <= i and ent.end >= end for ent in ents_in(core)) \
                or any(t.i in taken for t in core) \
                or i > 0 and is_name_token(doc[i - 1]) and not doc[i - 1].is_sent_start:
            # NER has the whole name; or it goes on before: "Jabhat Fateh al-Sham"
            i = end
            continue
        stop = end
        while stop < len(doc) and stop - end < 2 and is_name_token(doc[stop]):
            stop += 1
        known = next((doc[i:j] for j in range(stop, end - 1, -1)
                      if any(q >= 0.9 for _e, q in gaz.lookup(doc[i:j].text))), None)
        labels = {ent_at[t.i].label_ for t in core if t.i in ent_at}
        span = known or (core if labels & PLACE_LABELS else None)
        if span is not None:
            found.append((span, "GPE" if known is None else "GAZ"))
            taken.update(range(span.start, span.end))
        i = end
    return found
