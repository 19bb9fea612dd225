"""A stand-in pipeline for scorer tests: hand-made results, no model."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any


class FakePipeline:
    """Answers ``extract_many`` with ``make(item)`` for each item and records the items."""

    def __init__(self, make: Callable[[dict[str, Any]], Any]) -> None:
        self.make = make
        self.items: list[dict[str, Any]] = []

    def extract(self, text: Any = None, *, date: str | None = None, id: str = "doc",
                html: str | None = None) -> Any:
        raise NotImplementedError

    def extract_many(self, articles: Iterable[dict[str, Any]]) -> Iterator[Any]:
        for item in articles:
            self.items.append(item)
            yield self.make(item)
