"""Human cost and other counts, read from plain text with rules (no spaCy needed).

A *figure* is a number phrase ("at least 156", "dozens", "an unknown number", "a policeman")
that the words around it tie to a role: killed, injured or arrested. Word lists live in
``data/quantities_*.yaml``; the regexes are built from them once, at import.

Conventions for a figure as a :class:`~gestae.model.Count` (``low``, ``best``, ``high``):

* exact "12": low 12, best 12, high 12; "no one was killed": 0, 0, 0.
* floor "at least / more than / over 12", "12 or more": low 12, best 12, high None.
* ceiling "up to / as many as / nearly / fewer than 12": low None, best 12, high 12.
* estimate "about / around / some 12": low None, best 12, high None.
* range "between 10 and 15", "10 to 15", "10-15": low 10, best 10, high 15 (the lower,
  conservative figure is the best one, as ACLED codes fatalities).
* vague plurals are floors: tens 10, dozens 12, scores 20, hundreds 100, thousands 1,000,
  "tens of thousands" 10,000; several / a few / a handful 3. Low = best = that value.
* "an unknown number", "many", "numerous": ``Count(unknown=True)``, no figure.
* several figures of one role in a sentence are added up ("two soldiers were killed and
  three civilians were killed" = 5), except those opening a subset ("including three
  children"). Non-zero "casualties" (dead and wounded together) is left out.
* named victims count one each when the clause gives no figure: "he was murdered",
  "Ana Lopez and Luis Ortega were killed" (2), "the attack killed attorney general Roberto
  Garcia", "Inspector Eva Moreno died"; nouns of the act count their victims too: "the
  murder of two aid workers", "the arrest of eight teachers".
* figures of one incident that contradict each other are kept with their speakers:
  :func:`casualty_reports` per mention, then :func:`contradictions` over the article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from gestae.model import Casualties, Count, Quantity

ROLES = ("killed", "injured", "arrested")
_CLAUSE_PENALTY = 50  # chars a clause break adds to a figure-trigger distance


def _load(name: str) -> dict[str, Any]:
    """Read one of the package's YAML data files."""
    with resources.files("gestae").joinpath("data", name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _alt(phrases: list[str] | set[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _phrase_re(phrase: str) -> str:
    """A phrase with "..." standing for up to three free words."""
    parts = [_alt([chunk.strip()]) for chunk in phrase.lower().split("...")]
    return r"(?:\s+[\w'’-]+){0,3}?\s+".join(parts)


_NUMBERS = _load("quantities_numbers.yaml")
_CASUALTY = _load("quantities_casualties.yaml")
_NOUNS = _load("quantities_nouns.yaml")

_SMALL: dict[str, int] = {**_NUMBERS["units"], **_NUMBERS["tens"]}
_SCALES: dict[str, int] = _NUMBERS["scales"]
_COLLECTIVES: dict[str, int] = _NUMBERS["collectives"]
_VAGUE: dict[str, int] = _NUMBERS["vague"]
_UNKNOWN: list[str] = _NUMBERS["unknown"]
_QUALIFIERS: dict[str, list[str]] = _NUMBERS["qualifiers"]
_QUAL_KIND = {q: kind for kind, qs in _QUALIFIERS.items() for q in qs}

_PERSON_SINGULAR = set(_NOUNS["people"]["singular"])
_PERSON_PLURAL = set(_NOUNS["people"]["plural"])
_PERSON_WORDS = {w for p in _PERSON_SINGULAR | _PERSON_PLURAL for w in p.split()}
_THINGS: dict[str, str] = {form: canon for canon, forms in _NOUNS["things"].items()
                           for form in forms}
_NON_PERSON = ({f for f in _THINGS if f not in _PERSON_PLURAL | _PERSON_SINGULAR}
               | set(_NOUNS["units"])) - {"m"}
_LABELS = {w.rstrip(".") for w in _NOUNS["labels"]}

_NUMBER_WORDS = [*_SMALL, *_SCALES, *_COLLECTIVES]
_WORD = rf"(?:{_alt(_NUMBER_WORDS)})"
_WORDNUM = (rf"(?:(?:half\s+)?(?:a|an)\s+(?={_alt([*_SCALES, *_COLLECTIVES])}\b))?{_WORD}"
            rf"(?:[\s-]+{_WORD}|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+{_WORD})*")
_DIGITNUM = (r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?)"
             r"(?:\s*(?:million|thousand|hundred|billion|bn)\b)?")
_NUM = rf"(?:{_DIGITNUM}|{_WORDNUM})"
_VAGUE_PLURAL = [v for v in _VAGUE if v.endswith("s") and " " not in v]
_VAGUE_RE = (
    rf"(?:(?:tens|scores)(?=\s+of\b)|{_alt([v for v in _VAGUE if v not in ('tens', 'scores')])})"
    r"(?:\s+of\s+(?:thousands|millions|hundreds)\b)?")
_FIGURE_RE = re.compile(
    rf"(?<![\w$£€.,/-])(?:(?P<qual>{_alt(list(_QUAL_KIND))})\s+)?(?:"
    rf"(?:between|from)\s+(?P<r1>{_NUM})\s+(?:and|to|-)\s+(?P<r2>{_NUM})"
    rf"|(?P<r3>\d[\d,]*)\s*(?:-|–|to)\s*(?P<r4>\d[\d,]*)(?=\s+(?!votes?\b)[a-z])"
    rf"|(?P<num>{_NUM})(?P<post>\s+or\s+more|\s+and\s+more|-?plus\b|\+)?"
    rf"|(?P<vague>{_VAGUE_RE})"
    rf"|(?P<unk>{_alt(_UNKNOWN)})"
    r")(?![\w])(?!-(?!year))",
    re.IGNORECASE,
)
_DIGITS_RE = re.compile(
    r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(hundred|thousand|million|billion|bn|m|k))?")
_COMPOSITE_VAGUE_RE = re.compile(
    r"(tens|dozens|scores|hundreds)\s+of\s+(thousands|millions|hundreds)")
_DIGIT_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
                 "bn": 10**9, "m": 10**6, "k": 1000}
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")

_ROLE_OF: dict[str, dict[str, str]] = {"passive": {}, "active": {}}
_INTRANSITIVE: set[str] = set()
for _role, _lists in _CASUALTY["roles"].items():
    for _p in _lists["passive"]:
        _ROLE_OF["passive"][_p] = _role
    for _p in _lists["active"]:
        _ROLE_OF["active"][_p] = _role
    _INTRANSITIVE.update(_lists.get("intransitive", []))
_PASSIVE_ALT = "|".join(_phrase_re(p) for p in sorted(_ROLE_OF["passive"], key=len, reverse=True))
_PASSIVE_RES = [(re.compile(rf"(?:{_phrase_re(p)})", re.IGNORECASE), p)
                for p in sorted(_ROLE_OF["passive"], key=len, reverse=True)]
_AUX = _alt(_CASUALTY["auxiliaries"])
_STOP = _alt(_CASUALTY["np_stop_words"])
_SUBSET = _alt(_CASUALTY["subset_openers"])
_ASIDES = _alt(_CASUALTY["subset_openers"] + _CASUALTY["asides"])
_NP_WORD = (r"(?:of\s+(?:the|them|those|these|whom|their|his|her|a|an)|\([^()]{1,40}\)|"
            rf"(?!(?:{_STOP})\b)[\w'’-]+)")
_RIGHT_RE = re.compile(
    rf"(?P<np>(?:\s+{_NP_WORD}){{0,6}}?)"
    rf"(?P<sub>\s*,\s*(?:{_ASIDES})\s[^,;]{{1,80}},|\s+(?:{_SUBSET})\s[^,;]{{1,60}}?)?"
    rf"(?P<aux>(?:\s+(?:{_AUX}))*)\s+(?P<cas>{_PASSIVE_ALT})(?![\w])",
    re.IGNORECASE,
)
_LEFT_ACTIVE_RE = re.compile(rf"(?<![\w])(?P<verb>{_alt(list(_ROLE_OF['active']))})\s+$",
                             re.IGNORECASE)
_LEFT_TOLL_RE = re.compile(
    rf"(?:{_alt(_CASUALTY['death_toll'])})(?:\s+[\w'’,-]+){{0,5}}?\s+"
    rf"(?:{_alt(_CASUALTY['toll_links'])})\s+$",
    re.IGNORECASE,
)
_ZERO_NOUNS: dict[str, list[str]] = _CASUALTY["zero_nouns"]
_ZERO_PRON_RE = re.compile(
    rf"\b(?:no[\s-]+one|nobody|none)(?:\s+(?:else|of\s+(?:them|the\s+\w+)))?"
    rf"(?P<aux>(?:\s+(?:{_AUX}))*)\s+(?P<cas>{_PASSIVE_ALT})(?![\w])"
    rf"(?:\s+or\s+(?P<cas2>{_PASSIVE_ALT})(?![\w]))?",
    re.IGNORECASE,
)
_ZERO_NOUN_RE = re.compile(
    r"\b(?:no|zero|nil|without(?:\s+any)?)\s+"
    r"(?:(?:immediate|reported|further|human|civilian|confirmed|serious|major|other|new)\s+)?"
    rf"(?P<noun>{_alt(list(_ZERO_NOUNS))})\b"
    rf"(?:\s+(?:or|and|nor)\s+(?P<noun2>{_alt(list(_ZERO_NOUNS))})\b)?",
    re.IGNORECASE,
)
_ART_RE = re.compile(
    rf"\b(?P<art>a|an|the)\s+(?P<np>(?:[\w'’-]+\s+){{0,2}}?)(?P<noun>{_alt(_PERSON_SINGULAR)})"
    r"\b(?!['’-])",
    re.IGNORECASE,
)
_COORD_RE = re.compile(
    rf"(?P<np>(?:\s+{_NP_WORD}){{0,6}}?)"
    r"(?P<link>\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)",
    re.IGNORECASE)
_UNIT_AFTER_RE = re.compile(rf"\s*-?\s*(?:{_alt(_NOUNS['units'])})(?![\w])", re.IGNORECASE)
_PREV_WORD_RE = re.compile(r"([\w.'’-]+)\s*$")
_NEXT_WORD_RE = re.compile(r"\s*([\w'’-]+)")
_OBJECT_WORDS = {"the", "a", "an", "his", "her", "their", "its", "them", "him", "at", "more",
                 "some", "several", "dozens", "hundreds", "scores", "up", "nearly", "about",
                 "over", "around", "as", "no", "one", "two", "three"}
_BLOCK_BEFORE = {"no", "any", "each", "every", "which", "this", "that", "the",
                 "same", "only", "aged", "age", "ages"} | _LABELS
_COMPLEMENTIZERS = {"that", "which"}
_SUBSET_BEFORE_RE = re.compile(rf"(?:{_SUBSET})\b[^;]*$", re.IGNORECASE)
_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|whom)\b", re.IGNORECASE)
_TIME_WORDS = _load("time_words.yaml")
_MONTH_NAMES = set(_TIME_WORDS["months"])
_WEEKDAY_NAMES = set(_TIME_WORDS["weekdays"])
_MULTI_PERSON = sorted(p for p in _PERSON_PLURAL | _PERSON_SINGULAR if " " in p)
_CLAUSE_BREAK_RE = re.compile(r";|\s(?:while|whereas|but|meanwhile|although|though)\s",
                              re.IGNORECASE)
