"""Merging reports across articles: same event joined, distractors apart, any order, and the
analyst's corrections kept when more articles arrive."""

from __future__ import annotations

import random

import pytest

from gestae.model import Article
from gestae.store import Store, StoreError

# one protest shooting told three ways, on two publication days
SHOOTING = [
    Article(id="s-a", date="2022-04-11", source="Wire A",
            text="Security forces killed three protesters and wounded 40 in Nasiriyah on "
                 "Sunday, medics said."),
    Article(id="s-b", date="2022-04-11", source="Tribune",
            text="Three demonstrators were shot dead by police in the southern Iraqi city of "
                 "Nasiriyah on Sunday, according to hospital sources."),
    Article(id="s-c", date="2022-04-12", source="Monitor",
            text="Police killed five protesters in Nasiriyah on Sunday, a rights group said "
                 "on Tuesday, raising the toll from the crackdown."),
]
# distractors: the same city two days later, and the same day in another city
LATER = Article(id="d-later", date="2022-04-13", source="Wire A",
                text="Police opened fire on protesters in Nasiriyah on Tuesday, killing one "
                     "man, witnesses said.")
ELSEWHERE = Article(id="d-karbala", date="2022-04-11", source="Wire B",
                    text="Security forces killed two protesters in Karbala on Sunday, a police "
                         "source said.")
BOMBING = [
    Article(id="b-a", date="2022-06-02", source="Wire A",
            text="A car bomb exploded at a market in Mogadishu on Wednesday, killing at least "
                 "seven people, police said."),
    Article(id="b-b", date="2022-06-03", source="Horn Daily",
            text="Al-Shabaab said it carried out Wednesday's car bombing at a busy market in "
                 "Mogadishu that killed nine people."),
]
ALL = [*SHOOTING, LATER, ELSEWHERE, *BOMBING]


def _partition(store: Store, types: tuple[str, ...] = ("ASSAULT",)) -> set[frozenset[str]]:
    """Which articles share an event, over each article's most confident mention of a type."""
    rows = store.connection.execute("""
        SELECT article_id, first(event_id ORDER BY confidence DESC, mention_id)
        FROM mentions WHERE list_contains(?, type) GROUP BY article_id""",
                                    [list(types)]).fetchall()
    groups: dict[str, set[str]] = {}
    for article, event in rows:
        groups.setdefault(event, set()).add(article)
    return {frozenset(g) for g in groups.values()}


@pytest.fixture()
def store(tmp_path, pipeline):
    with Store(str(tmp_path / "m.duckdb")) as s:
        s.ingest(ALL, pipeline, batch_size=3)
        yield s


def test_reports_of_one_event_are_merged_and_distractors_kept_apart(store):
    parts = _partition(store)
    assert frozenset({"s-a", "s-b", "s-c"}) in parts
    assert frozenset({"d-later"}) in parts
    assert frozenset({"d-karbala"}) in parts
    assert frozenset({"b-a", "b-b"}) in parts


