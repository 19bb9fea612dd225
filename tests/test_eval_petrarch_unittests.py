"""PETRARCH unit-test reader and scorer, on tiny hand-made records and predictions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pytest

from gestae.evaluate import REGISTRY, load_all
from gestae.evaluate.petrarch_unittests import (
    cameo_root,
    country_prefix,
    is_iso_country,
    iso_date,
    parse_record,
    read_records,
    run,
    score,
    score_record,
)
from gestae.model import Actor, DocumentResult, Event, Evidence


def _rec(rid: str, expected: list[dict[str, str]], text: str = "x") -> dict[str, Any]:
    return {"id": rid, "date": "19950102", "category": rid.split("-")[0], "text": text,
            "expected_events": expected, "comments": []}


def _ev(root: str | None, source: Iterable[str] = (), target: Iterable[str] = ()
        ) -> dict[str, Any]:
    return {"cameo_root": root, "source": [{"country": c} for c in source],
            "target": [{"country": c} for c in target]}


def test_codes_roots_and_prefixes():
    assert [cameo_root(c) for c in ("064", "1721", "200", "903", "345", "210", None)] == [
        "06", "17", "20", None, None, None, None]
    assert country_prefix("GONMIL") == "GON" and country_prefix("USA") == "USA"
    assert [country_prefix(c) for c in ("NGOARN", "IGOAFR", "---GOV", "###", "MIL", None)] == [
        None] * 6
    assert is_iso_country("USA") and is_iso_country("PHL") and not is_iso_country("GON")
    assert not is_iso_country("ERI")  # Eriador in the test dictionaries
    assert iso_date("19950102") == "1995-01-02" and iso_date("") is None


def test_parse_record_kinds():
    normal = parse_record(_rec("A-1", [{"sourcecode": "ARN", "eventcode": "064"}]))
    assert normal.date == "1995-01-02" and normal.category == "A"
    assert normal.expected[0].source == "ARN" and normal.expected[0].target is None
    assert not normal.no_event and not normal.skipped
    none = parse_record(_rec("B-1", [{"noevents": "True"}]))
    assert none.no_event and none.expected == ()
    discard = parse_record(_rec("C-1", [{"error": "sentencediscard"}]))
    assert discard.no_event and not discard.skipped
    error = parse_record(_rec("D-1", [{"error": "bad_input_parse"}]))
    assert error.skipped and not error.no_event


RECORDS = [
    _rec("A-1", [{"sourcecode": "ARN", "targetcode": "GON", "eventcode": "064"}]),
    _rec("B-1", [{"noevents": "True"}]),
    _rec("B-2", [{"noevents": "True"}]),
    _rec("C-1", [{"sourcecode": "USA", "targetcode": "PHLGOV", "eventcode": "190"},
                 {"sourcecode": "PHL", "targetcode": "USA", "eventcode": "190"}]),
    _rec("D-1", [{"error": "bad_input_parse"}]),
    _rec("E-1", [{"sourcecode": "ARN", "targetcode": "GON", "eventcode": "903"}]),
]
PREDICTED = [
    [_ev("06", source=["ARN"])],
    [],
    [_ev("04")],
    [_ev("04", source=["USA"], target=["PHL"])],
    [_ev("06")],
    [],
]


def test_perfect_predictions_score_one():
    records = [parse_record(r) for r in RECORDS]
    perfect = [[_ev("06", ["ARN"], ["GON"])], [], [], [_ev("19", ["USA"], ["PHL"])], [],
               [_ev(None, ["ARN"], ["GON"])]]
    m, _ = score(records, perfect)
    assert m["cameo_root_accuracy"] == 1.0 and m["n_root_scored"] == 4
    assert m["source_country_accuracy"] == 1.0 and m["target_country_accuracy"] == 1.0


def test_empty_predictions():
    records = [parse_record(r) for r in RECORDS]
    m, _ = score(records, [[] for _ in records])
    assert m["cameo_root_accuracy"] == 0.5  # only the two no-event records are right
    assert m["source_country_accuracy"] == 0.0 and m["event_recall"] == 0.0


def test_mixed_predictions_give_exact_numbers():
    records = [parse_record(r) for r in RECORDS]
    m, outs = score(records, PREDICTED)
    assert m["n_root_scored"] == 4 and m["cameo_root_accuracy"] == 0.5  # A-1, B-1 right
    assert m["cameo_root_accuracy_first_expected"] == 0.5
    assert m["n_source_country"] == 3
    assert m["source_country_accuracy"] == pytest.approx(2 / 3)  # ARN, USA right; E-1 no event
    assert m["target_country_accuracy"] == pytest.approx(1 / 3)  # only PHL (from PHLGOV)
    assert m["real_source_country_accuracy"] == 1.0 and m["n_real_source_country"] == 1
    assert m["event_recall"] == pytest.approx(2 / 3)
    assert m["no_event_accuracy"] == 0.5 and m["n_no_event"] == 2
    assert m["skipped"] == 1
    assert outs[4].root_ok is None and outs[5].root_ok is None


def test_actor_pairing_prefers_the_expected_event_of_the_same_root():
    record = parse_record(_rec("P-1", [
        {"sourcecode": "ARN", "targetcode": "GON", "eventcode": "032"},
        {"sourcecode": "GON", "targetcode": "ARN", "eventcode": "033"},
        {"sourcecode": "OSG", "targetcode": "ARN", "eventcode": "111"}]))
    out = score_record(record, [_ev("11", ["OSG"], ["ARN"])])
    assert out.root_ok and not out.root_first_ok
    assert out.source_ok and out.target_ok
    out = score_record(record, [_ev("05", ["ARN"], ["GON"])])
    assert out.root_ok is False and out.source_ok and out.target_ok  # first expected event


def test_score_rejects_length_mismatch():
    with pytest.raises(ValueError):
        score([parse_record(r) for r in RECORDS], [[]])


def _event(root: str, source: str) -> Event:
    evidence = Evidence(text="x", start=0, end=1, trigger="x", trigger_start=0, trigger_end=1,
                        rule="test")
    return Event(event_id="e", type="CONSULT", evidence=evidence, cameo_root=root,
                 source=[Actor(text="x", start=0, end=1, country=source)])


class FakePipeline:
    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    def extract(self, text: Any = None, *, date: str | None = None, id: str = "doc",
                html: str | None = None) -> DocumentResult:
        events = [_event("06", "ARN")] if "Arnor" in text else []
        return DocumentResult(id=id, date=date, events=events)

    def extract_many(self, articles: Iterable[dict[str, Any]]):
        for item in articles:
            self.seen.append(item)
            yield self.extract(item["text"], date=item["date"], id=item["id"])


def test_runner_end_to_end(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [_rec("A-1", [{"sourcecode": "ARN", "targetcode": "GON", "eventcode": "064"}],
                  "Arnor will restore ties with Gondor."),
             _rec("A-2", [{"noevents": "True"}], "Nothing happened."),
             _rec("A-3", [{"sourcecode": "GON", "targetcode": "ARN", "eventcode": "190"}],
                  "Gondor fought.")]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert len(read_records(tmp_path)) == 3
    fake = FakePipeline()
    report = run(path, fake, None)
    assert [item["date"] for item in fake.seen] == ["1995-01-02"] * 3
    assert report.n == 3
    assert report.metrics["cameo_root_accuracy"] == pytest.approx(2 / 3)
    assert report.metrics["source_country_accuracy"] == 0.5
    assert report.tables[0][2][0][:4] == ["A", 3, 3, pytest.approx(2 / 3)]
    assert report.tables[1][2] == [["19", "none", 1]]
    assert run(path, FakePipeline(), 1).n == 1
    load_all()
    assert "petrarch-unittests" in REGISTRY
