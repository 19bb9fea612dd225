"""PETRARCH2 unit-test sentences: a logic check of event and actor coding.

Gold: ``records.jsonl``, one record a line: ``id``, ``date`` (YYYYMMDD), ``category``,
``text`` and ``expected_events``, a list of ``{"sourcecode", "targetcode", "eventcode"}``
(either code may be missing), or ``[{"noevents": "True"}]``, or ``[{"error": ...}]``.
Most actors are synthetic (Arnor, Gondor ...) from PETRARCH's test dictionaries, so these
figures test logic, not real-world accuracy.

How records are used:
- expected ``noevents``, and the ``storydiscard`` / ``sentencediscard`` errors (PETRARCH drops
  sports stories), expect no event: correct when gestae returns no event at all;
- other ``error`` records test PETRARCH's own input handling and are skipped;
- event codes whose first two digits are not a CAMEO root 01-20 (the tests' private 345, 802,
  9xx codes) are ignored; a record left with no such code is not root-scored.

Metrics:
- ``cameo_root_accuracy``: over root-scored records, the first event's ``cameo_root`` equals the
  root (first two digits) of any expected event (or no event, as above);
  ``cameo_root_accuracy_first_expected`` requires the root of the first expected event.
- ``source_country_accuracy`` / ``target_country_accuracy``: the first event is paired with the
  first expected event of the same root (else the first expected event with an actor code);
  where that expected code starts with a 3-letter country (not a generic code listed in
  ``data/cameo_noncountry_codes.txt``), correct when one of the first event's source (target)
  actors has that ``country``. No event counts as wrong. ``real_*`` restricts this to prefixes
  that are real ISO 3166 alpha-3 codes (LBY, PHL ...), where gestae can know the answer.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gestae.evaluate.base import PipelineLike, Report, predict, register, safe_div
from gestae.evaluate.base import gold_file as base_gold_file

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FILE = "records.jsonl"
NO_EVENT_ERRORS = frozenset({"storydiscard", "sentencediscard"})
# Synthetic test countries whose code is also a real ISO code (ERI: Eriador, not Eritrea).
SYNTHETIC_ISO_CLASHES = frozenset({"ERI"})


@dataclass(frozen=True)
class Expected:
    source: str | None
    target: str | None
    code: str | None


@dataclass(frozen=True)
class Record:
    id: str
    category: str
    text: str
    date: str | None  # ISO YYYY-MM-DD
    expected: tuple[Expected, ...]
    no_event: bool  # the record expects no event at all
    skipped: bool  # a PETRARCH input-handling test, not scored


@dataclass(frozen=True)
class RecordScore:
    """One record's outcome; None means "not scored" for that figure."""

    root_ok: bool | None
    root_first_ok: bool | None
    source_ok: bool | None
    target_ok: bool | None
    source_real: bool  # the expected source prefix is a real ISO country
    target_real: bool
    expected_root: str | None
    predicted_root: str | None


# -- reading ------------------------------------------------------------------------------


def gold_file(path: Path) -> Path:
    """Accept the gold file itself or the folder that holds it."""
    return base_gold_file(path, DEFAULT_FILE)


def iso_date(value: Any) -> str | None:
    """``19950101`` -> ``1995-01-01``; anything else -> None."""
    text = str(value or "").strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return None


def parse_record(data: dict[str, Any]) -> Record:
    """One JSON record -> Record."""
    raw = data.get("expected_events") or []
    errors = [str(e["error"]) for e in raw if "error" in e]
    no_event = any("noevents" in e for e in raw) or any(e in NO_EVENT_ERRORS for e in errors)
    expected = tuple(
        Expected(e.get("sourcecode") or None, e.get("targetcode") or None,
                 e.get("eventcode") or None)
        for e in raw if not ({"error", "noevents"} & set(e))
    )
    return Record(
        id=str(data.get("id", "")), category=str(data.get("category", "")),
        text=str(data.get("text", "")), date=iso_date(data.get("date")), expected=expected,
        no_event=no_event, skipped=bool(errors) and not no_event,
    )


def read_records(path: Path) -> list[Record]:
    """Read every record of the JSON Lines file, in order."""
    lines = gold_file(path).read_text(encoding="utf-8").splitlines()
    return [parse_record(json.loads(line)) for line in lines if line.strip()]


# -- codes --------------------------------------------------------------------------------


def cameo_root(code: str | None) -> str | None:
    """The CAMEO root (first two digits, 01-20) of an event code, else None."""
    head = (code or "")[:2]
    return head if head.isdigit() and 1 <= int(head) <= 20 else None


@lru_cache(maxsize=1)
def noncountry_codes() -> frozenset[str]:
    """Three-letter CAMEO codes that are not countries (IGO, NGO, GOV, MIL ...)."""
    lines = (DATA / "cameo_noncountry_codes.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("#")[0].strip() for line in lines
                     if line.split("#")[0].strip())


def country_prefix(code: str | None) -> str | None:
    """The 3-letter country an actor code starts with (``GONMIL`` -> ``GON``), else None."""
    head = (code or "")[:3]
    if len(head) == 3 and head.isalpha() and head.isupper() and head not in noncountry_codes():
        return head
    return None


@lru_cache(maxsize=512)
def is_iso_country(code: str) -> bool:
    """True for a real ISO 3166-1 alpha-3 code (and not one the tests reuse for fiction)."""
    import pycountry

    if code in SYNTHETIC_ISO_CLASHES:
        return False
    return pycountry.countries.get(alpha_3=code) is not None