_THINGS_RE = re.compile(
    rf"(?P<mods>(?:\s+of)?(?:\s+(?:the\s+)?[\w'’-]+){{0,2}}?)\s+(?P<thing>{_alt(list(_THINGS))})"
    r"\b(?!['’]s)",
    re.IGNORECASE,
)
_MORE_THING_RE = re.compile(rf"\s+(?P<thing>{_alt(list(_THINGS))})\b(?!['’]s)", re.IGNORECASE)
_VOTE_RE = re.compile(
    r"(?<![\w.,])(?P<a>\d{1,4})\s*(?:votes?\s+)?(?:-|–|to)\s*(?P<b>\d{1,4})(?![\w])",
    re.IGNORECASE,
)
_VOTE_CONTEXT_RE = re.compile(r"\b(?:vot\w*|ballots?|in\s+favou?r|abstain\w*|abstentions?)\b",
                              re.IGNORECASE)


_NV: dict[str, list[str]] = _CASUALTY["named_victims"]
_NOT_NAMES = set(_NV["not_names"]) | _MONTH_NAMES | _WEEKDAY_NAMES
_HEDGES = {h.lower() for h in _NV["hedges"]}
_CAP = r"(?-i:[A-Z][\w'’.-]*)"
_NAMES = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
_NAME_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_AFTER_NAME = {w.lower() for w in _CASUALTY["np_stop_words"]} | {
    "in", "at", "on", "near", "during", "outside", "inside", "today", "yesterday", "last",
    "this", "early", "late", "because", "for", "from", "as", "over", "earlier", "later",
    "was", "were", "is", "are", "has", "had", "have"}
