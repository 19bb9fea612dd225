"""Trigger patterns: loaded from ``data/triggers*.yaml`` once and indexed by lemma.

A pattern is a trigger lemma (verb or noun) plus optional constraints on its dependents:
a particle ("call off"), a required preposition ("call for"), a required direct object
("open fire", "impose sanctions"), a modifier ("hunger strike") and which prepositions carry
the source and target. See the header of ``data/triggers.yaml`` for the fields.

Word classes: an ``obj`` or ``pobj`` entry that starts with ``@`` names a class of words
rather than a word. ``@place`` is any country, first-level region or sizeable city of the
gazetteer that is not also an ordinary English verb or adjective ("entered Syria", "crossed
into Jarabulus"); ``data/word_classes.yaml`` tunes it. Lists without ``@`` entries behave as
before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from gestae.coding import ontology


@dataclass(frozen=True)
class Pattern:
    """One compiled trigger pattern (see ``data/triggers.yaml``)."""

    id: str
    type: str
    lemmas: tuple[str, ...]
    pos: str = "verb"  # "verb" or "noun"
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo_root: str | None = None
    cameo: str | None = None
    particle: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    obj: tuple[str, ...] = ()
    obj_not: tuple[str, ...] = ()
    obj_modifier_not: tuple[str, ...] = ()  # not with an object so modified ("air strikes")
    pobj: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    # the trigger's reported clause states an obligation ("said Israel must end ..."): one of
    # these modals ("must", "should") or verbs of necessity with "to" ("has to", "needs to")
    complement_modal: tuple[str, ...] = ()
    subj: tuple[str, ...] = ()  # a word of the subject phrase ("@armed": forces, militants)
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ()
    of_role: str = "target"  # for nouns: "X of Y" makes Y this role
    dobj: str = "target"  # role of a direct object that is not the required ``obj``
    subject: str = "source"  # role of the subject ("X hosted Y": X is the recipient)
    needs_target: bool = False  # drop the match when no target is found
    passive: bool | None = None  # require (True) or forbid (False) passive voice
    two_sided: bool = False  # every party is an actor: fighting, meetings without a host
    speaker_source: bool = False  # the speaker of "X said ..." is the source
    content_future: bool = False  # "will" belongs to the content (threats, promises)
    strength: float = 0.8
    example: str = ""
    note: str = ""
    constraints: int = field(default=0, compare=False)


_LIST_FIELDS = ("particle", "prep", "obj", "obj_not", "obj_modifier_not", "pobj", "modifier",
                "xcomp", "complement_modal", "subj",
                "target_preps", "source_preps", "context")


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value)


class WordSet(tuple):  # type: ignore[type-arg]
    """A tuple of lemmas that also admits the members of named word classes (``@place``).

    It stays a tuple of the words as written (``"@place"`` included), so code that only
    tests ``lemma in pattern.obj`` needs no change.
    """

    classes: tuple[str, ...]

    def __new__(cls, words: tuple[str, ...]) -> WordSet:
        unknown = [w for w in words if w.startswith("@") and w not in WORD_CLASSES]
        if unknown:
            raise ValueError(f"unknown word class {unknown[0]!r} (known: {sorted(WORD_CLASSES)})")
        made = super().__new__(cls, words)
        made.classes = tuple(w for w in words if w.startswith("@"))
        return made

    def __contains__(self, word: object) -> bool:
        if tuple.__contains__(self, word):
            return True
        return isinstance(word, str) and any(WORD_CLASSES[c](word) for c in self.classes)


@lru_cache(maxsize=1)
def _word_class_data() -> dict[str, Any]:
    return ontology.load_data("word_classes.yaml") or {}


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Ordinary English verbs and adjectives (the lemmatizer's own index), which a place
    word must not be: "Split", "Nice" and "Mobile" are cities, but rarely in news."""
    from gestae import nlp  # the shared model; loaded once per process

    table = nlp.load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in ("verb", "adj") for w in table.get(pos, ()))


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    from gestae import nlp

    table = nlp.load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(table.get("noun", ()))


def is_noun_word(word: str) -> bool:
    """Is the lower-cased word an English noun at all (the lemmatizer's index)? "detonate"
    is not: a parse that tags it as a noun has misread a verb."""
    return word.lower() in _common_nouns()


