"""Toponym recognition: which spans of a parsed document name places.

spaCy's GPE/LOC/FAC entities are the base. The small English model mislabels many Arabic and
African place names (Diwaniya as ORG, Hilla and Kut as PERSON), so capitalised token runs that
name a gazetteer place of some size become toponyms too, guarded by a stoplist, by spaCy's
PERSON/ORG spans that reach beyond the name, and for smaller places by a locative cue.
Demonyms ("Iraqi") are not toponyms, but they hint at the country a story or a name is in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from gestae.geo.gazetteer import DATA, Gazetteer, read_tsv
from gestae.geo.normalize import ARTICLES, fold, key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# spaCy labels that a gazetteer match may override when the span is exactly the name.
OVERRIDABLE = frozenset({"ORG", "PERSON", "NORP", ""})
MAX_TOKENS = 4
# A city this large is a toponym without any cue; smaller ones need "in", "near", ...
BIG_CITY = 100_000
SMALL_CITY = 15_000
# A dateline: "BAGHDAD (Reuters) -", "Nasiriyah, Iraq (AP) --", "KABUL, Jan 27 -".
DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Za-z'\u2019.\- ]{1,40}?)"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z'\u2019.\- ]{1,30}?))?"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\)\s*)?(?P<dash>[-\u2013\u2014]{1,2}|:)\s"
)


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


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """Cue words (data/cues.yaml)."""
    with (DATA / "cues.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Folded names never recognised from the gazetteer alone (data/stoplist.txt)."""
    path: Path = DATA / "stoplist.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x) for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym -> ISO alpha-3 (data/demonyms.tsv)."""
    table: dict[str, str] = {}
    for row in read_tsv(DATA / "demonyms.tsv"):
        for word in row["demonyms"].split("|"):
            table[fold(word)] = row["iso3"]
    return table


def demonym_counts(doc: Doc) -> Counter[str]:
    """Countries named by demonyms in the document ("Iraqi protesters" -> IRQ)."""
    table = demonyms()
    counts: Counter[str] = Counter()
    skip = -1
    for tok in doc:
        if tok.i <= skip or not tok.text[:1].isupper():
            continue
        if tok.i + 1 < len(doc):
            pair = fold(f"{tok.text} {doc[tok.i + 1].text}")
            if pair in table:
                counts[table[pair]] += 1
                skip = tok.i + 1
                continue
        word = fold(tok.text)
        if word in table:
            counts[table[word]] += 1
    return counts


def _dateline_match(text: str, gaz: Gazetteer) -> re.Match[str] | None:
    match = DATELINE.match(text[:200])
    if not match:
        return None
    name = match.group("name").strip()
    if not match.group("agency") and not name.isupper():
        return None  # "Protesters - ..." is not a dateline; "BAGHDAD -" is
    if not gaz.lookup(name):
        return None
    return match


def dateline(text: str, gaz: Gazetteer) -> tuple[int, int] | None:
    """Character span of the dateline's place name, if the text opens with one."""
    match = _dateline_match(text, gaz)
    if match is None:
        return None
    start = match.start("name")
    return start, start + len(match.group("name").strip())


def dateline_end(text: str, gaz: Gazetteer) -> int:
    """Where the story proper starts: after "NASIRIYAH, Iraq (AP) - ", else 0."""
    match = _dateline_match(text, gaz)
    return match.end() if match else 0