_NAMED_PASSIVE_RE = re.compile(
    rf"(?<![\w'’-])(?P<subj>(?-i:[Hh]e|[Ss]he)|{_NAMES}(?:\s*,\s*{_NAMES})*"
    rf"(?:,?\s+and\s+{_NAMES})?)"
    rf"(?P<aside>\s*,[^,;]{{1,80}},|\s*,(?=\s+(?:was|were)\b))?(?:\s+(?P<aux>was|were|has\s+been|had\s+been|have\s+been))?"
    rf"(?:\s+(?P<adv>\w+ly))?\s+(?P<verb>{_alt(_NV['passive'] + _NV['intransitive'])})"
    r"(?![\w'’-])",
    re.IGNORECASE)
_NAMED_ACTIVE_RE = re.compile(
    rf"(?<![\w'’-])(?P<verb>{_alt(_NV['active'])})\s+"
    rf"(?P<obj>(?:[\w'’.-]+\s+){{0,3}}?{_NAMES}(?:\s+and\s+(?:[\w'’.-]+\s+){{0,3}}?{_NAMES})?)"
    rf"(?=\s*(?:[,.;:!?)]|$)|\s+(?-i:(?:{_alt(_AFTER_NAME)}))\b)",
    re.IGNORECASE)


@dataclass
class Figure:
    """One casualty figure found in a sentence: its role, value and where it is."""

    role: str
    count: Count
    start: int  # the number phrase
    end: int
    subset: bool = False
    text_start: int | None = None  # the whole phrase ("34 soldiers suffered brain injuries")
    text_end: int | None = None


