"""WARC / WARC.gz news crawls as articles, and refusing truncated or corrupt files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from gestae.ingest.errors import InputError
from gestae.ingest.warc import WarcStats, check_warc, iter_warc

LONG_PAGE = ("<html><head><title>Clashes</title></head><body><p>"
             + "Protesters and police clashed near the ministry. " * 120 + "</p></body></html>")


def _response(writer: WARCWriter, url: str, status: str, content_type: str,
              body: bytes) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                       http_headers=headers)
    record.rec_headers.replace_header("WARC-Date", "2020-01-27T09:15:00Z")
    writer.write_record(record)


def write_warc(path: Path, gzip: bool) -> Path:
    """A small crawl: warcinfo, a request, two HTML pages, an image, a 404 and a resource."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = writer.create_warc_record(
            "https://www.daily.example/a", "request",
            payload=io.BytesIO(b"GET /a HTTP/1.1\r\nHost: www.daily.example\r\n\r\n"),
        )
        writer.write_record(request)
        _response(writer, "https://www.daily.example/a", "200 OK",
                  "text/html; charset=iso-8859-1",
                  "<html><body><p>Café bombing in the old town</p></body></html>"
                  .encode("latin-1"))
        _response(writer, "https://cdn.daily.example/logo.png", "200 OK", "image/png",
                  b"\x89PNG\r\n\x1a\n....")
        _response(writer, "https://www.daily.example/gone", "404 Not Found", "text/html",
                  b"<html><body>Not found</body></html>")
        _response(writer, "https://news.other.example/b", "200 OK", "text/html",
                  '<html><head><meta charset="windows-1252"></head><body>'
                  "<p>\u201cWe will return,\u201d he said.</p></body></html>"
                  .encode("cp1252"))
        resource = writer.create_warc_record(
            "https://archive.example/c", "resource",
            payload=io.BytesIO(LONG_PAGE.encode("utf-8")),
            warc_content_type="text/html",
        )
        writer.write_record(resource)
    return path


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def crawl(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    gz = request.param
    return write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gzip=gz)


def test_html_pages_become_articles(crawl: Path) -> None:
    stats = WarcStats()
    articles = list(iter_warc(crawl, stats))
    assert [a.url for a in articles] == [
        "https://www.daily.example/a", "https://news.other.example/b",
        "https://archive.example/c",
    ]
    first, second, third = articles
    assert first.source == "daily.example"
    assert first.date == "2020-01-27"
    assert first.html is not None and "Café bombing" in first.html  # HTTP charset
    assert second.html is not None and "\u201cWe will return,\u201d" in second.html  # meta
    assert third.html is not None and third.html.startswith("<html>")
    assert all(a.text is None for a in articles)
    assert len(first.id) == 36 and "urn" not in first.id and "<" not in first.id
    assert len({a.id for a in articles}) == 3
    assert stats == WarcStats(html=3, not_html=3, not_ok=1, too_large=0)


def test_check_warc_counts_html_records(crawl: Path) -> None:
    assert check_warc(crawl) == 3


def test_gzip_detected_by_content_not_name(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", gzip=True)
    assert check_warc(path) == 3


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_cut_file_is_refused(crawl: Path, keep: float) -> None:
    data = crawl.read_bytes()
    cut = crawl.with_name("cut_" + crawl.name)
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(InputError) as info:
        check_warc(cut)
    assert str(info.value).startswith(f"{cut}: truncated or corrupt WARC: ")


def test_gzip_without_its_trailer_is_refused(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", gzip=True)
    path.write_bytes(path.read_bytes()[:-6])
    with pytest.raises(InputError, match="truncated or corrupt WARC"):
        check_warc(path)


def test_not_a_warc_and_missing_and_empty(tmp_path: Path) -> None:
    text = tmp_path / "notes.warc"
    text.write_text("these are my notes\nnot a crawl\n")
    with pytest.raises(InputError, match="truncated or corrupt WARC"):
        check_warc(text)
    with pytest.raises(InputError, match="no such file"):
        check_warc(tmp_path / "missing.warc.gz")
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        check_warc(empty)


def test_garbage_between_records_is_refused(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", gzip=False)
    data = path.read_bytes()
    at = data.index(b"WARC/1.0", 200)
    path.write_bytes(data[:at] + b"this line does not belong here\r\n" + data[at:])
    with pytest.raises(InputError, match="truncated or corrupt WARC"):
        check_warc(path)
