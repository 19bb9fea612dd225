"""Test helper: code one argument phrase the way the pipeline does before it builds events."""

from __future__ import annotations

from spacy.tokens import Doc

from gestae import nlp as nlp_module
from gestae.actors import ActorResolver
from gestae.model import Actor, Place
from gestae.pipeline import Pipeline

_DOCS: list[Doc] = []  # the resolver holds its last doc weakly: keep it alive


def read(resolver: ActorResolver, text: str) -> list[Actor]:
    """Parse and extract, as the pipeline does before it codes event arguments."""
    doc = nlp_module.load()(text)
    _DOCS[:] = [doc]
    return resolver.extract(doc)


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def argument(pipeline: Pipeline, text: str, phrase: str,
             places: list[Place] | None = None) -> Actor | None:
    """Code one argument phrase as the pipeline does, with the given places (none known by
    default)."""
    actors = read(pipeline.actors, text)
    start, end = span_of(text, phrase)
    return pipeline._argument_actor(start, end, actors, places or [], text, None)
