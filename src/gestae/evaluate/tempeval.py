"""TempEval-3 TimeML (``*.tml``): DATE expressions and their values, given the DCT.

The reader strips the markup of the ``<TEXT>`` element to plain text, keeping the character
offsets of every ``TIMEX3`` inside it. The document creation time is the TIMEX3 with
``functionInDocument="CREATION_TIME"`` (in ``<DCT>``); its value, cut to a day, is the article
date the pipeline gets. The DCT itself is not scored.
"""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gestae.evaluate.base import PipelineLike, Report, collect, register, safe_div
from gestae.model import TimeRef
from gestae.time import iso_value


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    tid: str | None = None


@dataclass
class GoldDoc:
    id: str
    text: str
    dct: str | None
    timexes: list[Timex] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------


def _content(element: ET.Element, parts: list[str], timexes: list[Timex]) -> None:
    """Append the element's own text and its children (each with its tail) to ``parts``."""
    if element.text:
        parts.append(element.text)
    for child in element:
        _flatten(child, parts, timexes)
        if child.tail:
            parts.append(child.tail)


def _flatten(element: ET.Element, parts: list[str], timexes: list[Timex]) -> None:
    """Append the element's text to ``parts``, recording TIMEX3 offsets (recursive)."""
    start = sum(map(len, parts))
    _content(element, parts, timexes)
    if element.tag == "TIMEX3":
        end = sum(map(len, parts))
        timexes.append(Timex(start=start, end=end, text="".join(parts)[start:end],
                             type=element.get("type", ""), value=element.get("value"),
                             tid=element.get("tid")))


def text_and_timexes(element: ET.Element) -> tuple[str, list[Timex]]:
    """The element's text without markup, and its TIMEX3s with offsets into that text."""
    parts: list[str] = []
    timexes: list[Timex] = []
    _content(element, parts, timexes)
    timexes.sort(key=lambda t: t.start)
    return "".join(parts), timexes


def read_file(path: str | Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    body = root.find("TEXT")
    text, timexes = text_and_timexes(body) if body is not None else ("", [])
    doc_id = (root.findtext("DOCID") or Path(path).stem).strip()
    return GoldDoc(id=doc_id, text=text, dct=dct, timexes=timexes)


def read(path: str | Path) -> list[GoldDoc]:
    """One ``.tml`` file, or every ``.tml`` file of a folder (sorted by name)."""
    path = Path(path)
    files = sorted(path.glob("*.tml")) if path.is_dir() else [path]
    return [read_file(f) for f in files]


# -- scoring ------------------------------------------------------------------------------


def overlap(a: Timex | TimeRef, b: Timex | TimeRef) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def best_match(gold: Timex, times: Sequence[TimeRef]) -> TimeRef | None:
    """The predicted expression sharing the most characters with the gold one."""
    hits = [t for t in times if overlap(gold, t) > 0]
    return max(hits, key=lambda t: overlap(gold, t)) if hits else None


def same_value(predicted: str | None, gold: str | None, dct: str | None) -> bool:
    """Equal values, or equal once TimeML's own forms are written in ISO 8601 as gestae's
    contract does ("2012-SU" = "2012-06/2012-08", "199" = "1990/1999", "PRESENT_REF" = the
    creation day). The conversion is the same function for both sides."""
    if predicted is None or gold is None:
        return False
    if predicted == gold:
        return True
    anchor = _dt.date.fromisoformat(dct[:10]) if dct else None
    gold_iso = iso_value(gold, anchor)
    return gold_iso is not None and gold_iso == iso_value(predicted, anchor)


def score(gold: Sequence[GoldDoc], predictions: dict[str, list[TimeRef]]
          ) -> tuple[dict[str, float | int | None], list[list[Any]]]:
    """Span recall and value accuracy over gold DATEs; span precision over all gold TIMEX3."""
    n_dates = found = right = n_pred = n_pred_hit = 0
    rows: list[list[Any]] = []
    for doc in gold:
        times = predictions.get(doc.id, [])
        n_pred += len(times)
        n_pred_hit += sum(any(overlap(g, t) > 0 for g in doc.timexes) for t in times)
        for timex in doc.timexes:
            if timex.type != "DATE":
                continue
            n_dates += 1
            pred = best_match(timex, times)
            found += pred is not None
            ok = pred is not None and same_value(pred.value, timex.value, doc.dct)
            right += ok
            rows.append([doc.id, timex.text, timex.value,
                         pred.text if pred else None, pred.value if pred else None,
                         "yes" if ok else "no"])
    metrics: dict[str, float | int | None] = {
        "span_recall": safe_div(found, n_dates),
        "value_accuracy": safe_div(right, n_dates),
        "value_accuracy_found": safe_div(right, found),
        "span_precision": safe_div(n_pred_hit, n_pred),
        "gold_dates": n_dates, "found": found, "values_right": right,
        "predicted_times": n_pred,
    }
    return metrics, rows


# -- running ------------------------------------------------------------------------------


def predicted_times(results: Iterable[Any]) -> tuple[dict[str, list[TimeRef]], int]:
    return collect(results, "times")


@register("tempeval", "TempEval-3 TIMEX3 DATE values given the document creation time")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    gold = read(path)
    if limit:
        gold = gold[:limit]
    items = [{"id": d.id, "text": d.text, "date": (d.dct or "")[:10] or None} for d in gold]
    predictions, errors = predicted_times(pipeline.extract_many(items))
    metrics, rows = score(gold, predictions)
    metrics["errors"] = errors
    report = Report(dataset="tempeval", path=str(path), n=int(metrics["gold_dates"] or 0),
                    metrics=metrics)
    report.add_table("Gold DATE expressions", ["doc", "gold text", "gold value", "predicted text",
                                               "predicted value", "right"], rows)
    report.notes += [
        "span_recall: gold DATE TIMEX3 (DCT excluded) overlapped by a predicted `times` entry",
        "value_accuracy: the most-overlapping prediction's value equals the gold value exactly, "
        "over all gold DATEs (not found = wrong); value_accuracy_found over found ones",
        "span_precision: predicted `times` entries overlapping any gold TIMEX3 (any type)",
    ]
    return report
