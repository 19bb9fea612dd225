"""gestae: news articles to political and conflict event data, offline.

>>> import gestae
>>> result = gestae.extract("Police arrested 12 protesters in Basra on Sunday.",
...                         date="2020-01-27")
>>> result.events[0].type
'COERCE'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Pipeline", "Store", "extract", "__version__"]

if TYPE_CHECKING:
    from gestae.pipeline import Pipeline, extract
    from gestae.store import Store


def __getattr__(name: str) -> Any:
    # Lazy, so `gestae --version` and `--help` answer without loading spaCy.
    if name in ("Pipeline", "extract"):
        from gestae import pipeline

        return getattr(pipeline, name)
    if name == "Store":
        from gestae.store import Store

        return Store
    raise AttributeError(f"module 'gestae' has no attribute {name!r}")
