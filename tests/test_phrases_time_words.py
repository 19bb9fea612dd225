"""Where an argument's phrase starts (coding/phrases.py): a comparative of
time the parser hangs on the name after it ("Hours earlier Maduro") says when, not who."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from gestae.coding.phrases import noun_span


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str],
            pos: list[str]) -> Doc:
    """A doc with a given parse (the misreadings tested here depend on the model)."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "name"), [
    # "earlier" read as an adjective of the name, "Hours" as its measure
    (["Hours", "earlier", "Maduro", "expelled", "the", "diplomat"], [1, 2, 3, 3, 5, 3],
     ["npadvmod", "amod", "nsubj", "ROOT", "det", "dobj"],
     ["NOUN", "ADJ", "PROPN", "VERB", "DET", "NOUN"], "Maduro"),
    (["Two", "days", "later", "Putin", "met", "Erdogan"], [1, 2, 3, 4, 4, 4],
     ["nummod", "npadvmod", "amod", "nsubj", "ROOT", "dobj"],
     ["NUM", "NOUN", "ADJ", "PROPN", "VERB", "PROPN"], "Putin"),
    # a common noun keeps it only without a measure of time: here "hours" is one
    (["Hours", "later", "soldiers", "fired", "shots"], [1, 2, 3, 3, 3],
     ["npadvmod", "amod", "nsubj", "ROOT", "dobj"],
     ["NOUN", "ADJ", "NOUN", "VERB", "NOUN"], "soldiers"),
])
def test_time_comparative_is_not_part_of_the_actor(nlp: Language, words: list[str],
                                                   heads: list[int], deps: list[str],
                                                   pos: list[str], name: str) -> None:
    doc = _parsed(nlp, words, heads, deps, pos)
    start, end = noun_span(doc[words.index(name)])
    assert doc.text[start:end] == name


def test_later_as_an_adjective_of_a_common_noun_stays(nlp: Language) -> None:
    words = ["The", "later", "settlers", "attacked", "the", "village"]
    doc = _parsed(nlp, words, [2, 2, 3, 3, 5, 3], ["det", "amod", "nsubj", "ROOT", "det",
                                                   "dobj"],
                  ["DET", "ADJ", "NOUN", "VERB", "DET", "NOUN"])
    start, end = noun_span(doc[2])
    assert doc.text[start:end] == "The later settlers"