def parse_number(text: str, *, allow_vague: bool = True) -> int | None:
    """Value of a number written in digits or words ("1,200", "twenty-five", "a dozen").

    Returns None for anything that is not wholly a number. With ``allow_vague`` the vague
    words of the data file count too ("dozens" -> 12, "tens of thousands" -> 10000), per the
    conventions in this module's docstring. Decimals need a scale ("1.5 million").
    """
    s = " ".join(text.strip().lower().replace("\u2013", "-").split())
    if not s:
        return None
    m = _DIGITS_RE.fullmatch(s)
    if m:
        whole, frac, scale = m.groups()
        number = float(f"{whole.replace(',', '')}.{frac or 0}")
        if scale:
            return int(round(number * _DIGIT_SCALES[scale]))
        return None if frac else int(number)
    if allow_vague:
        if s in _VAGUE:
            return _VAGUE[s]
        m = _COMPOSITE_VAGUE_RE.fullmatch(s)
        if m:
            return _VAGUE[m.group(1)] * _VAGUE[m.group(2)]
    return _parse_words(s)


def _parse_words(s: str) -> int | None:
    """Number words to an int: "two hundred and fifty", "half a million", "a dozen"."""
    tokens = [t for t in re.split(r"[\s-]+", s) if t != "and"]
    if len(tokens) > 1 and tokens[-1] == "of" and tokens[-2] in _COLLECTIVES:
        tokens = tokens[:-1]
    factor = 1.0
    if tokens[:1] == ["half"]:
        factor, tokens = 0.5, tokens[1:]
    if tokens[:1] in (["a"], ["an"]):
        if len(tokens) < 2 or (tokens[1] not in _SCALES and tokens[1] not in _COLLECTIVES):
            return None
        tokens = ["one", *tokens[1:]]
    if not tokens:
        return None
    total = current = 0
    for tok in tokens:
        if tok in _SMALL:
            current += _SMALL[tok]
        elif tok in _COLLECTIVES:
            current = (current or 1) * _COLLECTIVES[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return int(round((total + current) * factor))


def _count_from_match(m: re.Match[str]) -> Count | None:
    """The Count a figure regex match stands for, per the module conventions."""
    text = m.group(0)
    if m.group("unk"):
        return Count(text=text, unknown=True)
    if m.group("vague"):
        value = parse_number(m.group("vague"))
        return None if value is None else Count(low=value, best=value, text=text)
    low_s, high_s = m.group("r1") or m.group("r3"), m.group("r2") or m.group("r4")
    if low_s and high_s:
        low, high = parse_number(low_s), parse_number(high_s)
        if low is None or high is None or high <= low:
            return None
        return Count(low=low, best=low, high=high, text=text)
    value = parse_number(m.group("num"), allow_vague=False)
    if value is None:
        return None
    kind = _QUAL_KIND.get(" ".join((m.group("qual") or "").lower().split()))
    if m.group("post"):
        kind = "lower"
    if kind == "lower":
        return Count(low=value, best=value, text=text)
    if kind == "upper":
        return Count(best=value, high=value, text=text)
    if kind == "approximate":
        return Count(best=value, text=text)
    return Count(low=value, best=value, high=value, text=text)


def _is_label_or_measure(text: str, m: re.Match[str], sent_start: int) -> bool:
    """True for numbers that are not counts: "Highway 1", "January 13", "2003", "20%"."""
    if m.group("num") and not m.group("qual"):
        before = _PREV_WORD_RE.search(text, max(sent_start, m.start() - 30), m.start())
        if before:
            word = before.group(1).lower().rstrip(".")
            if word in _BLOCK_BEFORE and not (
                    word in _COMPLEMENTIZERS and m.group("num")[:1].isdigit()):
                return True  # "that one", but "said that 34 soldiers were injured" counts
            word_text = before.group(1).rstrip(".")
            if word_text in _MONTH_NAMES:
                return True  # "January 13" is a date
            if (word_text[:1].isupper() and m.group("num")[:1].isdigit()
                    and word_text not in _WEEKDAY_NAMES
                    and not _sentence_initial(text, before.start(), sent_start)):
                nxt = _NEXT_WORD_RE.match(text, m.end())
                if not (nxt and nxt.group(1).lower() in _PERSON_WORDS):
                    return True  # "Ali 40 was shot": an age after a name
        if _YEAR_RE.fullmatch(m.group("num")):
            nxt = _NEXT_WORD_RE.match(text, m.end())
            if not (nxt and nxt.group(1).lower() in _PERSON_PLURAL):
                return True  # "the 2003 invasion", "in 2019"
    return bool(_UNIT_AFTER_RE.match(text, m.end()))


def _sentence_initial(text: str, pos: int, sent_start: int) -> bool:
    """Whether the word at ``pos`` opens its sentence (so its capital says nothing)."""
    head = text[sent_start:pos].rstrip()
    return not head or head[-1] in ".!?\"“:"


def _np_ok(np: str, *, allow_empty: bool = True) -> bool:
    """The words between a figure and its casualty word name people (or nothing)."""
    words = [w for w in re.split(r"\s+", np.strip()) if w]
    if not words:
        return allow_empty
    lowered = [w.lower().strip("'’") for w in words]
    if any(w in _NON_PERSON for w in lowered):
        return False
    if any(w.isdigit() or w in _SMALL for w in lowered):
        return False
    if lowered[-1] in {"the", "a", "an", "his", "their", "those", "her", "its"}:
        return False  # "one of the injured": the casualty word is a noun here
    joined = " ".join(lowered)
    if any(p in joined for p in _MULTI_PERSON):
        return True
    return any(w in _PERSON_WORDS or (o[:1].isupper() and w.endswith("s"))
               for w, o in zip(lowered, words, strict=True))


def _cas_role(cas: str) -> tuple[str, str]:
    """Role and data-file phrase of a matched passive casualty expression."""
    for regex, phrase in _PASSIVE_RES:
        if regex.fullmatch(cas.lower()):
            return _ROLE_OF["passive"][phrase], phrase
    return "killed", cas.lower()


def _looks_active(text: str, pos: int, end: int) -> bool:
    """Whether the verb ending at ``pos`` takes an object ("killed three soldiers")."""
    nxt = _NEXT_WORD_RE.match(text, pos, end)
    if not nxt:
        return False
    word = nxt.group(1).lower()
    return word in _OBJECT_WORDS or word in _PERSON_WORDS or word[:1].isdigit() or (
        word in _SMALL)


def _right_role(text: str, m: re.Match[str], end: int) -> tuple[str, int] | None:
    """Role from the words after a figure ("three demonstrators were shot dead")."""
    r = _RIGHT_RE.match(text, m.end(), end)
    if not r or not _np_ok(r.group("np")):
        return None
    role, phrase = _cas_role(r.group("cas"))
    if not r.group("aux").strip() and phrase not in _INTRANSITIVE and _looks_active(
            text, r.end(), end):
        return None
    return role, r.end()


def _left_role(text: str, start: int, clause_start: int) -> str | None:
    """Role from the words before a figure ("killing one", "the death toll rose to 20")."""
    window = max(clause_start, start - 80)
    if _LEFT_TOLL_RE.search(text, window, start):
        return "killed"
    lm = _LEFT_ACTIVE_RE.search(text, max(clause_start, start - 40), start)
    if lm:
        return _ROLE_OF["active"][" ".join(lm.group("verb").lower().split())]
    return None


def _left_start(text: str, start: int, clause_start: int) -> int:
    """Where the words giving a figure its role begin ("killing" in "killing one")."""
    window = max(clause_start, start - 80)
    found = _LEFT_TOLL_RE.search(text, window, start) or _LEFT_ACTIVE_RE.search(
        text, max(clause_start, start - 40), start)
    return found.start() if found else start


def _is_subset(text: str, start: int, end: int, clause_start: int) -> bool:
    """Figures inside "including ..." or followed by "of them" restate part of a group."""
    if _SUBSET_BEFORE_RE.search(text, max(clause_start, start - 45), start):
        return True
    return bool(_OF_THEM_RE.match(text, end))


@dataclass
class _Mention:
    """A number phrase (or "a policeman") before its role is known."""

    start: int
    end: int  # end of the number phrase, or of the person noun for "a policeman"
    count: Count
    clause_start: int
    role: str | None = None
    source: str | None = None  # "left", "right" or "coordinated"
    text_start: int = 0
    text_end: int = 0
    article: bool = False


def _number_mentions(text: str, sent_start: int, sent_end: int,
                     taken: list[tuple[int, int]]) -> list[_Mention]:
    """Number phrases of a sentence with the role their own context gives them."""
    found: list[_Mention] = []
    for m in _FIGURE_RE.finditer(text, sent_start, sent_end):
        if _overlaps(m.span(), taken) or _is_label_or_measure(text, m, sent_start):
            continue
        count = _count_from_match(m)
        if count is None:
            continue
        men = _Mention(m.start(), m.end(), count, _clause_start(text, sent_start, m.start()),
                       text_start=m.start(), text_end=m.end())
        nxt = _NEXT_WORD_RE.match(text, m.end(), sent_end)
        if nxt and nxt.group(1).lower() in _NON_PERSON:
            found.append(men)  # "three rockets": kept only to block coordination
            men.source = "thing"
            continue
        role = _left_role(text, m.start(), men.clause_start)
        if role is not None:
            men.role, men.source = role, "left"
            men.text_start = _left_start(text, m.start(), men.clause_start)
            if nxt and nxt.group(1).lower() in _PERSON_WORDS:
                men.text_end = nxt.end()
        else:
            right = _right_role(text, m, sent_end)
            if right is not None:
                men.role, men.text_end = right
                men.source = "right"
        found.append(men)
    for a in _ART_RE.finditer(text, sent_start, sent_end):
        if _overlaps(a.span(), taken) or _overlaps(a.span(), [(f.start, f.end) for f in found]):
            continue
        if not _np_ok(a.group("np") + " " + a.group("noun")):
            continue
        men = _Mention(a.start(), a.end(), Count(1, 1, 1), _clause_start(
            text, sent_start, a.start()), text_start=a.start(), text_end=a.end(), article=True)
        role = _left_role(text, a.start(), men.clause_start)
        if role is not None:
            men.role, men.source = role, "left"
            men.text_start = _left_start(text, a.start(), men.clause_start)
        else:
            r = _RIGHT_RE.match(text, a.end(), sent_end)
            if r and _modifier_ok(r.group("np")):
                role, phrase = _cas_role(r.group("cas"))
                active = (not r.group("aux").strip() and phrase not in _INTRANSITIVE
                          and _looks_active(text, r.end(), sent_end))
                if not active:
                    men.role, men.source, men.text_end = role, "right", r.end()
        found.append(men)
    found.sort(key=lambda x: x.start)
    return found


def _modifier_ok(np: str) -> bool:
    """Words after "a policeman" before its verb: no things, no numbers."""
    lowered = [w.lower() for w in np.split()]
    return not any(w in _NON_PERSON or w.isdigit() or w in _SMALL for w in lowered)


def _coordinated(text: str, first: _Mention, second: _Mention) -> bool:
    """Whether two mentions are joined as one group: "three militants and two soldiers"."""
    c = _COORD_RE.fullmatch(text, first.end, second.start)
    if not c or first.source == "thing" or second.source == "thing":
        return False
    if "and" not in c.group("link").lower() and second.source != "coordinated":
        return False  # "A, B were killed": only a list closed by "and" ("A, B and C")
    np = c.group("np")
    return _modifier_ok(np) if first.article else _np_ok(np)


def _propagate(text: str, mentions: list[_Mention]) -> None:
    """Share a role along coordinated mentions, right to left ("A and B were killed") and
    left to right ("killed two soldiers and three civilians")."""
    for i in range(len(mentions) - 2, -1, -1):
        first, second = mentions[i], mentions[i + 1]
        if first.role is None and second.source in ("right", "coordinated") and _coordinated(
                text, first, second):
            first.role, first.source = second.role, "coordinated"
            first.text_end = max(second.text_end, second.end)
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if second.role is None and first.source in ("left", "coordinated") and _coordinated(
                text, first, second):
            second.role, second.source = first.role, "coordinated"
            second.text_start = first.text_start


def casualty_figures(text: str, sent_start: int, sent_end: int) -> list[Figure]:
    """Every casualty figure of a sentence, whatever event it belongs to, in text order."""
    return [replace(f, count=replace(f.count)) for f in _figures(text, sent_start, sent_end)]


@lru_cache(maxsize=512)
def _figures(text: str, sent_start: int, sent_end: int) -> tuple[Figure, ...]:
    """Cached: a sentence with several events is read once (callers get copies)."""
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for z in _ZERO_PRON_RE.finditer(text, sent_start, sent_end):
        for group in ("cas", "cas2"):
            if z.group(group):
                role = _cas_role(z.group(group))[0]
                figures.append(Figure(role, Count(0, 0, 0, z.group(0)), z.start(), z.end(),
                                      text_start=z.start(), text_end=z.end()))
        taken.append(z.span())
    for z in _ZERO_NOUN_RE.finditer(text, sent_start, sent_end):
        roles = [r for g in ("noun", "noun2") if z.group(g)
                 for r in _ZERO_NOUNS[" ".join(z.group(g).lower().split())]]
        for role in dict.fromkeys(roles):
            figures.append(Figure(role, Count(0, 0, 0, z.group(0)), z.start(), z.end(),
                                  text_start=z.start(), text_end=z.end()))
        taken.append(z.span())
    mentions = _number_mentions(text, sent_start, sent_end, taken)
    _propagate(text, mentions)
    for men in mentions:
        if men.role is None or men.source == "thing":
            continue
        men.count.text = text[men.text_start:max(men.text_end, men.end)]
        subset = _is_subset(text, men.start, men.end, men.clause_start)
        figures.append(Figure(men.role, men.count, men.start, men.end, subset,
                              men.text_start, max(men.text_end, men.end)))
    figures += _named_figures(text, sent_start, sent_end, figures)
    figures.sort(key=lambda f: f.start)
    return tuple(figures)


def _is_name(chunk: str) -> bool:
    """A named person: capitalised words, none a sentence opener, month or people noun
    (a title before the name is allowed: "reporter Ana Lopez", "Reporters Ana Lopez")."""
    words = chunk.split()
    while len(words) > 1 and words[0].lower() in _PERSON_WORDS and words[1][:1].isupper():
        words = words[1:]
    caps = [w for w in words if w[:1].isupper()]
    if not caps or not words[-1][:1].isupper():
        return False
    lowered = [w.lower().strip(",.") for w in words]
    if any(w in _AFTER_NAME or w in _SMALL or w in _NON_PERSON or w in _PERSON_PLURAL
           or w[:1].isdigit() for w in lowered):
        return False
    return not any(w.rstrip(".") in _NOT_NAMES for w in caps)


def _named_role(verb: str, kind: str) -> str:
    phrase = " ".join(verb.lower().split())
    return _ROLE_OF[kind].get(phrase) or _ROLE_OF["passive"].get(phrase) or "killed"


def _named_figures(text: str, sent_start: int, sent_end: int, found: list[Figure]
                   ) -> list[Figure]:
    """Named victims counted one each ("Roberto Garcia was killed", "killed Ali and Omar"),
    where the clause has no figure of that role already."""
    out: list[Figure] = []

    def add(role: str, n: int, start: int, end: int) -> None:
        lo = _clause_start(text, sent_start, start)
        brk = _CLAUSE_BREAK_RE.search(text, end, sent_end)
        hi = brk.start() if brk else sent_end
        if any(f.role == role and lo <= f.start < hi for f in [*found, *out]):
            return
        out.append(Figure(role, Count(n, n, n, text[start:end]), start, end,
                          text_start=start, text_end=end))

    for m in _NAMED_PASSIVE_RE.finditer(text, sent_start, sent_end):
        if (m.group("adv") or "").lower() in _HEDGES:
            continue
        subj, aux = m.group("subj"), (m.group("aux") or "").lower()
        if not aux and m.group("verb").lower() not in _NV["intransitive"]:
            continue  # "Ali killed": not a passive
        if aux and m.group("verb").lower() in _NV["intransitive"]:
            continue
        parts_guess = [p for p in _NAME_SPLIT_RE.split(subj) if p]
        plural = aux.startswith(("were", "have")) if aux else len(parts_guess) > 1
        if subj.lower() in ("he", "she"):
            parts = [subj] if not plural else []
        else:
            parts = [p for p in _NAME_SPLIT_RE.split(subj) if p]
            if not all(_is_name(p) for p in parts) or (len(parts) > 1) != plural:
                continue
        if parts:
            add(_named_role(m.group("verb"), "passive"), len(parts), m.start(), m.end())
    for m in _NAMED_ACTIVE_RE.finditer(text, sent_start, sent_end):
        parts = [p for p in re.split(r"\s+and\s+", m.group("obj")) if p]
        if all(_is_name(p) for p in parts):
            end = m.end("obj") - (m.group("obj").endswith("."))  # "killed Kennedy."
            add(_named_role(m.group("verb"), "active"), len(parts), m.start(), end)
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last strong break before it."""
    last = sent_start
    for b in _CLAUSE_BREAK_RE.finditer(text, sent_start, pos):
        last = b.end()
    return last


def _distance(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans plus a penalty for each clause break between them."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    gap = max(0, hi - lo)
    breaks = len(_CLAUSE_BREAK_RE.findall(text, lo, hi)) if hi > lo else 0
    return gap + _CLAUSE_PENALTY * breaks


def _sum_counts(counts: list[Count]) -> Count:
    """Several figures of one role in a sentence, added up."""
    if len(counts) == 1:
        return counts[0]
    known = [c for c in counts if not c.unknown]
    if not known:
        return Count(unknown=True, text="; ".join(c.text or "" for c in counts))

    def total(attr: str) -> int | None:
        values = [getattr(c, attr) for c in known]
        return None if any(v is None for v in values) else sum(values)

    return Count(total("low"), total("best"), total("high"),
                 "; ".join(c.text or "" for c in known))


def extract_casualties(text: str, sent_start: int, sent_end: int, trigger_start: int,
                       trigger_end: int, other_triggers: list[tuple[int, int]]) -> Casualties:
    """Killed, injured and arrested figures of the event whose trigger is given.

    Only ``text[sent_start:sent_end]`` is read. A figure belongs to the nearest trigger (this
    one or one of ``other_triggers``), a clause break (";", "while", "but") counting as
    distance; ties go to this trigger.
    """
    result = Casualties()
    for role, figs in _own_figures(text, sent_start, sent_end, trigger_start, trigger_end,
                                   other_triggers).items():
        setattr(result, role, _sum_counts([f.count for f in figs]))
    return result


def _own_figures(text: str, sent_start: int, sent_end: int, trigger_start: int,
                 trigger_end: int, other_triggers: list[tuple[int, int]]
                 ) -> dict[str, list[Figure]]:
    """The figures of one event by role (subsets dropped when a whole is given)."""
    own = (trigger_start, trigger_end)
    others = [t for t in other_triggers if t != own]
    by_role: dict[str, list[Figure]] = {}
    for fig in casualty_figures(text, sent_start, sent_end):
        span = (fig.start, fig.end)
        mine = _distance(text, span, own)
        if any(_distance(text, span, o) < mine for o in others):
            continue
        by_role.setdefault(fig.role, []).append(fig)
    return {role: [f for f in figs if not f.subset] or figs[:1]
            for role, figs in by_role.items()}


def casualty_reports(text: str, sent_start: int, sent_end: int, trigger_start: int,
                     trigger_end: int, other_triggers: list[tuple[int, int]],
                     source: str | None = None) -> list[dict[str, Any]]:
    """The figures one event mention states, one entry per role, with who reported them.

    Each entry: ``{"role", "value", "low", "high", "text", "source", "start", "end"}`` where
    ``value`` is the figure's best value (several figures of a role in the sentence are added
    up, as in :func:`extract_casualties`), ``start``/``end`` span its phrases and
    ``source`` is the speaker given ("the Pentagon", "Iranian state TV") or None. Figures
    of "an unknown number" are left out. Feed the entries of every mention of one incident
    to :func:`contradictions`.
    """
    out: list[dict[str, Any]] = []
    for role, figs in _own_figures(text, sent_start, sent_end, trigger_start, trigger_end,
                                   other_triggers).items():
        count = _sum_counts([f.count for f in figs])
        if count.unknown or count.best is None:
            continue
        start = min(f.start if f.text_start is None else f.text_start for f in figs)
        end = max(f.end if f.text_end is None else f.text_end for f in figs)
        out.append({"role": role, "value": count.best, "low": count.low, "high": count.high,
                    "text": count.text, "source": source, "start": start, "end": end})
    return out


def _bounds(entry: dict[str, Any]) -> tuple[float, float]:
    """The values a reported figure allows: exact [v, v], floor [v, inf), ceiling [0, v]."""
    best, low, high = entry["value"], entry.get("low"), entry.get("high")
    lo = low if low is not None else (0 if high is not None else best)
    hi = high if high is not None else (math.inf if low is not None else best)
    return float(lo), float(hi)


def contradictions(reports: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The figures of one incident that disagree, all kept, each with its source.

    ``reports`` are :func:`casualty_reports` entries from every mention of the incident in
    an article, in text order. For each role whose figures cannot all be true together
    (their bounds do not overlap: "zero casualties" against "34 soldiers suffered brain
    injuries"; "at least 10" and "12" agree) every figure of that role is returned, once per
    (value, bounds, source), in text order, to fill ``casualties.reported``. Roles on which
    the reports agree give nothing: an empty list means no contradiction.
    """
    by_role: dict[str, list[dict[str, Any]]] = {}
    for entry in reports:
        by_role.setdefault(entry["role"], []).append(entry)
    out: list[dict[str, Any]] = []
    for entries in by_role.values():
        bounds = [_bounds(e) for e in entries]
        clash = any(a[1] < b[0] or b[1] < a[0]
                    for i, a in enumerate(bounds) for b in bounds[i + 1:])
        if not clash:
            continue
        seen: set[tuple[Any, ...]] = set()
        for entry in entries:
            key = (entry["value"], entry.get("low"), entry.get("high"), entry.get("source"))
            if key not in seen:
                seen.add(key)
                out.append(dict(entry))
    out.sort(key=lambda e: (e.get("start") is None, e.get("start") or 0))
    return out


