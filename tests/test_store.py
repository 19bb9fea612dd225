"""The event store: idempotent ingest, queries, stats, reprocess, schema versions, bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from gestae.model import Article, ErrorResult
from gestae.store import EventFilter, Store, StoreError
from gestae.store import schema as store_schema

PROTEST = Article(
    id="p1", date="2021-03-08", source="Wire A", url="https://www.example.com/p1?utm_source=x",
    text="Police killed two protesters and wounded 15 in Mosul on Sunday, medics said. "
         "Demonstrators had blocked the main road to demand jobs.")
STRIKE = Article(
    id="s1", date="2021-03-10", source="Wire B", url="https://example.net/s1",
    text="A drone strike killed four militants near Kandahar on Tuesday, officials said.")
TALKS = Article(
    id="t1", date="2021-02-01", source="Wire C",
    text="The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss trade.")
FRENCH = Article(
    id="f1", date="2021-03-08",
    text="La police a tué deux manifestants dimanche à Mossoul, selon des sources médicales. "
         "Les manifestants bloquaient la route principale pour réclamer des emplois.")


@pytest.fixture()
def store(tmp_path, pipeline):
    with Store(str(tmp_path / "s.duckdb")) as s:
        s.ingest([PROTEST, STRIKE, TALKS, FRENCH], pipeline, batch_size=2)
        yield s


def _snapshot(con: duckdb.DuckDBPyConnection) -> tuple[list, list]:
    arts = con.execute("SELECT hash, id, status, n_events, near_dup_of FROM articles "
                       "ORDER BY hash").fetchall()
    ments = con.execute("SELECT mention_id, event_id, type, record FROM mentions "
                        "ORDER BY mention_id").fetchall()
    return arts, ments


def test_ingest_stores_articles_and_events(store):
    stats = store.stats()
    assert stats["articles"] == 3
    assert stats["non_english"] == 1
    assert stats["events"] >= 3
    types = dict(stats["by_type"])
    assert "ASSAULT" in types and "CONSULT" in types


def test_ingest_is_idempotent(store, pipeline):
    before = _snapshot(store.connection)
    again = store.ingest([PROTEST, STRIKE, TALKS, FRENCH], pipeline, batch_size=3)
    assert again.stored == 0 and again.duplicates == 4 and again.events == 0
    assert _snapshot(store.connection) == before


def test_same_url_or_rewrapped_text_is_a_duplicate(store, pipeline):
    same_url = Article(id="other", url="http://example.com/p1/", text="Different text here "
                       "about a meeting of ministers in Amman on Monday.", date="2021-03-08")
    rewrapped = Article(id="s1-copy", date="2021-03-10",
                        text=STRIKE.text.replace(" near ", "\nnear "))
    stats = store.ingest([same_url, rewrapped], pipeline)
    assert stats.duplicates == 2 and stats.stored == 0


def test_near_duplicate_story_is_linked_and_counted_once(tmp_path, pipeline):
    body = ("Security forces opened fire on protesters in Basra on Friday, killing three and "
            "wounding 20, according to medical sources. The demonstrators had gathered outside "
            "the provincial council building to protest against power cuts and a lack of clean "
            "water during the summer heat. Local officials called for calm and promised an "
            "investigation into the shooting, while protest leaders vowed to return.")
    first = Article(id="w1", date="2021-07-10", source="Site A", text=body)
    copy = Article(id="w2", date="2021-07-10", source="Site B",
                   text="BASRA (Site B) - " + body + " Reporting by a staff writer.")
    with Store(str(tmp_path / "n.duckdb")) as s:
        stats = s.ingest([first, copy], pipeline)
        assert stats.stored == 2 and stats.near_duplicates == 1
        root = s.connection.execute(
            "SELECT near_dup_of FROM articles WHERE id = 'w2'").fetchone()[0]
        assert root == s.connection.execute(
            "SELECT hash FROM articles WHERE id = 'w1'").fetchone()[0]


def test_errors_are_counted_not_stored(tmp_path, pipeline):
    with Store(str(tmp_path / "e.duckdb")) as s:
        stats = s.ingest([ErrorResult(id="x", error="line 3: not JSON"),
                          Article(id="empty", text="   "), Article(id="h", html="<p></p>")],
                         pipeline)
        assert stats.failed == 3 and stats.stored == 0
        assert s.connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert any("line 3" in e for e in stats.errors)


def test_event_filters(store):
    assert {r["type"] for r in store.event_dicts(type="assault")} == {"ASSAULT"}
    iraq = list(store.event_dicts(country="IRQ"))
    assert iraq and all(e["location"]["country"] == "IRQ" or any(
        a.get("country") == "IRQ" for a in e["source"] + e["target"]) for e in iraq)
    near = list(store.event_dicts(near=(36.34, 43.13), km=30))  # Mosul
    assert near and all(e["location"]["country"] == "IRQ" for e in near)
    assert not list(store.event_dicts(near=(36.34, 43.13), km=30, type="CONSULT"))
    killed = list(store.event_dicts(min_killed=3))
    assert killed and all(e["casualties"]["killed"]["best"] >= 3 for e in killed)
    march = list(store.event_dicts(since="2021-03-01"))
    assert march and all(e["date"] >= "2021-03" for e in march)
    assert not [e for e in store.event_dicts(until="2021-02-28") if e["type"] == "ASSAULT"]
    assert len(list(store.event_dicts(limit=1))) == 1


def test_events_carry_sources_and_count(store):
    for event in store.event_dicts():
        assert event["n_articles"] == 1
        (src,) = event["sources"]
        assert src["article_id"] in {"p1", "s1", "t1"}
        assert src["evidence"] == event["evidence"]["text"]
    table = store.events(type="ASSAULT")
    assert table.num_rows >= 2 and "sources" in table.column_names


def test_actor_filter_matches_names(store):
    events = list(store.event_dicts(actor="protester"))  # also "demonstrators": same role
    assert events and all(any("protester" in (a.get("name") or a["text"]).lower()
                              or (a.get("id") or "").startswith("role/protesters")
                              for a in e["source"] + e["target"]) for e in events)
    assert not [e for e in events if e["type"] == "CONSULT"]


def test_reprocess_replaces_events(store, pipeline):
    before = _snapshot(store.connection)
    store.connection.execute("DELETE FROM mentions")
    stats = store.reprocess(pipeline, batch_size=2)
    assert stats.stored == 3
    assert _snapshot(store.connection) == before


def test_older_store_is_upgraded_newer_refused(tmp_path, capsys):
    path = str(tmp_path / "v.duckdb")
    con = duckdb.connect(path)
    store_schema.migrate(con, 0, 1)
    con.close()
    Store(path).close()
    assert "upgraded store" in capsys.readouterr().err
    con = duckdb.connect(path, read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] \
        == str(store_schema.SCHEMA_VERSION)
    con.execute("SELECT count(*) FROM mention_links").fetchone()
    con.close()
    con = duckdb.connect(path)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    before = Path(path).read_bytes()
    with pytest.raises(StoreError, match="newer gestae"):
        Store(path)
    assert Path(path).read_bytes() == before


def test_foreign_files_are_refused_untouched(tmp_path):
    text = tmp_path / "notes.duckdb"
    text.write_text("just some notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(str(text))
    assert text.read_text().startswith("just some notes")
    other = str(tmp_path / "other.duckdb")
    con = duckdb.connect(other)
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a gestae store"):
        Store(other)
    with pytest.raises(StoreError, match="no such store"):
        Store(str(tmp_path / "missing.duckdb"), read_only=True)
    with pytest.raises(StoreError, match="does not exist"):
        Store(str(tmp_path / "no" / "folder.duckdb"))


def test_event_filter_sql_is_parameterised():
    where, params = EventFilter(actor="x'; DROP TABLE mentions; --",
                                since=dt.date(2020, 1, 1)).sql()
    assert "DROP" not in where and len(params) == 4


def test_records_are_contract_events(store):
    for event in store.event_dicts():
        assert {"event_id", "type", "evidence", "casualties", "location"} <= set(event)
        json.dumps(event)


def test_actor_filter_knows_aliases(tmp_path, pipeline):
    article = Article(id="kh", date="2021-06-08", text="Kata'ib Hezbollah fighters fired "
                      "rockets at a base hosting US troops near Baghdad on Monday.")
    with Store(str(tmp_path / "a.duckdb")) as s:
        s.ingest([article], pipeline)
        by_alias = list(s.event_dicts(actor="KH"))
        assert by_alias and by_alias == list(s.event_dicts(actor="Kata'ib Hezbollah"))
        assert not list(s.event_dicts(actor="Hamas"))
