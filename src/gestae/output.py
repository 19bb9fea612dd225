"""Writers for extraction results: JSON Lines, JSON, CSV (one row per event), a table."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import Any, TextIO

from gestae.model import DocumentResult, ErrorResult

Result = DocumentResult | ErrorResult

FORMATS = ("table", "json", "jsonl", "csv")

CSV_COLUMNS = [
    "article_id", "event_id", "type", "mode", "context", "source", "source_country",
    "target", "target_country", "attribution", "date", "date_precision", "date_inferred",
    "location", "location_country", "lat", "lon", "location_precision",
    "killed", "injured", "arrested", "negated", "modality", "cameo_root", "quad_class",
    "intensity", "acled_event_type", "acled_sub_event_type", "trigger", "rule",
    "confidence", "evidence",
]


def actor_names(actors: list[dict[str, Any]]) -> str:
    """Actors as one cell: their names (else their text), "; "-separated."""
    return "; ".join(a.get("name") or a["text"] for a in actors)


def _countries(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("country") or a.get("code") or "" for a in actors)


def _best(count: dict[str, Any] | None) -> Any:
    return None if count is None else count.get("best")


def event_rows(result: Result) -> Iterable[dict[str, Any]]:
    """Flat rows, one per event, for CSV and tables."""
    if isinstance(result, ErrorResult):
        return
    for ev in result.to_dict()["events"]:
        loc = ev["location"] or {}
        cas = ev["casualties"]
        yield {
            "article_id": result.id,
            "event_id": ev["event_id"],
            "type": ev["type"],
            "mode": ev["mode"],
            "context": ";".join(ev["context"]),
            "source": actor_names(ev["source"]),
            "source_country": _countries(ev["source"]),
            "target": actor_names(ev["target"]),
            "target_country": _countries(ev["target"]),
            "attribution": actor_names(ev["attribution"]),
            "date": ev["date"],
            "date_precision": ev["date_precision"],
            "date_inferred": ev["date_inferred"],
            "location": loc.get("name") or loc.get("text"),
            "location_country": loc.get("country"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
            "location_precision": loc.get("precision"),
            "killed": _best(cas["killed"]),
            "injured": _best(cas["injured"]),
            "arrested": _best(cas["arrested"]),
            "negated": ev["negated"],
            "modality": ev["modality"],
            "cameo_root": ev["cameo_root"],
            "quad_class": ev["quad_class"],
            "intensity": ev["intensity"],
            "acled_event_type": ev["acled_event_type"],
            "acled_sub_event_type": ev["acled_sub_event_type"],
            "trigger": ev["evidence"]["trigger"],
            "rule": ev["evidence"]["rule"],
            "confidence": ev["confidence"],
            "evidence": ev["evidence"]["text"],
        }


class Writer:
    """Streams results to ``out`` in one of ``FORMATS``; ``close`` finishes the document."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.out = out
        self._json: list[dict[str, Any]] = []
        self._csv: csv.DictWriter[str] | None = None
        self._first_table = True

    def write(self, result: Result) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            self.out.flush()
        elif self.fmt == "json":
            self._json.append(result.to_dict())
        elif self.fmt == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(self.out, fieldnames=CSV_COLUMNS)
                self._csv.writeheader()
            for row in event_rows(result):
                self._csv.writerow(row)
        else:
            self.out.write(format_table(result, first=self._first_table))
            self._first_table = False
            self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            doc: Any = self._json[0] if len(self._json) == 1 else self._json
            json.dump(doc, self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")
        self.out.flush()


TABLE_COLUMNS = [
    ("type", "TYPE", 9), ("mode", "MODE", 13), ("source", "SOURCE", 26),
    ("target", "TARGET", 26), ("date", "DATE", 10), ("location", "LOCATION", 14),
    ("killed", "KIL", 4), ("injured", "INJ", 4), ("arrested", "ARR", 4),
    ("modality", "MODALITY", 9), ("trigger", "TRIGGER", 14),
]


def _cell(value: Any, width: int) -> str:
    text = "" if value is None or value == "" else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(result: Result, first: bool = True) -> str:
    """A readable block per article: a heading, then one line per event."""
    lines = [] if first else [""]
    if isinstance(result, ErrorResult):
        return "\n".join([*lines, f"# {result.id}: ERROR {result.error}", ""])
    rows = list(event_rows(result))
    date = result.date or "no date"
    lines.append(f"# {result.id} ({date}): {len(rows)} event{'s' * (len(rows) != 1)}")
    if not rows:
        return "\n".join(lines) + "\n"
    width = shutil.get_terminal_size((160, 20)).columns
    cols = [(k, h, w) for k, h, w in TABLE_COLUMNS]
    while sum(w + 2 for _, _, w in cols) > width and len(cols) > 5:
        cols.pop()  # narrow terminals lose the rightmost columns, never the type
    lines.append("  ".join(h.ljust(w) for _, h, w in cols).rstrip())
    for row in rows:
        values = dict(row)
        for side in ("source", "target"):
            countries = ",".join(sorted({c for c in row[f"{side}_country"].split("; ") if c}))
            if countries:
                values[side] = f"{row[side]} [{countries}]"
        if row["negated"]:
            values["modality"] = "negated"
        lines.append("  ".join(_cell(values[k], w).ljust(w) for k, _, w in cols).rstrip())
    return "\n".join(lines) + "\n"
