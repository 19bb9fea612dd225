"""CASE 2021 Task 2 reader and scorer, on tiny hand-made gold files and predictions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pytest

from gestae.evaluate import REGISTRY, load_all
from gestae.evaluate.case2021 import (
    UNCODED,
    acled_name,
    acled_names,
    code_table,
    confusion_matrix,
    first_sub_event,
    read_snippets,
    run,
    score,
    top_confusions,
)
from gestae.model import DocumentResult, ErrorResult, Event, Evidence

AIR, CLASH = "Air/drone strike", "Armed clash"


def _event(sub: str | None) -> Event:
    evidence = Evidence(text="x", start=0, end=1, trigger="x", trigger_start=0, trigger_end=1,
                        rule="test")
    return Event(event_id="e1", type="ASSAULT", evidence=evidence, acled_sub_event_type=sub)


class FakePipeline:
    """Answers from a table text -> ACLED sub-event types of its events (in order)."""

    def __init__(self, answers: dict[str, list[str | None]], fail: Iterable[str] = ()) -> None:
        self.answers = answers
        self.fail = set(fail)
        self.seen: list[dict[str, Any]] = []

    def extract(self, text: Any = None, *, date: str | None = None, id: str = "doc",
                html: str | None = None) -> DocumentResult:
        events = [_event(sub) for sub in self.answers.get(text, [])]
        return DocumentResult(id=id, date=date, events=events)

    def extract_many(self, articles: Iterable[dict[str, Any]]):
        for item in articles:
            self.seen.append(item)
            if item["text"] in self.fail:
                yield ErrorResult(id=item["id"], error="boom")
            else:
                yield self.extract(item["text"], date=item["date"], id=item["id"])


GOLD = (
    "id\tEventSnippet\tSubType\n"
    "1\tJets bombed a depot.\tAIR_STRIKE\n"
    "2\tDrones hit a convoy.\tAIR_STRIKE\n"
    '3\t"Troops and rebels fought, a ""fierce"" battle."\tARMED_CLASH\n'
    "4\tGunmen clashed with police.\tARMED_CLASH\n"
    "5\tThe ministers met in Geneva.\tDIPLO\n"
    "6\tSmugglers were caught.\tORG_CRIME\n"
)


@pytest.fixture
def gold_path(tmp_path):
    path = tmp_path / "snippets.tsv"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_code_table_has_25_acled_types_and_5_others():
    table = code_table()
    assert len(table) == 30
    assert len(acled_names()) == 25 == len(set(acled_names()))
    assert acled_name("FORCE_AGAINST_PROTEST") == "Excessive force against protesters"
    assert acled_name("ARREST") == "Arrests"
    assert all(acled_name(c) is None
               for c in ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"))
    with pytest.raises(ValueError):
        acled_name("NOT_A_CODE")


def test_reader_handles_header_quotes_and_folder(gold_path):
    snippets = read_snippets(gold_path)
    assert [s.id for s in snippets] == ["1", "2", "3", "4", "5", "6"]
    assert snippets[2].text == 'Troops and rebels fought, a "fierce" battle.'
    assert snippets[2].code == "ARMED_CLASH"
    assert read_snippets(gold_path.parent) == snippets


def test_reader_rejects_unknown_code(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tSomething.\tFOO\n")
    with pytest.raises(ValueError):
        read_snippets(path)


def test_first_sub_event_takes_the_first_event_and_none_when_uncoded():
    assert first_sub_event({"events": [{"acled_sub_event_type": AIR},
                                       {"acled_sub_event_type": CLASH}]}) == AIR
    assert first_sub_event({"events": [{"acled_sub_event_type": None}]}) is None
    assert first_sub_event({"events": []}) is None
    assert first_sub_event({"id": "1", "error": "bad"}) is None


CODES = ["AIR_STRIKE", "AIR_STRIKE", "ARMED_CLASH", "ARMED_CLASH", "DIPLO", "ORG_CRIME"]


def test_perfect_predictions_score_one():
    s = score(CODES, [AIR, AIR, CLASH, CLASH, None, None])
    assert (s.accuracy, s.weighted_f1, s.macro_f1) == (1.0, 1.0, 1.0)
    assert s.n_acled == 4 and s.n_non_acled == 2 and s.non_acled_uncoded == 2


def test_empty_predictions_score_zero_but_leave_others_uncoded():
    s = score(CODES, [None] * 6)
    assert (s.accuracy, s.weighted_f1, s.macro_f1) == (0.0, 0.0, 0.0)
    assert s.non_acled_uncoded == 2
    assert s.confusion[(AIR, UNCODED)] == 2


def test_half_right_gives_exact_numbers():
    s = score(CODES, [AIR, CLASH, CLASH, None, CLASH, None])
    assert s.accuracy == 0.5
    # Air: P 1, R 1/2, F1 2/3; Armed clash: P 1/2, R 1/2, F1 1/2 (DIPLO's clash is not an FP)
    assert s.per_class[AIR][2] == pytest.approx(2 / 3)
    assert s.per_class[CLASH][:3] == pytest.approx((0.5, 0.5, 0.5))
    assert s.macro_f1 == pytest.approx(7 / 12)
    assert s.weighted_f1 == pytest.approx(7 / 12)
    assert s.non_acled_uncoded == 1
    assert s.non_acled["DIPLO"][CLASH] == 1
    assert top_confusions(s.confusion) == [[AIR, CLASH, 1], [CLASH, UNCODED, 1]]


def test_confusion_matrix_is_gold_by_predicted():
    s = score(CODES, [AIR, CLASH, CLASH, None, CLASH, None])
    matrix = confusion_matrix(s.confusion)
    assert len(matrix["rows"]) == 25 and matrix["columns"][-1] == UNCODED
    row = matrix["counts"][matrix["rows"].index(AIR)]
    assert row[matrix["columns"].index(AIR)] == 1 and row[matrix["columns"].index(CLASH)] == 1
    assert sum(map(sum, matrix["counts"])) == 4


def test_score_rejects_length_mismatch():
    with pytest.raises(ValueError):
        score(CODES, [None])


def test_runner_end_to_end(gold_path):
    fake = FakePipeline({
        "Jets bombed a depot.": [AIR, CLASH],
        "Drones hit a convoy.": [CLASH],
        'Troops and rebels fought, a "fierce" battle.': [CLASH],
        "The ministers met in Geneva.": [None],
    }, fail={"Gunmen clashed with police."})
    report = run(gold_path, fake, None)
    assert report.n == 6
    assert all(item["date"] is None for item in fake.seen)
    m = report.metrics
    assert m["accuracy"] == 0.5 and m["errors"] == 1
    assert m["weighted_f1"] == pytest.approx(7 / 12)
    assert m["non_acled_uncoded"] == 2 and m["non_acled_uncoded_rate"] == 1.0
    data = json.loads(json.dumps(report.to_json()))
    assert data["confusion_matrix"]["rows"][0] == AIR
    assert {t["title"] for t in data["tables"]} >= {"per ACLED sub-event type",
                                                    "top confusions (gold -> predicted)"}
    assert "case2021" in report.render()


def test_runner_respects_limit_and_is_registered(gold_path):
    report = run(gold_path.parent, FakePipeline({}), 2)
    assert report.n == 2 and report.metrics["n_acled"] == 2 and report.metrics["accuracy"] == 0
    load_all()
    assert "case2021" in REGISTRY
