"""PLOVER ontology tables (quad class, CAMEO root, scores, modes) and the ACLED mapping.

The tables live in ``data/ontology.yaml`` and ``data/acled.yaml`` so a domain expert can edit
them; this module only loads them once and answers questions about them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from gestae.model import Actor, Event

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


class WordLoader(yaml.SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans; in word lists they are words."""


WordLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load_data(name: str) -> Any:
    """Parse one YAML file of the package's ``data/`` folder (on/off/no stay words)."""
    text = resources.files("gestae.coding").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=WordLoader)  # noqa: S506 - a SafeLoader subclass


@lru_cache(maxsize=1)
def _ontology() -> dict[str, Any]:
    return load_data("ontology.yaml")


@lru_cache(maxsize=1)
def _acled() -> dict[str, Any]:
    return load_data("acled.yaml")


def _type_entry(type_: str) -> dict[str, Any]:
    try:
        return _ontology()["types"][type_.upper()]
    except KeyError:
        raise KeyError(f"unknown PLOVER event type: {type_!r}") from None


# quad classes of words rather than deeds (verbal cooperation, verbal conflict)
VERBAL_QUADS = (1, 3)
# quad classes of cooperation, in words or deeds
COOPERATIVE_QUADS = (1, 2)


def quad_class(type: str) -> int:  # noqa: A002 - the contract's name
    """PLOVER quad category: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material."""
    return int(_type_entry(type)["quad"])


def cameo_root(type: str) -> str:  # noqa: A002
    """Default two-digit CAMEO root for a type (patterns may give a more precise one)."""
    return str(_type_entry(type)["cameo_root"])


def intensity(type: str, mode: str | None = None) -> float | None:  # noqa: A002
    """PLOVER conflict-cooperation score of a type and mode; the type's score if the mode has
    none; ``None`` for an unknown type."""
    entry = _ontology()["types"].get((type or "").upper())
    if entry is None:
        return None
    if mode:
        score = (entry.get("modes") or {}).get(mode)
        if score is not None:
            return float(score)
    return float(entry["intensity"])


def modes(type: str) -> tuple[str, ...]:  # noqa: A002
    """The modes the manual lists for a type (empty when the type has none)."""
    return tuple((_type_entry(type).get("modes") or {}).keys())


def contexts() -> tuple[str, ...]:
    """PLOVER contexts; each may be used with any event type."""
    return tuple(_ontology()["contexts"])


def mode_contexts(type: str, mode: str | None) -> list[str]:  # noqa: A002
    """Contexts a mode implies (COERCE `cyber` adds the `cyber` context)."""
    if not mode:
        return []
    return list(_ontology().get("mode_contexts", {}).get(type.upper(), {}).get(mode, []))


def requires_recipient(type: str) -> bool:  # noqa: A002
    """Whether the manual says the type requires a recipient (target)."""
    return bool(_type_entry(type).get("requires_recipient", False))


def future_as(type: str) -> str | None:  # noqa: A002
    """The type a future-tense report of this type is coded as (CONSULT -> AGREE), if any."""
    return _type_entry(type).get("future_as")


# --- ACLED ---------------------------------------------------------------------------------
#
# ACLED sub-event types depend on who acts on whom and on the rest of the incident. The rules
# are data (``data/acled.yaml``); this section only evaluates their conditions. "The incident"
# is the sentence: ``others`` are the other events of the event's sentence.


def _sectors(actors: list[Actor], primary: bool = False) -> set[str]:
    out: set[str] = set()
    for actor in actors:
        if actor.sector:
            out.add(actor.sector)
        if not primary:
            out.update(actor.sectors or [])
    return out


def _group(spec: str | list[str]) -> set[str]:
    if isinstance(spec, list):
        return set(spec)
    groups = _acled().get("sector_groups", {})
    return set(groups.get(spec, [spec]))


def _killed(event: Event) -> bool:
    count = event.casualties.killed if event.casualties else None
    if count is None:
        return False
    return bool((count.best or 0) > 0 or (count.low or 0) > 0)


