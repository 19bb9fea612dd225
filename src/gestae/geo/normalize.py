"""Name normalisation shared by the gazetteer, the build script and the recogniser.

News spells one place many ways ("al-Najaf", "An Najaf", "Najaf"; "Nasiriya", "Nasiriyah";
"Karbala'"), so every name is reduced to a lookup key before indexing and before lookup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into ASCII.
_LETTERS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
})
# Apostrophe-like marks (Arabic ayn/hamza transliterations) are dropped, not spaced.
_DROP = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4'.\u2032]")
_SPACE = re.compile(r"[^a-z0-9]+")
# Arabic article forms written as a separate word ("An Najaf", "Ash Shatrah", "al-Hilla").
ARTICLES = frozenset({"al", "el", "an", "ar", "as", "ash", "ad", "adh", "at", "az", "ath", "ul"})
# Generic words that follow a name ("Dhi Qar province", "Sadr City", "Kharkiv oblast").
SUFFIXES = frozenset({
    "province", "governorate", "city", "district", "region", "oblast", "state", "prefecture",
    "county", "municipality", "department", "muhafazah", "wilayah", "vilayet", "raion",
    "emirate", "territory", "division", "town", "village", "provinz", "sheng", "zizhiqu",
    "respublika", "voblasc", "kray", "krai",
})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII form: diacritics and apostrophes removed, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", text.lower())
    return _SPACE.sub(" ", text).strip()


def _loosen(word: str) -> str:
    """One spelling for transliteration variants: no doubled letters, no final vowel+h."""
    out = re.sub(r"(.)\1+", r"\1", word)
    if len(out) > 3 and out.endswith("h") and out[-2] in "aeiou":
        out = out[:-1]
    return out


def key(text: str) -> str:
    """Exact lookup key: folded, then loosened word by word."""
    return " ".join(_loosen(w) for w in fold(text).split())


# Words that are part of some names ("Sadr City", "Mexico City"): stripped from a mention,
# never from a gazetteer name, so that "Sadr" alone does not name Sadr City.
NAME_SUFFIXES = frozenset({"city", "town", "village"})


def stripped_key(text: str, suffixes: frozenset[str] = SUFFIXES) -> str:
    """Key without a leading Arabic article and a trailing generic word, or "" if unchanged."""
    words = fold(text).split()
    original = list(words)
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    if len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    if words == original:
        return ""
    return " ".join(_loosen(w) for w in words)


def keys(text: str, gazetteer_name: bool = False) -> tuple[str, str]:
    """Both keys of a name: ``(exact, stripped)``; ``stripped`` is "" when it adds nothing.

    For a gazetteer name (``gazetteer_name``) "City" and the like are kept in the name."""
    suffixes = SUFFIXES - NAME_SUFFIXES if gazetteer_name else SUFFIXES
    return key(text), stripped_key(text, suffixes)


# Vowel classes transliterations swap within ("Tell Abiad" / "Tall Abyad", "Jowhar" /
# "Jawhar"): a and e; i and y; o, u and w. Across classes names stay apart ("Ebola" is not
# Abala, "Americas" not Americus).
_VOWEL_CLASS = str.maketrans({"e": "a", "y": "i", "o": "u", "w": "u"})
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(text: str) -> str:
    """A loose key for transliteration variants the exact key misses: Arabic articles
    anywhere dropped, words joined, vowels by class, doubled letters single ("Maarat
    al-Numan" = "Ma`arrat an Nu`man", "Beled Weyne" = "Beledweyne"). Too loose to use alone:
    only for a name with no exact match, and only where one candidate in the article's own
    country (or inside its container) fits."""
    return folded_skeleton(fold(text))


def folded_skeleton(folded: str) -> str:
    """:func:`skeleton` of a name already folded (the gazetteer's keys are)."""
    joined = "".join(w for w in folded.split() if w not in ARTICLES)
    if joined.endswith("h") and len(joined) > 3 and joined[-2] in "aeiouy":
        joined = joined[:-1]  # "Dahiyeh" / "Dahiya"
    return _DOUBLE.sub(r"\1", joined.translate(_VOWEL_CLASS))
