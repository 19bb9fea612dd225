"""Reading input: files, HTML, JSON Lines streams and dates, with clear errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gestae.ingest import (
    InputError,
    article_from_path,
    check_date,
    detect_format,
    html_to_text,
    iter_jsonl,
    read_text_file,
    readers,
)
from gestae.model import Article, ErrorResult

STORY = "Rebels shelled the town of Kidal on Monday, killing four civilians, officials said.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_read_text_file_reads_utf8_and_drops_bom(tmp_path: Path) -> None:
    assert read_text_file(_write(tmp_path, "a.txt", STORY.encode())) == STORY
    bom = _write(tmp_path, "b.txt", b"\xef\xbb\xbf" + "Café talks.".encode())
    assert read_text_file(bom) == "Café talks."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"GIF89a\x00\x01\x02\x00binary", "binary"),
        (bytes(range(1, 9)) * 20, "binary"),
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
        (b"Police said \xe9t\xe9 here", "not valid UTF-8 (byte 0xe9 at offset 12)"),
    ],
)
def test_read_text_file_rejects_bad_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_text_file(path)


def test_read_text_file_oversize(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 40)
    path = _write(tmp_path, "big.txt", STORY.encode())
    with pytest.raises(InputError, match="over the .* MB limit"):
        read_text_file(path)


def test_read_text_file_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_text_file(tmp_path)


def test_input_error_is_a_value_error() -> None:
    assert issubclass(InputError, ValueError)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.txt", "text"), ("a.TEXT", "text"), ("README", "text"), ("a.html", "html"),
     ("a.htm", "html"), ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.json-lines", "jsonl")],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(name) == fmt


def test_detect_format_unknown_extension() -> None:
    with pytest.raises(InputError, match="'.pdf'"):
        detect_format("report.pdf")


def test_article_from_path(tmp_path: Path) -> None:
    text_path = _write(tmp_path, "kidal-2020.txt", STORY.encode())
    article = article_from_path(text_path, "text", date="2020-03-02T08:00:00Z")
    assert article == Article(id="kidal-2020", text=STORY, date="2020-03-02")
    html_path = _write(tmp_path, "page.html", b"<p>Talks resumed.</p>")
    article = article_from_path(html_path, id="x1")
    assert article.id == "x1" and article.html == "<p>Talks resumed.</p>" and article.text is None
    with pytest.raises(InputError, match="month must be 1..12"):
        article_from_path(text_path, "text", date="2020-13-01")
    with pytest.raises(InputError, match="iter_jsonl"):
        article_from_path(text_path, "jsonl")


PAGE = """<html><head><title>World news</title><style>p {color: red}</style>
<script>var tracking = 1;</script></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Protesters killed in Nasiriyah</h1>
<p>Three demonstrators were shot dead and fifty wounded when security forces opened fire on
a sit-in in the southern city of Nasiriyah on Sunday, medical sources said.</p>
<p>The protesters had blocked the main bridge over the Euphrates since Friday, demanding the
resignation of the provincial governor and an end to corruption.</p>
<p>Police said officers had come under attack with petrol bombs before they opened fire.</p>
</article><footer>Copyright 2020 Example News. All rights reserved.</footer></body></html>"""


def test_html_to_text_keeps_article_paragraphs() -> None:
    text = html_to_text(PAGE)
    paragraphs = text.split("\n\n")
    assert any(p.startswith("Three demonstrators were shot dead") for p in paragraphs)
    assert any(p.startswith("Police said officers") for p in paragraphs)
    assert "tracking" not in text and "color: red" not in text
    assert "\n\n\n" not in text


def test_html_to_text_falls_back_on_snippets() -> None:
    text = html_to_text("<div><p>Talks resumed in Doha.</p><p>No deal &amp; no date.</p></div>"
                        "<script>alert(1)</script>")
    assert text == "Talks resumed in Doha.\n\nNo deal & no date."
    assert html_to_text("   ") == ""


def _jsonl(*lines: str | bytes) -> bytes:
    return b"".join((ln if isinstance(ln, bytes) else ln.encode()) + b"\n" for ln in lines)


MIXED = _jsonl(
    json.dumps({"id": "a1", "text": STORY, "date": "2020-03-02", "url": "http://x.example/1"}),
    "",
    "{not json",
    json.dumps(["a", "list"]),
    json.dumps({"id": "a4", "title": "no body"}),
    json.dumps({"text": "No id here.", "date": "2020-03-02 10:30"}),
    json.dumps({"id": "a6", "text": 42}),
    json.dumps({"id": "a7", "text": "x", "date": "2020-02-30"}),
    b'{"id": "a8", "text": "caf\xe9"}',
    json.dumps({"id": 9, "html": "<p>Hi</p>"}),
)


def _check_mixed(results: list[Article | ErrorResult]) -> None:
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Article", "ErrorResult", "ErrorResult", "ErrorResult", "Article",
                     "ErrorResult", "ErrorResult", "ErrorResult", "Article"]
    assert results[0] == Article(id="a1", text=STORY, date="2020-03-02",
                                 url="http://x.example/1")
    errors = [r for r in results if isinstance(r, ErrorResult)]
    assert errors[0].id == "line 3" and errors[0].error.startswith("line 3: invalid JSON")
    assert errors[1].error == "line 4: expected a JSON object, got an array"
    assert errors[2].id == "a4" and errors[2].error == "line 5: missing 'text' or 'html'"
    assert results[4] == Article(id="6", text="No id here.", date="2020-03-02")
    assert errors[3].id == "a6" and "'text' must be a string" in errors[3].error
    assert errors[4].id == "a7" and errors[4].error.startswith("line 8: invalid date")
    assert errors[5].error.startswith("line 9: not valid UTF-8")
    assert results[-1].id == "9" and results[-1].html == "<p>Hi</p>"


def test_iter_jsonl_binary_stream_good_and_bad_lines_in_order() -> None:
    _check_mixed(list(iter_jsonl(io.BytesIO(MIXED), "mixed.jsonl")))


def test_iter_jsonl_text_stream() -> None:
    text = MIXED.decode("utf-8", "surrogateescape")
    _check_mixed(list(iter_jsonl(io.StringIO(text), "mixed.jsonl")))


def test_iter_jsonl_reads_lazily() -> None:
    lines = [json.dumps({"id": str(i), "text": STORY}) for i in range(200)]
    stream = io.BytesIO(_jsonl(*lines))
    results = iter_jsonl(stream, "lazy.jsonl")
    first = next(results)
    assert isinstance(first, Article) and first.id == "0"
    assert stream.tell() < len(stream.getvalue()) // 10
    assert sum(1 for _ in results) == 199


def test_iter_jsonl_oversize_line_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 120)
    big = json.dumps({"id": "big", "text": "word " * 200})
    small = json.dumps({"id": "small", "text": "Short."})
    results = list(iter_jsonl(io.BytesIO(_jsonl(small, big, small)), "big.jsonl"))
    assert [type(r).__name__ for r in results] == ["Article", "ErrorResult", "Article"]
    assert results[1].error.startswith("line 2: line is")
    assert "limit" in results[1].error


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2020-01-27", "2020-01-27"), ("2020-1-7", "2020-01-07"), ("20200127", "2020-01-27"),
     ("2020-01-27T23:59:59+05:00", "2020-01-27"), ("2020-01-27T10:00:00.123Z", "2020-01-27"),
     (" 2020-02-29 ", "2020-02-29"), ("2020-01-27 10:30", "2020-01-27")],
)
def test_check_date_accepts(value: str, expected: str) -> None:
    assert check_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [("2020-13-45", "month must be 1..12"), ("2019-02-29", "day must be 1..28"),
     ("2020-04-31", "day must be 1..30"), ("27/01/2020", "expected YYYY-MM-DD"),
     ("yesterday", "expected YYYY-MM-DD"), ("", "expected YYYY-MM-DD"),
     ("0000-01-01", "year must be")],
)
def test_check_date_rejects(value: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        check_date(value)
    assert f"'{value}'" in str(info.value)
