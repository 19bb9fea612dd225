"""The word lists and tables the toponym rules read (data/cues.yaml,
data/toponym_context.yaml, data/toponym_lead_words.tsv, data/stoplist.txt,
data/demonyms.tsv), each loaded once per process: the rules ask for them per candidate.
Also the count of countries a document names by demonyms ("Iraqi protesters" -> IRQ).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc

from gestae.geo.gazetteer import DATA, read_tsv
from gestae.geo.normalize import fold


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """Cue words (data/cues.yaml)."""
    with (DATA / "cues.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=64)
def cue_set(name: str) -> frozenset[str]:
    """One word list of data/cues.yaml as a set, built once (the rules ask per candidate)."""
    return frozenset(str(w).lower() for w in cues().get(name) or ())


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """Last words of a body's or a building's name (institutions, facilities, bodies)."""
    return cue_set("institution_words") | cue_set("facility_words") \
        | cue_set("named_institution_words") | context_words()["body_words"]


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """Word lists that make a name a place by its role (data/toponym_context.yaml)."""
    with (DATA / "toponym_context.yaml").open(encoding="utf-8") as handle:
        raw: dict[str, list[Any]] = yaml.safe_load(handle)
    return {name: frozenset(str(w).lower() for w in words) for name, words in raw.items()}


@lru_cache(maxsize=1)
def lead_words() -> dict[str, bool]:
    """Words that open place names ("Kafr", "Jabal", "Tal"), each with whether an Arabic
    article must follow it (data/toponym_lead_words.tsv)."""
    return {row["word"].strip().lower(): row["article"].strip() == "yes"
            for row in read_tsv(DATA / "toponym_lead_words.tsv")}


@lru_cache(maxsize=1)
def area_phrases() -> tuple[tuple[str, ...], ...]:
    """Word sequences after a name that make it a local government area ("local council"),
    longest first."""
    phrases = {tuple(p.split()) for p in context_words()["area_phrases"]}
    return tuple(sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Folded names never recognised from the gazetteer alone (data/stoplist.txt)."""
    path: Path = DATA / "stoplist.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x) for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Folded names never resolved (data/not_places.txt)."""
    lines = (DATA / "not_places.txt").read_text(encoding="utf-8").splitlines()
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
