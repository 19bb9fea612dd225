"""Datelines: the place a report is filed from, at the top of the text ("BAGHDAD (Reuters) -")
or after a headline or byline ("... . DANIELSVILLE - Madison County ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from gestae.geo.gazetteer import Gazetteer
from gestae.geo.lexicon import stoplist
from gestae.geo.names import name_run
from gestae.geo.normalize import fold

# How far into a text (characters) a dateline after the headline may start.
DATELINE_REACH = 400
# A dateline: "BAGHDAD (Reuters) -", "Nasiriyah, Iraq (AP) --", "KABUL, Jan 27 -".
DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Za-z'\u2019.\- ]{1,40}?)"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z'\u2019.\- ]{1,30}?))?"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\)\s*)?(?P<dash>[-\u2013\u2014]{1,2}|:)\s"
)


def _dateline_match(text: str, gaz: Gazetteer) -> re.Match[str] | None:
    match = DATELINE.match(text[:200])
    if not match:
        return None
    name = match.group("name").strip()
    if not match.group("agency") and not name.isupper():
        return None  # "Protesters - ..." is not a dateline; "BAGHDAD -" is
    if not gaz.lookup(name):
        return None
    return match


def dateline(text: str, gaz: Gazetteer) -> tuple[int, int] | None:
    """Character span of the dateline's place name, if the text opens with one."""
    match = _dateline_match(text, gaz)
    if match is None:
        return None
    start = match.start("name")
    return start, start + len(match.group("name").strip())


def dateline_end(text: str, gaz: Gazetteer) -> int:
    """Where the story proper starts: after "NASIRIYAH, Iraq (AP) - ", else 0."""
    match = _dateline_match(text, gaz)
    return match.end() if match else 0


def inner_datelines(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """A dateline after a headline or byline: "... . DANIELSVILLE - Madison County ...",
    "COLUMBIA -- The", "BEIRUT: Israel". Capitals then a dash or colon, near the top."""
    found = []
    for tok in doc:
        if tok.idx > DATELINE_REACH:
            break
        if not tok.text.isupper() or len(tok.text) < 3 or tok.i in taken:
            continue
        if tok.i > 0 and doc[tok.i - 1].text.isupper() and doc[tok.i - 1].is_alpha:
            continue  # not the start of the run
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and not (prev.is_punct or prev.like_num or tok.is_sent_start
                                     or "\n" in prev.text):
            continue  # "the tide of HIV, ..."
        end = name_run(doc, tok.i, upper=True)
        dash = _after_agency(doc, end)
        if dash is None or doc[dash].text not in {"-", "--", ":", "\u2014", "\u2013", ","}:
            continue
        if doc[dash].text in {"-", "--"} and not doc[dash - 1].whitespace_:
            continue  # "HIV-positive"
        span = doc[tok.i:end]
        if any(t.i in taken for t in span) or fold(span.text) in stoplist():
            continue
        if any(q == 1.0 and e.feature in {"city", "admin1", "admin2", "country"}
               for e, q in gaz.lookup(span.text)):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


def _after_agency(doc: Doc, i: int) -> int | None:
    """Token ``i``, or past a news agency in brackets there ("MOGADISHU (Reuters) -")."""
    if i >= len(doc):
        return None
    if doc[i].text != "(":
        return i
    close = next((k for k in range(i + 1, min(i + 8, len(doc))) if doc[k].text == ")"), None)
    return close + 1 if close is not None and close + 1 < len(doc) else None
