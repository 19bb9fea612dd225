"""Acronyms an article defines: "the Syria Recovery Trust Fund (SRTF) ... the SRTF".

A name the reading coded, followed by a parenthesised acronym whose letters are the name's
initials, defines that acronym for the article. Each later use of the acronym as a name of
its own (not a modifier: "SRTF contribution"), and the parenthesised one itself, is a
mention of that actor with its coding (``inferred=True``). A use the reading already coded
(the knowledge base knows the acronym) keeps its own coding.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from gestae.actors.coref import Link
from gestae.model import Actor

_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&]{1,9}$")
_OPEN, _CLOSE = frozenset({"(", "["}), frozenset({")", "]"})
_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def initials_fit(acronym: str, name: str) -> bool:
    """Are the acronym's capitals the initials of the name's words, in order, starting with
    the first? Small words may be skipped ("Islamic State of Iraq and the Levant" = ISIL)."""
    letters = [c for c in acronym if c.isupper()]
    words = [w for w in re.split(r"[\s\-–]+", name) if w and w[0].isalnum()]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(letters) < 2 or not words or letters[0] != words[0][0].upper():
        return False
    k = 0
    for word in words:
        if k < len(letters) and word[0].upper() == letters[k]:
            k += 1
        elif word[0].isupper():
            return False  # a capitalised word the acronym leaves out: no
    return k == len(letters)


def _definitions(doc: Doc, actors: list[Actor]) -> dict[str, Actor]:
    """Acronym -> the coded actor it abbreviates, from "Name (ACR)" in the text."""
    out: dict[str, Actor] = {}
    by_end = {a.end: a for a in actors if a.name}
    for i in range(1, len(doc) - 2):
        tok = doc[i]
        if tok.text not in _OPEN or doc[i + 2].text not in _CLOSE:
            continue
        acronym = doc[i + 1].text
        actor = by_end.get(doc[i - 1].idx + len(doc[i - 1].text))
        if actor is None or not _ACRONYM.match(acronym) or acronym in out:
            continue
        if initials_fit(acronym, actor.text):
            out[acronym] = actor
    return out


def _is_name_use(tok: Token, defined_at: int) -> bool:
    """The acronym standing as a name: in parentheses right after its definition, or as a
    noun that is not a modifier of another noun ("SRTF contribution")."""
    if tok.i == defined_at:
        return True
    modifier = tok.dep_ in _MODIFIER_DEPS and tok.head.tag_.startswith("NN")
    return tok.tag_ in _NAME_TAGS and not modifier


def link_acronyms(doc: Doc, actors: list[Actor]) -> tuple[list[Actor], list[Link]]:
    """Actors with the uses of defined acronyms coded as the names they stand for."""
    defined = _definitions(doc, actors)
    if not defined:
        return actors, []
    starts = [a.start for a in actors]
    out = list(actors)
    links: list[Link] = []
    for tok in doc:
        antecedent = defined.get(tok.text)
        if antecedent is None or tok.idx < antecedent.end:
            continue
        paren = tok.i > 0 and doc[tok.i - 1].text in _OPEN and \
            doc[tok.i - 1].idx <= antecedent.end + 2
        k = bisect.bisect_right(starts, tok.idx) - 1
        covering = actors[k] if k >= 0 and actors[k].end > tok.idx else None
        if covering is not None:
            if covering.country or covering.id or covering.code or \
                    covering.end != tok.idx + len(tok.text):
                continue  # coded already, or part of a longer name ("CJTF-OIR")
            mention = covering
        else:
            if not _is_name_use(tok, tok.i if paren else -1):
                continue
            start = tok.idx
            if tok.i > 0 and doc[tok.i - 1].lower_ == "the":
                start = doc[tok.i - 1].idx
            mention = Actor(text=doc.text[start:tok.idx + len(tok.text)], start=start,
                            end=tok.idx + len(tok.text))
        coded = replace(antecedent, text=mention.text, start=mention.start, end=mention.end,
                        sectors=list(antecedent.sectors), inferred=True)
        links.append(Link(coded, antecedent, "acronym"))
        if covering is not None:
            out[out.index(covering)] = coded
        else:
            out.append(coded)
    out.sort(key=lambda a: a.start)
    return out, links