def test_merged_event_keeps_every_source_and_figure(store):
    (event,) = [e for e in store.event_dicts(type="ASSAULT") if e["n_articles"] == 3]
    assert {s["article_id"] for s in event["sources"]} == {"s-a", "s-b", "s-c"}
    killed = event["casualties"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (3, 3, 5)
    reported = {(r["value"], r["source"]) for r in event["casualties"]["reported"]
                if r["role"] == "killed"}
    assert {(3, "Wire A"), (5, "Monitor")} <= reported
    assert all(s["reported"]["place"] == "Nasiriyah" for s in event["sources"])


def test_any_order_gives_the_same_events(tmp_path, pipeline):
    partitions = []
    for seed, size in ((1, 1), (2, 2), (3, 7)):
        order = ALL[:]
        random.Random(seed).shuffle(order)
        with Store(str(tmp_path / f"o{seed}.duckdb")) as s:
            s.ingest(order, pipeline, batch_size=size)
            partitions.append(_partition(s))
    assert partitions[0] == partitions[1] == partitions[2]


def test_explanation_names_the_compared_fields(store):
    (event,) = [e for e in store.event_dicts(type="ASSAULT") if e["n_articles"] == 2]
    shown = store.event(event["event_id"])
    assert shown["merge_links"]
    link = shown["merge_links"][0]
    assert {"date_score", "place_score", "km", "gap", "score"} <= set(link)
    assert set(link["articles"]) == {"b-a", "b-b"}


def test_split_is_kept_when_more_reports_arrive(store, pipeline):
    (event,) = [e for e in store.event_dicts(type="ASSAULT") if e["n_articles"] == 3]
    store.split(event["event_id"], "s-c")
    assert frozenset({"s-a", "s-b"}) in _partition(store)
    another = Article(id="s-d", date="2022-04-11", source="Gulf",
                      text="Police shot dead three protesters in Nasiriyah on Sunday and "
                           "wounded dozens, doctors said.")
    store.ingest([another], pipeline)
    parts = _partition(store)
    assert not any({"s-a", "s-c"} <= part for part in parts)
    assert any({"s-a", "s-d"} <= part for part in parts)


def test_merge_is_kept_and_unknown_ids_are_errors(store, pipeline):
    later = next(e for e in store.event_dicts(type="ASSAULT")
                 if [s["article_id"] for s in e["sources"]] == ["d-later"])
    main = next(e for e in store.event_dicts(type="ASSAULT") if e["n_articles"] == 3)
    merged = store.merge(main["event_id"], later["event_id"])
    assert frozenset({"s-a", "s-b", "s-c", "d-later"}) in _partition(store)
    store.reprocess(pipeline)
    assert frozenset({"s-a", "s-b", "s-c", "d-later"}) in _partition(store)
    with pytest.raises(StoreError):
        store.merge(merged, "0000000000000000")
    with pytest.raises(StoreError):
        store.split(merged, "no-such-article")


def test_republished_copies_count_once(tmp_path, pipeline):
    body = ("Gunmen attacked a police station in the northern Nigerian town of Katsina on "
            "Monday, killing four officers, police said. The attackers arrived on motorbikes "
            "and set fire to several vehicles before fleeing into the forest, witnesses said. "
            "No group has claimed responsibility for the attack, which came days after "
            "another raid on a village nearby.")
    copies = [Article(id="n-1", date="2022-08-02", source="Wire A", text=body),
              Article(id="n-2", date="2022-08-02", source="Site B",
                      text="KATSINA (Site B) - " + body + " Editing by a desk editor."),
              Article(id="n-3", date="2022-08-03", source="Lagos Post",
                      text="Four police officers were killed when gunmen stormed a station "
                           "in Katsina on Monday, the state police spokesman said.")]
    with Store(str(tmp_path / "n.duckdb")) as s:
        s.ingest(copies, pipeline)
        event = max(s.event_dicts(type="ASSAULT"), key=lambda e: len(e["sources"]))
        assert len(event["sources"]) == 3
        assert event["n_articles"] == 2


def test_no_merge_keeps_one_event_per_report(tmp_path, pipeline):
    with Store(str(tmp_path / "x.duckdb")) as s:
        s.ingest(SHOOTING, pipeline, merge=False)
        assert all(e["n_articles"] == 1 for e in s.event_dicts())


def test_reports_inside_one_article(tmp_path, pipeline):
    recap = Article(id="w-1", date="2022-09-03", source="Wire A",
                    text="A US drone strike killed a militia commander near Baghdad airport on "
                         "Friday, officials said. The strike also destroyed two vehicles.")
    roundup = Article(id="w-2", date="2022-09-06", source="Wire A",
                      text="A car bomb killed five people in Kabul on Monday, police said. "
                           "Gunmen killed three police officers in Kandahar on Monday.")
    with Store(str(tmp_path / "w.duckdb")) as s:
        s.ingest([recap, roundup], pipeline)
        recap_events = {e["event_id"] for e in s.event_dicts(type="ASSAULT")
                        if e["sources"][0]["article_id"] == "w-1"}
        roundup_events = {e["event_id"] for e in s.event_dicts(type="ASSAULT")
                          if e["sources"][0]["article_id"] == "w-2"}
        assert len(recap_events) == 1
        assert len(roundup_events) == 2