def is_verb_word(word: str) -> bool:
    """Is the lower-cased word an English verb lemma (the lemmatizer's index)?"""
    return word.lower() in _english_verbs()


@lru_cache(maxsize=1)
def _english_verbs() -> frozenset[str]:
    from gestae import nlp

    table = nlp.load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(table.get("verb", ()))


@lru_cache(maxsize=65536)
def is_place_word(word: str) -> bool:
    """``@place``: a lower-cased lemma that names a country, an admin1 region or a region,
    or a city of at least ``min_population`` (one that is also an English noun, like "Deal"
    or "Reading", only from ``min_population_common_noun``)."""
    data = _word_class_data().get("place", {})
    word = word.lower()
    if word in set(data.get("never", ())) or len(word) < 3:
        return False
    if word in set(data.get("always", ())):
        return True
    from gestae.geo.gazetteer import get_gazetteer
    from gestae.geo.normalize import key

    gaz = get_gazetteer()
    entries = [gaz.entries[i] for i in gaz.exact.get(key(word), ())]
    if any(e.feature == "country" for e in entries):
        return True
    if not entries or word in _english_words():
        return False
    if any(e.feature in ("admin1", "region") for e in entries):
        return True
    floor = int(data.get("min_population", 15_000))
    if word in _common_nouns():
        floor = max(floor, int(data.get("min_population_common_noun", 1_000_000)))
    return any(e.feature == "city" and e.population >= floor for e in entries)


@lru_cache(maxsize=1)
def _armed_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _word_class_data().get("armed", {}).get(
        "words", ()))


def is_armed_word(word: str) -> bool:
    """``@armed``: a lemma that names armed forces, armed groups or their weapons platforms
    ("army", "troop", "militant", "brigade", "tank"); see ``data/word_classes.yaml``."""
    return word.lower() in _armed_words()


WORD_CLASSES = {"@place": is_place_word, "@armed": is_armed_word}


def _defaults(pos: str) -> dict[str, Any]:
    if pos == "noun":
        return {"target_preps": ("against", "on", "at", "upon", "targeting", "in"),
                "source_preps": ("by",)}
    return {"target_preps": (), "source_preps": ()}


def compile_pattern(raw: dict[str, Any]) -> Pattern:
    """Validate one YAML entry and turn it into a :class:`Pattern`."""
    missing = [k for k in ("id", "type", "lemma", "example") if k not in raw]
    if missing:
        raise ValueError(f"trigger pattern {raw.get('id')!r} lacks {missing}")
    type_ = str(raw["type"]).upper()
    if type_ not in ontology.EVENT_TYPES:
        raise ValueError(f"pattern {raw['id']}: unknown type {type_}")
    mode = raw.get("mode")
    if mode is not None and mode not in ontology.modes(type_):
        raise ValueError(f"pattern {raw['id']}: mode {mode!r} is not a {type_} mode")
    bad = set(_as_tuple(raw.get("context"))) - set(ontology.contexts())
    if bad:
        raise ValueError(f"pattern {raw['id']}: unknown contexts {sorted(bad)}")
    pos = str(raw.get("pos", "verb"))
    kwargs: dict[str, Any] = _defaults(pos)
    for name in _LIST_FIELDS:
        if name in raw:
            kwargs[name] = _as_tuple(raw[name])
    for name in ("obj", "pobj", "subj"):
        if any(w.startswith("@") for w in kwargs.get(name, ())):
            kwargs[name] = WordSet(kwargs[name])
    cameo = raw.get("cameo")
    root = raw.get("cameo_root") or (str(cameo)[:2] if cameo else ontology.cameo_root(type_))
    # a required object or modifier says more than a preposition: weigh it double
    constraints = sum(bool(kwargs.get(n)) for n in ("particle", "prep", "xcomp", "subj",
                                                    "complement_modal"))
    constraints += 2 * sum(bool(kwargs.get(n)) for n in ("obj", "pobj", "modifier"))
    constraints += raw.get("passive") is not None
    return Pattern(
        id=str(raw["id"]), type=type_, lemmas=_as_tuple(raw["lemma"]), pos=pos, mode=mode,
        cameo_root=str(root), cameo=str(cameo) if cameo else None,
        of_role=str(raw.get("of_role", "target")), dobj=str(raw.get("dobj", "target")),
        subject=str(raw.get("subject", "source")),
        needs_target=bool(raw.get("needs_target", False)),
        passive=raw.get("passive"), two_sided=bool(raw.get("two_sided", False)),
        speaker_source=bool(raw.get("speaker_source", False)),
        content_future=bool(raw.get("content_future", False)),
        strength=float(raw.get("strength", 0.8)), example=str(raw["example"]),
        note=str(raw.get("note", "")), constraints=constraints,
        **{k: v for k, v in kwargs.items()},
    )