@lru_cache(maxsize=256)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of ``words`` as whole words ("gas" is not in "Vegas")."""
    alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _mentions(text: str, words: list[str] | str) -> bool:
    """Whether ``text`` holds any of ``words`` (a list, or a named list of ``acled.yaml``).

    The lists are common nouns: a capitalised match inside the text is a name ("Storm Corps",
    "Operation Flood") and does not count."""
    if isinstance(words, str):
        words = _acled()["word_lists"][words]
    for found in _word_pattern(tuple(words)).finditer(text.lower()):
        if found.start() == 0 or not text[found.start()].isupper():
            return True
    return False


def _has_side(actors: list[Actor], spec: str, primary: bool = False) -> bool:
    """Whether an actor belongs to the sector group ``spec``. ``protester`` is a pseudo-group
    matched on the actor's words ("protesters", "rioters", "demonstrators")."""
    if spec in ("protester", "crowd"):
        return any(_mentions(a.text, spec) for a in actors)
    if spec == "protester_or_crowd":
        return any(_mentions(a.text, "protester") or _mentions(a.text, "crowd") for a in actors)
    return bool(_sectors(actors, primary) & _group(spec))


def _is_protest(other: Event) -> bool:
    """A demonstration: troops that "march" into a town are not protesters."""
    return (other.type == "PROTEST" and not other.negated
            and not _has_side(other.source, "armed_group", primary=True))


def _is_force(other: Event) -> bool:
    """State force used in a protest: an ASSAULT/COERCE by state forces or on protesters."""
    if other.type not in ("ASSAULT", "COERCE") or other.negated:
        return False
    if other.type == "COERCE" and other.mode not in ("arrest", "restrict", None):
        return False
    return _has_side(other.source, "state_force") or _has_side(other.target, "protester_or_crowd")


def _protester_violence(other: Event) -> bool:
    """Violence by demonstrators: a riot, vandalism, or an attack whose source protests."""
    if other.negated:
        return False
    if other.type == "PROTEST":
        return other.mode in ("riot", "vandalize")
    if other.type != "ASSAULT":
        return False
    if _has_side(other.source, "protester"):
        return True
    # stones, fire or smashed windows by people who are not an armed group
    return other.mode in ("primitive", "destroy") and not _has_side(other.source, "armed")


def _claimed(event: Event) -> bool:
    """"X claimed responsibility for the attack": the sentence reports a claim (or its denial)
    about the event, not the event itself."""
    ev = event.evidence
    before = ev.text[: max(0, ev.trigger_start - ev.start)].lower()[-60:]
    if re.search(r"responsib(?:ility|le) for\b[^.;]*$", before):
        return True
    # "X claimed the murder of ...": only a nominal trigger is the object of the claim
    nominal = ev.rule.split(">")[0].endswith("_noun")
    return nominal and bool(re.search(r"\bclaim(?:s|ed|ing)?\b[^.;,]{0,25}$", before))


def _incident_mode(event: Event, others: list[Event]) -> str | None:
    """The event's mode, or the more telling weapon of another attack of the same sentence:
    "suicide bombers blew themselves up near a checkpoint, killing five" is one suicide
    bombing, and the killing takes its mode."""
    if event.type != "ASSAULT":
        return event.mode
    ranking: list[str] = _acled().get("incident_modes", [])
    if event.mode not in _acled().get("incident_mode_from", [None]):
        return event.mode  # a kidnapping or a rape beside a shelling stays what it is
    best = event.mode
    rank = ranking.index(best) if best in ranking else len(ranking)
    for other in others:
        if other is event or other.type != "ASSAULT" or other.negated:
            continue
        if other.mode in ranking and ranking.index(other.mode) < rank:
            best, rank = other.mode, ranking.index(other.mode)
    return best


def _sides_match(cond: dict[str, Any], event: Event) -> bool:
    for side in ("source", "target"):
        actors = getattr(event, side)
        if side in cond and not _has_side(actors, cond[side]):
            return False
        if f"{side}_not" in cond and _has_side(actors, cond[f"{side}_not"]):
            return False
        if f"{side}_primary" in cond and not _has_side(actors, cond[f"{side}_primary"], True):
            return False
        if cond.get(f"{side}_none") and actors:
            return False
    return True


def _text_match(cond: dict[str, Any], event: Event) -> bool:
    trigger, sentence = event.evidence.trigger, event.evidence.text
    if "trigger_words" in cond and not _mentions(trigger, cond["trigger_words"]):
        return False
    if "sentence_words" in cond and not _mentions(sentence, cond["sentence_words"]):
        return False
    return not ("sentence_words_not" in cond and _mentions(sentence, cond["sentence_words_not"]))


def _context_match(cond: dict[str, Any], event: Event, others: list[Event]) -> bool:
    rest = [o for o in others if o is not event]
    if cond.get("protest_nearby") and not any(_is_protest(o) for o in rest):
        return False
    if cond.get("protester_violence_nearby") and not any(_protester_violence(o) for o in rest):
        return False
    force = cond.get("force_nearby")
    if force:
        forceful = [o for o in rest if _is_force(o)]
        if not forceful:
            return False
        if force == "lethal" and not (_killed(event) or any(_killed(o) for o in forceful)):
            return False
    if cond.get("lethal_nearby") and not (_killed(event) or any(
        _killed(o) and o.type == "ASSAULT" and not o.negated for o in rest
    )):
        return False
    return not (cond.get("claimed") and not _claimed(event))