def extract_quantities(text: str, sent_start: int, sent_end: int) -> list[Quantity]:
    """Counts worth keeping other than casualties: weapons, troops, crowds, votes.

    "109 Katyusha rockets" -> Quantity("rockets", 109); "170 to 0" in a vote ->
    "votes for" 170 and "votes against" 0. Casualty figures are not repeated.
    """
    found: list[Quantity] = []
    taken = [(f.start, f.end) for f in casualty_figures(text, sent_start, sent_end)]
    if _VOTE_CONTEXT_RE.search(text, sent_start, sent_end):
        for v in _VOTE_RE.finditer(text, sent_start, sent_end):
            if _overlaps(v.span(), taken):
                continue
            for what, group in (("votes for", "a"), ("votes against", "b")):
                found.append(Quantity(what, int(v.group(group)), v.group(0), v.start(), v.end()))
            taken.append(v.span())
    for m in _FIGURE_RE.finditer(text, sent_start, sent_end):
        if m.group("unk") or _overlaps(m.span(), taken):
            continue
        if _is_label_or_measure(text, m, sent_start):
            continue
        count = _count_from_match(m)
        t = _THINGS_RE.match(text, m.end(), sent_end)
        if count is None or count.best is None or t is None:
            continue
        mods = t.group("mods").lower().split()
        if any(w in _NON_PERSON or w in _SMALL for w in mods if w not in ("of", "the")):
            continue
        end, thing = t.end(), t.group("thing")
        more = _MORE_THING_RE.match(text, end, sent_end)
        if more:
            end, thing = more.end(), more.group("thing")
        after = _NEXT_WORD_RE.match(text, end, sent_end)
        if thing[:1].isupper() and after and after.group(1)[:1].isupper():
            continue  # "Two Central Reserve Police Force troopers": part of a name
        what = _THINGS[" ".join(thing.lower().split())]
        found.append(Quantity(what, count.best, text[m.start():end], m.start(), end))
        taken.append((m.start(), end))
    found.sort(key=lambda q: q.start or 0)
    return found


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The loaded word lists (for inspection and for other stages that need them)."""
    return {"numbers": _NUMBERS, "casualties": _CASUALTY, "nouns": _NOUNS}
