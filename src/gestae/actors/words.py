"""The word lists of the actor data's ``settings`` that phrase reading consults, built once
per knowledge base, and the gazetteer check for place names.

Both the document reading (``resolver``) and the argument-phrase fallbacks (``arguments``)
read the same lists; they live here so the two agree on one normalised copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gestae.actors.kb import norm, plural


@dataclass(frozen=True)
class ActorWords:
    """The settings word lists, normalised (and with plurals) where the readers need it."""

    locative: frozenset[str]
    attach: frozenset[str]
    place_nouns: frozenset[str]
    skip: frozenset[str]
    place_verbs: frozenset[str]
    vessels: frozenset[str]
    not_actors: frozenset[str]
    based_in: frozenset[str]
    group_nouns: frozenset[str]
    place_heads: frozenset[str]
    state_nouns: frozenset[str]
    owned_things: frozenset[str]
    owned_acts: frozenset[str]
    owner_preps: frozenset[str]
    institutions: frozenset[str]
    actor_nouns: frozenset[str]
    place_acts: frozenset[str]
    place_antecedents: frozenset[str]
    topic_preps: frozenset[str]
    people_nouns: frozenset[str]
    people_pronouns: frozenset[str]
    author_acts: frozenset[str]
    one_person: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, s: Mapping[str, frozenset[str]]) -> ActorWords:
        place_nouns = s.get("place_nouns", frozenset())
        return cls(
            locative=s.get("locative_prepositions", frozenset()),
            attach=s.get("attach_prepositions", frozenset()),
            place_nouns=place_nouns,
            skip=s.get("skip_words", frozenset()),
            place_verbs=s.get("place_verbs", frozenset()),
            vessels=frozenset(v.upper() for v in s.get("vessel_prefixes", frozenset())),
            not_actors=frozenset(norm(w) for w in s.get("not_actors", frozenset())),
            based_in=s.get("based_prepositions", frozenset({"in", "at", "inside"})),
            group_nouns=frozenset(norm(w) for w in s.get("argument_nouns", frozenset())),
            place_heads=place_nouns | s.get("place_heads", frozenset()),
            state_nouns=frozenset(norm(w) for w in s.get("state_descriptions", frozenset())),
            owned_things=with_plural_forms(s.get("owned_things", frozenset())),
            owned_acts=with_plural_forms(s.get("owned_acts", frozenset())),
            owner_preps=s.get("owner_prepositions", frozenset()),
            institutions=with_plural_forms(s.get("institution_nouns", frozenset())),
            actor_nouns=frozenset(norm(w) for w in s.get("actor_nouns", frozenset())),
            place_acts=with_plural_forms(s.get("place_acts", frozenset())),
            place_antecedents=s.get("place_antecedents", frozenset()),
            topic_preps=s.get("topic_prepositions", frozenset()),
            people_nouns=with_plural_forms(s.get("people_nouns", frozenset())),
            people_pronouns=s.get("people_pronouns", frozenset()),
            author_acts=with_plural_forms(s.get("author_acts", frozenset())),
            one_person=frozenset(norm(w) for w in s.get("one_person_nouns", frozenset())),
        )


def with_plural_forms(words: Iterable[str]) -> frozenset[str]:
    """Normalised words with their plurals ("camp" -> "camps"), for head-noun lists."""
    out: set[str] = set()
    for word in words:
        out.add(norm(word))
        out.add(norm(plural(word)))
    return frozenset(out)


def is_place_name(text: str) -> bool:
    """Does the gazetteer know this name as a place? (Loaded once per process by geo.)"""
    from gestae.geo.gazetteer import get_gazetteer  # noqa: PLC0415 - only when needed

    return get_gazetteer().has_name(text)
