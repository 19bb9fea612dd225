"""Event location gold (Halterman's labelled sentences, Prodigy JSON Lines).

Each line is one sentence with ``spans`` labelled ``VERB`` (the event) and ``LOCATION`` (where
that event happened; none when the sentence does not say). Some span character offsets are
broken in the file (token indices in place of characters); the reader falls back to the
token offsets, then to the span's ``text``, whichever agrees with the sentence.

Every VERB span is one gold event. A sentence that occurs on several lines is parsed once.
A predicted location is right when it overlaps a gold LOCATION span, or when it is another
mention of the same name in the sentence (the gold marks one of two "Ramallah"s).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gestae.evaluate.base import PipelineLike, Report, gold_file, prf, register, safe_div
from gestae.model import DocumentResult, Event

Span = tuple[int, int]


@dataclass
class GoldEvent:
    id: str  # line number, and the verb's index on the line when there are several
    text: str
    verb: Span
    locations: list[Span] = field(default_factory=list)
    source: str | None = None
    date: str | None = None


# -- reading ------------------------------------------------------------------------------


def span_offsets(record: dict[str, Any], span: dict[str, Any]) -> Span:
    """Character offsets of a span, repaired where the file's own offsets are broken."""
    text = record["text"]
    want = span.get("text") or ""
    candidates: list[Span] = []
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        candidates.append((start, end))
    tokens = {t.get("id", n): t for n, t in enumerate(record.get("tokens") or [])}
    first, last = tokens.get(span.get("token_start")), tokens.get(span.get("token_end"))
    if first is not None and last is not None:
        candidates.append((first["start"], last["end"]))
    if want:
        for s, e in candidates:
            if text[s:e] == want:
                return s, e
        at = text.find(want)
        if at >= 0:
            return at, at + len(want)
    return candidates[0] if candidates else (0, 0)


def _iso_date(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value) \
        else None


def read(path: str | Path) -> list[GoldEvent]:
    """One GoldEvent per VERB span, in file order."""
    out: list[GoldEvent] = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if not line.strip():
                continue
            record = json.loads(line)
            spans = record.get("spans") or []
            verbs = [span_offsets(record, s) for s in spans if s.get("label") == "VERB"]
            places = [span_offsets(record, s) for s in spans if s.get("label") == "LOCATION"]
            for k, verb in enumerate(verbs):
                out.append(GoldEvent(
                    id=str(n) if len(verbs) == 1 else f"{n}.{k}", text=record["text"],
                    verb=verb, locations=places, source=record.get("source"),
                    date=_iso_date(record.get("date"))))
    return out


# -- scoring ------------------------------------------------------------------------------


def overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def find_event(gold: GoldEvent, events: Sequence[Event], folded: bool = True
               ) -> Event | None:
    """The first event (contract order) whose evidence trigger overlaps the gold verb; else,
    with ``folded``, the first that folded the verb in as a further word of the same event
    ("a bomb exploded, killing five": the gold "killing" is the explosion's toll)."""
    for event in events:
        ev = event.evidence
        if overlaps((ev.trigger_start, ev.trigger_end), gold.verb):
            return event
    if folded:
        for event in events:
            if any(overlaps((w.start, w.end), gold.verb) for w in event.evidence.other_triggers):
                return event
    return None


def event_location(event: Event | None) -> Span | None:
    """The location span an event claims; one inferred from the article counts as none."""
    if event is None or event.location is None or event.location.precision == "inferred":
        return None
    return event.location.start, event.location.end


@dataclass
class Outcome:
    found: bool
    predicted_location: bool
    location_right: bool


def judge(gold: GoldEvent, events: Sequence[Event], folded: bool = True) -> Outcome:
    """Found, has a location, and right (overlaps a gold LOCATION, or none where none)."""
    event = find_event(gold, events, folded)
    if event is None:
        return Outcome(False, False, False)
    loc = event_location(event)
    if loc is None:
        return Outcome(True, False, not gold.locations)
    return Outcome(True, True, any(overlaps(loc, g) or same_name(gold.text, loc, g)
                                   for g in gold.locations))


def same_name(text: str, predicted: Span, gold: Span) -> bool:
    """The sentence names the gold place twice and the prediction is the other mention
    ("shot near Ramallah, a nurse at the hospital in Ramallah said"): the same place."""
    def name(span: Span) -> str:
        return " ".join(text[span[0]:span[1]].split()).casefold()
    return name(predicted) == name(gold)


def score(gold: Sequence[GoldEvent], predictions: dict[str, list[Event]]
          ) -> tuple[dict[str, float | int | None], list[list[Any]]]:
    """Headline figures and a per-source table; ``predictions`` is keyed by sentence text."""
    outcomes = [judge(g, predictions.get(g.text, [])) for g in gold]
    metrics = _figures(gold, outcomes)
    strict = _figures(gold, [judge(g, predictions.get(g.text, []), folded=False)
                             for g in gold])
    metrics["trigger_found_strict"] = strict["trigger_found"]
    metrics["location_accuracy_strict"] = strict["location_accuracy"]
    groups: dict[str, list[tuple[GoldEvent, Outcome]]] = {}
    for g, o in zip(gold, outcomes, strict=True):
        groups.setdefault(g.source or "?", []).append((g, o))
    rows = []
    for source, pairs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        sub = _figures([g for g, _ in pairs], [o for _, o in pairs])
        rows.append([source, len(pairs), sub["trigger_found"], sub["location_accuracy"],
                     sub["location_accuracy_found"]])
    return metrics, rows


def _figures(gold: Sequence[GoldEvent], outcomes: Sequence[Outcome]
             ) -> dict[str, float | int | None]:
    n = len(gold)
    found = sum(o.found for o in outcomes)
    right = sum(o.location_right for o in outcomes)
    gold_pos = sum(bool(g.locations) for g in gold)
    pred_pos = sum(o.predicted_location for o in outcomes)
    tp = sum(o.predicted_location and bool(g.locations)
             for g, o in zip(gold, outcomes, strict=True))
    p, r, f1 = prf(tp, pred_pos - tp, gold_pos - tp)
    return {
        "trigger_found": safe_div(found, n),
        "location_accuracy": safe_div(right, n),
        "location_accuracy_found": safe_div(right, found),
        "has_location_precision": p, "has_location_recall": r, "has_location_f1": f1,
        "gold_events": n, "found": found, "gold_with_location": gold_pos,
    }


def given_verb_accuracy(gold: Sequence[GoldEvent], pipeline: Any) -> float | None:
    """Location right when the gold verb itself is taken as the trigger (``Pipeline.locate``):
    the place picking alone, without event detection (what the data set was made for)."""
    verbs: dict[str, list[GoldEvent]] = {}
    for g in gold:
        verbs.setdefault(g.text, []).append(g)
    right = 0
    for text, events in verbs.items():
        try:
            found = pipeline.locate(text, [g.verb for g in events])
        except Exception:  # noqa: BLE001 - a sentence gestae cannot read counts as wrong
            continue
        for g, place in zip(events, found, strict=True):
            span = None if place is None or place.precision == "inferred" \
                else (place.start, place.end)
            right += (span is None and not g.locations) or (
                span is not None and any(overlaps(span, loc) for loc in g.locations))
    return safe_div(right, len(gold))


# -- running ------------------------------------------------------------------------------


def unique_sentences(gold: Sequence[GoldEvent]) -> list[dict[str, Any]]:
    """Pipeline items, one per distinct sentence (the same sentence recurs with other verbs)."""
    seen: dict[str, dict[str, Any]] = {}
    for g in gold:
        seen.setdefault(g.text, {"id": g.id, "text": g.text, "date": g.date})
    return list(seen.values())


@register("event-location", "Event location: the place where the gold verb's event happened")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    path = gold_file(path, "labeled.jsonl")
    gold = read(path)
    if limit:
        gold = gold[:limit]
    items = unique_sentences(gold)
    predictions, errors = _collect(items, pipeline.extract_many(items))
    metrics, rows = score(gold, predictions)
    metrics["errors"] = errors
    if hasattr(pipeline, "locate"):
        metrics["location_accuracy_given_verb"] = given_verb_accuracy(gold, pipeline)
    report = Report(dataset="event-location", path=str(path), n=len(gold), metrics=metrics)
    report.add_table("By source", ["source", "events", "trigger_found", "location_accuracy",
                                   "location_accuracy_found"], rows)
    report.notes += [
        "trigger_found: gold VERB spans overlapped by some event's evidence trigger, or by "
        "one of its evidence.other_triggers (a word folded into the event, such as the "
        "'killing' of 'exploded, killing five'); *_strict: by the trigger only",
        "the event scored is the first (contract order) whose trigger overlaps the verb, "
        "else the first that folded it in",
        "location right: its span overlaps a gold LOCATION, or it is null (or precision "
        "'inferred') where the gold has none; location_accuracy counts events not found as "
        "wrong, location_accuracy_found is over found events only",
        "has_location P/R: predicted = found event with a non-inferred location; "
        "gold = sentence has a LOCATION span",
        "location_accuracy_given_verb: the gold verb itself taken as the trigger "
        "(Pipeline.locate), so place picking is scored without event detection",
    ]
    return report


def _collect(items: Sequence[dict[str, Any]], results: Iterable[Any]
             ) -> tuple[dict[str, list[Event]], int]:
    """Events per sentence text; results come back in item order."""
    out: dict[str, list[Event]] = {}
    errors = 0
    for item, result in zip(items, results, strict=True):
        if isinstance(result, DocumentResult):
            out[item["text"]] = list(result.events)
        else:
            errors += 1
    return out, errors
