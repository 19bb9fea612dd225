"""Paths to articles: files, folders, globs and stdin, all checked before reading."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_ingest_feeds import RSS2
from test_ingest_warc import write_warc

from gestae.ingest.errors import InputError
from gestae.ingest.sources import (
    SourceStats,
    count_planned,
    iter_plan,
    iter_sources,
    plan_sources,
    source_kind,
)
from gestae.model import Article, ErrorResult


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder of mixed inputs, with a hidden file, an image and a subfolder."""
    root = tmp_path / "corpus"
    (root / "wire" / "jan").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "a.txt").write_text("Police arrested twelve protesters in the capital.")
    (root / "b.html").write_text("<html><body><p>Troops shelled the town.</p></body></html>")
    (root / "c.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Rebels seized a base.", "date": "2020-03-01"})
        + "\n\n" + "not json\n" + json.dumps({"id": "j2", "text": "Talks resumed."}) + "\n"
    )
    (root / "wire" / "feed.xml").write_text(RSS2)
    (root / "wire" / "jan" / "d.txt").write_text("Gunmen attacked a convoy.")
    (root / "logo.png").write_bytes(b"\x89PNG")
    (root / "sitemap.xml").write_text("<urlset/>")
    (root / ".hidden.txt").write_text("secret draft")
    (root / ".cache" / "e.txt").write_text("cached copy")
    write_warc(root / "wire" / "crawl.warc.gz", gzip=True)
    return root


def test_folder_is_planned_sorted_recursive_and_filtered(corpus: Path) -> None:
    plan = plan_sources([str(corpus)])
    names = [Path(s.path).relative_to(corpus).as_posix() for s in plan]
    assert names == ["a.txt", "b.html", "c.jsonl", "wire/crawl.warc.gz", "wire/feed.xml",
                     "wire/jan/d.txt"]
    assert [s.kind for s in plan] == ["text", "html", "jsonl", "warc", "feed", "text"]
    assert sorted(Path(p).name for p, _ in plan.skipped) == ["logo.png", "sitemap.xml"]
    assert plan[-1].id == "wire/jan/d"  # folder members: relative path, no extension
    # 1 + 1 + 3 JSON Lines records + 3 WARC pages + 3 feed items + 1
    assert count_planned(plan) == 12


def test_not_recursive_stays_at_the_top(corpus: Path) -> None:
    plan = plan_sources([str(corpus)], recursive=False)
    assert [Path(s.path).name for s in plan] == ["a.txt", "b.html", "c.jsonl"]


def test_iter_sources_reads_everything_in_order(corpus: Path) -> None:
    stats = SourceStats()
    items = list(iter_sources([str(corpus)], date="2020-01-15", stats=stats))
    errors = [i for i in items if isinstance(i, ErrorResult)]
    articles = [i for i in items if isinstance(i, Article)]
    assert len(errors) == 1 and errors[0].error.startswith("line 3:")
    assert len(articles) == 11
    assert articles[0].id == "a" and articles[0].text is not None
    assert articles[1].html is not None
    by_id = {a.id: a for a in articles}
    assert by_id["j1"].date == "2020-03-01"  # own date kept
    assert by_id["j2"].date == "2020-01-15"  # filled from the date given
    assert by_id["courier-101"].date == "2020-01-27"
    assert all(a.date for a in articles)
    assert stats.files == 6 and stats.articles == 11 and stats.errors == 1
    assert stats.feed_items_skipped == 1 and stats.warc.html == 3


def test_globs_are_expanded_and_named_files_keep_their_stem(corpus: Path) -> None:
    plan = plan_sources([str(corpus / "**" / "*.txt")])
    assert [Path(s.path).name for s in plan] == ["a.txt", "d.txt"]
    (single,) = plan_sources([str(corpus / "wire" / "jan" / "d.txt")])
    assert single.id == "d"


def test_duplicates_are_planned_once(corpus: Path) -> None:
    plan = plan_sources([str(corpus / "a.txt"), str(corpus / "*.txt"), str(corpus)])
    assert [Path(s.path).name for s in plan].count("a.txt") == 1


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.txt", None, "no such file or folder"),
    ("empty.txt", "   \n", "empty file"),
    ("page.html", "<html><script>var x = 1;</script><body> </body></html>", "has no text"),
    ("broken.rss", "<rss><channel><item></channel></rss>", "not a well-formed RSS/Atom feed"),
    ("notes.docx", "hello", "cannot tell the input format"),
    ("sitemap.xml", "<urlset/>", "not an RSS/Atom feed"),
])
def test_bad_input_stops_before_any_article(tmp_path: Path, corpus: Path, name: str,
                                            content: str | None, message: str) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_text(content)
    items = iter_sources([str(corpus), str(bad)])
    with pytest.raises(InputError, match=message) as info:
        next(items)  # the good folder comes first, yet nothing is yielded
    assert str(bad) in str(info.value)


def test_truncated_warc_in_a_folder_stops_the_plan(corpus: Path) -> None:
    warc = corpus / "wire" / "crawl.warc.gz"
    warc.write_bytes(warc.read_bytes()[:400])
    with pytest.raises(InputError, match="truncated or corrupt WARC"):
        plan_sources([str(corpus)])


def test_glob_without_matches_and_bad_date(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no files match"):
        plan_sources([str(tmp_path / "*.jsonl")])
    (tmp_path / "a.txt").write_text("Some text.")
    with pytest.raises(InputError):
        next(iter_sources([str(tmp_path / "a.txt")], date="2020-13-45"))
    with pytest.raises(InputError, match="no input"):
        plan_sources([])


def test_stdin_json_lines_and_text() -> None:
    lines = b'\n  {"id": "s1", "text": "Strike ended."}\n{"id": "s2"}\n'
    items = list(iter_sources(["-"], stdin=io.BytesIO(lines)))
    assert isinstance(items[0], Article) and items[0].id == "s1"
    assert isinstance(items[1], ErrorResult) and "missing 'text'" in items[1].error
    (text,) = iter_sources(["-"], date="2021-06-01", stdin=io.BytesIO(b"Curfew imposed.\n"))
    assert isinstance(text, Article)
    assert text.text == "Curfew imposed.\n" and text.date == "2021-06-01"
    assert count_planned(plan_sources(["-"])) is None
    with pytest.raises(InputError, match="only once"):
        plan_sources(["-", "-"])
    with pytest.raises(InputError, match="empty input"):
        list(iter_sources(["-"], stdin=io.BytesIO(b"  \n")))


def test_source_kind_by_name(tmp_path: Path) -> None:
    assert source_kind("x/CRAWL.WARC.GZ") == "warc"
    assert source_kind("a.ndjson") == "jsonl"
    assert source_kind("a.atom") == "feed"
    assert source_kind("a.gz") is None
    assert source_kind("README") is None


def test_iter_plan_reads_a_plan_made_earlier(corpus: Path) -> None:
    plan = plan_sources([str(corpus / "a.txt"), str(corpus / "b.html")])
    assert count_planned(plan) == 2
    assert [a.id for a in iter_plan(plan)] == ["a", "b"]
