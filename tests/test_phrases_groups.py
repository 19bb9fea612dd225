"""Where an argument's phrase ends (coding/phrases.py): two coordinated nouns that
make one party stay one argument ("a local leader and his associates", "another 40
politicians and activists"), parts of one phrase the parser split are joined, a bare head
word keeps the clause that says who it is ("people who fled"), and an "over" phrase gives
the reason, not the actor."""

from __future__ import annotations

import pytest
from argument_spans import event_of, phrase_of, sources, targets
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.coding.phrases import one_group, spans


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # a possessive in the second noun points back at the first
    ("A local militia commander and his five bodyguards attacked the checkpoint.",
     "commander", "A local militia commander and his five bodyguards"),
    ("Jets bombed the rebel army and its allied militias overnight.", "army",
     "the rebel army and its allied militias"),
    ("Jets struck the Syrian army and its ally Hezbollah near the border.", "army",
     "the Syrian army and its ally Hezbollah"),
    ("Gunmen kidnapped Hassan and three other members of his family.", "Hassan",
     "Hassan and three other members of his family"),
    # one determiner or number counts both nouns
    ("Police detained another 30 student leaders and activists in the capital.", "leaders",
     "another 30 student leaders and activists"),
    ("Norway sends aid to the Yemeni people and organizations every year.", "people",
     "the Yemeni people and organizations"),
    ("Several hundred Italian police and soldiers guarded the summit.", "police",
     "Several hundred Italian police and soldiers"),
])
def test_one_party_stays_whole(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # names, and nouns each with a determiner of their own, are two arguments
    ("Canada and Mexico signed the agreement.", "Canada", "Canada"),
    ("Police arrested the soldiers and the policemen.", "soldiers", "the soldiers"),
    # "a" counts one thing: a plural after it is a second argument
    ("Shells hit a besieged neighbourhood and nearby villages.", "neighbourhood",
     "a besieged neighbourhood"),
    # a clause of its own makes the second noun an argument of its own
    ("The group condemned the international criminal court and people who work for it.",
     "court", "the international criminal court"),
    # one person beside another is an argument of its own
    ("Rebels freed a young girl and her mother on Sunday.", "girl", "a young girl"),
    # three or more nouns are a list
    ("Sanctions hit the companies, traders and banks.", "companies", "the companies"),
])
def test_two_parties_stay_apart(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


def test_one_group_reads_the_parse(nlp: Language) -> None:
    doc = nlp("Police detained another 30 student leaders and activists.")
    assert one_group(next(t for t in doc if t.text == "leaders"))
    assert not one_group(next(t for t in doc if t.text == "Police"))


def test_second_conjunct_is_not_an_argument_of_its_own(nlp: Language,
                                                       coder: EventCoder) -> None:
    text = "Police arrested another 40 opposition politicians and activists on Monday."
    event = event_of(nlp, coder, text, "COERCE")
    assert targets(text, event) == ["another 40 opposition politicians and activists"]
    text = "A Taliban commander and his three associates attacked a police post."
    event = event_of(nlp, coder, text, "ASSAULT")
    assert sources(text, event) == ["A Taliban commander and his three associates"]


def test_overlapping_parts_are_one_phrase(nlp: Language) -> None:
    doc = nlp("Omar al-Bashir of Sudan expelled aid workers.")
    heads = [t for t in doc if t.text in ("Omar", "Bashir")]
    assert len(heads) == 2
    start, end = spans(heads)[0]
    assert doc.text[start:end].startswith("Omar al-Bashir")
    assert len(spans(heads)) == 1


@pytest.mark.parametrize(("text", "head", "phrase"), [
    ("The agency gave food to people who fled the fighting in the north.", "people",
     "people who fled the fighting in the north"),
    ("The charity helped those affected by the floods.", "those",
     "those affected by the floods"),
    ("The UN fed people living in the camps near the border.", "people",
     "people living in the camps near the border"),
    # after any other noun the clause tells what happened and is cut
    ("Police arrested a man who had stabbed a guard.", "man", "a man"),
    # a participle of an event is an event of its own
    ("Relatives mourned people killed in the attack.", "people", "people"),
])
def test_bare_heads_keep_their_clause(nlp: Language, text: str, head: str,
                                      phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    ("Prosecutors raided dozens of banks over tax fraud.", "dozens", "dozens of banks"),
    ("The union called a strike against the airline over unpaid wages.", "airline",
     "the airline"),
])
def test_over_gives_the_reason(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase
