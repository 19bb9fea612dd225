"""re3d (Dstl) entity gold: Organisation, Person and Location mentions.

Each source folder holds ``documents.json`` (``_id``, ``text`` ...) and ``entities.json``
(``documentId``, ``begin``, ``end``, ``type``, ``value``, ``confidence``), one JSON object a
line (a ``mongoexport``). ``path`` is the re3d folder (every source below it) or one source
folder. All gold entities are kept whatever their ``confidence`` (many correct ones carry 0).

Predictions: actors by ``kind`` and places, mapped through ``data/re3d_labels.yaml``.
Scores: exact span match, and overlap match (a gold and a predicted mention of the same type
whose spans overlap, paired one to one, largest overlap first).

Countries: re3d gold has no country attribute. A gold Organisation or Person mention gets a
country only where the gold itself names one (``gold_countries``): the mention is a country
name or demonym ("Turkey", "the French"), a Nationality or Location entity nested in it names
one ("[Iraqi] security forces", "al Qaeda in [Iraq]"), or a HasAttrOf / BelongsTo relation
ties it to such an entity. Names map to ISO alpha-3 through the country table of the actor
data (names and demonyms only, no resolver logic). The "resolved" figures then count an
overlap pair of the same type as right only when, where the gold gives a country, the
predicted actor carries that country.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gestae.evaluate.base import PipelineLike, Report, prf, register, safe_div
from gestae.model import Actor, DocumentResult, Place

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int
    label: str
    text: str = ""
    country: str | None = None  # predicted: the actor's country; gold: derived (see above)


@dataclass
class GoldDoc:
    id: str
    text: str
    source: str
    entities: list[Mention]
    # (start, end) of an Organisation / Person mention -> the ISO alpha-3 the gold gives it
    countries: dict[tuple[int, int], str] = field(default_factory=dict)


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
    """One source folder: its documents with their scored gold entities (deduplicated) and
    the countries the gold gives its Organisation and Person mentions."""
    labels = set(scored_labels())
    docs = {d["_id"]: GoldDoc(id=d["_id"], text=d.get("text") or "", source=folder.name,
                              entities=[]) for d in _json_lines(folder / "documents.json")}
    seen: set[tuple[str, int, int, str]] = set()
    every: dict[str, list[Mention]] = {}
    for e in _json_lines(folder / "entities.json"):
        doc = docs.get(e.get("documentId"))
        key = (e.get("documentId"), e.get("begin"), e.get("end"), e.get("type"))
        if doc is None or key in seen:
            continue
        seen.add(key)
        mention = Mention(doc=doc.id, start=int(e["begin"]), end=int(e["end"]),
                          label=e["type"], text=e.get("value") or "")
        every.setdefault(doc.id, []).append(mention)
        if mention.label in labels:
            doc.entities.append(mention)
    links: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    relations = folder / "relations.json"
    for r in _json_lines(relations) if relations.exists() else []:
        if r.get("type") in LINKING_RELATIONS and r.get("documentId") in docs:
            links.setdefault(r["documentId"], []).append(
                ((int(r["sourceBegin"]), int(r["sourceEnd"])),
                 (int(r["targetBegin"]), int(r["targetEnd"]))))
    for doc in docs.values():
        doc.countries = gold_countries(every.get(doc.id, []), links.get(doc.id, []))
    return list(docs.values())


# -- countries the gold gives -------------------------------------------------------------

ACTOR_LABELS = ("Organisation", "Person")
LINKING_RELATIONS = frozenset({"HasAttrOf", "BelongsTo"})
_COUNTRY_SOURCES = frozenset({"Nationality", "Location", "Organisation"})
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def country_table() -> dict[str, str]:
    """Normalised country name or demonym -> ISO alpha-3, from the actor data's countries."""
    from gestae.actors.kb import DEMONYM, NAME, load_kb, norm

    table: dict[str, str] = {}
    for entry in load_kb([]).entries.values():
        if entry.type != "country" or not entry.country:
            continue
        for use in (NAME, DEMONYM):
            for phrase in entry.phrases.get(use, []):
                table.setdefault(norm(_ARTICLE.sub("", phrase)), entry.country)
    return table


def country_of(text: str) -> str | None:
    """The country a gold span names as a whole ("the United States", "Iraqi"), or None."""
    from gestae.actors.kb import norm

    return country_table().get(norm(_ARTICLE.sub("", text.strip())))


