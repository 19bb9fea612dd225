"""The merge scorer: an article's event, pairwise same-event scores, partitions, the runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fakes import FakePipeline

from gestae.evaluate import merge as mg
from gestae.model import DocumentResult, Event, Evidence


def mention(article: str, event: str, type_: str = "ASSAULT", confidence: float = 0.8,
            negated: bool = False, modality: str = "asserted", ord_: int = 0
            ) -> dict[str, Any]:
    return {"article_id": article, "event_id": event, "type": type_,
            "confidence": confidence, "negated": negated, "modality": modality, "ord": ord_}


# -- article_event ------------------------------------------------------------------------


def test_article_event_takes_the_most_confident_mention_of_the_gold_type() -> None:
    ms = [mention("a", "e1", confidence=0.6), mention("a", "e2", confidence=0.9),
          mention("a", "e3", "PROTEST", confidence=0.99)]
    assert mg.article_event(ms, "ASSAULT") == "e2"
    assert mg.article_event(ms, "PROTEST") == "e3"


def test_article_event_ignores_other_types_and_unasserted_mentions() -> None:
    ms = [mention("a", "e1", "PROTEST"), mention("a", "e2", negated=True, confidence=0.99),
          mention("a", "e3", modality="historical", confidence=0.95),
          mention("a", "e4", modality="future", confidence=0.95)]
    assert mg.article_event(ms, "ASSAULT") is None
    assert mg.article_event([], "ASSAULT") is None
    assert mg.article_event(ms + [mention("a", "e5", confidence=0.1)], "ASSAULT") == "e5"


def test_article_event_breaks_confidence_ties_by_position() -> None:
    ms = [mention("a", "late", ord_=3), mention("a", "early", ord_=1)]
    assert mg.article_event(ms, "ASSAULT") == "early"
    assert mg.article_event(list(reversed(ms)), "ASSAULT") == "early"


def test_article_event_prefers_the_earliest_sentence_over_a_confident_background() -> None:
    lead = {**mention("a", "lead", confidence=0.6, ord_=1), "evidence_start": 0}
    background = {**mention("a", "old", confidence=0.9, ord_=0), "evidence_start": 120}
    assert mg.article_event([background, lead], "ASSAULT") == "lead"
    # a background sentence of another type does not hide a later sentence of the gold type
    other = {**mention("a", "talks", "CONSULT", confidence=0.99), "evidence_start": 0}
    assert mg.article_event([other, background], "ASSAULT") == "old"
    # in the same sentence, confidence decides
    rival = {**mention("a", "rival", confidence=0.8, ord_=2), "evidence_start": 0}
    assert mg.article_event([lead, rival, background], "ASSAULT") == "rival"


def test_predictions_cover_every_gold_article() -> None:
    rows = [mention("a", "x"), mention("b", "x", "PROTEST"), mention("zz", "y")]
    pred = mg.predictions(rows, {"a": "ASSAULT", "b": "ASSAULT", "c": "COERCE"})
    assert pred == {"a": "x", "b": None, "c": None}


# -- pairwise scores ------------------------------------------------------------------------


GOLD = {"a1": "E1", "a2": "E1", "a3": "E1", "b1": "E2", "b2": "E2", "d1": "D1"}


def test_perfect_prediction_scores_one() -> None:
    pred = {k: f"p{v}" for k, v in GOLD.items()}
    s = mg.pairwise_scores(GOLD, pred)
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)
    assert s["pairs"] == 15 and s["gold_pairs"] == 4 and s["fp"] == 0


def test_no_merging_has_zero_recall() -> None:
    s = mg.pairwise_scores(GOLD, {k: k for k in GOLD})
    assert s["recall"] == 0.0 and s["predicted_pairs"] == 0 and s["fn"] == 4


def test_over_merging_costs_precision_and_split_costs_recall() -> None:
    # the distractor d1 joins E1; E2 is split; a3 is uncoded
    pred = {"a1": "x", "a2": "x", "a3": None, "b1": "y", "b2": "z", "d1": "x"}
    s = mg.pairwise_scores(GOLD, pred)
    # predicted pairs: a1-a2 (right), a1-d1, a2-d1 (wrong); gold: a1-a2, a1-a3, a2-a3, b1-b2
    assert (s["tp"], s["fp"], s["fn"]) == (1, 2, 3)
    assert s["precision"] == pytest.approx(1 / 3)
    assert s["recall"] == pytest.approx(1 / 4)


def test_none_predictions_are_never_the_same_event() -> None:
    s = mg.pairwise_scores({"a": "E1", "b": "E1"}, {"a": None, "b": None})
    assert s["tp"] == 0 and s["fn"] == 1 and s["predicted_pairs"] == 0
    missing = mg.pairwise_scores({"a": "E1", "b": "E1"}, {})
    assert missing["fn"] == 1


def test_partition_ignores_the_event_ids_themselves() -> None:
    one = {"a": "x", "b": "x", "c": None, "d": None}
    other = {"a": "q", "b": "q", "c": None, "d": None}
    assert mg.partition(one) == mg.partition(other)
    assert mg.partition(one) != mg.partition({"a": "x", "b": "y", "c": None, "d": None})
    assert len(mg.partition(one)) == 3  # c and d stay apart


def test_events_per_gold_event() -> None:
    pred = {"a1": "x", "a2": "x", "a3": None, "b1": "y", "b2": "y", "d1": "x"}
    # E1 -> {x, a3 alone} = 2, E2 -> {y} = 1, D1 -> {x} = 1
    assert mg.events_per_gold_event(GOLD, pred) == pytest.approx(4 / 3)


def test_wrong_pairs_name_both_kinds_of_error() -> None:
    pred = {"a1": "x", "a2": "x", "a3": "w", "b1": "y", "b2": "y", "d1": "x"}
    rows = mg.wrong_pairs(GOLD, pred)
    kinds = {(r[0], r[1]): r[-1] for r in rows}
    assert kinds[("a1", "d1")] == "merged"
    assert kinds[("a1", "a3")] == "split"
    assert ("a1", "a2") not in kinds
    assert len(mg.wrong_pairs(GOLD, pred, limit=1)) == 1


def test_orders_are_permutations_and_repeatable() -> None:
    items = [mg.GoldArticle(id=str(i), text="t", gold_event="E", gold_type="ASSAULT")
             for i in range(10)]
    got = mg.orders(items)
    assert [name for name, _ in got] == ["file", "reversed", "shuffle-1", "shuffle-2"]
    for _, order in got:
        assert sorted(a.id for a in order) == sorted(a.id for a in items)
    assert [a.id for a in got[2][1]] == [a.id for a in mg.orders(items)[2][1]]
    assert got[2][1] != got[3][1]


def test_read_rejects_missing_labels_and_duplicate_ids(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "x", "gold_type": "ASSAULT"}) + "\n")
    with pytest.raises(ValueError, match="gold_event"):
        mg.read(bad)
    dup = tmp_path / "dup.jsonl"
    line = json.dumps({"id": "a", "text": "x", "gold_event": "E", "gold_type": "assault"})
    dup.write_text(line + "\n\n" + line + "\n")
    with pytest.raises(ValueError, match="unique"):
        mg.read(dup)
    dup.write_text(line + "\n")
    assert mg.read(dup)[0].gold_type == "ASSAULT"


# -- the runner, with a fake pipeline -------------------------------------------------------

ARTICLES = [
    {"id": "k1", "date": "2022-05-02", "text": "A bomb exploded in Karbala on Sunday.",
     "gold_event": "E1", "gold_type": "ASSAULT"},
    {"id": "k2", "date": "2022-05-03", "text": "Yesterday's Karbala blast killed four.",
     "gold_event": "E1", "gold_type": "ASSAULT"},
    {"id": "n1", "date": "2022-05-02", "text": "A bomb exploded in Najaf on Sunday.",
     "gold_event": "D1", "gold_type": "ASSAULT"},
    {"id": "m1", "date": "2022-05-04", "text": "Students marched in Basra on Wednesday.",
     "gold_event": "E2", "gold_type": "PROTEST"},
]
TYPES = {a["text"]: a["gold_type"] for a in ARTICLES}


def _result(item: Any) -> DocumentResult:
    text = item.text
    evidence = Evidence(text=text, start=0, end=len(text), trigger="x", trigger_start=0,
                        trigger_end=1, rule="fake")
    return DocumentResult(id=item.id, date=item.date, events=[
        Event(event_id="e0", type=TYPES[text], evidence=evidence, confidence=0.9)])


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    return path


def test_runner_scores_every_order_and_extracts_each_article_once(corpus: Path) -> None:
    from gestae.evaluate import REGISTRY

    fake = FakePipeline(_result)
    runner, _ = REGISTRY["merge"]
    report = runner(corpus.parent, fake, None)
    assert len(fake.items) == len(ARTICLES)  # cached across the four orders
    m = report.metrics
    assert m["n_articles"] == 4 and m["n_gold_events"] == 3 and m["uncoded"] == 0
    # without merging in the store, every mention is its own event: the one gold pair is split
    if m["predicted_pairs"] == 0:
        assert m["recall"] == 0.0 and m["events_per_gold_event"] == pytest.approx(4 / 3)
    assert m["order_invariant"] in (0.0, 1.0)
    titles = [t for t, _, _ in report.tables]
    assert titles[0] == "By ingestion order" and len(report.tables[0][2]) == 4
    limited = runner(corpus, FakePipeline(_result), 2)
    assert limited.n == 2 and limited.metrics["n_gold_events"] == 1
