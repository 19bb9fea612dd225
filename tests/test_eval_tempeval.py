"""TempEval reader and scorer on a tiny hand-made TimeML file."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakePipeline

from gestae.evaluate import tempeval as te
from gestae.model import DocumentResult, TimeRef

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>doc1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-27" functionInDocument="CREATION_TIME">'
    "January 27, 2020</TIMEX3></DCT>\n"
    '<TEXT>Troops <EVENT eid="e1">left</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="2020-01-24">Friday</TIMEX3> after '
    '<TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>; talks resume in '
    '<TIMEX3 tid="t3" type="DATE" value="2020-02">February</TIMEX3>.</TEXT>\n</TimeML>\n'
)
PLAIN = "Troops left on Friday after three months; talks resume in February."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "doc1.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def ref(text: str, value: str | None) -> TimeRef:
    start = PLAIN.index(text)
    return TimeRef(text=text, start=start, end=start + len(text), value=value)


def test_read_strips_markup_and_keeps_offsets(folder: Path) -> None:
    (doc,) = te.read(folder)
    assert doc.id == "doc1" and doc.dct == "2020-01-27"
    assert doc.text == PLAIN
    assert [(doc.text[t.start:t.end], t.type) for t in doc.timexes] == [
        ("Friday", "DATE"), ("three months", "DURATION"), ("February", "DATE")]
    assert te.read(folder / "doc1.tml")[0].text == PLAIN


def test_perfect(folder: Path) -> None:
    gold = te.read(folder)
    m, rows = te.score(gold, {"doc1": [ref("Friday", "2020-01-24"), ref("February", "2020-02"),
                                       ref("three months", "2019-10/2020-01")]})
    assert m["span_recall"] == 1.0 and m["value_accuracy"] == 1.0
    assert m["span_precision"] == 1.0  # the duration is a gold TIMEX3 too
    assert len(rows) == 2


def test_empty(folder: Path) -> None:
    m, _ = te.score(te.read(folder), {})
    assert m["span_recall"] == 0.0 and m["value_accuracy"] == 0.0
    assert m["span_precision"] == 0.0 and m["gold_dates"] == 2


def test_half_right(folder: Path) -> None:
    gold = te.read(folder)
    preds = {"doc1": [ref("on Friday", "2020-01-31"),  # overlaps, wrong value
                      ref("talks", None)]}  # no gold there
    m, rows = te.score(gold, preds)
    assert m["span_recall"] == 0.5
    assert m["value_accuracy"] == 0.0
    assert m["value_accuracy_found"] == 0.0
    assert m["span_precision"] == 0.5
    assert rows[0][3:] == ["on Friday", "2020-01-31", "no"]

    preds = {"doc1": [ref("Friday", "2020-01-24")]}
    m, _ = te.score(gold, preds)
    assert m["value_accuracy"] == 0.5 and m["value_accuracy_found"] == 1.0


def times_pipeline(times: list[TimeRef]) -> FakePipeline:
    return FakePipeline(lambda item: DocumentResult(id=item["id"], date=item["date"],
                                                    times=times))


def test_runner_passes_the_dct(folder: Path) -> None:
    from gestae.evaluate import REGISTRY

    fake = times_pipeline([ref("February", "2020-02")])
    runner, _ = REGISTRY["tempeval"]
    report = runner(folder, fake, None)
    assert fake.items == [{"id": "doc1", "text": PLAIN, "date": "2020-01-27"}]
    assert report.n == 2
    assert report.metrics["value_accuracy"] == 0.5


def test_timeml_forms_match_their_iso_spelling_and_nothing_else():
    from gestae.evaluate.tempeval import same_value

    assert same_value("2012-06/2012-08", "2012-SU", "2013-03-22")
    assert same_value("1990/1999", "199", "2013-03-22")
    assert same_value("2013-03-22", "PRESENT_REF", "2013-03-22T10:00:00")
    assert same_value("2013-W11", "2013-W11", None)
    assert not same_value("2012", "2012-SU", "2013-03-22")
    assert not same_value("2013-03-21", "PRESENT_REF", "2013-03-22")
    assert not same_value(None, "2012", "2013-03-22")
