"""re3d reader, label mapping and exact/overlap scorer on a hand-made source folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gestae.evaluate import re3d
from gestae.model import Actor, DocumentResult, Place

TEXT = "General Smith said the Syrian Army shelled Aleppo."
# General Smith 0..13 (Person), the Syrian Army 19..34 (Organisation), Aleppo 43..49 (Location)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    source = tmp_path / "NewsSource"
    source.mkdir()
    (source / "documents.json").write_text(
        json.dumps({"_id": "D1", "title": "t", "text": TEXT}) + "\n", encoding="utf-8")
    entities = [
        {"documentId": "D1", "begin": 0, "end": 13, "type": "Person", "value": "General Smith",
         "confidence": 1},
        {"documentId": "D1", "begin": 19, "end": 34, "type": "Organisation",
         "value": "the Syrian Army", "confidence": 0},
        {"documentId": "D1", "begin": 19, "end": 34, "type": "Organisation",
         "value": "the Syrian Army", "confidence": 1},  # duplicate
        {"documentId": "D1", "begin": 43, "end": 49, "type": "Location", "value": "Aleppo",
         "confidence": 1},
        {"documentId": "D1", "begin": 35, "end": 42, "type": "Weapon", "value": "shelled",
         "confidence": 1},  # not scored
    ]
    (source / "entities.json").write_text(
        "".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    return tmp_path


def actor(text: str, kind: str | None) -> Actor:
    start = TEXT.index(text)
    return Actor(text=text, start=start, end=start + len(text), kind=kind)


def place(text: str) -> Place:
    start = TEXT.index(text)
    return Place(text=text, start=start, end=start + len(text))


def test_read_root_and_source(root: Path) -> None:
    (doc,) = re3d.read(root)
    assert doc.source == "NewsSource"
    assert [(m.label, TEXT[m.start:m.end]) for m in doc.entities] == [
        ("Person", "General Smith"), ("Organisation", "the Syrian Army"), ("Location", "Aleppo")]
    assert len(re3d.read(root / "NewsSource")[0].entities) == 3


def test_label_mapping() -> None:
    mentions = re3d.predicted_mentions("D1", [actor("General Smith", "person"),
                                              actor("Syrian Army", "organisation"),
                                              actor("Aleppo", "state"),
                                              actor("said", None)],
                                       [place("Aleppo")])
    labels = {(TEXT[m.start:m.end], m.label) for m in mentions}
    assert labels == {("General Smith", "Person"), ("Syrian Army", "Organisation"),
                      ("Aleppo", "Location"), ("said", "Organisation")}


def scores(root: Path, actors: list[Actor], places: list[Place]) -> dict:
    gold = [m for d in re3d.read(root) for m in d.entities]
    pred = re3d.predicted_mentions("D1", actors, places)
    metrics, _ = re3d.score(gold, pred, re3d.scored_labels())
    return metrics


def test_perfect(root: Path) -> None:
    m = scores(root, [actor("General Smith", "person"), actor("the Syrian Army", "group")],
               [place("Aleppo")])
    assert m["f1_exact"] == 1.0 and m["f1_overlap"] == 1.0


def test_empty(root: Path) -> None:
    m = scores(root, [], [])
    assert m["f1_exact"] == 0.0 and m["recall_overlap"] == 0.0


def test_partial_spans_and_wrong_type(root: Path) -> None:
    # "Smith" overlaps the Person; "Syrian Army" overlaps the Organisation; Aleppo typed as
    # a Person is wrong under both schemes; one spurious organisation.
    m = scores(root, [actor("Smith", "person"), actor("Syrian Army", "organisation"),
                      actor("Aleppo", "person"), actor("said", "organisation")], [])
    assert m["precision_exact"] == 0.0 and m["recall_exact"] == 0.0
    assert m["precision_overlap"] == 0.5  # 2 of 4
    assert m["recall_overlap"] == pytest.approx(2 / 3)


def test_overlap_is_one_to_one(root: Path) -> None:
    # two predictions inside one gold organisation: only one of them matches
    m = scores(root, [actor("Syrian", "organisation"), actor("Army", "organisation")], [])
    assert m["precision_overlap"] == 0.5
    assert m["recall_overlap"] == pytest.approx(1 / 3)


class FakePipeline:
    def extract(self, text=None, *, date=None, id="doc", html=None):
        raise NotImplementedError

    def extract_many(self, articles):
        for item in articles:
            yield DocumentResult(id=item["id"], date=None,
                                 actors=[actor("General Smith", "person")],
                                 places=[place("Aleppo")])


def test_runner(root: Path) -> None:
    from gestae.evaluate import REGISTRY

    runner, _ = REGISTRY["re3d"]
    report = runner(root, FakePipeline(), None)
    assert report.n == 3
    assert report.metrics["precision_exact"] == 1.0
    assert report.metrics["recall_exact"] == pytest.approx(2 / 3)
    assert [row[0] for row in report.tables[0][2]] == ["Organisation", "Person", "Location"]


# -- countries the gold gives ------------------------------------------------------------

COUNTRY_TEXT = "Turkey and the Iraqi army met Smith of the SDF. British."


def at(words: str) -> tuple[int, int]:
    start = COUNTRY_TEXT.index(words)
    return start, start + len(words)


def _country_root(tmp_path: Path, relations: list[dict]) -> Path:
    source = tmp_path / "S"
    source.mkdir(parents=True)
    (source / "documents.json").write_text(
        json.dumps({"_id": "D2", "text": COUNTRY_TEXT}) + "\n", encoding="utf-8")
    ents = [("Organisation", "Turkey"), ("Organisation", "the Iraqi army"),
            ("Nationality", "Iraqi"), ("Person", "Smith"), ("Organisation", "the SDF"),
            ("Nationality", "British")]
    (source / "entities.json").write_text("".join(
        json.dumps({"documentId": "D2", "begin": at(w)[0], "end": at(w)[1], "type": t,
                    "value": w}) + "\n" for t, w in ents), encoding="utf-8")
    (source / "relations.json").write_text("".join(json.dumps(r) + "\n" for r in relations),
                                           encoding="utf-8")
    return tmp_path


def test_gold_countries_from_names_nesting_and_relations(tmp_path: Path) -> None:
    link = {"documentId": "D2", "type": "HasAttrOf", "sourceBegin": at("Smith")[0],
            "sourceEnd": at("Smith")[1], "targetBegin": at("British")[0],
            "targetEnd": at("British")[1]}
    (doc,) = re3d.read(_country_root(tmp_path, [link]))
    assert doc.countries == {at("Turkey"): "TUR", at("the Iraqi army"): "IRQ",
                             at("Smith"): "GBR"}
    assert [m.label for m in doc.entities].count("Organisation") == 3  # Nationality unscored
    (plain,) = re3d.read(_country_root(tmp_path / "b", []))
    assert at("Smith") not in plain.countries  # no link, no country


def test_country_scores_count_only_the_right_country(tmp_path: Path) -> None:
    (doc,) = re3d.read(_country_root(tmp_path, []))
    gold = re3d.with_gold_countries([doc])

    def org(words: str, country: str | None) -> re3d.Mention:
        return re3d.Mention("D2", *at(words), "Organisation", words, country)

    # Turkey right, the Iraqi army wrongly Syrian, the SDF without a country (gold has none)
    m = re3d.country_scores(gold, [org("Turkey", "TUR"), org("Iraqi army", "SYR"),
                                   org("SDF", None)])
    assert m["gold_with_country"] == 2 and m["country_matched"] == 2
    assert m["country_present"] == 2 and m["country_right"] == 1
    assert m["country_precision"] == 0.5 and m["country_recall"] == 0.5
    assert m["resolved_precision"] == pytest.approx(2 / 3)  # Turkey and the SDF
    assert m["resolved_recall"] == pytest.approx(2 / 4)  # of four Org/Person gold mentions
