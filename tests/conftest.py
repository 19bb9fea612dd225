"""Shared fixtures: the spaCy model and the pipeline load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    from gestae.nlp import load

    return load()


@pytest.fixture(scope="session")
def pipeline():
    from gestae import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def coder(nlp):
    from gestae.coding import EventCoder

    return EventCoder(nlp)


@pytest.fixture(scope="session")
def resolver():
    from gestae.actors import ActorResolver

    return ActorResolver()
