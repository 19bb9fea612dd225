"""re3d (Dstl) entity gold: Organisation, Person and Location mentions.

Each source folder holds ``documents.json`` (``_id``, ``text`` ...) and ``entities.json``
(``documentId``, ``begin``, ``end``, ``type``, ``value``, ``confidence``), one JSON object a
line (a ``mongoexport``). ``path`` is the re3d folder (every source below it) or one source
folder. All gold entities are kept whatever their ``confidence`` (many correct ones carry 0).

Predictions: actors by ``kind`` and places, mapped through ``data/re3d_labels.yaml``.
Scores: exact span match, and overlap match (a gold and a predicted mention of the same type
whose spans overlap, paired one to one, largest overlap first).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gestae.evaluate.base import PipelineLike, Report, prf, register
from gestae.model import Actor, DocumentResult, Place

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int
    label: str
    text: str = ""


@dataclass
class GoldDoc:
    id: str
    text: str
    source: str
    entities: list[Mention]


# -- reading ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def label_map() -> dict[str, Any]:
    with open(DATA / "re3d_labels.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def scored_labels() -> list[str]:
    return list(label_map()["scored"])


def _json_lines(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8-sig") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_source(folder: Path) -> list[GoldDoc]:
    """One source folder: its documents with their scored gold entities (deduplicated)."""
    labels = set(scored_labels())
    docs = {d["_id"]: GoldDoc(id=d["_id"], text=d.get("text") or "", source=folder.name,
                              entities=[]) for d in _json_lines(folder / "documents.json")}
    seen: set[tuple[str, int, int, str]] = set()
    for e in _json_lines(folder / "entities.json"):
        doc = docs.get(e.get("documentId"))
        key = (e.get("documentId"), e.get("begin"), e.get("end"), e.get("type"))
        if doc is None or e.get("type") not in labels or key in seen:
            continue
        seen.add(key)
        doc.entities.append(Mention(doc=doc.id, start=int(e["begin"]), end=int(e["end"]),
                                    label=e["type"], text=e.get("value") or ""))
    return list(docs.values())


def read(path: str | Path) -> list[GoldDoc]:
    """A source folder, or the re3d folder with one folder per source (sorted by name)."""
    path = Path(path)
    if (path / "documents.json").exists():
        return read_source(path)
    out: list[GoldDoc] = []
    for folder in sorted(p for p in path.iterdir() if (p / "documents.json").exists()):
        out += read_source(folder)
    return out


# -- predictions --------------------------------------------------------------------------


def predicted_mentions(doc_id: str, actors: Sequence[Actor], places: Sequence[Place]
                       ) -> list[Mention]:
    """gestae actors and places as re3d-typed mentions (see data/re3d_labels.yaml)."""
    mapping = label_map()
    kinds: dict[Any, str] = mapping["actor_kinds"]
    place_spans = {(p.start, p.end) for p in places}
    out = {Mention(doc_id, p.start, p.end, mapping["places"], p.text) for p in places}
    for actor in actors:
        if actor.kind == "state" and (actor.start, actor.end) in place_spans:
            label = mapping.get("state_on_place") or kinds.get("state")
        else:
            label = kinds.get(actor.kind)
        if label:
            out.add(Mention(doc_id, actor.start, actor.end, label, actor.text))
    return sorted(out, key=lambda m: (m.start, m.end, m.label))


# -- scoring ------------------------------------------------------------------------------


def overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def overlap_pairs(gold: Sequence[Mention], pred: Sequence[Mention]) -> int:
    """Gold-predicted pairs of one label that overlap, one to one, largest overlap first."""
    candidates = sorted(((overlap(g, p), i, j) for i, g in enumerate(gold)
                         for j, p in enumerate(pred)
                         if g.doc == p.doc and g.label == p.label and overlap(g, p) > 0),
                        key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def score(gold: Sequence[Mention], pred: Sequence[Mention], labels: Iterable[str]
          ) -> tuple[dict[str, float | int | None], list[list[Any]]]:
    """Micro P/R/F1 (exact and overlap) over ``labels``, and one table row per label."""
    labels = list(labels)
    rows: list[list[Any]] = []
    totals = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}  # tp, n_pred, n_gold
    for label in labels:
        g = [m for m in gold if m.label == label]
        p = [m for m in pred if m.label == label]
        exact = len({(m.doc, m.start, m.end) for m in g} & {(m.doc, m.start, m.end) for m in p})
        loose = overlap_pairs(g, p)
        ep, er, ef = prf(exact, len(p) - exact, len(g) - exact)
        op, orr, of = prf(loose, len(p) - loose, len(g) - loose)
        rows.append([label, len(g), len(p), ep, er, ef, op, orr, of])
        for key, tp in (("exact", exact), ("overlap", loose)):
            totals[key][0] += tp
            totals[key][1] += len(p)
            totals[key][2] += len(g)
    metrics: dict[str, float | int | None] = {}
    for key, (tp, n_pred, n_gold) in totals.items():
        p_, r_, f_ = prf(tp, n_pred - tp, n_gold - tp)
        metrics.update({f"precision_{key}": p_, f"recall_{key}": r_, f"f1_{key}": f_})
    metrics["gold_entities"] = len(gold)
    metrics["predicted_entities"] = len(pred)
    return metrics, rows


# -- running ------------------------------------------------------------------------------


@register("re3d", "re3d entity mentions: Organisation, Person, Location (exact and overlap)")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    docs = read(path)
    if limit:
        docs = docs[:limit]
    items = [{"id": d.id, "text": d.text, "date": None} for d in docs]
    pred: list[Mention] = []
    errors = 0
    for doc, result in zip(docs, pipeline.extract_many(items), strict=True):
        if isinstance(result, DocumentResult):
            pred += predicted_mentions(doc.id, result.actors, result.places)
        else:
            errors += 1
    gold = [m for d in docs for m in d.entities]
    metrics, rows = score(gold, pred, scored_labels())
    metrics["errors"] = errors
    report = Report(dataset="re3d", path=str(path), n=len(gold), metrics=metrics)
    report.add_table("By type", ["type", "gold", "predicted", "P exact", "R exact", "F1 exact",
                                 "P overlap", "R overlap", "F1 overlap"], rows)
    report.notes += [
        "actors: kind person -> Person; organisation, group, state, unknown -> Organisation; "
        "a state actor on exactly a place's span -> Location; places -> Location "
        "(data/re3d_labels.yaml)",
        "exact: same document, start, end and type; overlap: same type and overlapping spans, "
        "paired one to one; micro-averaged over the three types",
        "every gold entity is kept whatever its confidence; re3d also marks generic mentions "
        "('the Army', 'rebels') as Organisation, which caps recall for a name-based tagger",
    ]
    return report
