"""Streaming JSON Lines input: one article a line, bad lines reported, the batch goes on.

Input is UTF-8. A text stream that nothing has read from yet (sys.stdin) is read through its
byte buffer, so that a line with bad bytes is reported alone instead of stopping the batch.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any

from gestae.ingest import readers
from gestae.ingest.dates import check_date
from gestae.ingest.errors import InputError
from gestae.model import Article, ErrorResult

_CHUNK = 1024 * 1024
_OPTIONAL_STRINGS = ("url", "title", "source")


class _LineTooLong(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


def _skip_rest(stream: IO[Any], tail: str | bytes) -> int:
    """Read and drop the rest of an over-long line; return how much was dropped."""
    newline = "\n" if isinstance(tail, str) else b"\n"
    dropped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        dropped += len(chunk)
        if not chunk or chunk.endswith(newline):
            return dropped


def _lines(stream: IO[Any]) -> Iterator[str | bytes | _LineTooLong]:
    """Physical lines, never holding more than the size limit of one line in memory."""
    while True:
        limit = readers.MAX_ARTICLE_BYTES
        line = stream.readline(limit + 1)
        if not line:
            return
        newline = "\n" if isinstance(line, str) else b"\n"
        if len(line) > limit and not line.endswith(newline):
            yield _LineTooLong(len(line) + _skip_rest(stream, line))
            continue
        if isinstance(line, str) and len(line) * 4 > limit:
            size = len(line.encode("utf-8", "surrogatepass"))
            if size > limit + 1:
                yield _LineTooLong(size)
                continue
        elif len(line.rstrip(newline)) > limit:
            yield _LineTooLong(len(line))
            continue
        yield line


def _as_text(line: str | bytes) -> str:
    """Decode one line, raising InputError naming the bad byte's offset in the line."""
    if isinstance(line, bytes):
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at offset {exc.start})"
            ) from None
    try:  # a text stream opened with errors="surrogateescape" lets bad bytes through
        line.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"not valid UTF-8 (character {exc.start} of the line)") from None
    return line


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"'{key}' must be a string, not {_json_type(value)}")


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _record_id(record: dict[str, Any], number: int) -> str:
    value = record.get("id")
    if value is None:
        return str(number)
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"'id' must be a non-empty string or an integer, not {_json_type(value)}")


def parse_record(record: Any, number: int) -> Article:
    """Check one decoded JSON value and make it an Article; InputError says what is wrong."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {_json_type(record)}")
    article_id = _record_id(record, number)
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise InputError("missing 'text' or 'html'")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{key}' must be a string, not {_json_type(value)}")
    if not (text or "").strip() and not (html or "").strip():
        raise InputError("empty 'text'" if text is not None else "empty 'html'")
    date = record.get("date")
    if date is not None:
        date = check_date(date)
    url, title, source = (_optional_str(record, key) for key in _OPTIONAL_STRINGS)
    return Article(id=article_id, text=text, html=html, date=date, url=url, title=title,
                   source=source)


def _binary(stream: IO[Any]) -> IO[Any]:
    """Read a fresh text stream's bytes (sys.stdin.buffer) so bad UTF-8 stays on its line."""
    buffer = getattr(stream, "buffer", None)
    if isinstance(stream, io.TextIOWrapper) and buffer is not None:
        return buffer
    return stream


def iter_jsonl(stream: IO[Any], source_name: str = "<stdin>") -> Iterator[Article | ErrorResult]:
    """Articles from a JSON Lines stream, in order, one line at a time.

    Blank lines are skipped. A line that cannot be used yields an ErrorResult whose error
    starts with ``line N:`` (and whose id is the record's, or ``line N``); reading goes on.
    A record without an id gets its line number. ``source_name`` names the stream in errors
    about the stream itself.
    """
    try:
        for number, line in enumerate(_lines(_binary(stream)), start=1):
            if isinstance(line, _LineTooLong):
                problem = readers.too_large_message(line.size).replace("article", "line", 1)
                yield ErrorResult(id=f"line {number}", error=f"line {number}: {problem}")
                continue
            record: Any = None
            try:
                text = _as_text(line)
                if not text.strip():
                    continue
                try:
                    record = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise InputError(
                        f"invalid JSON ({exc.msg} at column {exc.colno})"
                    ) from None
                yield parse_record(record, number)
            except InputError as exc:
                known = record.get("id") if isinstance(record, dict) else None
                record_id = str(known) if isinstance(known, (str, int)) and known != "" \
                    else f"line {number}"
                yield ErrorResult(id=record_id, error=f"line {number}: {exc}")
    except OSError as exc:
        raise InputError(f"{source_name}: cannot read ({exc.strerror or exc})") from None
