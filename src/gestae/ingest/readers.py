"""Reading articles from files: plain text and HTML, with clear errors for bad input."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO

from gestae.ingest.dates import check_date
from gestae.ingest.errors import InputError
from gestae.model import Article

#: Largest article (file, or JSON Lines line) gestae reads, in bytes.
MAX_ARTICLE_BYTES = 50 * 1024 * 1024
#: Share of control characters in a file's first bytes above which it is binary.
BINARY_SHARE = 0.1

_FORMATS: dict[str, str] = {
    "": "text", ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json-lines": "jsonl", ".jsonlines": "jsonl",
}
_CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13} | {127})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
_DROP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")


def too_large_message(size: int, what: str = "article") -> str:
    """The error text for an article (or feed) over the size limit."""
    limit_mb = MAX_ARTICLE_BYTES / (1024 * 1024)
    return f"{what} is {size:,} bytes, over the {limit_mb:g} MB limit"


def open_binary(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open an input file, every reason it cannot be opened an InputError naming it."""
    where = str(path)
    try:
        return open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except PermissionError:
        raise InputError(f"{where}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror or exc})") from None


def read_limited(path: str | os.PathLike[str], what: str = "article") -> bytes:
    """A whole input file's bytes, refusing folders and files over the size limit."""
    where = str(path)
    if Path(path).is_dir():
        raise InputError(f"{where}: is a folder, not a file")
    with open_binary(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"{where}: {too_large_message(size, what)}")
        data = handle.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:  # grew while we looked, or a special file
        raise InputError(f"{where}: {too_large_message(len(data), what)}")
    return data


def decode_text(data: bytes, where: str = "") -> str:
    """Decode article bytes as UTF-8 (a BOM is dropped), or raise InputError saying why not."""
    prefix = f"{where}: " if where else ""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{prefix}UTF-16 text is not supported; convert it to UTF-8")
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(f"{prefix}binary file (contains NUL bytes), not text")
    control = sum(1 for b in sample if b in _CONTROL_BYTES)
    if sample and control > BINARY_SHARE * len(sample):
        raise InputError(f"{prefix}binary file (mostly control bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        raise InputError(
            f"{prefix}not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
        ) from None


def read_text_file(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 article file, refusing empty, binary, non-UTF-8 and oversize files."""
    where = str(path)
    data = read_limited(path)
    text = decode_text(data, where)
    if not text.strip():
        raise InputError(f"{where}: empty file")
    return text


def _paragraphs(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines, spaces collapsed."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _lxml_text(html: str) -> str:
    """All visible text of the page, blocks on their own lines (trafilatura's fallback)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.iter(*_DROP_TAGS):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return "".join(parts)


def html_to_text(html: str) -> str:
    """The article text of an HTML page, paragraphs separated by blank lines.

    trafilatura finds the main text and drops menus and footers; when it finds nothing (a
    snippet, an unusual page) all visible text is taken instead. Never touches the network.
    """
    import trafilatura

    if not html or not html.strip():
        return ""
    extracted = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False,
        with_metadata=False, deduplicate=False,
    )
    text = _paragraphs(extracted) if extracted else ""
    return text or _paragraphs(_lxml_text(html))


def detect_format(path: str | os.PathLike[str]) -> str:
    """``text``, ``html`` or ``jsonl`` from the file extension (no extension: text)."""
    suffix = Path(path).suffix.lower()
    try:
        return _FORMATS[suffix]
    except KeyError:
        raise InputError(
            f"{path}: cannot tell the input format from the extension '{suffix}'; "
            "name it .txt, .html or .jsonl, or give the format (text, html, jsonl)"
        ) from None


def article_from_path(
    path: str | os.PathLike[str], fmt: str | None = None, date: str | None = None,
    id: str | None = None,  # noqa: A002 - the contract's field name
) -> Article:
    """An Article from a text or HTML file; ``id`` defaults to the file name's stem."""
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        raise InputError(f"{path}: JSON Lines holds many articles; read it with iter_jsonl")
    if fmt not in ("text", "html"):
        raise InputError(f"{path}: unknown format '{fmt}' (expected text, html or jsonl)")
    content = read_text_file(path)
    checked = check_date(date) if date is not None else None
    article_id = id if id is not None else Path(path).stem
    if fmt == "html":
        return Article(id=article_id, html=content, date=checked)
    return Article(id=article_id, text=content, date=checked)
