"""Turning the paths a user gives (files, folders, globs, ``-`` for stdin) into one stream of
articles, whatever their format.

Work happens in two steps so that bad input never leaves a store half-written:

1. ``plan_sources`` expands the paths and checks every file *before* the first article is
   given out: it exists and can be read; a text or HTML file is non-empty UTF-8 with some
   text; a feed is well-formed RSS/Atom; a WARC is complete (``check_warc``). Any problem
   raises InputError naming the file.
2. ``iter_plan`` (or ``iter_sources``, which does both) reads the planned files in order.

Formats come from the file name: .txt/.text text, .html/.htm/.xhtml HTML, .jsonl/.ndjson
JSON Lines, .rss/.atom feeds, .xml feeds when the root element says so, .warc/.warc.gz web
archives. A file named on the command line without an extension is read as text. Inside a
folder (or a glob) hidden files and folders are ignored, and files of other kinds are passed
over and listed in ``Plan.skipped``, so a crawl folder with images and logs can be ingested.
"""

from __future__ import annotations

import glob
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from gestae.ingest.dates import check_date
from gestae.ingest.errors import InputError
from gestae.ingest.feeds import is_feed, read_feed
from gestae.ingest.jsonl import iter_jsonl
from gestae.ingest.readers import (
    MAX_ARTICLE_BYTES,
    decode_text,
    open_binary,
    read_text_file,
    too_large_message,
)
from gestae.ingest.warc import WarcStats, check_warc, iter_warc
from gestae.model import Article, ErrorResult

SourceKind = Literal["text", "html", "jsonl", "feed", "warc", "stdin"]

