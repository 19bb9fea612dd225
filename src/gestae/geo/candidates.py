"""Capitalised runs that name gazetteer places although NER did not label them so (the small
model takes Diwaniya for an ORG, Hilla and Kut for PERSONs), and the size and feature tests
that decide when a gazetteer reading alone is enough.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gestae.geo.entities import ent_end, entity_at, person_words
from gestae.geo.gazetteer import Gazetteer
from gestae.geo.lexicon import context_words, cue_set, stoplist
from gestae.geo.names import MAX_TOKENS, is_article, is_name_token
from gestae.geo.normalize import ARTICLES, fold, key
from gestae.geo.roles import (
    event_role,
    heads_or_owns_parts,
    locative_context,
    role_token,
    strong_cue,
)

# spaCy labels that a gazetteer match may override when the span is exactly the name.
OVERRIDABLE = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", ""})
# A city this large labelled PERSON by spaCy is taken as the city without any cue ("a central
# Kiev courthouse", "the Abuja home of ...").
HUGE_CITY = 1_000_000
# A city this large is a toponym without any cue; smaller ones need "in", "near", ...
BIG_CITY = 100_000
SMALL_CITY = 15_000
# spaCy labels the small model puts on town names now and then ("Aleppo" as LANGUAGE): a
# place reading overrides them, as for PERSON, only with a cue around the name.
CUED_OVERRIDABLE = frozenset({"LANGUAGE", "WORK_OF_ART", "EVENT", "LAW"})


def _span_candidates(doc: Doc, i: int) -> list[Span]:
    """Token spans starting at ``i`` that could be a multi-word name, longest first."""
    out: list[Span] = []
    j = i
    if is_article(doc[i], doc[i + 1] if i + 1 < len(doc) else None):
        j = i + 2
        if j >= len(doc) or not is_name_token(doc[j]):
            return out
    elif not is_name_token(doc[i]):
        return out
    end = j
    while end < len(doc) and end - i < MAX_TOKENS + 2:
        tok = doc[end]
        if is_name_token(tok) or (tok.text == "-" and end + 1 < len(doc)
                                    and is_name_token(doc[end + 1]) and end > j):
            end += 1
            out.append(doc[i:end])
        else:
            break
    return [s for s in reversed(out) if s[-1].text != "-"]


def names_country(gaz: Gazetteer, span: Span) -> bool:
    return any(q == 1.0 and e.feature == "country" for e, q in gaz.lookup(span.text))


def _strong_enough(gaz: Gazetteer, span: Span, cued: bool, strong: bool = False) -> bool:
    """Does the span exactly name a country, admin1, region or city of sufficient size? With
    a ``strong`` cue (see :func:`strong_cue`) a town of any size will do."""
    for entry, quality in gaz.lookup(span.text):
        if quality < 0.9:
            continue
        if entry.feature in {"country", "continent", "region", "admin1"}:
            return True
        if strong and quality == 1.0 and entry.feature in {"city", "admin2"}:
            return True
        if entry.feature == "city" and (entry.population >= BIG_CITY or
                                        (cued and entry.population >= SMALL_CITY)):
            return True
    return False


def other_spellings(spans: list[tuple[Span, str]], gaz: Gazetteer) -> frozenset[str]:
    """Keys of the other names of towns already found that have one reading only: "Azaz"
    found, a later "Izaz" is the same town."""
    out: set[str] = set()
    for span, _label in spans:
        found = gaz.lookup(span.text)
        if len(found) == 1 and found[0][1] == 1.0 and found[0][0].feature == "city":
            out.add(key(found[0][0].name))
    return frozenset(out)


def gazetteer_matches(doc: Doc, gaz: Gazetteer, taken: set[int],
                      known: frozenset[str] = frozenset()) -> list[Span]:
    """Capitalised runs that name gazetteer places although NER did not label them so.

    ``known`` holds the keys of names already taken as places in this document: a name that
    is a place once is a place throughout ("in Kut" ... "Kut was quiet")."""
    stop = stoplist()
    ent_at = entity_at(doc)
    people = person_words(doc)
    found: list[Span] = []
    i = 0
    while i < len(doc):
        if i in taken:
            i += 1
            continue
        accepted = None
        for span in _span_candidates(doc, i):
            if any(t.i in taken for t in span) or fold(span.text) in stop \
                    and not _stoplisted_town(span, gaz):
                continue
            if len(span) == 1 and (len(span.text) < 3 or span[0].lower_ in ARTICLES):
                continue
            ents = {ent_at[t.i] for t in span if t.i in ent_at}
            labels = {e.label_ for e in ents}
            if labels - OVERRIDABLE - CUED_OVERRIDABLE:
                continue
            # a person or organisation name that goes beyond the place name
            if any(e.start < span.start or ent_end(e) > span.end for e in ents):
                continue
            if key(span.text) in known and not labels & CUED_OVERRIDABLE \
                    and (ents or any(t.pos_ == "PROPN" for t in span)):
                accepted = span
                break
            strong = strong_cue(span, people)
            cued = strong or locative_context(span)
            if not ents and not any(t.pos_ == "PROPN" for t in span) and not (
                    not span[0].is_sent_start and heads_or_owns_parts(span) and (
                        strong or cued and city_of_size(gaz, span, BIG_CITY))):
                continue  # a capitalised common noun, unless its role is a place's
            if labels & ({"PERSON", "NORP"} | CUED_OVERRIDABLE) and not cued \
                    and not names_country(gaz, span) \
                    and not city_of_size(gaz, span, HUGE_CITY):
                continue
            if labels & CUED_OVERRIDABLE and not strong and not names_country(gaz, span) \
                    and not city_of_size(gaz, span, BIG_CITY):
                continue  # "the Olympic organizers": an event's name, not the town
            if _strong_enough(gaz, span, cued, strong):
                accepted = span
                break
        if accepted is not None:
            found.append(accepted)
            i = accepted.end
        else:
            i += 1
    return found


def _stoplisted_town(span: Span, gaz: Gazetteer) -> bool:
    """A large town whose name is also a word or a surname ("Nice", "Reading"), where an
    event happens in it: "demonstrated in Nice Saturday", "clashes in Reading"."""
    head = role_token(span)
    return len(span) == 1 and head.dep_ == "pobj" \
        and head.head.lower_ in context_words()["event_preps"] \
        and city_of_size(gaz, span, BIG_CITY) and event_role(span)


def strong_place(gaz: Gazetteer, span: Span) -> bool:
    """Names an admin area, country or region exactly, or a city of any size."""
    return any(q == 1.0 and e.feature in {"country", "admin1", "admin2", "region", "city"}
               for e, q in gaz.lookup(span.text))


def standalone_place(gaz: Gazetteer, span: Span, known: frozenset[str],
                      cities: bool = True) -> bool:
    """A name that reads as a place wherever it stands: a country, state or region, a county
    written with its generic word ("Henry County"), a large city (``cities``), or a name
    already taken as a place in this document."""
    if key(span.text) in known:
        return True
    said_admin = len(span) > 1 and span[-1].lower_ in cue_set("admin_words")
    for entry, quality in gaz.lookup(span.text):
        if quality < 1.0:
            continue
        if entry.feature in {"country", "admin1", "region", "continent"}:
            return True
        if entry.feature == "admin2" and said_admin:
            return True
        if cities and entry.feature == "city" and entry.population >= BIG_CITY:
            return True
    return False


def city_of_size(gaz: Gazetteer, span: Span, population: int) -> bool:
    return any(q == 1.0 and e.feature == "city" and e.population >= population
               for e, q in gaz.lookup(span.text))
