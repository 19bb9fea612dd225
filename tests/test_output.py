"""Writers: CSV rows per event, the human table, JSON documents."""

from __future__ import annotations

import csv
import io
import json

import pytest

from gestae.model import Actor, Count, DocumentResult, ErrorResult, Event, Evidence, Place
from gestae.output import CSV_COLUMNS, Writer, format_table


def _result() -> DocumentResult:
    ev = Event(
        event_id="e1", type="ASSAULT", mode="firearms",
        evidence=Evidence("Police fired on protesters.", 0, 27, "fired", 7, 12, "assault.fire"),
        source=[Actor("Police", 0, 6, name="police", sector="COP")],
        target=[Actor("protesters", 16, 26, name="protesters", sector="CVL")],
        location=Place("Basra", 30, 35, name="Basra", country="IRQ", lat=30.5, lon=47.8,
                       precision="exact"),
        confidence=0.8,
    )
    ev.casualties.killed = Count(low=3, best=3)
    neg = Event(event_id="e2", type="ASSAULT", negated=True,
                evidence=Evidence("x", 0, 1, "x", 0, 1, "r"))
    return DocumentResult(id="a1", date="2020-01-27", events=[ev, neg])


def test_csv_one_row_per_event_with_flat_columns():
    out = io.StringIO()
    w = Writer("csv", out)
    w.write(_result())
    w.write(ErrorResult(id="bad", error="broken"))
    w.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2
    assert rows[0]["killed"] == "3" and rows[0]["location_country"] == "IRQ"
    assert rows[0]["source"] == "police" and rows[0]["target"] == "protesters"


def test_table_shows_types_and_negation():
    text = format_table(_result())
    assert text.startswith("# a1 (2020-01-27): 2 events")
    assert "ASSAULT" in text and "negated" in text and "Basra" in text
    assert "ERROR broken" in format_table(ErrorResult(id="bad", error="broken"))


def test_json_single_document_and_list():
    out = io.StringIO()
    w = Writer("json", out)
    w.write(_result())
    w.close()
    assert json.loads(out.getvalue())["id"] == "a1"
    out = io.StringIO()
    w = Writer("json", out)
    w.write(_result())
    w.write(_result())
    w.close()
    assert len(json.loads(out.getvalue())) == 2


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        Writer("xml", io.StringIO())
