"""The actor knowledge base: data files -> entries -> one compiled phrase index.

Data files are YAML mappings with any of the sections ``countries``, ``organisations``,
``people``, ``roles``, ``markers`` and ``settings`` (see the comments at the top of each file
in ``data/``). Files load in order, built-in first, then user files; an entry whose ``id`` was
seen before updates it field by field (``remove: true`` deletes it), and a phrase registered
again points to the later entry.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language

DATA_DIR = Path(__file__).parent / "data"
BUILTIN_FILES = ("countries.yaml", "entities.yaml", "institutions.yaml", "organisations.yaml",
                 "people.yaml", "roles.yaml")
ENV_VAR = "GESTAE_ACTORS"
# The PLOVER sector codes (manual, "Sector Codes"): data files are checked against them.
SECTORS = frozenset({"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
                     "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP",
                     "PRE", "REL", "SOC"})

# How a phrase in the index is used.
NAME, DEMONYM, CAPITAL, ROLE, MARKER = "name", "demonym", "capital", "role", "marker"


class ActorDataError(ValueError):
    """A data file is malformed: the message names the file and the entry."""


@dataclass(frozen=True)
class Term:
    """A time-bounded coding of an entry (an office held, a group in power)."""

    start: dt.date | None
    end: dt.date | None
    sector: str | None
    sectors: tuple[str, ...] = ()
    country: str | None = None
    code: str | None = None
    title: str | None = None
    overrides_country: bool = False

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Entry:
    """One actor, role or marker the resolver knows."""

    id: str
    type: str  # country, organisation, person, role, marker
    name: str
    kind: str | None = None
    country: str | None = None
    code: str | None = None
    sector: str | None = None
    sectors: tuple[str, ...] = ()
    aligned: str | None = None
    place: bool = False
    relational: bool = False
    member: bool = False
    aligns: bool = False
    alt: dict[str, str] = field(default_factory=dict)
    effect: str | None = None
    sector_before: str | None = None
    terms: tuple[Term, ...] = ()
    translit: bool = False
    phrases: dict[str, list[str]] = field(default_factory=dict)  # use -> phrases


@dataclass(frozen=True)
class Pattern:
    """A phrase of the index: which entry, used how, with per-token case constraints."""

    entry_id: str
    use: str
    case: tuple[int, ...]  # per token: 0 any, 1 needs a capital, 2 acronym (no lower case)
    skeleton: bool = False
    norms: tuple[str, ...] = ()  # the data tokens, to guard skeleton matches


@dataclass
class KnowledgeBase:
    """Entries by id, the phrase tries and the word-list settings."""

    entries: dict[str, Entry]
    exact: dict[str, Any]
    skeleton: dict[str, Any]
    settings: dict[str, frozenset[str]]
    country_names: dict[str, str]

    def get(self, entry_id: str) -> Entry:
        return self.entries[entry_id]


# --------------------------------------------------------------------------- normalisation

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower case, accents and punctuation removed: "Kata'ib" -> "kataib", "U.S." -> "us"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub("", folded)


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonant skeleton for transliterated names: Hizballah, Hezbollah -> "zbl"."""
    base = norm(text).replace("q", "k").replace("gh", "k").replace("ph", "f")
    if len(base) < 4 or base.isdigit():
        return base
    out = base[0] + _VOWELS.sub("", base[1:]).replace("h", "")
    return _REPEATS.sub(r"\1", out)


def skeleton_close(data_norm: str, text_norm: str) -> bool:
    """Guard a skeleton match: same first letter (q~k), length within 2 letters."""
    def first(word: str) -> str:
        return "k" if word[:1] == "q" else word[:1]
    return first(data_norm) == first(text_norm) and abs(len(data_norm) - len(text_norm)) <= 2