def _matches(cond: dict[str, Any], event: Event, others: list[Event], mode: str | None) -> bool:
    """Whether every condition of one ``acled.yaml`` rule holds for ``event``."""
    types = cond.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else types
        if event.type not in allowed:
            return False
    if "modes" in cond and mode not in cond["modes"]:
        return False
    if "own_modes" in cond and event.mode not in cond["own_modes"]:
        return False
    if "rules" in cond and not any(event.evidence.rule.startswith(p) for p in cond["rules"]):
        return False
    if "context" in cond and not set(cond["context"]) & set(event.context):
        return False
    if cond.get("two_sided") and not (len(event.source) >= 2 and not event.target):
        return False
    if cond.get("killed") and not _killed(event):
        return False
    return (_sides_match(cond, event) and _text_match(cond, event)
            and _context_match(cond, event, others))


ACLED_CONDITIONS = frozenset({
    "type", "modes", "own_modes", "rules", "trigger_words", "sentence_words",
    "sentence_words_not", "context", "two_sided", "killed", "protest_nearby",
    "protester_violence_nearby", "force_nearby", "lethal_nearby", "claimed",
    *(f"{side}{suffix}" for side in ("source", "target")
      for suffix in ("", "_not", "_primary", "_none")),
})


class MappingDataError(ValueError):
    """A user ACLED rule file that cannot be used; the message names the file and rule."""


def _check_rule(rule: Any, where: str) -> dict[str, Any]:
    if not isinstance(rule, dict) or "acled" not in rule:
        raise MappingDataError(f"{where}: a rule is a mapping with 'when' and 'acled'")
    when = rule.get("when") or {}
    if not isinstance(when, dict):
        raise MappingDataError(f"{where}: 'when' must be a mapping of conditions")
    unknown = sorted(set(when) - ACLED_CONDITIONS)
    if unknown:
        raise MappingDataError(f"{where}: unknown condition(s) {unknown}; known: "
                               f"{', '.join(sorted(ACLED_CONDITIONS))}")
    value = rule["acled"]
    if value is not None and not (isinstance(value, list) and len(value) == 2
                                  and all(isinstance(v, str) for v in value)):
        raise MappingDataError(f"{where}: 'acled' is null or [event type, sub-event type]")
    types = when.get("type")
    for type_ in [types] if isinstance(types, str) else types or []:
        if str(type_).upper() not in EVENT_TYPES:
            raise MappingDataError(f"{where}: unknown PLOVER type {type_!r}")
    return rule


@lru_cache(maxsize=8)
def acled_rules(extra_files: tuple[str, ...] = ()) -> tuple[dict[str, Any], ...]:
    """The ACLED rules in the order they are tried: the user's files first (so a user rule
    overrides a packaged one), then ``data/acled.yaml``."""
    rules: list[dict[str, Any]] = []
    for path in extra_files:
        try:
            with open(path, encoding="utf-8") as handle:
                data = yaml.load(handle, Loader=WordLoader)  # noqa: S506 - SafeLoader
        except OSError as exc:
            raise MappingDataError(f"ACLED rule file {path}: {exc.strerror or exc}") from None
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise MappingDataError(f"ACLED rule file {path}: not valid YAML ({exc})") from None
        entries = data.get("rules") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise MappingDataError(f"ACLED rule file {path}: expected a mapping with a "
                                   "'rules' list")
        rules += [_check_rule(r, f"ACLED rule file {path}, rule {n}")
                  for n, r in enumerate(entries, 1)]
    return (*rules, *_acled()["rules"])


def acled_types(event: Event, others: list[Event],
                rules: tuple[dict[str, Any], ...] | None = None) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type) for a coded event, or ``(None, None)``.

    ``others`` are the other events of the same incident (nearby sentences of a paragraph):
    a protest met with force becomes "Protest with intervention" or, with deaths, "Excessive
    force against protesters"; a killing beside a suicide bombing is that bombing.
    ``rules`` defaults to the packaged ones (see :func:`acled_rules` for user files).
    """
    mode = _incident_mode(event, others)
    for rule in acled_rules() if rules is None else rules:
        if _matches(rule.get("when") or {}, event, others, mode):
            value = rule.get("acled")
            if not value:
                return None, None
            return value[0], value[1]
    return None, None