class TriggerDataError(ValueError):
    """A trigger file that cannot be used; the message names the file and the pattern."""


def _pattern_files() -> list[str]:
    folder = resources.files("gestae.coding").joinpath("data")
    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith("triggers") and p.name.endswith(".yaml"))


def _user_entries(path: str) -> list[dict[str, Any]]:
    """Patterns of a user file: ``patterns: [...]`` like the packaged files."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=ontology.WordLoader)  # noqa: S506 - SafeLoader
    except OSError as exc:
        raise TriggerDataError(f"trigger file {path}: {exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise TriggerDataError(f"trigger file {path}: not valid YAML ({exc})") from None
    entries = data.get("patterns") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise TriggerDataError(f"trigger file {path}: expected a mapping with a 'patterns' list")
    return entries


@lru_cache(maxsize=8)
def load_patterns(extra_files: tuple[str, ...] = ()) -> tuple[Pattern, ...]:
    """Every pattern of every ``data/triggers*.yaml`` file, then the user's files in order.

    A user pattern whose ``id`` exists replaces it; ``{id: ..., remove: true}`` deletes it.
    Rule ids must be unique within the packaged files.
    """
    patterns: dict[str, Pattern] = {}
    for name in _pattern_files():
        for raw in ontology.load_data(name).get("patterns", []) or []:
            pattern = compile_pattern(raw)
            if pattern.id in patterns:
                raise ValueError(f"duplicate trigger rule id {pattern.id}")
            patterns[pattern.id] = pattern
    for path in extra_files:
        for raw in _user_entries(path):
            if raw.get("remove"):
                if patterns.pop(str(raw.get("id")), None) is None:
                    raise TriggerDataError(
                        f"trigger file {path}: cannot remove unknown rule {raw.get('id')!r}")
                continue
            try:
                pattern = compile_pattern(raw)
            except (ValueError, TypeError) as exc:
                raise TriggerDataError(f"trigger file {path}: {exc}") from None
            patterns[pattern.id] = pattern
    return tuple(patterns.values())


@lru_cache(maxsize=8)
def pattern_index(extra_files: tuple[str, ...] = ()) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """(pos, lemma) -> patterns, most constrained first, so "open fire" beats "open"."""
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pattern in load_patterns(extra_files):
        for lemma in pattern.lemmas:
            index.setdefault((pattern.pos, lemma), []).append(pattern)
    return {key: tuple(sorted(pats, key=lambda p: -p.constraints))
            for key, pats in index.items()}


@lru_cache(maxsize=1)
def pattern_words() -> frozenset[str]:
    """Every word the packaged patterns name (lemmas, objects, modifiers, particles ...):
    the vocabulary a hyphenated compound is read against ("cease-fire" -> "ceasefire")."""
    words: set[str] = set()
    for pattern in load_patterns():
        for name in ("lemmas", "obj", "obj_not", "pobj", "modifier", "xcomp", "particle"):
            words.update(w for w in getattr(pattern, name) if not w.startswith("@"))
    return frozenset(words)


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The word lists of ``data/cues.yaml``, lists turned into frozensets."""
    raw = ontology.load_data("cues.yaml")
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, list):
            out[key] = frozenset(str(v).lower() for v in value)
        elif key == "instruments":
            out[key] = {mode: frozenset(words) for mode, words in value.items()}
        else:
            out[key] = value
    return out


@lru_cache(maxsize=1)
def weapon_words() -> frozenset[str]:
    """Every instrument word of ``data/cues.yaml`` (bombs, rockets, drones ...), whatever its
    mode: a weapon is the means of an attack, not its doer."""
    return frozenset().union(*cues()["instruments"].values())
