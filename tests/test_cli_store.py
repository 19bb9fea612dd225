"""The store's command line: ingest, events, show/merge/split, export, stats, and bad input
that leaves the store as it was."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_ingest_warc import write_warc

from gestae import cli_store
from gestae.cli import cli

ARTICLES = [
    {"id": "r1", "date": "2022-04-11", "source": "Wire A", "url": "https://a.example/r1",
     "text": "Security forces killed three protesters and wounded 40 in Nasiriyah on Sunday, "
             "medics said."},
    {"id": "r2", "date": "2022-04-11", "source": "Tribune", "url": "https://b.example/r2",
     "text": "Three demonstrators were shot dead by police in the southern Iraqi city of "
             "Nasiriyah on Sunday, according to hospital sources."},
    {"id": "r3", "date": "2022-05-02", "source": "Wire A", "url": "https://a.example/r3",
     "text": "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss "
             "trade and water."},
]


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    """The session's pipeline instead of loading the model for every command."""
    monkeypatch.setattr(cli_store, "load_pipeline", lambda *a, **k: pipeline)


@pytest.fixture
def db(tmp_path: Path) -> str:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    path = str(tmp_path / "events.duckdb")
    result = run("ingest", str(corpus), "--db", path)
    assert result.exit_code == 0, result.output
    assert "stored 3 articles" in result.output
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_ingest_twice_stores_nothing_new(db, tmp_path):
    again = run("ingest", str(tmp_path / "news.jsonl"), "--db", db)
    assert again.exit_code == 0
    assert "stored 0 articles" in again.output and "3 already stored" in again.output


def test_events_table_jsonl_csv(db):
    table = run("events", "--db", db, "--type", "ASSAULT")
    assert table.exit_code == 0 and "Nasiriyah" in table.output
    lines = [json.loads(x) for x in run("events", "--db", db, "--format", "jsonl").output
             .splitlines() if x.startswith("{")]
    merged = [e for e in lines if e["n_articles"] == 2]
    assert merged and {s["article_id"] for s in merged[0]["sources"]} == {"r1", "r2"}
    rows = list(csv.DictReader(io.StringIO(
        run("events", "--db", db, "--format", "csv", "--country", "EGY").output)))
    assert rows and all(r["type"] == "CONSULT" for r in rows)


def test_show_merge_split(db):
    events = [json.loads(x) for x in run("events", "--db", db, "--format", "jsonl").output
              .splitlines() if x.startswith("{")]
    merged = next(e for e in events if e["n_articles"] == 2)
    shown = run("events", "--db", db, "show", merged["event_id"])
    assert shown.exit_code == 0 and "why these reports are one event" in shown.output
    split = run("events", "--db", db, "split", merged["event_id"], "r2")
    assert split.exit_code == 0
    after = [json.loads(x) for x in run("events", "--db", db, "--format", "jsonl").output
             .splitlines() if x.startswith("{")]
    assert all(e["n_articles"] == 1 for e in after)
    ids = [e["event_id"] for e in after if e["type"] == "ASSAULT"]
    joined = run("events", "--db", db, "merge", ids[0], ids[1])
    assert joined.exit_code == 0
    missing = run("events", "--db", db, "show", "ffffffffffffffff")
    assert missing.exit_code == 2 and "no event" in missing.output


def test_export_and_stats(db, tmp_path):
    out = tmp_path / "acled.csv"
    result = run("export", "--db", db, "--format", "acled-csv", "--out", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open()))
    assert rows and rows[0]["event_type"] in {"Protests", "Violence against civilians",
                                              "Battles"}
    stats = json.loads(run("stats", "--db", db, "--format", "json").output)
    assert stats["articles"] == 3 and dict(stats["by_type"]).get("CONSULT")


def test_bad_inputs_leave_the_store_untouched(db, tmp_path):
    before = Path(db).read_bytes()
    warc = write_warc(tmp_path / "crawl.warc.gz", gzip=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc.read_bytes()[: len(warc.read_bytes()) // 2])
    feed = tmp_path / "feed.rss"
    feed.write_text("<rss><channel><item><title>x</title></channel>")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><script>x()</script></body></html>")
    for bad in (cut, feed, empty, tmp_path / "missing.jsonl"):
        result = run("ingest", str(bad), "--db", db)
        assert result.exit_code == 2, (bad, result.output)
        assert "Traceback" not in result.output
    assert Path(db).read_bytes() == before


def test_bad_options_are_one_line_errors(db, tmp_path):
    for args in (["events", "--db", db, "--since", "yesterday"],
                 ["events", "--db", db, "--near", "Nowhereville Qqq"],
                 ["events", "--db", str(tmp_path / "nope.duckdb")],
                 ["stats", "--db", str(tmp_path / "nope.duckdb")],
                 ["export", "--db", db, "--format", "geojson", "--out",
                  str(tmp_path / "no" / "such" / "x.geojson")]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.output.startswith("gestae: error:")
    assert not (tmp_path / "nope.duckdb").exists()


def test_a_mixed_folder_ingests_every_kind(tmp_path):
    from test_ingest_feeds import RSS2

    folder = tmp_path / "inbox"
    (folder / "feeds").mkdir(parents=True)
    (folder / "feeds" / "wire.rss").write_text(RSS2)
    write_warc(folder / "crawl.warc.gz", gzip=True)
    (folder / "story.txt").write_text(
        "Gunmen killed four police officers at a checkpoint in Kirkuk on Monday, officials "
        "said.")
    (folder / "page.html").write_text(
        "<html><body><article><p>Thousands of teachers protested in Baghdad on Tuesday "
        "to demand higher wages.</p></article></body></html>")
    (folder / "notes.md").write_text("not an article")
    db = str(tmp_path / "mixed.duckdb")
    result = run("ingest", str(folder), "--db", db, "--date", "2022-03-01")
    assert result.exit_code == 0, result.output
    stats = json.loads(run("stats", "--db", db, "--format", "json").output)
    assert stats["articles"] + stats["non_english"] >= 5
    lines = run("events", "--db", db, "--format", "jsonl").output.splitlines()
    ids = {json.loads(x)["sources"][0]["article_id"] for x in lines if x.startswith("{")}
    assert {"story", "page"} <= ids
