"""CASE 2021 Task 2: short ACLED event descriptions -> ACLED sub-event type.

Gold: ``snippets.tsv`` with columns ``id, EventSnippet, SubType``; SubType is a CASE code
(AIR_STRIKE, PEACE_PROTEST, ...) for one of the 25 ACLED sub-event types, or one of five
non-ACLED classes (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) for which
gestae should code no ACLED type at all. The code-to-name table is data
(``data/case2021_codes.tsv``).

Prediction for a snippet: the ``acled_sub_event_type`` of its first event (the contract puts
the most reliable event first); no event, a null type or an error all mean "uncoded".

Metrics:
- ``accuracy``: share of ACLED snippets whose prediction equals the gold ACLED name
  (uncoded counts as wrong).
- ``weighted_f1`` / ``macro_f1``: per-class F1 over the 25 ACLED names, computed on the ACLED
  snippets only (uncoded is a miss of the gold class, a false positive of nothing), averaged
  by gold support / unweighted. The macro mean covers the ACLED names present in the gold
  sample or predicted (all 25 on the full file; fewer on a ``--limit`` sample).
- ``non_acled_uncoded`` / ``non_acled_uncoded_rate``: non-ACLED snippets left uncoded.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gestae.evaluate.base import (
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

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FILE = "snippets.tsv"
UNCODED = "(uncoded)"


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    code: str  # CASE code, e.g. AIR_STRIKE or DIPLO


@dataclass
class CaseScores:
    """Everything the report shows, as plain numbers."""

    n_acled: int
    accuracy: float
    weighted_f1: float
    macro_f1: float
    per_class: dict[str, tuple[float, float, float, int]]  # name -> p, r, f1, support
    confusion: Counter[tuple[str, str]]  # (gold name, predicted name or UNCODED) -> count
    n_non_acled: int
    non_acled_uncoded: int
    non_acled: dict[str, Counter[str]] = field(default_factory=dict)  # code -> predictions


@dataclass
class MatrixReport(Report):
    """A Report whose JSON also carries a full confusion matrix (too wide for a table)."""

    matrix: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data["confusion_matrix"] = self.matrix
        return data


# -- the code table -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def code_table() -> dict[str, str | None]:
    """CASE code -> ACLED sub-event name (None for the non-ACLED classes), in file order."""
    table: dict[str, str | None] = {}
    lines = (DATA / "case2021_codes.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line.strip() and not line.startswith("#")]
    for row in rows[1:]:  # header: code, acled_name
        code, _, name = row.partition("\t")
        table[code.strip()] = name.strip() or None
    return table


def acled_names() -> list[str]:
    """The 25 ACLED sub-event types, in table order."""
    return [name for name in code_table().values() if name is not None]


def acled_name(code: str) -> str | None:
    """ACLED name of a CASE code; None for a non-ACLED class. Unknown codes are an error."""
    try:
        return code_table()[code]
    except KeyError:
        raise ValueError(f"unknown CASE 2021 sub-type code {code!r}") from None


# -- reading ------------------------------------------------------------------------------


def gold_file(path: Path) -> Path:
    """Accept the gold file itself or the folder that holds it."""
    return base_gold_file(path, DEFAULT_FILE)


def read_snippets(path: Path) -> list[Snippet]:
    """Read ``id, EventSnippet, SubType`` rows (tab separated, with a header, CSV quoting)."""
    with gold_file(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    snippets = []
    for row in rows[1:]:
        if len(row) < 3 or not row[0].strip():
            continue
        ident, text, code = row[0].strip(), row[1].strip(), row[2].strip()
        acled_name(code)  # fail early on a code the table does not know
        snippets.append(Snippet(ident, text, code))
    return snippets


# -- predictions --------------------------------------------------------------------------


def first_sub_event(result: dict[str, Any]) -> str | None:
    """ACLED sub-event type of a result's first event (None: uncoded or error)."""
    events = result.get("events") or []
    return events[0].get("acled_sub_event_type") if events else None


# -- scoring ------------------------------------------------------------------------------


