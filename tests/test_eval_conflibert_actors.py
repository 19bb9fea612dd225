"""ConfliBERT actor-span reader and scorer, on tiny hand-made gold files and predictions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from gestae.evaluate import REGISTRY, load_all
from gestae.evaluate.conflibert_actors import (
    detokenize,
    predicted_spans,
    read_sentences,
    read_tagged,
    run,
    score,
    score_role,
    tag_spans,
    token_span,
)
from gestae.model import Actor, DocumentResult, Event, Evidence


def test_detokenize_glues_punctuation_and_keeps_offsets_exact():
    tokens = ["Iraq", "’", "s", "army", "(", "IA", ")", "said", ",", "at", "06", ":", "00",
              "a", "Syria", "-", "related", "“", "raid", "”", "by", "Jos", "é", "Carreras",
              "and", "P", "é", "rez", ":", "$", "5", "."]
    text, offsets = detokenize(tokens)
    assert text == ("Iraq’s army (IA) said, at 06:00 a Syria-related “raid” by José Carreras "
                    "and Pérez: $5.")
    assert [text[s:e] for s, e in offsets] == tokens


def test_detokenize_rejoins_numbers_split_at_their_marks():
    text, offsets = detokenize(["Germany", "gave", "352", ".", "5", "million", "euros", "to",
                                "2", ",", "374", "people", "at", "06", ":", "00", "."])
    assert text == "Germany gave 352.5 million euros to 2,374 people at 06:00."
    assert [text[s:e] for s, e in offsets][2:5] == ["352", ".", "5"]
    # a comma before a list item, and a sentence-final full stop, keep their spaces
    assert detokenize(["In", "2012", ",", "50", "fled", "."])[0] == "In 2012, 50 fled."
    assert detokenize(["Won", "3", ",", "2", "lost"])[0] == "Won 3, 2 lost"
    assert detokenize(["In", "2012", ",", "500", "fled"])[0] == "In 2012, 500 fled"


def test_tag_spans_reads_bio_with_both_role():
    tags = ["B-S", "I-S", "O", "B-T", "I-T", "O", "B-R", "I-T", "O", "B-S", "B-S"]
    spans = tag_spans(tags)
    # R counts as S and T; an I-T after an R span starts a T span of its own
    assert spans["S"] == {(0, 2), (6, 7), (9, 10), (10, 11)}
    assert spans["T"] == {(3, 5), (6, 7), (7, 8)}


def test_reader_builds_sentences_from_token_lines(tmp_path):
    path = tmp_path / "cameo_ner_train.txt"
    path.write_text("The B-S\narmy I-S\nleft O\n. O\n\n\nRebels B-R\nmet O\n", encoding="utf-8")
    assert read_tagged(path) == [(["The", "army", "left", "."], ["B-S", "I-S", "O", "O"]),
                                 (["Rebels", "met"], ["B-R", "O"])]
    sentences = read_sentences(tmp_path)
    assert [s.text for s in sentences] == ["The army left.", "Rebels met"]
    assert sentences[0].gold == {"S": {(0, 2)}, "T": set()}
    assert sentences[1].gold == {"S": {(0, 1)}, "T": {(0, 1)}}
    path.write_text("lonely\n")
    with pytest.raises(ValueError):
        read_tagged(path)


def test_token_span_maps_characters_to_overlapped_tokens():
    _, offsets = detokenize(["The", "Swiss", "court", "ruled", "."])
    assert token_span(offsets, 4, 15) == (1, 3)  # "Swiss court"
    assert token_span(offsets, 6, 8) == (1, 2)  # inside "Swiss"
    assert token_span(offsets, 3, 4) is None  # the space only


def test_predicted_spans_first_or_all_events():
    _, offsets = detokenize(["Rebels", "attacked", "troops", "and", "police"])
    result = {"events": [
        {"source": [{"start": 0, "end": 6}], "target": [{"start": 16, "end": 22}]},
        {"source": [{"start": 0, "end": 6}], "target": [{"start": 27, "end": 33}]},
    ]}
    first = predicted_spans(result, offsets, first_only=True)
    assert first == {"S": {(0, 1)}, "T": {(2, 3)}}
    every = predicted_spans(result, offsets, first_only=False)
    assert every == {"S": {(0, 1)}, "T": {(2, 3), (4, 5)}}
    assert predicted_spans({"error": "x"}, offsets, True) == {"S": set(), "T": set()}


def test_reciprocal_events_count_their_actors_in_both_roles():
    # "Rebels clashed with troops": a two-sided pattern, every party an actor (PLOVER); the
    # CAMEO-style gold tags both R, so they count as source and target unless asked not to.
    _, offsets = detokenize(["Rebels", "clashed", "with", "troops"])
    parties = [{"start": 0, "end": 6}, {"start": 20, "end": 26}]
    clash = {"events": [{"source": parties, "target": [],
                         "evidence": {"rule": "assault.clash"}}]}
    both = {(0, 1), (3, 4)}
    assert predicted_spans(clash, offsets, True) == {"S": both, "T": both}
    assert predicted_spans(clash, offsets, True, reciprocal=False) == {"S": both, "T": set()}
    # a one-way pattern, or a two-sided one that found a recipient, stays one-way
    for rule, target in (("assault.attack", []), ("assault.clash", parties[1:])):
        event = {"source": parties[:1], "target": target, "evidence": {"rule": rule}}
        spans = predicted_spans({"events": [event]}, offsets, True)
        assert spans["S"] == {(0, 1)} and spans["T"] == ({(3, 4)} if target else set())


def test_score_role_exact_and_overlap_numbers():
    gold = [frozenset({(0, 2)}), frozenset({(0, 1), (3, 5)})]
    perfect = score_role(gold, gold)
    assert (perfect.p, perfect.r, perfect.f1) == (1.0, 1.0, 1.0)
    empty = score_role(gold, [frozenset(), frozenset()])
    assert (empty.p, empty.r, empty.f1) == (0.0, 0.0, 0.0) and empty.gold == 3
    pred = [frozenset({(1, 2)}), frozenset({(0, 1), (6, 7)})]
    exact = score_role(gold, pred)
    assert (exact.p, exact.r) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    loose = score_role(gold, pred, overlap=True)
    assert loose.p == pytest.approx(2 / 3) and loose.r == pytest.approx(2 / 3)
    assert loose.f1 == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        score_role(gold, pred[:1])


def test_score_covers_both_roles_and_matchings():
    gold = [{"S": frozenset({(0, 1)}), "T": frozenset({(2, 4)})}]
    pred = [{"S": frozenset({(0, 1)}), "T": frozenset({(3, 4)})}]
    table = score(gold, pred)
    assert table[("S", "exact")].f1 == 1.0
    assert table[("T", "exact")].f1 == 0.0
    assert table[("T", "overlap")].f1 == 1.0


def _actor(text: str, phrase: str) -> Actor:
    start = text.index(phrase)
    return Actor(text=phrase, start=start, end=start + len(phrase))


def _event(text: str, source: list[str], target: list[str]) -> Event:
    evidence = Evidence(text=text, start=0, end=len(text), trigger="x", trigger_start=0,
                        trigger_end=1, rule="test")
    return Event(event_id="e", type="ASSAULT", evidence=evidence,
                 source=[_actor(text, p) for p in source],
                 target=[_actor(text, p) for p in target])


class FakePipeline:
    """Answers from a table text -> (source phrases, target phrases) per event."""

    def __init__(self, answers: dict[str, list[tuple[list[str], list[str]]]]) -> None:
        self.answers = answers

    def extract(self, text: Any = None, *, date: str | None = None, id: str = "doc",
                html: str | None = None) -> DocumentResult:
        events = [_event(text, s, t) for s, t in self.answers.get(text, [])]
        return DocumentResult(id=id, date=date, events=events)

    def extract_many(self, articles: Iterable[dict[str, Any]]):
        for item in articles:
            assert item["date"] is None
            yield self.extract(item["text"], id=item["id"])


GOLD = ("The B-S\narmy I-S\nshelled O\nthe B-T\ntown I-T\n. O\n\n"
        "Rebels B-S\nclashed O\nwith O\nsoldiers B-T\n. O\n")


def test_runner_end_to_end(tmp_path):
    path = tmp_path / "cameo_ner_train.txt"
    path.write_text(GOLD, encoding="utf-8")
    fake = FakePipeline({"The army shelled the town.": [(["The army"], ["town"]),
                                                        ([], ["the town"])]})
    report = run(path, fake, None)
    m = report.metrics
    assert report.n == 2
    # first event: S exact 1/1 predicted, 1/2 gold; T exact 0 (town vs the town)
    assert m["source_p"] == 1.0 and m["source_r"] == 0.5
    assert m["source_f1"] == pytest.approx(2 / 3)
    assert m["target_f1"] == 0.0
    assert m["target_overlap_p"] == 1.0 and m["target_overlap_r"] == 0.5
    # all events: T predicted {town, the town}: exact P 1/2, R 1/2
    assert m["all_events_target_f1"] == pytest.approx(0.5)
    assert m["all_events_target_overlap_f1"] == pytest.approx(2 / 3)
    assert m["event_rate"] == 0.5
    assert list(m)[:2] == ["source_f1", "target_f1"]
    assert run(path, fake, 1).n == 1
    load_all()
    assert "conflibert-actors" in REGISTRY


def test_coordination_split_either_way_counts_as_the_same_spans():
    from gestae.evaluate.conflibert_actors import coordination_matches, score_coordination
    tokens = ["Ghana", "and", "Togo", "signed", "a", "pact", "with", "Benin", ",", "Mali"]
    # gold whole, predicted split
    gold_ok, pred_ok = coordination_matches(frozenset({(0, 3)}), frozenset({(0, 1), (2, 3)}),
                                            tokens)
    assert gold_ok == {(0, 3)} and pred_ok == {(0, 1), (2, 3)}
    # gold split, predicted whole
    gold_ok, pred_ok = coordination_matches(frozenset({(7, 8), (9, 10)}), frozenset({(7, 10)}),
                                            tokens)
    assert gold_ok == {(7, 8), (9, 10)} and pred_ok == {(7, 10)}
    # one conjunct alone is not the coordination, and a non-coordinator gap does not tile
    gold_ok, pred_ok = coordination_matches(frozenset({(0, 3)}), frozenset({(0, 1)}), tokens)
    assert not gold_ok and not pred_ok
    gold_ok, _ = coordination_matches(frozenset({(2, 8)}), frozenset({(2, 3), (7, 8)}), tokens)
    assert not gold_ok
    scores = score_coordination([frozenset({(0, 3)}), frozenset({(7, 8)})],
                                [frozenset({(0, 1), (2, 3)}), frozenset({(4, 6)})],
                                [tokens, tokens])
    assert (scores.matched_gold, scores.gold, scores.matched_predicted, scores.predicted) == (
        1, 2, 2, 3)