def gold_countries(mentions: Sequence[Mention],
                   links: Sequence[tuple[tuple[int, int], tuple[int, int]]]
                   ) -> dict[tuple[int, int], str]:
    """(start, end) of each Organisation / Person mention whose country the gold gives."""
    by_span = {(m.start, m.end): m for m in mentions}
    out: dict[tuple[int, int], str] = {}
    for m in mentions:
        if m.label not in ACTOR_LABELS:
            continue
        own = country_of(m.text)
        if own:
            out[(m.start, m.end)] = own
            continue
        found = {country_of(x.text) for x in mentions
                 if x is not m and x.label in _COUNTRY_SOURCES and m.start <= x.start
                 and x.end <= m.end and (x.end - x.start) < (m.end - m.start)}
        for a, b in links:
            other = by_span.get(b) if a == (m.start, m.end) else None
            if other is not None and other.label in ("Nationality", "Location"):
                found.add(country_of(other.text))
        found.discard(None)
        if len(found) == 1:
            out[(m.start, m.end)] = found.pop()  # type: ignore[assignment]
    return out


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
            if label == mapping["places"]:
                continue  # the place mention already stands for it
        else:
            label = kinds.get(actor.kind)
        if label:
            out.add(Mention(doc_id, actor.start, actor.end, label, actor.text, actor.country))
    return sorted(out, key=lambda m: (m.start, m.end, m.label))


# -- scoring ------------------------------------------------------------------------------


def overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def overlap_pairs(gold: Sequence[Mention], pred: Sequence[Mention]) -> int:
    """Gold-predicted pairs of one label that overlap, one to one, largest overlap first."""
    return len(paired(gold, pred))


def paired(gold: Sequence[Mention], pred: Sequence[Mention]) -> list[tuple[int, int]]:
    """The (gold index, predicted index) pairs behind :func:`overlap_pairs`."""
    candidates = sorted(((overlap(g, p), i, j) for i, g in enumerate(gold)
                         for j, p in enumerate(pred)
                         if g.doc == p.doc and g.label == p.label and overlap(g, p) > 0),
                        key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def country_scores(gold: Sequence[Mention], pred: Sequence[Mention]
                   ) -> dict[str, float | int | None]:
    """Organisation / Person mentions resolved with the right country where the gold has one.

    ``gold`` mentions carry the derived country (or None). Over overlap pairs of the same
    type: ``resolved_*`` count a pair right when the gold has no country or the predicted one
    equals it; ``country_*`` look only at gold mentions with a country: how many got an actor
    with a country at all (present) and how many the right one.
    """
    g = [m for m in gold if m.label in ACTOR_LABELS]
    p = [m for m in pred if m.label in ACTOR_LABELS]
    pairs = paired(g, p)
    right = sum(1 for i, j in pairs if g[i].country is None or p[j].country == g[i].country)
    with_country = [i for i, m in enumerate(g) if m.country]
    matched = {i: j for i, j in pairs if g[i].country}
    present = sum(1 for j in matched.values() if p[j].country)
    correct = sum(1 for i, j in matched.items() if p[j].country == g[i].country)
    rp, rr, rf = prf(right, len(p) - right, len(g) - right)
    return {"resolved_precision": rp, "resolved_recall": rr, "resolved_f1": rf,
            "gold_with_country": len(with_country), "country_matched": len(matched),
            "country_present": present, "country_right": correct,
            "country_recall": safe_div(correct, len(with_country)),
            "country_precision": safe_div(correct, present)}


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


def with_gold_countries(docs: Sequence[GoldDoc]) -> list[Mention]:
    """The scored gold mentions, each carrying the country the gold gives it (or None)."""
    return [replace(m, country=d.countries.get((m.start, m.end))) for d in docs
            for m in d.entities]


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
    metrics.update(country_scores(with_gold_countries(docs), pred))
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
        "countries: re3d has no country attribute; a gold Organisation/Person has one only "
        "where the gold names it (a country name or demonym as the mention, nested in it, or "
        "linked by HasAttrOf/BelongsTo); resolved_* = overlap pairs of the same type whose "
        "country is right where the gold gives one; country_precision = right / predicted "
        "with a country, country_recall = right / gold with a country",
    ]
    return report
