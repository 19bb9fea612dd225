"""The shared metric helpers: exact numbers on tiny hand-made cases."""

from __future__ import annotations

import pytest

from gestae.evaluate.base import Report, classification_scores, prf, render_table, span_prf
from gestae.evaluate.suite import summary


def test_prf_counts():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    p, r, f = prf(3, 1, 2)
    assert p == pytest.approx(0.75) and r == pytest.approx(0.6)
    assert f == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_classification_scores_perfect_and_half():
    perfect = classification_scores(["a", "b", "b"], ["a", "b", "b"])
    assert perfect.accuracy == 1.0 and perfect.macro_f1 == 1.0 and perfect.weighted_f1 == 1.0

    scores = classification_scores(["a", "a", "b", "b"], ["a", "b", "b", None])
    assert scores.accuracy == 0.5
    # a: tp1 fp0 fn1 -> p1 r.5 f.667 ; b: tp1 fp1 fn1 -> f .5
    assert scores.per_class["a"][2] == pytest.approx(2 / 3)
    assert scores.per_class["b"][2] == pytest.approx(0.5)
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0.5) / 2)
    assert scores.weighted_f1 == pytest.approx((2 / 3 * 2 + 0.5 * 2) / 4)
    assert scores.confusion[("b", None)] == 1


def test_classification_scores_rejects_length_mismatch():
    with pytest.raises(ValueError):
        classification_scores(["a"], [])


def test_span_prf():
    gold = {("d", 0, 4, "S"), ("d", 10, 14, "T")}
    pred = {("d", 0, 4, "S"), ("d", 20, 24, "T")}
    p, r, f, tp, fp, fn = span_prf(gold, pred)
    assert (tp, fp, fn) == (1, 1, 1) and p == r == f == 0.5


def test_report_renders_and_serialises(tmp_path):
    report = Report("toy", "/x", 2, {"accuracy": 0.5, "missing": None})
    report.add_table("per class", ["label", "f1"], [["a", 1.0], ["b", 0.0]])
    text = report.render()
    assert "accuracy" in text and "0.500" in text and "per class" in text
    report.write_json(tmp_path / "r.json")
    assert '"accuracy": 0.5' in (tmp_path / "r.json").read_text()
    assert render_table(["h"], [["x"]]).splitlines()[1] == "-"


def test_calibration_rows_bucket_by_confidence():
    from gestae.evaluate.base import calibration_rows, first_confidence

    rows = calibration_rows([(0.95, True), (0.92, False), (0.55, False), (None, False),
                             (1.0, True)])
    assert rows == [["0.5-0.6", 1, 0.0], ["0.9-1.0", 3, pytest.approx(2 / 3)],
                    ["no event", 1, 0.0]]
    assert first_confidence({"events": [{"confidence": 0.7}, {"confidence": 0.9}]}) == 0.7
    assert first_confidence({"events": []}) is None


def test_suite_summary_rounds_figures_as_the_reports_do() -> None:
    report = Report(dataset="muc34", path="x", n=1305,
                    metrics={"incident_type_accuracy": 0.8666666, "dead_accuracy": 0.71949})
    line = summary([report])
    assert "incident_type_accuracy=0.867" in line  # rounded, not cut to 0.866
    assert "dead_accuracy=0.719" in line