def _is_name_token(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


def _is_article(tok: Token, nxt: Token | None) -> bool:
    """"al" in "al-Najaf" (tokenised as al, -, Najaf)."""
    return tok.lower_ in ARTICLES and nxt is not None and nxt.text in {"-", "\u2010"}


def _span_candidates(doc: Doc, i: int) -> list[Span]:
    """Token spans starting at ``i`` that could be a multi-word name, longest first."""
    out: list[Span] = []
    j = i
    if _is_article(doc[i], doc[i + 1] if i + 1 < len(doc) else None):
        j = i + 2
        if j >= len(doc) or not _is_name_token(doc[j]):
            return out
    elif not _is_name_token(doc[i]):
        return out
    end = j
    while end < len(doc) and end - i < MAX_TOKENS + 2:
        tok = doc[end]
        if _is_name_token(tok) or (tok.text == "-" and end + 1 < len(doc)
                                    and _is_name_token(doc[end + 1]) and end > j):
            end += 1
            out.append(doc[i:end])
        else:
            break
    return [s for s in reversed(out) if s[-1].text != "-"]


def _locative_context(span: Span) -> bool:
    """A cue before or after the span that makes a place reading likely."""
    words = set(cues()["locative_words"])
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in words or after in set(cues()["feature_nouns"]):
        return True
    # a list of places: "in Kut, Hilla and Diwaniya"
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in words


def _names_country(gaz: Gazetteer, span: Span) -> bool:
    return any(q == 1.0 and e.feature == "country" for e, q in gaz.lookup(span.text))


def _strong_enough(gaz: Gazetteer, span: Span, cued: bool) -> bool:
    """Does the span exactly name a country, admin1, region or city of sufficient size?"""
    for entry, quality in gaz.lookup(span.text):
        if quality < 0.9:
            continue
        if entry.feature in {"country", "continent", "region", "admin1"}:
            return True
        if entry.feature == "city" and (entry.population >= BIG_CITY or
                                        (cued and entry.population >= SMALL_CITY)):
            return True
    return False


def _ent_at(doc: Doc) -> dict[int, Span]:
    return {tok.i: ent for ent in doc.ents for tok in ent}


def gazetteer_matches(doc: Doc, gaz: Gazetteer, taken: set[int],
                      known: frozenset[str] = frozenset()) -> list[Span]:
    """Capitalised runs that name gazetteer places although NER did not label them so.

    ``known`` holds the keys of names already taken as places in this document: a name that
    is a place once is a place throughout ("in Kut" ... "Kut was quiet")."""
    stop = stoplist()
    ent_at = _ent_at(doc)
    found: list[Span] = []
    i = 0
    while i < len(doc):
        if i in taken:
            i += 1
            continue
        accepted = None
        for span in _span_candidates(doc, i):
            if any(t.i in taken for t in span) or fold(span.text) in stop:
                continue
            if len(span) == 1 and (len(span.text) < 3 or span[0].lower_ in ARTICLES):
                continue
            ents = {ent_at[t.i] for t in span if t.i in ent_at}
            if any(e.label_ not in OVERRIDABLE for e in ents):
                continue
            # a person or organisation name that goes beyond the place name
            if any(e.start < span.start or e.end > span.end for e in ents):
                continue
            if not ents and not any(t.pos_ == "PROPN" for t in span):
                continue
            if key(span.text) in known:
                accepted = span
                break
            cued = _locative_context(span)
            if ents and next(iter(ents)).label_ in {"PERSON", "NORP"} and not cued \
                    and not _names_country(gaz, span):
                continue
            if _strong_enough(gaz, span, cued):
                accepted = span
                break
        if accepted is not None:
            found.append(accepted)
            i = accepted.end
        else:
            i += 1
    return found


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
            and doc[span.start - 2].lower_ in nouns:
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


def _state_after(doc: Doc, span: Span, gaz: Gazetteer) -> Span | None:
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


def _strong_place(gaz: Gazetteer, span: Span) -> bool:
    """Names an admin area, country or region exactly, or a city of any size."""
    return any(q == 1.0 and e.feature in {"country", "admin1", "admin2", "region", "city"}
               for e, q in gaz.lookup(span.text))


def leading_places(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """The place that opens an organisation's name: "the Mansfield Police Department",
    "the Ohio Department of Health", "Springfield High School" -> Mansfield, Ohio,
    Springfield. Only before an institution word (data/cues.yaml), so "Paris Hilton" stays."""
    words = set(cues()["institution_words"])
    stop = stoplist()
    found: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(t.i in taken for t in ent):
            continue
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        for end in range(min(ent.end - 1, start + MAX_TOKENS), start, -1):
            span = doc[start:end]
            if doc[end].lower_ not in words or not all(_is_name_token(t) for t in span):
                continue
            if fold(span.text) in stop or not _strong_place(gaz, span):
                continue
            found.append(span)
            break
    return found


def _split_listed(span: Span, gaz: Gazetteer) -> list[Span]:
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
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and not any(t.i in taken for t in ent):
            span = _trim(ent)
            if any(t.i in taken for t in span):
                span = ent
            for part in _split_listed(span, gaz):
                spans.append((part, ent.label_))
                taken.update(range(part.start, part.end))
    for _ in range(2):  # the second pass adds repeats of names found in the first
        known = frozenset(key(s.text) for s, _label in spans)
        for span in gazetteer_matches(doc, gaz, taken, known):
            spans.append((span, "GAZ"))
            taken.update(range(span.start, span.end))
    for span in leading_places(doc, gaz, taken):
        spans.append((span, "ORG_PLACE"))
        taken.update(range(span.start, span.end))
    for span, _label in list(spans):
        state = _state_after(doc, span, gaz)
        if state is not None and not any(t.i in taken for t in state):
            spans.append((state, "STATE"))
            taken.update(range(state.start, state.end))
    out = []
    for span, label in sorted(spans, key=lambda x: x[0].start):
        country, feature = _hints(span, gaz)
        out.append(Toponym(start=span.start_char, end=span.end_char, text=span.text,
                           label=label, country_hint=country, feature_hint=feature,
                           in_dateline=label == "DATELINE"))
    return out
