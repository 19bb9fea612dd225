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

def _sectors(actors: list[Actor]) -> set[str]:
    out: set[str] = set()
    for actor in actors:
        if actor.sector:
            out.add(actor.sector)
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


def _has_side(actors: list[Actor], spec: str) -> bool:
    """``protester`` is a pseudo-group matched on the actor text."""
    if spec == "protester":
        return any(w in a.text.lower() for a in actors for w in _acled()["protester_words"])
    return bool(_sectors(actors) & _group(spec))


def _is_force(other: Event) -> bool:
    if other.type not in ("ASSAULT", "COERCE") or other.negated:
        return False
    return _has_side(other.source, "state_force") or _has_side(other.target, "protester")


def _matches(cond: dict[str, Any], event: Event, others: list[Event]) -> bool:
    """Whether every condition of one ``acled.yaml`` rule holds for ``event``."""
    types = cond.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else types
        if event.type not in allowed:
            return False
    if "modes" in cond and event.mode not in cond["modes"]:
        return False
    if "rules" in cond and not any(event.evidence.rule.startswith(p) for p in cond["rules"]):
        return False
    if "trigger_words" in cond:
        text = f"{event.evidence.trigger} {event.evidence.text}".lower()
        if not any(w in text for w in cond["trigger_words"]):
            return False
    if "context" in cond and not set(cond["context"]) & set(event.context):
        return False
    for side in ("source", "target"):
        actors = getattr(event, side)
        if side in cond and not _has_side(actors, cond[side]):
            return False
        if f"{side}_not" in cond and _has_side(actors, cond[f"{side}_not"]):
            return False
    if cond.get("two_sided") and not (len(event.source) >= 2 and not event.target):
        return False
    if cond.get("killed") and not _killed(event):
        return False
    rest = [o for o in others if o is not event]
    if cond.get("protest_nearby") and not any(
        o.type == "PROTEST" and not o.negated for o in rest
    ):
        return False
    force = cond.get("force_nearby")
    if force:
        forceful = [o for o in rest if _is_force(o)]
        if not forceful:
            return False
        if force == "lethal" and not (_killed(event) or any(_killed(o) for o in forceful)):
            return False
    return True


def acled_types(event: Event, others: list[Event]) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type) for a coded event, or ``(None, None)``.

    ``others`` are the other events of the same sentence (the event itself may be among them):
    a protest met with force becomes "Protest with intervention" or, with deaths, "Excessive
    force against protesters".
    """
    for rule in _acled()["rules"]:
        if _matches(rule.get("when") or {}, event, others):
            value = rule.get("acled")
            if not value:
                return None, None
            return value[0], value[1]
    return None, None
