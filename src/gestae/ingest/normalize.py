"""Text normalisation before parsing, with an exact map back to the original offsets.

spaCy parses cleaner text than articles arrive in: hard-wrapped lines break sentences apart,
"nego-\\ntiations" is two tokens, tabs, NBSPs and zero-width characters become odd tokens,
and ALL-CAPS wire copy loses the parser and NER. ``normalize`` fixes these and keeps, for
every character of the new text, the span of the original it came from, so that every offset
gestae reports points into the article as given.

The map is a list of segments (copied runs and replaced runs), looked up by bisection: no
per-character table, and nothing at all when the text needed no change.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from gestae.ingest.truecase import english_words, is_all_caps, is_english, truecase

#: Lines this long (90th percentile) or longer are paragraphs, not a hard-wrapped column.
MAX_WRAP_WIDTH = 200
#: A line shorter than this share of the column width ends its paragraph (a headline, the
#: last line of an indented paragraph) and keeps its line break.
SHORT_LINE_SHARE = 0.5

_BREAK_CHARS = "\n\r\x0b\x0c\x85\u2028\u2029"
_SPACE_CHARS = "\t \xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Invisible: C0/C1 controls (but tab and line breaks), soft hyphen, zero-width, BOM, bidi marks.
_INVISIBLE_CHARS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u200b-\u200f\u2060-\u2064\ufeff"
_INVISIBLE_CHARS += "\u202a-\u202e\u2066-\u2069"
_ANY = f"[{_BREAK_CHARS}{_SPACE_CHARS}{_INVISIBLE_CHARS}]"
# Whitespace runs that may need a change: at either end, two or more characters, or one
# that is not a plain space (a lone " " between words, the common case, is never matched).
_NOT_SPACE = f"[{_BREAK_CHARS}{_SPACE_CHARS.replace(' ', '')}{_INVISIBLE_CHARS}]"
_RUN = re.compile(rf"\A{_ANY}+|{_ANY}+\Z|{_ANY}{{2,}}|{_NOT_SPACE}")
_HYPHEN_BREAK = re.compile(
    rf"(?<=[^\W\d_])-[{_SPACE_CHARS}{_INVISIBLE_CHARS}]*(?:\r\n|[{_BREAK_CHARS}])"
    rf"[{_SPACE_CHARS}{_INVISIBLE_CHARS}]*(?=[^\W\d_])"
)
_LINE_BREAK = re.compile(f"\r\n|[{_BREAK_CHARS}]")
_LIST_ITEM = re.compile(r"(?:[-*•·]|\d{1,3}[.)]|[a-z][.)])\s")
_WORD_BEFORE = re.compile(r"[^\W\d_]+\Z")
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(f"[{_SPACE_CHARS}]")


@lru_cache(maxsize=1)
def _hyphen_keep() -> frozenset[str]:
    """Words that keep their hyphen across a line break (data/hyphen_keep.txt)."""
    text = resources.files("gestae.ingest").joinpath("data", "hyphen_keep.txt").read_text("utf-8")
    return frozenset(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


@dataclass
class NormalizedText:
    """The text spaCy will parse, and how to get from its offsets back to the original."""

    text: str
    original: str
    truecased: bool = False
    # Segment table: segment k covers text[_norm[k]:_norm[k+1]] and came from
    # original[_orig[k]:_orig_end[k]]; _copied[k] says whether it is a verbatim copy.
    _norm: list[int] = field(default_factory=list, repr=False)
    _orig: list[int] = field(default_factory=list, repr=False)
    _orig_end: list[int] = field(default_factory=list, repr=False)
    _copied: list[bool] = field(default_factory=list, repr=False)

    @property
    def changed(self) -> bool:
        """Whether the offsets differ from the original's (truecasing alone keeps them)."""
        return bool(self._norm)

    def _start(self, i: int) -> int:
        k = bisect_right(self._norm, i) - 1
        if self._copied[k]:
            return self._orig[k] + (i - self._norm[k])
        return self._orig[k]

    def _end(self, i: int) -> int:
        """Original end offset of the character ``text[i - 1]``."""
        k = bisect_right(self._norm, i - 1) - 1
        if self._copied[k]:
            return self._orig[k] + (i - self._norm[k])
        return self._orig_end[k]

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``original`` to the span of ``text`` it became (a span inside a
        rewritten piece widens to the whole piece)."""
        if not self._norm:
            return start, end
        if not 0 <= start <= end <= len(self.original):
            raise IndexError(f"span ({start}, {end}) outside text of length "
                             f"{len(self.original)}")
        k = max(bisect_right(self._orig, start) - 1, 0)
        new_start = self._norm[k] + (start - self._orig[k] if self._copied[k] else 0)
        j = max(bisect_right(self._orig, max(end - 1, start)) - 1, 0)
        seg_end = self._norm[j + 1] if j + 1 < len(self._norm) else len(self.text)
        new_end = self._norm[j] + (end - self._orig[j]) if self._copied[j] else seg_end
        return new_start, max(new_start, min(new_end, len(self.text)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to the span of ``original`` it came from."""
        if not self._norm:
            return start, end
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside text of length {len(self.text)}")
        if start == end:
            pos = self._start(start) if start < len(self.text) else self._end(start)
            return pos, pos
        return self._start(start), self._end(end)