def score(gold_codes: Sequence[str], predicted: Sequence[str | None]) -> CaseScores:
    """Score predicted ACLED names (None = uncoded) against gold CASE codes.

    Accuracy and F1 use the ACLED snippets only. Per-class F1 covers the 25 ACLED names that
    occur in the gold sample or in the predictions, so a small ``--limit`` sample is not
    dragged down by classes it cannot contain.
    """
    if len(gold_codes) != len(predicted):
        raise ValueError("gold and predictions differ in length")
    gold_names: list[str] = []
    pred_names: list[str] = []
    non_acled: dict[str, Counter[str]] = {}
    for code, pred in zip(gold_codes, predicted, strict=True):
        name = acled_name(code)
        if name is None:
            non_acled.setdefault(code, Counter())[pred or UNCODED] += 1
            continue
        gold_names.append(name)
        pred_names.append(pred or UNCODED)
    seen = set(gold_names) | set(pred_names)
    labels = [name for name in acled_names() if name in seen]
    scores = classification_scores(gold_names, pred_names, labels=labels)
    uncoded = sum(c[UNCODED] for c in non_acled.values())
    return CaseScores(
        n_acled=len(gold_names),
        accuracy=scores.accuracy,
        weighted_f1=scores.weighted_f1,
        macro_f1=scores.macro_f1,
        per_class={str(k): v for k, v in scores.per_class.items()},
        confusion=Counter({(str(g), str(p)): n for (g, p), n in scores.confusion.items()}),
        n_non_acled=sum(sum(c.values()) for c in non_acled.values()),
        non_acled_uncoded=uncoded,
        non_acled=non_acled,
    )


def top_confusions(confusion: Counter[tuple[str, str]], n: int = 15) -> list[list[Any]]:
    """The most frequent gold != predicted pairs, largest first."""
    wrong = [(g, p, c) for (g, p), c in confusion.items() if g != p]
    wrong.sort(key=lambda row: (-row[2], row[0], row[1]))
    return [list(row) for row in wrong[:n]]


def confusion_matrix(confusion: Counter[tuple[str, str]]) -> dict[str, Any]:
    """Full matrix: rows are the gold ACLED names, columns the predicted names + uncoded."""
    rows = acled_names()
    extra = sorted({p for _, p in confusion} - set(rows) - {UNCODED})
    columns = rows + extra + [UNCODED]
    return {"rows": rows, "columns": columns,
            "counts": [[confusion[(g, p)] for p in columns] for g in rows]}


# -- runner -------------------------------------------------------------------------------




@register("case2021", "CASE 2021 Task 2 ACLED sub-event types")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    snippets = read_snippets(Path(path))[:limit]
    results = predict(pipeline, snippets)
    errors = sum(1 for r in results if "error" in r)
    s = score([sn.code for sn in snippets], [first_sub_event(r) for r in results])
    report = MatrixReport(
        dataset="case2021", path=str(path), n=len(snippets),
        metrics={
            "n_acled": s.n_acled,
            "accuracy": s.accuracy,
            "weighted_f1": s.weighted_f1,
            "macro_f1": s.macro_f1,
            "n_non_acled": s.n_non_acled,
            "non_acled_uncoded": s.non_acled_uncoded,
            "non_acled_uncoded_rate": safe_div(s.non_acled_uncoded, s.n_non_acled),
            "errors": errors,
        },
        matrix=confusion_matrix(s.confusion),
    )
    report.add_table("per ACLED sub-event type", ["sub-event type", "n", "P", "R", "F1"],
                     [[name, sup, p, r, f] for name, (p, r, f, sup) in s.per_class.items()])
    report.add_table("top confusions (gold -> predicted)", ["gold", "predicted", "n"],
                     top_confusions(s.confusion))
    report.add_table("non-ACLED snippets", ["class", "n", "uncoded", "coded as"],
                     [[code, sum(c.values()), c[UNCODED],
                       ", ".join(f"{p} {k}" for p, k in c.most_common() if p != UNCODED)]
                      for code, c in sorted(s.non_acled.items())])
    gold_names = [(acled_name(sn.code), r) for sn, r in zip(snippets, results, strict=True)]
    report.add_table("calibration: accuracy per confidence of the first event (ACLED snippets)",
                     ["confidence", "n", "accuracy"],
                     calibration_rows((first_confidence(r), first_sub_event(r) == name)
                                      for name, r in gold_names if name))
    report.notes += [
        "prediction = acled_sub_event_type of the first event; no event counts as wrong",
        "accuracy and F1 over ACLED snippets only; F1 classes = ACLED types seen in gold or "
        "predictions; full confusion matrix in the JSON output",
    ]
    return report
