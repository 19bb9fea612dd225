"""Web archive (WARC, WARC.gz) files as articles: the HTML pages of a news crawl (CC-News).

A crawl holds much besides articles: requests, metadata, images, redirects, error pages.
Only HTML pages fetched with HTTP 200 (``response`` records) and stored HTML documents
(``resource`` records) become articles; the rest is counted in ``WarcStats`` and skipped.

A truncated download is common with multi-gigabyte crawl files, and warcio itself stops
quietly at a cut gzip member. ``check_warc`` therefore reads the whole file once, cheaply
(decompression only, no HTML parsing), and refuses a file whose last gzip member or last
record is incomplete, so a store can turn it away before writing anything.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from gestae.ingest.dates import check_date
from gestae.ingest.errors import InputError
from gestae.ingest.readers import MAX_ARTICLE_BYTES, open_binary
from gestae.model import Article

#: Content types taken as HTML pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1024 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_UUID = re.compile(r"^<?(?:urn:uuid:)?([^<>]+?)>?$", re.I)


class _CutGzip(Exception):
    """A gzip member ends early (warcio would take EOFError for a clean end of file)."""


class _GuardedGzip:
    """Decompressed bytes of a gzip file, with a cut member reported as ``_CutGzip``."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._gzip = gzip.GzipFile(fileobj=handle, mode="rb")
        self._handle = handle

    def read(self, size: int = -1) -> bytes:
        try:
            return self._gzip.read(size)
        except EOFError:
            raise _CutGzip("the compressed data ends in the middle of a gzip member") from None
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise _CutGzip(f"bad gzip data ({exc})") from None

    def tell(self) -> int:
        return self._gzip.tell()

    def close(self) -> None:
        self._gzip.close()
        self._handle.close()


@dataclass
class WarcStats:
    """Counts of one pass over a WARC: HTML pages kept and records skipped (by reason)."""

    html: int = 0
    not_html: int = 0  # requests, metadata, warcinfo, images, scripts ...
    not_ok: int = 0  # HTTP status other than 200 (redirects, errors)
    too_large: int = 0


def _open(path: str | os.PathLike[str]) -> IO[bytes] | _GuardedGzip:
    """The file's uncompressed bytes: gzip (by its magic bytes, whatever the name) is
    decompressed member by member by ``gzip``, which raises at a cut member."""
    handle = open_binary(path)
    if handle.read(2) == _GZIP_MAGIC:
        handle.seek(0)
        return _GuardedGzip(handle)
    handle.seek(0)
    return handle


def _corrupt(path: str | os.PathLike[str], reason: str) -> InputError:
    return InputError(f"{path}: truncated or corrupt WARC: {reason}")


def _records(path: str | os.PathLike[str]) -> Iterator[Any]:
    """warcio records of the file, each read to its end before the next; InputError for a
    cut gzip member, a record shorter than its Content-Length, or an unparseable record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if os.path.isfile(path) and os.path.getsize(path) == 0:
        raise InputError(f"{path}: empty file")
    stream = _open(path)
    try:
        iterator = ArchiveIterator(stream, verify_http=False)
        for number, record in enumerate(iterator, start=1):
            yield record
            while record.raw_stream.read(_CHUNK):
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise _corrupt(path, f"record {number} ends before its Content-Length")
    except InputError:
        raise
    except _CutGzip as exc:
        raise _corrupt(path, str(exc)) from None
    except ArchiveLoadFailed as exc:
        reason = " ".join(str(exc.msg if hasattr(exc, "msg") else exc).split())[:200]
        raise _corrupt(path, reason or "unreadable record") from None
    except (ValueError, IndexError) as exc:  # malformed headers deep inside warcio
        raise _corrupt(path, f"malformed record ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        stream.close()


def _media_type(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def _kind(record: Any) -> str:
    """``html``, or why the record is skipped: ``not_html`` or ``not_ok``."""
    if record.rec_type == "resource":
        return "html" if _media_type(record.content_type) in HTML_TYPES else "not_html"
    if record.rec_type != "response" or record.http_headers is None:
        return "not_html"
    if _media_type(record.http_headers.get_header("Content-Type")) not in HTML_TYPES:
        return "not_html"
    return "html" if record.http_headers.get_statuscode() == "200" else "not_ok"


def check_warc(path: str | os.PathLike[str]) -> int:
    """Read the whole WARC once (no HTML parsing) and return how many HTML page records it
    holds; InputError("<path>: truncated or corrupt WARC: ...") if any part is broken."""
    count = 0
    for record in _records(path):
        if _kind(record) == "html":
            count += 1
    return count


def _charset(record: Any, body: bytes) -> str:
    """The page's encoding: HTTP header, else a <meta> in its first bytes, else UTF-8."""
    names: list[str] = []
    headers = record.http_headers if record.rec_type == "response" else None
    content_type = headers.get_header("Content-Type") if headers is not None else \
        record.content_type
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            names.append(value.strip().strip("\"'"))
    match = _META_CHARSET.search(body[:4096])
    if match:
        names.append(match.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return "utf-8"


def decode_body(record: Any, body: bytes) -> str:
    """A page's text, decoded with its declared charset (bad bytes replaced, never an error)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", errors="replace")
    return body.decode(_charset(record, body), errors="replace")


def _record_id(record: Any) -> str | None:
    value = record.rec_headers.get_header("WARC-Record-ID")
    if not value:
        return None
    match = _UUID.match(value.strip())
    return match.group(1) if match else value.strip()


def _host(url: str | None) -> str | None:
    """The URL's host without ``www.``: the article's source."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _day(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return check_date(value.strip())
    except InputError:
        return None


def iter_warc(path: str | os.PathLike[str], stats: WarcStats | None = None) -> Iterator[Article]:
    """The HTML pages of a WARC as articles (``html`` set), in file order.

    Articles are given out as the file is read: call ``check_warc`` first to refuse a broken
    file before any article is used. ``stats``, when given, is filled with what was skipped.
    """
    stats = stats if stats is not None else WarcStats()
    for number, record in enumerate(_records(path), start=1):
        kind = _kind(record)
        if kind != "html":
            setattr(stats, kind, getattr(stats, kind) + 1)
            continue
        body = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
        if len(body) > MAX_ARTICLE_BYTES:
            stats.too_large += 1
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        stats.html += 1
        yield Article(
            id=_record_id(record) or f"{os.path.basename(path)}#{number}",
            html=decode_body(record, body),
            date=_day(record.rec_headers.get_header("WARC-Date")),
            url=url,
            source=_host(url),
        )

