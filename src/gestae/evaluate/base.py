"""What every evaluation returns, the registry of data sets, and shared metric helpers.

A data set module registers a runner with ``@register("name")``; the runner reads the gold
file(s) at ``path``, runs a ``Pipeline`` and returns a ``Report``. Scoring functions are kept
separate from reading and running, so they can be unit tested on tiny hand-made gold data.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


class PipelineLike(Protocol):
    def extract(self, text: Any = None, *, date: str | None = None, id: str = "doc",
                html: str | None = None) -> Any: ...

    def extract_many(self, articles: Iterable[Any]) -> Iterable[Any]: ...


@dataclass
class Report:
    """The outcome of one evaluation: headline figures, then tables for people."""

    dataset: str
    path: str
    n: int  # items scored (sentences, documents, toponyms ...)
    metrics: dict[str, float | int | None]
    tables: list[tuple[str, list[str], list[list[Any]]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float | None = None

    def add_table(self, title: str, header: list[str], rows: list[list[Any]]) -> None:
        self.tables.append((title, header, rows))

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "path": self.path, "n": self.n, "metrics": self.metrics,
            "tables": [{"title": t, "header": h, "rows": r} for t, h, r in self.tables],
            "notes": self.notes, "seconds": self.seconds,
        }

    def render(self) -> str:
        lines = [f"{self.dataset}: {self.n} items from {self.path}"]
        if self.seconds is not None:
            lines[0] += f" in {self.seconds:.1f}s"
        lines.append(render_table(["metric", "value"],
                                  [[k, fmt(v)] for k, v in self.metrics.items()]))
        for title, header, rows in self.tables:
            lines += ["", title, render_table(header, rows)]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)

    def write_json(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), indent=2) + "\n")


Runner = Callable[[Path, PipelineLike, "int | None"], Report]
REGISTRY: dict[str, tuple[Runner, str]] = {}


def register(name: str, description: str) -> Callable[[Runner], Runner]:
    """Decorator: make a runner available as ``gestae eval NAME PATH``."""

    def wrap(fn: Runner) -> Runner:
        REGISTRY[name] = (fn, description)
        return fn

    return wrap


# -- formatting ---------------------------------------------------------------------------


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(h) for h in header]] + [[fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    out = []
    for n, row in enumerate(cells):
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


# -- metrics ------------------------------------------------------------------------------


def safe_div(num: float, den: float) -> float:
    return num / den if den else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = safe_div(tp, tp + fp)
    r = safe_div(tp, tp + fn)
    return p, r, safe_div(2 * p * r, p + r)


@dataclass
class ClassScores:
    labels: list[Hashable]
    per_class: dict[Hashable, tuple[float, float, float, int]]  # p, r, f1, support
    accuracy: float
    macro_f1: float
    weighted_f1: float
    confusion: Counter[tuple[Hashable, Hashable]]


def classification_scores(gold: Sequence[Hashable], pred: Sequence[Hashable],
                          labels: Iterable[Hashable] | None = None) -> ClassScores:
    """Accuracy, per-class P/R/F1, macro and support-weighted F1 over ``labels``.

    ``labels`` defaults to the gold labels; predictions outside it count as false negatives
    of the gold class (and as false positives of nothing), as in sklearn's ``labels=``.
    """
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    label_list = sorted(set(gold), key=str) if labels is None else list(labels)
    confusion: Counter[tuple[Hashable, Hashable]] = Counter(zip(gold, pred, strict=False))
    per_class: dict[Hashable, tuple[float, float, float, int]] = {}
    for label in label_list:
        tp = confusion[(label, label)]
        fp = sum(c for (g, p), c in confusion.items() if p == label and g != label)
        fn = sum(c for (g, p), c in confusion.items() if g == label and p != label)
        per_class[label] = (*prf(tp, fp, fn), tp + fn)
    support = sum(s for *_, s in per_class.values())
    return ClassScores(
        labels=label_list,
        per_class=per_class,
        accuracy=safe_div(sum(g == p for g, p in zip(gold, pred, strict=False)), len(gold)),
        macro_f1=safe_div(sum(f for _, _, f, _ in per_class.values()), len(per_class)),
        weighted_f1=safe_div(sum(f * s for _, _, f, s in per_class.values()), support),
        confusion=confusion,
    )


def span_prf(gold: Iterable[tuple[Any, ...]], pred: Iterable[tuple[Any, ...]]
             ) -> tuple[float, float, float, int, int, int]:
    """Exact-match P/R/F1 over sets of hashable spans such as ``(doc, start, end, label)``."""
    g, p = set(gold), set(pred)
    tp, fp, fn = len(g & p), len(p - g), len(g - p)
    return (*prf(tp, fp, fn), tp, fp, fn)


# -- reading and collecting -----------------------------------------------------------------


def gold_file(path: Path, default_name: str) -> Path:
    """Accept a gold file itself or the folder that holds it under its usual name."""
    path = Path(path)
    return path / default_name if path.is_dir() else path


def collect(results: Iterable[Any], field_name: str) -> tuple[dict[str, list[Any]], int]:
    """One list per document id (``events``, ``places``, ``times``...); errors are counted."""
    from gestae.model import DocumentResult

    out: dict[str, list[Any]] = {}
    errors = 0
    for result in results:
        if isinstance(result, DocumentResult):
            out[result.id] = list(getattr(result, field_name))
        else:
            errors += 1
    return out, errors


# -- calibration ---------------------------------------------------------------------------

CONFIDENCE_BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def first_confidence(result: dict[str, Any]) -> float | None:
    """Confidence of the event a consumer takes as "the" event of a result (the first)."""
    events = result.get("events") or []
    return events[0].get("confidence") if events else None


def calibration_rows(pairs: Iterable[tuple[float | None, bool]]) -> list[list[Any]]:
    """Accuracy per confidence bucket: a confidence that means something rises with it.

    ``pairs`` are (confidence of the first event or None when nothing was coded, right?).
    """
    buckets: dict[str, list[int]] = {}
    labels = [f"{lo:.1f}-{min(hi, 1.0):.1f}" for lo, hi in
              zip(CONFIDENCE_BUCKETS, CONFIDENCE_BUCKETS[1:], strict=False)]
    for confidence, right in pairs:
        if confidence is None:
            label = "no event"
        else:
            index = next(i for i, hi in enumerate(CONFIDENCE_BUCKETS[1:]) if confidence < hi)
            label = labels[index]
        counts = buckets.setdefault(label, [0, 0])
        counts[0] += 1
        counts[1] += bool(right)
    order = [*labels, "no event"]
    return [[label, buckets[label][0], safe_div(buckets[label][1], buckets[label][0])]
            for label in order if label in buckets]


def predict(pipeline: PipelineLike, items: Iterable[Any]) -> list[dict[str, Any]]:
    """Contract dicts for gold items (anything with ``id``, ``text`` and optionally ``date``),
    in order, through the pipeline's batched ``extract_many``."""
    articles = ({"id": i.id, "text": i.text, "date": getattr(i, "date", None)} for i in items)
    return [result.to_dict() for result in pipeline.extract_many(articles)]