def case_flag(token_text: str) -> int:
    """What a data token demands of the text: a capital, all capitals, or nothing."""
    letters = [c for c in token_text if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return 0
    if len(letters) <= 5 and all(c.isupper() for c in letters) and len(letters) > 1:
        return 2
    return 1


def case_ok(flag: int, text: str) -> bool:
    """Does the text token satisfy a data token's case demand?"""
    if flag == 0:
        return True
    if flag == 2:
        return not any(c.islower() for c in text)
    return any(c.isupper() for c in text)


# --------------------------------------------------------------------------- loading

def _as_date(value: Any, where: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ActorDataError(f"{where}: bad date {value!r}") from exc


def _sector(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    code = str(value).upper()
    if code not in SECTORS:
        raise ActorDataError(f"{where}: unknown PLOVER sector {value!r}")
    return code


def _sectors(values: Any, where: str) -> tuple[str, ...]:
    if not values:
        return ()
    if isinstance(values, str):
        values = [values]
    return tuple(s for s in (_sector(v, where) for v in values) if s)


def _strings(values: Any) -> list[str]:
    if not values:
        return []
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values if v not in (None, "")]


def slug(text: str) -> str:
    """Stable id part: "Kata'ib Hezbollah" -> "kataib-hezbollah"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"-+", "-", re.sub(r"[^0-9a-z]+", "-", folded.replace("'", ""))).strip("-")


def _terms(raw: Any, where: str) -> tuple[Term, ...]:
    out = []
    for item in raw or []:
        out.append(Term(start=_as_date(item.get("start"), where),
                        end=_as_date(item.get("end"), where),
                        sector=_sector(item.get("sector"), where),
                        sectors=_sectors(item.get("sectors"), where),
                        country=item.get("country"), code=item.get("code"),
                        title=item.get("title"),
                        overrides_country="country" in item or "code" in item))
    return tuple(out)


def _merge(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """A later file updates an earlier entry field by field."""
    return {**old, **new} if old else dict(new)


def read_file(path: Path) -> dict[str, Any]:
    """Parse one YAML data file; say which file is broken."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ActorDataError(f"{path}: cannot read actor data: {exc}") from exc
    if not isinstance(data, dict):
        raise ActorDataError(f"{path}: expected a mapping of sections (countries, roles, ...)")
    return data


def _raw_entries(files: Sequence[Path]) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """All raw entries by id, in load order, with the settings lists merged."""
    raw: dict[str, dict[str, Any]] = {}
    settings: dict[str, list[str]] = {}
    for path in files:
        data = read_file(path)
        for section, type_ in (("countries", "country"), ("organisations", "organisation"),
                               ("organizations", "organisation"), ("people", "person"),
                               ("roles", "role"), ("markers", "marker")):
            for item in data.get(section) or []:
                if not isinstance(item, dict):
                    raise ActorDataError(f"{path}: {section}: entry is not a mapping: {item!r}")
                entry_id = _raw_id(item, type_, path)
                if item.get("remove"):
                    raw.pop(entry_id, None)
                    continue
                raw[entry_id] = _merge(raw.get(entry_id), {**item, "_type": type_,
                                                           "_file": str(path)})
                raw[entry_id].pop("id", None)
                # keep insertion order = last definition wins for shared phrases
                raw[entry_id] = raw.pop(entry_id)
        for key, values in (data.get("settings") or {}).items():
            settings.setdefault(key, []).extend(_strings(values))
    return raw, settings


def _raw_id(item: dict[str, Any], type_: str, path: Path) -> str:
    if item.get("id"):
        return str(item["id"])
    if type_ == "country" and item.get("iso3"):
        return f"country/{item['iso3']}"
    first = item.get("name") or next(iter(_strings(item.get("terms"))), None)
    if not first:
        raise ActorDataError(f"{path}: {type_} entry without id, name or terms: {item!r}")
    prefix = {"organisation": "org", "person": "person", "role": "role", "marker": "marker"}
    return f"{prefix.get(type_, type_)}/{slug(str(first))}"


def _build_entry(entry_id: str, item: dict[str, Any]) -> Entry:
    type_ = item["_type"]
    where = f"{item['_file']}: {entry_id}"
    name = str(item.get("name") or next(iter(_strings(item.get("terms"))), entry_id))
    entry = Entry(id=entry_id, type=type_, name=name,
                  kind=item.get("kind"), code=item.get("code"),
                  sector=_sector(item.get("sector"), where),
                  sectors=_sectors(item.get("sectors"), where),
                  aligned=item.get("aligned"), place=bool(item.get("place")),
                  relational=bool(item.get("relational")), member=bool(item.get("member")),
                  aligns=bool(item.get("aligns")),
                  alt={str(k): str(v).upper() for k, v in (item.get("alt") or {}).items()},
                  effect=item.get("effect"),
                  sector_before=_sector(item.get("sector_before"), where),
                  terms=_terms(item.get("roles"), where),
                  translit=bool(item.get("translit")))
    if type_ == "country":
        entry.country = item.get("country") or item.get("fold_into") or item.get("iso3")
        entry.kind = entry.kind or "state"
        entry.phrases = {NAME: [name, *_strings(item.get("names"))],
                         DEMONYM: _strings(item.get("demonyms")),
                         CAPITAL: _strings(item.get("capitals"))}
    elif type_ in ("organisation", "person"):
        entry.country = item.get("country")
        entry.kind = entry.kind or type_
        entry.phrases = {NAME: [name, *_strings(item.get("aliases"))]}
    elif type_ == "role":
        entry.kind = entry.kind or "group"
        entry.phrases = {ROLE: _with_plurals(_strings(item.get("terms")),
                                             item.get("plurals", True))}
    else:
        entry.phrases = {MARKER: _strings(item.get("terms"))}
    return entry


_PLURAL_RULES = ((re.compile(r"man$"), "men"), (re.compile(r"([^aeiou])y$"), r"\1ies"),
                 (re.compile(r"(s|x|ch|sh)$"), r"\1es"))


def plural(word: str) -> str:
    """English plural of a role's last word; good enough for role nouns."""
    for rule, repl in _PLURAL_RULES:
        if rule.search(word):
            return rule.sub(repl, word)
    return word + "s"


def _with_plurals(terms: list[str], enabled: bool) -> list[str]:
    """Terms plus the plural of each singular one ("soldier" -> "soldiers")."""
    out = list(terms)
    if not enabled:
        return out
    for term in terms:
        if term.isupper() or term.endswith("s") or term.endswith("men"):
            continue
        head, _, last = term.rpartition(" ")
        form = f"{head} {plural(last)}".strip()
        if form not in out:
            out.append(form)
    return out


# --------------------------------------------------------------------------- index

@lru_cache(maxsize=1)
def tokenizer_nlp() -> Language:
    """A blank English pipeline: the same tokenizer rules as the parsing model, loads fast."""
    return spacy.blank("en")


_LEADING_DET = {"the"}


def phrase_tokens(phrase: str) -> list[str]:
    """Tokens of a data phrase, with a leading "the" dropped (it is never part of a mention)."""
    words = [t.text for t in tokenizer_nlp().make_doc(phrase) if not t.is_space]
    while words and words[0].lower() in _LEADING_DET and len(words) > 1:
        words = words[1:]
    return words


def _insert(trie: dict[str, Any], keys: list[str], pattern: Pattern) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    bucket = node.setdefault("", [])
    for k, old in enumerate(bucket):
        if old.use != pattern.use:
            continue
        if old.entry_id == pattern.entry_id and len(old.case) == len(pattern.case):
            # "Hamas" and "HAMAS": the same phrase twice; keep the looser case demand
            case = tuple(min(a, b) for a, b in zip(old.case, pattern.case, strict=True))
            bucket[k] = Pattern(old.entry_id, old.use, case, old.skeleton, old.norms)
            return
        # a later definition of the same phrase and use wins
        del bucket[k]
        break
    bucket.append(pattern)


def _index(entries: Iterable[Entry]) -> tuple[dict[str, Any], dict[str, Any]]:
    exact: dict[str, Any] = {}
    skel: dict[str, Any] = {}
    for entry in entries:
        for use, phrases in entry.phrases.items():
            for phrase in phrases:
                words = phrase_tokens(phrase)
                pairs = [(norm(w), case_flag(w)) for w in words]
                pairs = [(k, c) for k, c in pairs if k]
                if not pairs:
                    continue
                keys = [k for k, _ in pairs]
                case = tuple(c for _, c in pairs)
                _insert(exact, keys, Pattern(entry.id, use, case))
                skel_keys = [skeleton(w) for w in keys]
                if (entry.translit and not all(c == 2 for c in case)
                        and sum(len(k) for k in skel_keys) >= 4):
                    _insert(skel, skel_keys,
                            Pattern(entry.id, use, case, skeleton=True, norms=tuple(keys)))
    return exact, skel


def builtin_files() -> list[Path]:
    return [DATA_DIR / name for name in BUILTIN_FILES]


def user_files(extra: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """GESTAE_ACTORS files first, then the ones given in code (later ones win)."""
    env = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    return [Path(p) for p in [*env, *extra]]


def load_kb(files: Sequence[str | os.PathLike[str]]) -> KnowledgeBase:
    """Load the built-in data plus ``files``; cached per process by path and mtime."""
    paths = [*builtin_files(), *(Path(f) for f in files)]
    for path in paths:
        if not path.exists():
            raise ActorDataError(f"{path}: actor data file not found")
    key = tuple((str(p.resolve()), p.stat().st_mtime_ns) for p in paths)
    return _load_cached(key)


@lru_cache(maxsize=8)
def _load_cached(key: tuple[tuple[str, int], ...]) -> KnowledgeBase:
    raw, settings = _raw_entries([Path(p) for p, _ in key])
    entries = {eid: _build_entry(eid, item) for eid, item in raw.items()}
    exact, skel = _index(entries.values())
    names = {e.country: e.name for e in entries.values()
             if e.type == "country" and e.id == f"country/{e.country}"}
    lowered = {k: frozenset(v.lower() for v in vals) for k, vals in settings.items()}
    return KnowledgeBase(entries=entries, exact=exact, skeleton=skel, settings=lowered,
                         country_names=names)
