"""ConfliBERT quad-class reader and scorer, on tiny hand-made gold files and predictions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from gestae.evaluate import REGISTRY, load_all
from gestae.evaluate.conflibert_quad import first_quad, read_sentences, run, score
from gestae.model import DocumentResult, Event, Evidence


def _event(quad: int | None) -> Event:
    evidence = Evidence(text="x", start=0, end=1, trigger="x", trigger_start=0, trigger_end=1,
                        rule="test")
    return Event(event_id="e1", type="ASSAULT", evidence=evidence, quad_class=quad)


class FakePipeline:
    """Answers from a table text -> quad classes of its events (in order)."""

    def __init__(self, answers: dict[str, list[int | None]]) -> None:
        self.answers = answers
        self.seen: list[dict[str, Any]] = []

    def extract(self, text: Any = None, *, date: str | None = None, id: str = "doc",
                html: str | None = None) -> DocumentResult:
        return DocumentResult(id=id, date=date,
                              events=[_event(q) for q in self.answers.get(text, [])])

    def extract_many(self, articles: Iterable[dict[str, Any]]):
        for item in articles:
            self.seen.append(item)
            yield self.extract(item["text"], date=item["date"], id=item["id"])


GOLD = ("The envoys praised the talks.\t1\r\n"
        "The donors sent food aid.\t2\r\n"
        "\r\n"
        "The minister denounced the raid, saying\tit was wrong.\t3\r\n"
        "Troops shelled the town.\t4\r\n")


@pytest.fixture
def gold_path(tmp_path):
    path = tmp_path / "cameo_class_train.tsv"
    path.write_text(GOLD, encoding="utf-8", newline="")
    return path


def test_reader_splits_on_last_tab_and_skips_blank_lines(gold_path):
    sentences = read_sentences(gold_path)
    assert [s.label for s in sentences] == [1, 2, 3, 4]
    assert sentences[2].text == "The minister denounced the raid, saying\tit was wrong."
    assert sentences[0].id == "1" and sentences[3].id == "5"  # line numbers
    assert read_sentences(gold_path.parent) == sentences


@pytest.mark.parametrize("line", ["No label here\n", "Bad label\t7\n", "\tx\n"])
def test_reader_rejects_malformed_lines(tmp_path, line):
    path = tmp_path / "bad.tsv"
    path.write_text(line)
    with pytest.raises(ValueError):
        read_sentences(path)


def test_first_quad_defaults_to_neutral():
    assert first_quad({"events": [{"quad_class": 4}, {"quad_class": 1}]}) == 4
    assert first_quad({"events": [{"quad_class": None}]}) == 0
    assert first_quad({"events": []}) == 0
    assert first_quad({"id": "x", "error": "bad"}) == 0


def test_perfect_empty_and_half_right():
    gold = [1, 2, 3, 4]
    perfect = score(gold, gold)
    assert perfect.accuracy == 1.0 and perfect.weighted_f1 == 1.0
    # label 0 has no support and is never predicted: F1 0 in the macro mean over 5 labels
    assert perfect.macro_f1 == pytest.approx(4 / 5)
    empty = score(gold, [0, 0, 0, 0])
    assert (empty.accuracy, empty.macro_f1, empty.weighted_f1) == (0.0, 0.0, 0.0)
    half = score(gold, [1, 2, 0, 0])
    assert half.accuracy == 0.5
    assert half.macro_f1 == pytest.approx(2 / 5)
    assert half.weighted_f1 == pytest.approx(0.5)
    assert half.per_class[0][:3] == (0.0, 0.0, 0.0) and half.per_class[0][3] == 0
    assert half.confusion[(3, 0)] == 1 and half.confusion[(4, 0)] == 1


def test_score_counts_neutral_gold_like_any_class():
    s = score([0, 0, 4, 4], [0, 4, 4, 4])
    # 0: P 1, R 1/2, F1 2/3; 4: P 2/3, R 1, F1 4/5; labels 1-3 unseen: F1 0
    assert s.accuracy == 0.75
    assert s.per_class[4][2] == pytest.approx(0.8)
    assert s.weighted_f1 == pytest.approx((2 / 3 * 2 + 0.8 * 2) / 4)
    assert s.macro_f1 == pytest.approx((2 / 3 + 0.8) / 5)


def test_runner_end_to_end(gold_path):
    fake = FakePipeline({
        "The envoys praised the talks.": [1, 3],
        "The donors sent food aid.": [None],
        "Troops shelled the town.": [4],
    })
    report = run(gold_path, fake, None)
    assert report.n == 4 and all(item["date"] is None for item in fake.seen)
    assert report.metrics["accuracy"] == 0.5
    assert report.metrics["event_rate"] == 0.75
    assert report.metrics["macro_f1"] == pytest.approx(2 / 5)
    confusion = dict((row[0], row[1:]) for row in report.tables[1][2])
    assert confusion["2 material cooperation"] == [1, 0, 0, 0, 0]
    limited = run(gold_path, FakePipeline({}), 1)
    assert limited.n == 1 and limited.metrics["accuracy"] == 0.0
    load_all()
    assert "conflibert-quad" in REGISTRY
