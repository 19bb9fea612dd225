"""ConfliBERT CAMEO sentences -> quad class.

Gold: ``cameo_class_train.tsv``, one ``sentence<TAB>label`` a line (no header), label 0
neutral, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.

Prediction for a sentence: the ``quad_class`` of its first event; no event (or a null quad
class, or an error) is 0, neutral.

Metrics: ``accuracy`` over all sentences; ``macro_f1`` the unweighted mean of the per-class F1
over the five labels 0-4; ``weighted_f1`` weighted by gold support; ``event_rate`` the share
of sentences with at least one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gestae.evaluate.base import (
    ClassScores,
    PipelineLike,
    Report,
    calibration_rows,
    classification_scores,
    first_confidence,
    predict,
    register,
    safe_div,
)
from gestae.evaluate.base import gold_file as base_gold_file

DEFAULT_FILE = "cameo_class_train.tsv"
LABELS: dict[int, str] = {
    0: "neutral",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    label: int


def gold_file(path: Path) -> Path:
    """Accept the gold file itself or the folder that holds it."""
    return base_gold_file(path, DEFAULT_FILE)


def read_sentences(path: Path) -> list[Sentence]:
    """Read ``sentence<TAB>label`` lines; ids are the 1-based line numbers."""
    sentences = []
    text = gold_file(path).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        sentence, _, label = line.rstrip("\r").rpartition("\t")
        if not sentence or not label.strip().isdigit() or int(label) not in LABELS:
            raise ValueError(f"{path}: line {number}: expected 'sentence<TAB>label 0-4'")
        sentences.append(Sentence(str(number), sentence.strip(), int(label)))
    return sentences


def first_quad(result: dict[str, Any]) -> int:
    """Quad class of a result's first event; 0 (neutral) when there is none."""
    events = result.get("events") or []
    quad = events[0].get("quad_class") if events else None
    return int(quad) if quad in LABELS else 0


def score(gold: Sequence[int], predicted: Sequence[int]) -> ClassScores:
    """Accuracy and per-class / macro / weighted F1 over the five quad labels."""
    return classification_scores(list(gold), list(predicted), labels=list(LABELS))




@register("conflibert-quad", "ConfliBERT CAMEO sentences: quad class (0 neutral .. 4)")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    sentences = read_sentences(Path(path))[:limit]
    results = predict(pipeline, sentences)
    predicted = [first_quad(r) for r in results]
    s = score([x.label for x in sentences], predicted)
    with_event = sum(1 for r in results if r.get("events"))
    report = Report(
        dataset="conflibert-quad", path=str(path), n=len(sentences),
        metrics={
            "accuracy": s.accuracy,
            "macro_f1": s.macro_f1,
            "weighted_f1": s.weighted_f1,
            "event_rate": safe_div(with_event, len(sentences)),
            "errors": sum(1 for r in results if "error" in r),
        },
    )
    report.add_table("per quad class", ["class", "n", "P", "R", "F1"],
                     [[f"{k} {LABELS[k]}", sup, p, r, f]
                      for k, (p, r, f, sup) in s.per_class.items()])  # type: ignore[index]
    report.add_table("confusion (rows gold, columns predicted)",
                     ["gold", *(str(k) for k in LABELS)],
                     [[f"{g} {LABELS[g]}", *(s.confusion[(g, p)] for p in LABELS)]
                      for g in LABELS])
    report.add_table("calibration: accuracy per confidence of the first event",
                     ["confidence", "n", "accuracy"],
                     calibration_rows((first_confidence(r), p == x.label)
                                      for r, p, x in zip(results, predicted, sentences,
                                                         strict=True)))
    report.notes.append("prediction = quad_class of the first event; no event = 0 (neutral)")
    return report