class _Builder:
    """Accumulates copied and replaced segments of the original into the new text."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.pieces: list[str] = []
        self.norm: list[int] = []
        self.orig: list[int] = []
        self.orig_end: list[int] = []
        self.copied: list[bool] = []
        self.length = 0
        self.pos = 0  # how far into the original we are

    def _add(self, piece: str, start: int, end: int, copied: bool) -> None:
        self.norm.append(self.length)
        self.orig.append(start)
        self.orig_end.append(end)
        self.copied.append(copied)
        self.pieces.append(piece)
        self.length += len(piece)

    def replace(self, start: int, end: int, new: str) -> None:
        """Copy the original up to ``start``, then put ``new`` for ``original[start:end]``."""
        if start > self.pos:
            self._add(self.original[self.pos : start], self.pos, start, True)
        self._add(new, start, end, False)
        self.pos = end

    def finish(self) -> NormalizedText:
        if self.pos < len(self.original):
            self._add(self.original[self.pos :], self.pos, len(self.original), True)
        text = "".join(self.pieces)
        return NormalizedText(text, self.original, False, self.norm, self.orig, self.orig_end,
                              self.copied)


def _keep_hyphen(text: str, hyphen: int, after: int) -> bool:
    """Is the hyphen at ``text[hyphen]``, before a line break, part of a compound?

    "nego-/tiations" joins because "negotiations" is an English word; "self-/styled" keeps
    its hyphen because "selfstyled" is not; "pro-/Kremlin" keeps it before a capital.
    """
    if text[after].isupper():
        return True
    before = _WORD_BEFORE.search(text, 0, hyphen)
    rest = _WORD_AFTER.match(text, after)
    prefix = before.group().lower() if before else ""
    suffix = rest.group().lower() if rest else ""
    vocab = english_words()
    if vocab:
        if is_english(prefix + suffix, vocab):
            return False
        if is_english(prefix, vocab) and is_english(suffix, vocab):
            return True
    return prefix in _hyphen_keep()


def _wrap_width(text: str) -> int:
    """The column width of a hard-wrapped text (90th percentile line length), or 0."""
    lengths = sorted(len(line.strip()) for line in _LINE_BREAK.split(text) if line.strip())
    if len(lengths) < 3:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width < MAX_WRAP_WIDTH else 0


def _break_count(run: str) -> int:
    return len(_LINE_BREAK.findall(run))


def _single_break(text: str, start: int, end: int, width: int) -> str:
    """What one line break between ``text[:start]`` and ``text[end:]`` becomes."""
    if not width:
        return "\n"  # not a wrapped column: a line is a paragraph
    if _LIST_ITEM.match(text, end):
        return "\n"
    line_start = max(text.rfind(c, 0, start) for c in "\n\r") + 1
    if len(text[line_start:start].strip()) < SHORT_LINE_SHARE * width:
        return "\n"
    return " "


def _whitespace(text: str, builder: _Builder) -> None:
    """Normalise whitespace runs, join wrapped lines and undo hyphenation at line ends."""
    width = _wrap_width(text) if _LINE_BREAK.search(text) else 0
    hyphens = {m.start(): m for m in _HYPHEN_BREAK.finditer(text)} if width else {}
    for m in _RUN.finditer(text):
        start, end = m.start(), m.end()
        if start < builder.pos:
            continue  # eaten by a dehyphenation
        run = m.group()
        hyphen = hyphens.get(start - 1)
        if hyphen is not None and _break_count(run) == 1:
            if _keep_hyphen(text, start - 1, hyphen.end()):
                builder.replace(start, end, "")
            else:
                builder.replace(start - 1, end, "")
            continue
        if start == 0 or end == len(text):
            new = ""  # strip the text's ends
        else:
            breaks = _break_count(run)
            if breaks >= 2:
                new = "\n\n"
            elif breaks == 1:
                new = _single_break(text, start, end, width)
            else:  # spaces become one space; invisible characters alone vanish
                new = " " if _SPACE.search(run) else ""
        if new != run:
            builder.replace(start, end, new)


def normalize(text: str, truecase_caps: bool = True) -> NormalizedText:
    """Clean ``text`` for parsing and keep the offset map back to it.

    Nothing to change (the common case for clean text) costs one regex scan and returns an
    identity map.
    """
    builder = _Builder(text)
    _whitespace(text, builder)
    result = builder.finish() if builder.norm else NormalizedText(text, text)
    if truecase_caps and is_all_caps(result.text):
        result.text = truecase(result.text)
        result.truecased = True
    return result
