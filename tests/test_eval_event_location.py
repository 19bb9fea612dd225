"""Event-location reader and scorer on tiny hand-made Prodigy-style lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gestae.evaluate import event_location as el
from gestae.model import DocumentResult, Event, Evidence, Place, TriggerWord

S1 = "Gunmen attacked a bus in Kirkuk on Friday."  # attacked 7..15, Kirkuk 25..31
S2 = "Police arrested two men."  # arrested 7..15, no location
S3 = "Rebels shelled Homs and fled."  # shelled 7..14, fled 24..28 (two verbs), Homs 15..19


def tokens(text: str) -> list[dict]:
    out, pos = [], 0
    for n, word in enumerate(text.replace(".", " .").split()):
        start = text.index(word, pos)
        out.append({"text": word, "start": start, "end": start + len(word), "id": n})
        pos = start + len(word)
    return out


def line(text: str, spans: list[dict], **extra) -> str:
    return json.dumps({"text": text, "spans": spans, "tokens": tokens(text), **extra})


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    lines = [
        line(S1, [{"start": 7, "end": 15, "token_start": 1, "token_end": 1, "label": "VERB"},
                  # broken character offsets (token indices), as in the real file
                  {"start": 5, "end": 5, "token_start": 5, "token_end": 5,
                   "label": "LOCATION", "text": "Kirkuk"}], source="A"),
        line(S2, [{"start": 7, "end": 15, "token_start": 1, "token_end": 1, "label": "VERB"}],
             source="B"),
        line(S3, [{"start": 7, "end": 14, "token_start": 1, "token_end": 1, "label": "VERB"},
                  {"start": 24, "end": 28, "token_start": 4, "token_end": 4, "label": "VERB"},
                  {"start": 15, "end": 19, "token_start": 2, "token_end": 2,
                   "label": "LOCATION"}], source="A"),
    ]
    path = tmp_path / "labeled.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def event(text: str, trigger: str, location: tuple[str, str | None] | None = None) -> Event:
    start = text.index(trigger)
    place = None
    if location is not None:
        name, precision = location
        at = text.index(name) if name in text else 0
        place = Place(text=name, start=at, end=at + len(name), precision=precision)  # type: ignore[arg-type]
    return Event(event_id="e", type="ASSAULT", location=place,
                 evidence=Evidence(text=text, start=0, end=len(text), trigger=trigger,
                                   trigger_start=start, trigger_end=start + len(trigger),
                                   rule="test"))


def test_read_repairs_offsets_and_splits_verbs(gold_file: Path) -> None:
    gold = el.read(gold_file)
    assert [g.id for g in gold] == ["0", "1", "2.0", "2.1"]
    assert [S1[s:e] for s, e in gold[0].locations] == ["Kirkuk"]
    assert gold[1].locations == []
    assert S3[gold[3].verb[0]:gold[3].verb[1]] == "fled"
    assert gold[2].locations == gold[3].locations
    assert len(el.unique_sentences(gold)) == 3


def test_perfect(gold_file: Path) -> None:
    gold = el.read(gold_file)
    preds = {S1: [event(S1, "attacked", ("Kirkuk", "exact"))],
             S2: [event(S2, "arrested")],
             S3: [event(S3, "shelled", ("Homs", "exact")), event(S3, "fled", ("Homs", "near"))]}
    m, rows = el.score(gold, preds)
    assert m["trigger_found"] == 1.0
    assert m["location_accuracy"] == 1.0
    assert m["has_location_precision"] == 1.0 and m["has_location_recall"] == 1.0
    assert {r[0]: r[1] for r in rows} == {"A": 3, "B": 1}


def test_empty(gold_file: Path) -> None:
    m, _ = el.score(el.read(gold_file), {})
    assert m["trigger_found"] == 0.0
    assert m["location_accuracy"] == 0.0  # not found counts as wrong, even with no gold place
    assert m["location_accuracy_found"] == 0.0
    assert m["has_location_recall"] == 0.0


def test_half_right(gold_file: Path) -> None:
    gold = el.read(gold_file)
    preds = {
        # found, but the location was inferred from the article: counts as none -> wrong
        S1: [event(S1, "attacked", ("Kirkuk", "inferred"))],
        # found, a location where the gold has none -> wrong
        S2: [event(S2, "arrested", ("Police", "exact"))],
        # shelled right; fled not found
        S3: [event(S3, "shelled", ("Homs", "exact"))],
    }
    m, _ = el.score(gold, preds)
    assert m["trigger_found"] == 0.75
    assert m["location_accuracy"] == 0.25
    assert m["location_accuracy_found"] == pytest.approx(1 / 3)
    # predicted positives: S2 and S3-shelled; gold positives: S1, S3 x2
    assert m["has_location_precision"] == 0.5
    assert m["has_location_recall"] == pytest.approx(1 / 3)


def test_first_overlapping_event_is_scored() -> None:
    gold = [el.GoldEvent(id="0", text=S1, verb=(7, 15), locations=[(25, 31)])]
    preds = {S1: [event(S1, "attacked"), event(S1, "attacked", ("Kirkuk", "exact"))]}
    m, _ = el.score(gold, preds)
    assert m["location_accuracy"] == 0.0


def test_another_mention_of_the_gold_place_is_the_same_place() -> None:
    text = "Gunmen shot a man near Jenin, a doctor in Jenin said."
    first, second = text.index("Jenin"), text.rindex("Jenin")
    gold = [el.GoldEvent(id="0", text=text, verb=(7, 11), locations=[(second, second + 5)])]
    assert first != second
    right = {text: [event(text, "shot", ("Jenin", "near"))]}  # the first "Jenin"
    assert el.score(gold, right)[0]["location_accuracy"] == 1.0
    other = "Gunmen shot a man near Jenin, a doctor in Nablus said."
    gold = [el.GoldEvent(id="0", text=other, verb=(7, 11),
                         locations=[(other.index("Nablus"), other.index("Nablus") + 6)])]
    wrong = {other: [event(other, "shot", ("Jenin", "near"))]}
    assert el.score(gold, wrong)[0]["location_accuracy"] == 0.0


class FakePipeline:
    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.calls = 0

    def extract(self, text=None, *, date=None, id="doc", html=None):
        raise NotImplementedError

    def extract_many(self, articles):
        for item in articles:
            self.calls += 1
            yield DocumentResult(id=item["id"], date=None,
                                 events=self.events.get(item["text"], []))


def test_runner_parses_each_sentence_once(gold_file: Path) -> None:
    from gestae.evaluate import REGISTRY

    fake = FakePipeline({S3: [event(S3, "shelled", ("Homs", "exact"))]})
    runner, _ = REGISTRY["event-location"]
    report = runner(gold_file, fake, None)
    assert fake.calls == 3
    assert report.n == 4
    assert report.metrics["trigger_found"] == 0.25
    limited = runner(gold_file, FakePipeline({}), 2)
    assert limited.n == 2


def test_a_folded_verb_finds_its_event_but_not_strictly(gold_file: Path) -> None:
    """ "fled" folded into the shelling counts as found; the strict figure says it is not."""
    gold = el.read(gold_file)
    shelled = event(S3, "shelled", ("Homs", "exact"))
    at = S3.index("fled")
    shelled.evidence.other_triggers = [TriggerWord("fled", at, at + 4)]
    preds = {S1: [event(S1, "attacked", ("Kirkuk", "exact"))], S2: [event(S2, "arrested")],
             S3: [shelled]}
    m, _rows = el.score(gold, preds)
    assert m["trigger_found"] == 1.0 and m["location_accuracy"] == 1.0
    assert m["trigger_found_strict"] == 0.75 and m["location_accuracy_strict"] == 0.75