#: The path that means standard input.
STDIN = "-"
#: Extensions (lower case) and the kind of source they name. ``.xml`` is sniffed.
EXTENSIONS: dict[str, SourceKind] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json-lines": "jsonl", ".jsonlines": "jsonl",
    ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_HIDDEN_BLOCKS = re.compile(r"<(script|style|head|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_TAGS = re.compile(r"<[^>]*>|&[#\w]+;")
_PEEK = 64 * 1024


@dataclass(frozen=True)
class Source:
    """One input to read: its kind, its path, and what planning learnt about it."""

    kind: SourceKind
    path: str
    id: str | None = None  # article id for a text or HTML file
    count: int | None = None  # articles it holds, when planning knew it cheaply


class Plan(list[Source]):
    """The checked sources, in reading order, plus the files passed over (path, reason)."""

    def __init__(self, sources: Sequence[Source] = (),
                 skipped: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(sources)
        self.skipped: list[tuple[str, str]] = list(skipped)


@dataclass
class SourceStats:
    """What reading a plan met besides articles (for ``gestae stats`` and messages)."""

    files: int = 0
    articles: int = 0
    errors: int = 0  # JSON Lines records that could not be used (ErrorResult)
    feed_items_skipped: int = 0  # feed items without any body text
    warc: WarcStats = field(default_factory=WarcStats)


def source_kind(path: str | os.PathLike[str]) -> SourceKind | None:
    """The kind of source a file name says (``.xml`` sniffed); None for other files."""
    name = Path(path).name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    suffix = Path(name).suffix
    if suffix == ".xml":
        return "feed" if is_feed(path) else None
    return EXTENSIONS.get(suffix)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _strip_suffix(path: str) -> str:
    """A path without its format extension (``a/b.warc.gz`` -> ``a/b``)."""
    low = path.lower()
    if low.endswith(".warc.gz"):
        return path[: -len(".warc.gz")]
    return str(Path(path).with_suffix("")) if Path(path).suffix else path


def _walk(folder: str, recursive: bool) -> Iterator[tuple[str, str]]:
    """Files of a folder as (path, path relative to the folder), sorted, hidden ones out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d)) if recursive else []
        for name in sorted(files):
            if not _is_hidden(name):
                full = os.path.join(root, name)
                yield full, os.path.relpath(full, folder)


def html_has_text(html: str) -> bool:
    """Does a page show any words (scripts, styles and the head left out)? A cheap test."""
    visible = _TAGS.sub(" ", _HIDDEN_BLOCKS.sub(" ", html))
    return any(ch.isalnum() for ch in visible)


def _check_readable(path: str) -> None:
    with open_binary(path) as handle:
        try:
            handle.read(1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def check_source(kind: SourceKind, path: str, article_id: str | None = None) -> Source:
    """Check one file as the kind given and return its planned Source (InputError if bad)."""
    if kind in ("text", "html"):
        content = read_text_file(path)
        if kind == "html" and not html_has_text(content):
            raise InputError(f"{path}: HTML page has no text")
        return Source(kind, path, id=article_id or Path(path).stem, count=1)
    if kind == "feed":
        return Source(kind, path, count=len(read_feed(path).articles))
    if kind == "warc":
        return Source(kind, path, count=check_warc(path))
    _check_readable(path)
    return Source(kind, path)


def _explicit_kind(path: str) -> SourceKind:
    """The kind of a file the user named: unknown extensions are an error, none is text."""
    kind = source_kind(path)
    if kind is not None:
        return kind
    suffix = Path(path).suffix.lower()
    if not suffix:
        return "text"
    if suffix == ".xml":
        raise InputError(f"{path}: not an RSS/Atom feed (an .xml file must be a feed)")
    raise InputError(
        f"{path}: cannot tell the input format from the extension '{suffix}'; expected "
        ".txt, .html, .jsonl, .rss/.atom/.xml feeds or .warc/.warc.gz"
    )


def _expand(path: str, recursive: bool) -> Iterator[tuple[str, str | None, bool]]:
    """(file, folder-relative id or None, named explicitly?) for one command-line path."""
    if path == STDIN:
        yield path, None, True
        return
    if os.path.isdir(path):
        for full, rel in _walk(path, recursive):
            yield full, _strip_suffix(Path(rel).as_posix()), False
        return
    if os.path.lexists(path) or not _GLOB_CHARS.search(path):
        if not os.path.exists(path):
            raise InputError(f"{path}: no such file or folder")
        yield path, None, True
        return
    matches = sorted(glob.glob(path, recursive=True))
    matches = [m for m in matches if not any(_is_hidden(p) for p in Path(m).parts[-1:])]
    if not matches:
        raise InputError(f"{path}: no files match")
    for match in matches:
        if os.path.isdir(match):
            for full, rel in _walk(match, recursive):
                yield full, _strip_suffix(Path(rel).as_posix()), False
        else:
            yield match, None, False


def plan_sources(paths: Sequence[str], recursive: bool = True) -> Plan:
    """Expand and check every input before anything is read for real.

    Raises InputError for the first path that does not exist, a glob that matches nothing,
    a named file of unknown format, stdin named twice, or a file that fails its check
    (unreadable, empty, not UTF-8, HTML without text, broken feed, truncated WARC).
    """
    if not paths:
        raise InputError("no input given")
    plan = Plan()
    seen: set[str] = set()
    for given in paths:
        for path, rel_id, explicit in _expand(given, recursive):
            if path == STDIN:
                if STDIN in seen:
                    raise InputError("'-' (standard input) can be read only once")
                seen.add(STDIN)
                plan.append(Source("stdin", STDIN))
                continue
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            if explicit:
                kind = _explicit_kind(path)
            else:
                found = source_kind(path)
                if found is None:
                    plan.skipped.append((path, "not an article format"))
                    continue
                kind = found
            plan.append(check_source(kind, path, rel_id))
    return plan


def _count_jsonl(path: str) -> int:
    """Non-blank lines of a JSON Lines file (one pass over the bytes)."""
    count = 0
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                count += 1
    return count


def count_planned(plan: Sequence[Source]) -> int | None:
    """How many articles (and JSON Lines records) the plan will give; None when it cannot be
    known beforehand (standard input). Reads JSON Lines files once; other counts are known."""
    total = 0
    for source in plan:
        if source.kind == "stdin":
            return None
        if source.count is not None:
            total += source.count
        elif source.kind == "jsonl":
            try:
                total += _count_jsonl(source.path)
            except OSError:
                return None
    return total


class _Prefixed(io.RawIOBase):
    """A byte stream whose first bytes were already read (to peek), put back in front."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            size = min(len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _iter_stdin(stream: IO[bytes]) -> Iterator[Article | ErrorResult]:
    """Standard input: JSON Lines if its first non-blank byte is ``{``, else one text."""
    prefix = b""
    while True:
        chunk = stream.read(_PEEK)
        prefix += chunk
        if not chunk or prefix.strip():
            break
    if prefix.lstrip()[:1] == b"{":
        yield from iter_jsonl(io.BufferedReader(_Prefixed(prefix, stream)), "<stdin>")
        return
    data = prefix + stream.read(MAX_ARTICLE_BYTES + 1 - len(prefix))
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"<stdin>: {too_large_message(len(data))}")
    text = decode_text(data, "<stdin>")
    if not text.strip():
        raise InputError("<stdin>: empty input")
    yield Article(id="stdin", text=text)


def _iter_source(source: Source, stats: SourceStats,
                 stdin: IO[bytes] | None) -> Iterator[Article | ErrorResult]:
    """The articles of one planned source."""
    if source.kind == "stdin":
        yield from _iter_stdin(stdin if stdin is not None else sys.stdin.buffer)
    elif source.kind in ("text", "html"):
        content = read_text_file(source.path)
        article_id = source.id or Path(source.path).stem
        if source.kind == "html":
            yield Article(id=article_id, html=content)
        else:
            yield Article(id=article_id, text=content)
    elif source.kind == "jsonl":
        try:
            with open(source.path, "rb") as handle:
                yield from iter_jsonl(handle, source.path)
        except OSError as exc:
            raise InputError(f"{source.path}: cannot read ({exc.strerror or exc})") from None
    elif source.kind == "feed":
        feed = read_feed(source.path)
        stats.feed_items_skipped += feed.skipped
        yield from feed.articles
    elif source.kind == "warc":
        yield from iter_warc(source.path, stats.warc)
    else:
        raise InputError(f"{source.path}: unknown source kind '{source.kind}'")


def iter_plan(plan: Sequence[Source], date: str | None = None,
              stats: SourceStats | None = None,
              stdin: IO[bytes] | None = None) -> Iterator[Article | ErrorResult]:
    """Read a checked plan in order. ``date`` (YYYY-MM-DD) is given to articles without one;
    JSON Lines records that cannot be used come out as ErrorResult and reading goes on."""
    filled = check_date(date) if date is not None else None
    stats = stats if stats is not None else SourceStats()
    for source in plan:
        stats.files += 1
        for item in _iter_source(source, stats, stdin):
            if isinstance(item, ErrorResult):
                stats.errors += 1
            else:
                stats.articles += 1
                if item.date is None and filled is not None:
                    item.date = filled
            yield item


def iter_sources(paths: Sequence[str], date: str | None = None, recursive: bool = True,
                 stats: SourceStats | None = None,
                 stdin: IO[bytes] | None = None) -> Iterator[Article | ErrorResult]:
    """Every article of the given files, folders, globs and ``-`` (stdin), in order.

    Everything is planned and checked (``plan_sources``) before the first article comes out,
    so a missing path, a broken feed or a truncated WARC raises InputError with nothing read.
    """
    filled = check_date(date) if date is not None else None
    plan = plan_sources(paths, recursive=recursive)
    yield from iter_plan(plan, filled, stats, stdin)
