"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files as articles.

A feed is parsed whole before any article is given out: feeds are small, and a broken one
must stop an ingest before anything is stored. Elements are matched by local name, so the
namespaces of the three formats (and of the content/dc modules) need no special cases.

The body of an item is the fullest of content:encoded, Atom content, description and
summary (the one with the most visible text); it becomes the article's ``html`` when it
holds markup and its ``text`` otherwise. An item without any body text is skipped; the
count is in ``FeedStats.skipped``.
"""

from __future__ import annotations

import calendar
import email.utils
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from gestae.ingest.dates import check_date
from gestae.ingest.errors import InputError
from gestae.ingest.readers import read_limited
from gestae.model import Article

#: Root elements (local names) of the feed formats read here.
FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
_ITEMS = frozenset({"item", "entry"})
_BODIES = ("encoded", "content", "description", "summary")
_DATES = ("pubDate", "published", "date", "updated", "issued", "modified", "created")
_SNIFF_BYTES = 4096
_TAG = re.compile(r"<[A-Za-z/!?][^>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTHS = {calendar.month_abbr[i].lower(): i for i in range(1, 13)}
_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")


@dataclass
class FeedStats:
    """What reading one feed found: its title, articles kept and items skipped."""

    title: str | None = None
    articles: list[Article] = field(default_factory=list)
    skipped: int = 0


def _local(node: etree._Element) -> str:
    """Local name of an element, namespace dropped ("" for comments and the like)."""
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _child(node: etree._Element, name: str) -> etree._Element | None:
    for child in node:
        if _local(child) == name:
            return child
    return None


def _text(node: etree._Element | None) -> str | None:
    """Stripped text of an element; None when absent or blank."""
    if node is None:
        return None
    value = "".join(node.itertext()).strip()
    return value or None


def has_markup(value: str) -> bool:
    """Does a body hold HTML (tags, or entities left over from double escaping)?"""
    return bool(_TAG.search(value) or _ENTITY.search(value))


def visible_text(value: str) -> str:
    """Rough visible text of a body (tags dropped): enough to rank bodies and find empty ones."""
    return " ".join(_ENTITY.sub(" ", _TAG.sub(" ", value)).split())


def _body(node: etree._Element) -> str | None:
    """An element's content: escaped HTML or text as written, or inline XHTML serialised."""
    if _local(node) == "content" and node.get("type") == "xhtml":
        parts = [node.text or ""]
        parts += [etree.tostring(child, encoding="unicode") for child in node]
        return "".join(parts).strip() or None
    return _text(node)


def _best_body(item: etree._Element) -> str | None:
    """The fullest body of an item, by visible text."""
    best: str | None = None
    best_len = 0
    for child in item:
        if _local(child) not in _BODIES:
            continue
        value = _body(child)
        size = len(visible_text(value)) if value else 0
        if size > best_len:
            best, best_len = value, size
    return best


def _link(item: etree._Element) -> str | None:
    """The item's web address: RSS <link> text, Atom <link rel="alternate" href>."""
    fallback: str | None = None
    for child in item:
        if _local(child) != "link":
            continue
        href = child.get("href")
        if href is None:
            return _text(child)
        if child.get("rel", "alternate") == "alternate":
            return href.strip() or None
        fallback = fallback or href.strip() or None
    return fallback


def parse_feed_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an RFC 822 (RSS) or ISO 8601 (Atom, dc:date) date; None if
    unparseable. The day is the publisher's own, not converted to UTC."""
    if not value:
        return None
    value = value.strip()
    try:
        return check_date(value)
    except InputError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    match = _DAY_MONTH_YEAR.search(value)  # a date without a time ("27 Jan 2020")
    month = _MONTHS.get(match.group(2)[:3].lower()) if match else None
    if match is None or month is None:
        return None
    try:
        return check_date(f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}")
    except InputError:
        return None


def _item_date(item: etree._Element) -> str | None:
    for name in _DATES:
        date = parse_feed_date(_text(_child(item, name)))
        if date:
            return date
    return None


def _item_id(item: etree._Element) -> str | None:
    for name in ("guid", "id"):
        value = _text(_child(item, name))
        if value:
            return value
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    return about.strip() if about and about.strip() else None


def _items(root: etree._Element) -> list[etree._Element]:
    """Items wherever the format puts them: rss/channel/item, feed/entry, rdf:RDF/item."""
    return [node for node in root.iter() if _local(node) in _ITEMS]


def _feed_title(root: etree._Element) -> str | None:
    if _local(root) == "feed":
        return _text(_child(root, "title"))
    channel = _child(root, "channel")
    return _text(_child(channel, "title")) if channel is not None else None


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    return read_limited(path, "feed")


def _parse_xml(data: bytes, where: str) -> etree._Element:
    """The document's root, or InputError naming the first XML error and its line."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        reason = (exc.msg or "syntax error").split(", line ")[0]
        line = exc.lineno if exc.lineno else exc.position[0] if exc.position else 0
        raise InputError(f"{where}: not a well-formed RSS/Atom feed: {reason} (line {line})"
                         ) from None
    if root is None:
        raise InputError(f"{where}: not a well-formed RSS/Atom feed: empty document (line 1)")
    return root


def read_feed(path: str | os.PathLike[str]) -> FeedStats:
    """Parse a whole feed file into articles; InputError for a missing, oversize, broken or
    non-feed file (raised before any article exists)."""
    where = str(path)
    root = _parse_xml(_read_bytes(path), where)
    if _local(root) not in FEED_ROOTS:
        raise InputError(
            f"{where}: not an RSS/Atom feed (root element <{_local(root) or root.tag}>)"
        )
    stats = FeedStats(title=_feed_title(root))
    stem = Path(path).name.split(".")[0] or Path(path).stem
    for number, item in enumerate(_items(root), start=1):
        body = _best_body(item)
        if not body or not visible_text(body):
            stats.skipped += 1
            continue
        link = _link(item)
        title = _text(_child(item, "title"))
        markup = has_markup(body)
        stats.articles.append(Article(
            id=_item_id(item) or link or f"{stem}#{number}",
            text=None if markup else body,
            html=body if markup else None,
            date=_item_date(item),
            url=link,
            title=visible_text(title) if title and has_markup(title) else title,
            source=stats.title,
        ))
    return stats


def iter_feed(path: str | os.PathLike[str]) -> Iterator[Article]:
    """The articles of an RSS/Atom feed file, in feed order (items without a body skipped).

    The file is parsed whole first, so a broken feed raises InputError before the first
    article; call ``read_feed`` instead to also learn how many items were skipped.
    """
    yield from read_feed(path).articles


def is_feed(path: str | os.PathLike[str]) -> bool:
    """Does the file look like a feed (root element rss, feed or RDF)? Reads only its start,
    so a folder of .xml files can be sorted cheaply; False when unreadable."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    # skip the XML declaration, comments, processing instructions and the doctype
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S)
    match = _ROOT.search(head)
    return bool(match) and match.group(1).decode("ascii", "replace") in FEED_ROOTS
