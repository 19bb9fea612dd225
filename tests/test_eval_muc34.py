"""MUC-3/4 reader, field parsers and template scorer on hand-made messages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fakes import FakePipeline

from gestae.evaluate import muc34
from gestae.model import Casualties, Count, DocumentResult, Event, Evidence, Place

M1 = ("LIMA, 5 MAR 90 -- [TEXT] GUERRILLAS DYNAMITED A POWER PYLON IN HUANCAYO ON 4 MARCH. "
      "TWO GUARDS WERE KILLED.  IN ANOTHER INCIDENT, A MAYOR WAS KIDNAPPED.")
M2 = "BOGOTA, JUNE 11 89 (AFP) -- [TEXT] THE PRESIDENT SPOKE ABOUT THE ECONOMY."
M3 = "SAN SALVADOR, NO DATE -- [TEXT] SOLDIERS FIRED ON A CROWD."


def template(kind: str, date: str, location: str, effects: list[str] | None = None,
             numbers: list[str] | None = None) -> dict:
    return {"INCIDENT: TYPE": [kind], "INCIDENT: DATE": [date],
            "INCIDENT: LOCATION": [location], "INCIDENT: STAGE OF EXECUTION": ["ACCOMPLISHED"],
            "HUM TGT: EFFECT OF INCIDENT": effects or ["-"], "HUM TGT: NUMBER": numbers or ["-"]}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    records = [
        {"id": "M1", "text": M1, "templates": [
            template("BOMBING", "04 MAR 90", "PERU: HUANCAYO (CITY)",
                     ['DEATH: "GUARDS"'], ['2: "GUARDS"']),
            template("KIDNAPPING", "- 05 MAR 90", "PERU")]},
        {"id": "M2", "text": M2, "templates": [template("*", "*", "*")]},
        {"id": "M3", "text": M3, "templates": [
            template("ATTACK", "? 12 NOV 89 - 14 NOV 89", "(EL SALVADOR) / (GUATAMALA)",
                     ['DEATH: "PEOPLE"'], ['PLURAL: "PEOPLE"'])]},
    ]
    path = tmp_path / "muc.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def event(trigger: str, type_: str = "ASSAULT", mode: str | None = None,
          country: str | None = None, date: str | None = None, killed: int | None = None,
          negated: bool = False) -> Event:
    return Event(event_id="e", type=type_, mode=mode, date=date, negated=negated,
                 location=Place(text="x", start=0, end=1, country=country) if country else None,
                 casualties=Casualties(killed=Count(best=killed) if killed is not None else None),
                 evidence=Evidence(text=trigger, start=0, end=len(trigger), trigger=trigger,
                                   trigger_start=0, trigger_end=len(trigger), rule="t"))


def test_dateline_dates() -> None:
    assert muc34.dateline_date(M1) == "1990-03-05"
    assert muc34.dateline_date(M2) == "1989-06-11"
    assert muc34.dateline_date(M3) is None


def test_incident_dates() -> None:
    day = dt.date(1989, 11, 16)
    assert muc34.parse_incident_date("16 NOV 89") == (day, day)
    assert muc34.parse_incident_date("- 16 NOV 89") == (None, day)
    assert muc34.parse_incident_date("14 NOV 89 - 16 NOV 89") == (dt.date(1989, 11, 14), day)
    assert muc34.parse_incident_date("16 NOV", 1989) == (day, day)
    assert muc34.parse_incident_date("*") is None and muc34.parse_incident_date("-") is None


def test_gold_dead() -> None:
    assert muc34.gold_dead(["-"], ["-"]) == 0
    assert muc34.gold_dead(['INJURY: "PEOPLE"'], ['3: "PEOPLE"']) == 0
    assert muc34.gold_dead(['DEATH: "A" / "B"', 'INJURY: "C"', '? DEATH: "D"'],
                           ['1: "B"', '4: "C"', '2: "D"']) == 3
    assert muc34.gold_dead(['DEATH: "PEOPLE"'], ['PLURAL: "PEOPLE"']) is None
    assert muc34.gold_dead(['NO INJURY OR DEATH: "-"'], ["-"]) == 0


def test_read(gold_file: Path) -> None:
    m1, m2, m3 = muc34.read(gold_file)
    assert m1.date == "1990-03-05" and m2.templates == [] and m3.date is None
    bombing, kidnap = m1.templates
    assert bombing.types == {"BOMBING"} and bombing.countries == {"PER"} and bombing.dead == 2
    assert kidnap.date == (None, dt.date(1990, 3, 5)) and kidnap.dead == 0
    (attack,) = m3.templates
    assert attack.countries == {"SLV", "GTM"} and attack.dead is None
    assert attack.date == (dt.date(1989, 11, 12), dt.date(1989, 11, 14))


def test_muc_type_mapping() -> None:
    assert muc34.muc_type(event("dynamited")) == "BOMBING"
    assert muc34.muc_type(event("set fire to")) == "ARSON"
    assert muc34.muc_type(event("took", mode="abduct")) == "KIDNAPPING"
    assert muc34.muc_type(event("shot", mode="firearms")) == "ATTACK"
    assert muc34.muc_type(event("hit")) == "ATTACK"
    assert muc34.muc_type(event("met", type_="CONSULT")) is None
    assert muc34.muc_type(event("went on strike", type_="PROTEST", mode="strike")) == \
        "FORCED WORK STOPPAGE"


def test_perfect(gold_file: Path) -> None:
    gold = muc34.read(gold_file)
    preds = {"M1": [event("kidnapped", country="PER", date="1990-03-05"),
                    event("dynamited", country="PER", date="1990-03-04", killed=2)],
             "M3": [event("fired", country="SLV", date="1989-11-13")]}
    m, confusion = muc34.score(gold, preds)
    assert m["templates"] == 3 and m["templates_matched"] == 3
    assert m["incident_type_accuracy"] == 1.0
    assert m["country_accuracy"] == 1.0
    assert m["date_accuracy"] == 1.0 and m["date_accuracy_open"] == 1.0
    assert m["dead_accuracy"] == 1.0 and m["with_dead"] == 2  # M3 is PLURAL: skipped
    assert m["irrelevant_with_incident"] == 0.0
    assert confusion[("BOMBING", "BOMBING")] == 1


def test_empty(gold_file: Path) -> None:
    m, confusion = muc34.score(muc34.read(gold_file), {})
    assert m["templates_matched"] == 0
    assert m["incident_type_accuracy"] == 0.0 and m["country_accuracy"] == 0.0
    assert m["dead_accuracy"] == 0.0
    assert confusion[("ATTACK", "(none)")] == 1


def test_half_right(gold_file: Path) -> None:
    gold = muc34.read(gold_file)
    preds = {
        # one incident for two templates: it pairs with the bombing (more fields agree)
        "M1": [event("exploded", country="PER", date="1990-03", killed=1),
               event("talks", type_="CONSULT")],  # not an incident
        "M2": [event("shot")],  # an incident in an irrelevant message
        "M3": [event("shot", country="COL", date="1989-11-13", negated=True)],  # negated
    }
    m, _ = muc34.score(gold, preds)
    assert m["templates_matched"] == 1
    assert m["incident_type_accuracy"] == pytest.approx(1 / 3)
    assert m["country_accuracy"] == pytest.approx(1 / 3)
    assert m["date_accuracy"] == 0.0  # month-precision date is not the day
    assert m["dead_accuracy"] == 0.0  # 1 vs 2; kidnapping unmatched
    assert m["irrelevant_with_incident"] == 1.0
    assert m["predicted_incidents"] == 2


def muc_pipeline(events: dict[str, list[Event]]) -> FakePipeline:
    return FakePipeline(lambda item: DocumentResult(id=item["id"], date=item["date"],
                                                    events=events.get(item["id"], [])))


def test_runner(gold_file: Path) -> None:
    from gestae.evaluate import REGISTRY

    fake = muc_pipeline({"M1": [event("dynamited", country="PER", date="1990-03-04",
                                      killed=2)]})
    runner, _ = REGISTRY["muc34"]
    report = runner(gold_file, fake, 2)
    assert [i["date"] for i in fake.items] == ["1990-03-05", "1989-06-11"]
    assert report.n == 2
    assert report.metrics["incident_type_accuracy"] == 0.5
    assert report.metrics["dead_accuracy"] == 0.5


def casualty_event(trigger: str, killed: int | None = None, injured: int | None = None,
                   sentence: int = 0) -> Event:
    ev = event(trigger, killed=killed)
    ev.casualties.injured = Count(best=injured) if injured is not None else None
    ev.evidence.start = sentence
    return ev


def test_gold_injured_and_supported_figures() -> None:
    effects = ['DEATH: "GUARDS"', 'INJURY: "PEASANTS"', 'INJURY: "CHILD"']
    numbers = ['2: "GUARDS"', '5: "PEASANTS"', '1: "CHILD"']
    assert muc34.gold_injured(effects, numbers) == 6
    assert muc34.gold_injured(['DEATH: "A"'], ['1: "A"']) == 0
    assert muc34.gold_injured(['INJURY: "A"'], ['PLURAL: "A"']) is None
    assert muc34.supported_figures(effects, numbers) == {"killed": {2}, "injured": {1, 5, 6}}


def injury_gold(tmp_path: Path) -> list[muc34.Message]:
    records = [
        {"id": "A", "text": M1, "templates": [
            template("BOMBING", "04 MAR 90", "PERU", ['DEATH: "GUARDS"', 'INJURY: "MEN"'],
                     ['2: "GUARDS"', '3: "MEN"'])]},
        {"id": "B", "text": M2, "templates": [template("*", "*", "*")]},
    ]
    path = tmp_path / "inj.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return muc34.read(path)


def test_injured_and_casualty_exact(tmp_path: Path) -> None:
    gold = injury_gold(tmp_path)
    right = {"A": [casualty_event("dynamited", killed=2, injured=3)]}
    m, _ = muc34.score(gold, right)
    assert m["injured_accuracy_nonzero"] == 1.0 and m["casualty_exact_nonzero"] == 1.0
    assert m["dead_accuracy_nonzero"] == 1.0 and m["with_casualty_nonzero"] == 1
    half = {"A": [casualty_event("dynamited", killed=2, injured=4)]}
    m, _ = muc34.score(gold, half)
    assert m["dead_accuracy_nonzero"] == 1.0
    assert m["injured_accuracy_nonzero"] == 0.0 and m["casualty_exact_nonzero"] == 0.0


def test_casualty_precision(tmp_path: Path) -> None:
    gold = injury_gold(tmp_path)
    preds = {
        "A": [casualty_event("dynamited", killed=2, injured=3),        # both supported
              casualty_event("exploded", killed=2, injured=3),         # same sentence: once
              casualty_event("shot", killed=7, sentence=50)],          # no template has 7
        "B": [casualty_event("shot", injured=4)],                      # irrelevant message
    }
    m, _ = muc34.score(gold, preds)
    assert m["casualty_figures_output"] == 4
    assert m["casualty_precision"] == pytest.approx(2 / 4)
    assert muc34.score(gold, {})[0]["casualty_figures_output"] == 0
