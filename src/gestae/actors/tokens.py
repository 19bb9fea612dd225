"""The token facts and phrase matches the actor readers work on, from a parsed Doc or a
bare tokenizer, and the tag and word sets that say what a noun phrase is made of.

Shared by the document reading (``resolver``) and the argument-phrase fallbacks
(``arguments``); kept apart so ``arguments`` needs the resolver module for type hints only.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from gestae.actors.kb import Entry

RUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "POS", "HYPH", "CD",
                      "AFX", "FW"})
RUN_START_TAGS = frozenset({"DT", "PRP$", "PDT"})
SKIP_INSIDE = frozenset({"-", "–", "—", "'", "’", "‘", ".", "`"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ARTICLES = frozenset({"the", "a", "an"})
NER_TYPES = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
_TIME_ENTS = frozenset({"DATE", "TIME"})


@dataclass
class Tokens:
    """The token facts the resolver needs, from a parsed Doc or a bare tokenizer."""

    text: list[str]
    idx: list[int]
    tag: list[str]
    dep: list[str]
    sent_start: list[bool]
    has_tags: bool
    is_stop: list[bool]
    is_punct: list[bool]
    is_time: list[bool] | None = None  # inside a date or time entity ("Monday")

    @classmethod
    def from_doc(cls, doc: Doc, offset: int = 0) -> Tokens:
        has_tags = doc.has_annotation("TAG")
        has_sents = doc.has_annotation("SENT_START")
        return cls(text=[t.text for t in doc], idx=[t.idx + offset for t in doc],
                   tag=[t.tag_ for t in doc], dep=[t.dep_ for t in doc],
                   sent_start=[bool(has_sents and t.is_sent_start and t.i > 0) for t in doc],
                   has_tags=has_tags, is_stop=[t.is_stop for t in doc],
                   is_punct=[t.is_punct for t in doc],
                   is_time=[t.ent_type_ in _TIME_ENTS for t in doc])

    @classmethod
    def from_span(cls, span: Span, has_tags: bool, has_sents: bool) -> Tokens:
        """Tokens of a span of an annotated doc, in place (no copy of the doc)."""
        first = span.start
        return cls(text=[t.text for t in span], idx=[t.idx for t in span],
                   tag=[t.tag_ for t in span], dep=[t.dep_ for t in span],
                   sent_start=[bool(has_sents and t.is_sent_start and t.i > first)
                               for t in span],
                   has_tags=has_tags, is_stop=[t.is_stop for t in span],
                   is_punct=[t.is_punct for t in span],
                   is_time=[t.ent_type_ in _TIME_ENTS for t in span])

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def __len__(self) -> int:
        return len(self.text)


@dataclass
class Match:
    """A phrase of the index (or an NER entity) found at tokens [start, end)."""

    start: int
    end: int
    entry: Entry
    use: str
    fuzzy: bool = False
    # an NER name read from inside a longer entity: the token where that entity starts
    # ("Association" of "the Lebanese Farmers Association"); -1 otherwise
    entity_start: int = -1

