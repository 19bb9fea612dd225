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
    source: str = ""  # the file (and section, position) that last defined the entry
    section: str = ""
    index: int = -1
    builtin: bool = True


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
    # conflicting phrases in the packaged data: reported here, the later entry wins
    warnings: list[str] = field(default_factory=list)

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

FIELDS = frozenset({"id", "name", "names", "aliases", "demonyms", "capitals", "iso3",
                    "country", "fold_into", "code", "sector", "sectors", "kind", "aligned",
                    "place", "relational", "member", "aligns", "alt", "effect",
                    "sector_before", "roles", "translit", "terms", "plurals", "remove"})
TERM_FIELDS = frozenset({"start", "end", "sector", "sectors", "country", "code", "title"})
KINDS = frozenset({"person", "organisation", "state", "group"})
_LIST_FIELDS = ("names", "aliases", "demonyms", "capitals", "terms", "sectors")
_FLAG_FIELDS = ("place", "relational", "member", "aligns", "translit", "plurals", "remove")
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=32)
def _yaml_lines(path: str) -> dict[tuple[str, int], tuple[int, dict[str, int]]]:
    """(section, position) -> (line of the entry, line of each of its fields), 1-based.

    Composed only when an error is reported, so loading stays a plain ``safe_load``.
    """
    try:
        root = yaml.compose(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    out: dict[tuple[str, int], tuple[int, dict[str, int]]] = {}
    if not isinstance(root, yaml.MappingNode):
        return out
    for key, value in root.value:
        if not isinstance(value, yaml.SequenceNode):
            continue
        for i, item in enumerate(value.value):
            fields = ({k.value: k.start_mark.line + 1 for k, _ in item.value}
                      if isinstance(item, yaml.MappingNode) else {})
            out[(str(key.value), i)] = (item.start_mark.line + 1, fields)
    return out


@dataclass(frozen=True)
class Where:
    """Where an entry was written: file, section and position; says which line a field is on."""

    path: str
    section: str
    index: int
    entry_id: str = ""

    def __call__(self, field_name: str | None = None) -> str:
        line, fields = _yaml_lines(self.path).get((self.section, self.index), (0, {}))
        line = fields.get(field_name, line) if field_name else line
        head = f"{self.path}:{line}" if line else self.path
        what = f"{self.section} entry {self.index + 1}"
        if self.entry_id:
            what += f" ({self.entry_id})"
        if field_name:
            what += f", field '{field_name}'"
        return f"{head}: {what}"


def _as_date(value: Any, where: Where, field_name: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ActorDataError(f"{where(field_name)}: bad date {value!r} "
                             "(write YYYY-MM-DD)") from exc


def _sector(value: Any, where: Where, field_name: str = "sector") -> str | None:
    if value in (None, ""):
        return None
    code = str(value).upper()
    if code not in SECTORS:
        raise ActorDataError(f"{where(field_name)}: unknown PLOVER sector {value!r} "
                             f"(one of {', '.join(sorted(SECTORS))})")
    return code


def _sectors(values: Any, where: Where, field_name: str = "sectors") -> tuple[str, ...]:
    if not values:
        return ()
    if isinstance(values, str):
        values = [values]
    return tuple(s for s in (_sector(v, where, field_name) for v in values) if s)


def _strings(values: Any) -> list[str]:
    if not values:
        return []
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values if v not in (None, "")]


def _check_fields(item: dict[str, Any], where: Where) -> None:
    """Typos and wrong shapes are errors: an actor file is data a person edits by hand."""
    for key in item:
        if key not in FIELDS and not str(key).startswith("_"):
            raise ActorDataError(f"{where(str(key))}: unknown field (known: "
                                 f"{', '.join(sorted(FIELDS))})")
    for key in _LIST_FIELDS:
        value = item.get(key)
        if value is not None and not isinstance(value, str) and not (
                isinstance(value, list) and all(isinstance(v, str | int | float) or v is None
                                                for v in value)):
            raise ActorDataError(f"{where(key)}: expected a word or a list of words, "
                                 f"got {value!r}")
    for key in _FLAG_FIELDS:
        if key in item and not isinstance(item[key], bool):
            raise ActorDataError(f"{where(key)}: expected true or false, got {item[key]!r}")
    if "name" in item and not isinstance(item["name"], str | int):
        raise ActorDataError(f"{where('name')}: expected a name, got {item['name']!r}")
    kind = item.get("kind")
    if kind is not None and kind not in KINDS:
        raise ActorDataError(f"{where('kind')}: unknown kind {kind!r} "
                             f"(one of {', '.join(sorted(KINDS))})")
    for key in ("country", "iso3", "fold_into"):
        value = item.get(key)
        if value is not None and not _COUNTRY_CODE.match(str(value)):
            raise ActorDataError(f"{where(key)}: expected an ISO 3166-1 alpha-3 code such as "
                                 f"IRQ, got {value!r}")
    if "alt" in item and not isinstance(item["alt"], dict):
        raise ActorDataError(f"{where('alt')}: expected a mapping such as "
                             f"{{opposition: REB}}, got {item['alt']!r}")
    roles = item.get("roles")
    if roles is not None and not (isinstance(roles, list)
                                  and all(isinstance(r, dict) for r in roles)):
        raise ActorDataError(f"{where('roles')}: expected a list of roles with start, end "
                             f"and sector, got {roles!r}")
    for role in roles or []:
        for key in role:
            if key not in TERM_FIELDS:
                raise ActorDataError(f"{where('roles')}: unknown role field {key!r} (known: "
                                     f"{', '.join(sorted(TERM_FIELDS))})")


def slug(text: str) -> str:
    """Stable id part: "Kata'ib Hezbollah" -> "kataib-hezbollah"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"-+", "-", re.sub(r"[^0-9a-z]+", "-", folded.replace("'", ""))).strip("-")


def _terms(raw: Any, where: Where) -> tuple[Term, ...]:
    out = []
    for item in raw or []:
        term = Term(start=_as_date(item.get("start"), where, "roles"),
                    end=_as_date(item.get("end"), where, "roles"),
                    sector=_sector(item.get("sector"), where, "roles"),
                    sectors=_sectors(item.get("sectors"), where, "roles"),
                    country=item.get("country"), code=item.get("code"),
                    title=item.get("title"),
                    overrides_country="country" in item or "code" in item)
        if term.start and term.end and term.end < term.start:
            raise ActorDataError(f"{where('roles')}: a role ends ({term.end}) before it "
                                 f"starts ({term.start})")
        out.append(term)
    return tuple(out)


def _merge(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """A later file updates an earlier entry field by field."""
    return {**old, **new} if old else dict(new)


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates stay text and are checked by us, so a
    bad one ("2020-13-01") is reported with its file, line and field."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_file(path: Path) -> dict[str, Any]:
    """Parse one YAML data file; say which file (and line) is broken."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506
    except OSError as exc:
        raise ActorDataError(f"{path}: cannot read actor data: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ActorDataError(f"{path}{line}: not valid YAML: {problem}") from exc
    if not isinstance(data, dict):
        raise ActorDataError(f"{path}: expected a mapping of sections (countries, roles, ...)")
    return data


SECTIONS = (("countries", "country"), ("organisations", "organisation"),
            ("organizations", "organisation"), ("people", "person"), ("roles", "role"),
            ("markers", "marker"))


def _raw_entries(files: Sequence[Path], builtin: int = 0
                 ) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """All raw entries by id, in load order, with the settings lists merged.

    The first ``builtin`` files are the packaged data; the others are the user's.
    """
    raw: dict[str, dict[str, Any]] = {}
    settings: dict[str, list[str]] = {}
    for number, path in enumerate(files):
        data = read_file(path)
        known = {name for name, _ in SECTIONS} | {"settings"}
        for section in data:
            if section not in known:
                raise ActorDataError(f"{path}: unknown section {section!r} (known: "
                                     f"{', '.join(sorted(known))})")
        for section, type_ in SECTIONS:
            items = data.get(section) or []
            if not isinstance(items, list):
                raise ActorDataError(f"{path}: section '{section}' must be a list of entries")
            for index, item in enumerate(items):
                where = Where(str(path), section, index)
                if not isinstance(item, dict):
                    raise ActorDataError(f"{where()}: expected a mapping of fields, "
                                         f"got {item!r}")
                entry_id = _raw_id(item, type_, where)
                _check_fields(item, Where(str(path), section, index, entry_id))
                if item.get("remove"):
                    raw.pop(entry_id, None)
                    continue
                raw[entry_id] = _merge(raw.get(entry_id), {
                    **item, "_type": type_, "_file": str(path), "_section": section,
                    "_index": index, "_builtin": number < builtin})
                raw[entry_id].pop("id", None)
                # keep insertion order = last definition wins for shared phrases
                raw[entry_id] = raw.pop(entry_id)
        extra = data.get("settings") or {}
        if not isinstance(extra, dict):
            raise ActorDataError(f"{path}: section 'settings' must map names to word lists")
        for key, values in extra.items():
            settings.setdefault(key, []).extend(_strings(values))
    return raw, settings


def _raw_id(item: dict[str, Any], type_: str, where: Where) -> str:
    if item.get("id"):
        return str(item["id"])
    if type_ == "country" and item.get("iso3"):
        return f"country/{item['iso3']}"
    first = item.get("name") or next(iter(_strings(item.get("terms"))), None)
    if not first:
        raise ActorDataError(f"{where()}: {type_} entry needs an id, a name or terms")
    prefix = {"organisation": "org", "person": "person", "role": "role", "marker": "marker"}
    return f"{prefix.get(type_, type_)}/{slug(str(first))}"


def _build_entry(entry_id: str, item: dict[str, Any]) -> Entry:
    type_ = item["_type"]
    where = Where(item["_file"], item["_section"], item["_index"], entry_id)
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
                  sector_before=_sector(item.get("sector_before"), where, "sector_before"),
                  terms=_terms(item.get("roles"), where),
                  translit=bool(item.get("translit")),
                  source=item["_file"], section=item["_section"], index=item["_index"],
                  builtin=item["_builtin"])
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


def _acronym(case: tuple[int, ...]) -> bool:
    return all(c == 2 for c in case)


def _insert(trie: dict[str, Any], keys: list[str], pattern: Pattern) -> str | None:
    """Add a phrase; return the id of another entry that claimed it before (a conflict)."""
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    bucket = node.setdefault("", [])
    replaced: str | None = None
    for k, old in enumerate(bucket):
        if old.use != pattern.use or _acronym(old.case) != _acronym(pattern.case):
            continue  # "SADR" the acronym and "Sadr" the name live side by side
        if old.entry_id == pattern.entry_id:
            if len(old.case) == len(pattern.case):
                # "Hamas" and "HAMAS": the same phrase twice; keep the looser case demand
                case = tuple(min(a, b) for a, b in zip(old.case, pattern.case, strict=True))
                bucket[k] = Pattern(old.entry_id, old.use, case, old.skeleton, old.norms)
            return None
        # a later definition of the same phrase and use wins, and the clash is reported
        replaced = old.entry_id
        del bucket[k]
        break
    bucket.append(pattern)
    return replaced


Conflict = tuple[str, str, str, str]  # phrase, use, earlier entry id, later entry id


def _index(entries: Iterable[Entry]) -> tuple[dict[str, Any], dict[str, Any], list[Conflict]]:
    exact: dict[str, Any] = {}
    skel: dict[str, Any] = {}
    conflicts: list[Conflict] = []
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
                earlier = _insert(exact, keys, Pattern(entry.id, use, case))
                if earlier is not None:
                    conflicts.append((phrase, use, earlier, entry.id))
                skel_keys = [skeleton(w) for w in keys]
                if (entry.translit and not all(c == 2 for c in case)
                        and sum(len(k) for k in skel_keys) >= 4):
                    _insert(skel, skel_keys,
                            Pattern(entry.id, use, case, skeleton=True, norms=tuple(keys)))
    return exact, skel, conflicts


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
    raw, settings = _raw_entries([Path(p) for p, _ in key], builtin=len(BUILTIN_FILES))
    entries = {eid: _build_entry(eid, item) for eid, item in raw.items()}
    exact, skel, conflicts = _index(entries.values())
    warnings = _conflict_report(conflicts, entries, raw)
    names = {e.country: e.name for e in entries.values()
             if e.type == "country" and e.id == f"country/{e.country}"}
    lowered = {k: frozenset(v.lower() for v in vals) for k, vals in settings.items()}
    return KnowledgeBase(entries=entries, exact=exact, skeleton=skel, settings=lowered,
                         country_names=names, warnings=warnings)


_PHRASE_FIELDS = {NAME: ("name", "aliases", "names"), DEMONYM: ("demonyms",),
                  CAPITAL: ("capitals",), ROLE: ("terms",), MARKER: ("terms",)}


def _phrase_field(item: dict[str, Any], use: str, phrase: str) -> str:
    """Which field of a raw entry holds a phrase (for the error's line number)."""
    for name in _PHRASE_FIELDS.get(use, ()):
        if phrase in _strings(item.get(name)):
            return name
    return _PHRASE_FIELDS.get(use, ("name",))[-1]


def _conflict_report(conflicts: list[Conflict], entries: dict[str, Entry],
                     raw: dict[str, dict[str, Any]]) -> list[str]:
    """Two entries claiming one phrase: an error when a user file is involved, else a
    warning kept on the knowledge base (the later packaged entry wins)."""
    warnings: list[str] = []
    for phrase, use, earlier, later in conflicts:
        first, second = entries[earlier], entries[later]
        if first.builtin and second.builtin:
            warnings.append(f"{second.source}: {use} {phrase!r} of {later} also belongs to "
                            f"{earlier} ({first.source}); {later} wins")
            continue
        mine = second if not second.builtin else first
        other = first if mine is second else second
        where = Where(mine.source, mine.section, mine.index, mine.id)
        field_name = _phrase_field(raw[mine.id], use, phrase)
        raise ActorDataError(
            f"{where(field_name)}: {phrase!r} is already claimed by {other.id} "
            f"({other.source}); give each {use} to one entry only (redefine the other entry's "
            f"'{field_name}' or add 'remove: true' to it)")
    return warnings


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """Last words of the packaged role terms ("forces", "police", "ministry", "refugees").

    A noun among them can head an actor phrase; the event coder uses it to tell an actor
    argument ("aid to the refugees") from a thing ("sent a shipment of tents")."""
    kb = load_kb(())
    words: set[str] = {norm(w) for w in kb.settings.get("actor_nouns", ())}
    for entry in kb.entries.values():
        for term in entry.phrases.get(ROLE, ()):
            last = term.split()[-1] if term.split() else ""
            if last:
                words.add(norm(last))
    return frozenset(w for w in words if w)
