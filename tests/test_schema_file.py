"""The output JSON Schema: valid itself, accepts real records, rejects broken ones."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from gestae.model import (
    Actor,
    Casualties,
    Count,
    DocumentResult,
    ErrorResult,
    Event,
    Evidence,
    Place,
    Quantity,
    TimeRef,
)
from gestae.schema import load_schema


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _document() -> dict[str, Any]:
    police = Actor("security forces", 60, 75, name="Iraqi security forces", country="IRQ",
                   sector="COP", sectors=["MIL"], kind="organisation")
    crowd = Actor("demonstrators", 6, 19, sector="CVL", kind="group", inferred=True)
    city = Place("Nasiriyah", 90, 99, name="Nasiriyah", country="IRQ", admin1="Dhi Qar",
                 lat=31.05, lon=46.26, geonameid=98854, feature="city", precision="exact",
                 confidence=0.9)
    event = Event(
        event_id="doc1-e1", type="ASSAULT", mode="firearms",
        evidence=Evidence("Three demonstrators were shot dead ...", 0, 110, "opened fire",
                          76, 87, "assault.open_fire"),
        source=[police], target=[crowd], date="2020-01-26", date_precision="day",
        location=city,
        casualties=Casualties(killed=Count(3, 3, None, "Three"),
                              injured=Count(50, 50, None, "50"),
                              reported=[{"killed": 4, "by": "medics"}]),
        quantities=[Quantity("rockets", 109, "109 Katyusha rockets", 120, 140)],
        cameo_root="19", quad_class=4, intensity=-9.0,
        acled_event_type="Protests", acled_sub_event_type="Excessive force against protesters",
        confidence=0.83,
    )
    times = [TimeRef("on Sunday", 100, 109, "2020-01-26", "day"),
             TimeRef("the past three months", 0, 21, "2019-10/2020-01-27", "range"),
             TimeRef("last week", 0, 9, "2020-W04", "week"),
             TimeRef("someday", 0, 7)]
    result = DocumentResult(id="doc1", date="2020-01-27", events=[event], places=[city],
                            times=times, actors=[crowd, police], text="Three demonstrators")
    return result.to_dict()


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


def test_accepts_model_output(validator: Draft202012Validator) -> None:
    assert list(validator.iter_errors(_document())) == []
    empty = DocumentResult(id="x", date=None).to_dict()
    assert list(validator.iter_errors(empty)) == []
    for error in (ErrorResult("line 3", "line 3: invalid JSON"), ErrorResult(None, "bad")):
        assert list(validator.iter_errors(error.to_dict())) == []


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    node: Any = doc
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if value is _DELETE:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return doc


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("schema_version", "2"),
        ("id", 7),
        ("date", "27/01/2020"),
        ("events.0.type", "ATTACK"),
        ("events.0.type", "assault"),
        ("events.0.modality", "probable"),
        ("events.0.evidence", _DELETE),
        ("events.0.casualties.killed.best", -1),
        ("events.0.casualties.killed.best", "3"),
        ("events.0.quad_class", 5),
        ("events.0.intensity", -11),
        ("events.0.cameo_root", "21"),
        ("events.0.acled_event_type", "Battle"),
        ("events.0.confidence", 1.5),
        ("events.0.negated", "no"),
        ("events.0.source.0.country", "IQ"),
        ("events.0.source.0.sector", "POL"),
        ("events.0.location.feature", "town"),
        ("places.0.precision", "approximate"),
        ("places.0.lat", 95.0),
        ("times.0.value", "Sunday"),
        ("times.1.precision", "decade"),
        ("actors.0.start", -1),
        ("actors.0.inferred", _DELETE),
        ("actors.0.extra", 1),
        ("events.0.quantities.0.value", "many"),
    ],
)
def test_rejects_broken_records(validator: Draft202012Validator, path: str, value: Any) -> None:
    assert not validator.is_valid(_set(_document(), path, value))


def test_rejects_broken_error_records(validator: Draft202012Validator) -> None:
    assert not validator.is_valid({"id": "a"})
    assert not validator.is_valid({"id": "a", "error": ""})
    assert not validator.is_valid({"id": "a", "error": "x", "events": []})