# -- scoring ------------------------------------------------------------------------------


def _paired(record: Record, predicted_root: str | None) -> Expected | None:
    """The expected event to compare actors with: same root first, else the first one."""
    candidates = [e for e in record.expected if e.source or e.target]
    for expected in candidates:
        if predicted_root is not None and cameo_root(expected.code) == predicted_root:
            return expected
    return candidates[0] if candidates else None


def _country_ok(code: str | None, actors: Sequence[dict[str, Any]] | None
                ) -> tuple[bool | None, bool]:
    prefix = country_prefix(code)
    if prefix is None:
        return None, False
    ok = actors is not None and any(a.get("country") == prefix for a in actors)
    return ok, is_iso_country(prefix)


def score_record(record: Record, events: Sequence[dict[str, Any]]) -> RecordScore:
    """Score one record against the events gestae returned for it (in contract order)."""
    first = events[0] if events else None
    predicted = cameo_root(first.get("cameo_root")) if first else None
    if record.skipped:
        return RecordScore(None, None, None, None, False, False, None, predicted)
    if record.no_event:
        ok = not events
        return RecordScore(ok, ok, None, None, False, False, None, predicted)
    roots = [r for r in (cameo_root(e.code) for e in record.expected) if r]
    root_ok = (predicted in roots) if roots else None
    root_first_ok = (predicted == roots[0]) if roots else None
    pair = _paired(record, predicted)
    source_ok, source_real = _country_ok(pair.source if pair else None,
                                         first.get("source") if first else None)
    target_ok, target_real = _country_ok(pair.target if pair else None,
                                         first.get("target") if first else None)
    return RecordScore(root_ok, root_first_ok, source_ok, target_ok, source_real, target_real,
                       roots[0] if roots else None, predicted)


def _rate(values: Iterable[bool | None]) -> tuple[float | None, int]:
    """Share of True among the scored (non-None) values, and how many were scored."""
    scored = [v for v in values if v is not None]
    return (safe_div(sum(scored), len(scored)) if scored else None), len(scored)


def score(records: Sequence[Record], events: Sequence[Sequence[dict[str, Any]]]
          ) -> tuple[dict[str, float | int | None], list[RecordScore]]:
    """Headline figures over all records and the per-record outcomes."""
    if len(records) != len(events):
        raise ValueError("records and predictions differ in length")
    outs = [score_record(r, e) for r, e in zip(records, events, strict=True)]
    metrics: dict[str, float | int | None] = {}
    metrics["cameo_root_accuracy"], metrics["n_root_scored"] = _rate(o.root_ok for o in outs)
    metrics["cameo_root_accuracy_first_expected"], _ = _rate(o.root_first_ok for o in outs)
    metrics["source_country_accuracy"], metrics["n_source_country"] = _rate(
        o.source_ok for o in outs)
    metrics["target_country_accuracy"], metrics["n_target_country"] = _rate(
        o.target_ok for o in outs)
    metrics["real_source_country_accuracy"], metrics["n_real_source_country"] = _rate(
        o.source_ok if o.source_real else None for o in outs)
    metrics["real_target_country_accuracy"], metrics["n_real_target_country"] = _rate(
        o.target_ok if o.target_real else None for o in outs)
    expecting = [(r, e) for r, e in zip(records, events, strict=True)
                 if not r.skipped and not r.no_event and r.expected]
    metrics["event_recall"], _ = _rate(bool(e) for _, e in expecting)
    metrics["no_event_accuracy"], metrics["n_no_event"] = _rate(
        o.root_ok for r, o in zip(records, outs, strict=True) if r.no_event)
    metrics["skipped"] = sum(r.skipped for r in records)
    return metrics, outs


def category_rows(records: Sequence[Record], outs: Sequence[RecordScore]) -> list[list[Any]]:
    """Per test category: root-scored count and accuracy, source and target accuracy."""
    rows = []
    for category in sorted({r.category for r in records}):
        mine = [o for r, o in zip(records, outs, strict=True) if r.category == category]
        root, n_root = _rate(o.root_ok for o in mine)
        src, n_src = _rate(o.source_ok for o in mine)
        tgt, n_tgt = _rate(o.target_ok for o in mine)
        rows.append([category, len(mine), n_root, root, n_src, src, n_tgt, tgt])
    return rows


# -- runner -------------------------------------------------------------------------------




@register("petrarch-unittests", "PETRARCH2 unit tests: CAMEO root and actor countries (logic)")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    records = read_records(Path(path))[:limit]
    results = predict(pipeline, records)
    metrics, outs = score(records, [r.get("events") or [] for r in results])
    metrics["errors"] = sum(1 for r in results if "error" in r)
    report = Report(dataset="petrarch-unittests", path=str(path), n=len(records),
                    metrics=metrics)
    report.add_table("per test category",
                     ["category", "n", "root n", "root acc", "src n", "src acc", "tgt n",
                      "tgt acc"], category_rows(records, outs))
    misses = Counter((o.expected_root or "none", o.predicted_root or "none")
                     for o in outs if o.root_ok is False)
    report.add_table("root errors (expected -> first event)", ["expected", "predicted", "n"],
                     [[e, p, n] for (e, p), n in misses.most_common(12)])
    report.notes += [
        "synthetic actors (Arnor, Gondor ...): a logic check, not real-world accuracy",
        "no-event records correct only when gestae returns no event at all; "
        "non-CAMEO test codes (345, 802, 9xx) ignored",
    ]
    return report
