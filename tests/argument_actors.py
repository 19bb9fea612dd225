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


def span_of(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Character span of the ``nth`` (0-based) occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def place_at(text: str, name: str, country: str | None, feature: str | None) -> Place:
    """A gazetteer place for ``name`` where it first stands in ``text``."""
    start, end = span_of(text, name)
    return Place(text=name, start=start, end=end, name=name, country=country,
                 feature=feature)  # type: ignore[arg-type]


def argument(pipeline: Pipeline, text: str, phrase: str,
             places: list[Place] | None = None) -> Actor | None:
    """Code one argument phrase as the pipeline does, with the given places (none known by
    default)."""
    actors = read(pipeline.actors, text)
    start, end = span_of(text, phrase)
    return pipeline.actors.arguments.code(start, end, actors, places or [], text, None)
