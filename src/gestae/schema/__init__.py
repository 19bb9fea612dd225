"""The JSON Schema of gestae's output contract (one line of ``gestae extract`` output)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "output.schema.json"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("gestae.schema").joinpath(SCHEMA_FILE).read_text("utf-8")


def load_schema() -> dict[str, Any]:
    """The output schema (draft 2020-12) as a fresh dict, safe for the caller to modify."""
    return json.loads(_schema_text())
