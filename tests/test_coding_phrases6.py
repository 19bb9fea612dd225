"""Where an argument's phrase ends when the parser hangs on it words that do not say who it
is (coding/phrases.py, session 5): event and place appositions, the speaker of a report,
what a proposal asks for, the charge of an accusation, examples after a comma, a gerund
clause, a posted diplomat's city; and names listed inside the phrase, which become
arguments of their own."""

from __future__ import annotations

import pytest
from argument_spans import phrase_of
from spacy.language import Language

from gestae.coding.phrases import list_members, spans


def _arguments(nlp: Language, text: str, head: str) -> list[str]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == head)
    return [text[start:end] for start, end in spans([token])]


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # an apposition naming the event is not the victims
    ("Gunmen killed 30 villagers, an attack that shocked the country.", "villagers",
     "30 villagers"),
    ("The parliament banned the practice, a major victory for women's rights groups.",
     "practice", "the practice"),
    # a place's description is not part of its name
    ("The rebels threatened to shell Mosul, Iraq's second largest city, on Sunday.",
     "Mosul", "Mosul"),
    # a person's apposition stays: it says who the person is
    ("Police arrested Tom Baker, a senior opposition lawmaker, on Monday.", "Baker",
     "Tom Baker, a senior opposition lawmaker"),
    ("The minister received Anna Berg, the Swedish ambassador, at her office.", "Berg",
     "Anna Berg, the Swedish ambassador"),
])
def test_appositions(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # what a proposal asks for is not who made it
    ("The government rejected opposition calls for an early election.", "calls",
     "opposition calls"),
    ("The rebels turned down the Kenyan government's offer of a truce.", "offer",
     "the Kenyan government's offer"),
    ("The court dismissed Germany's request for a delay.", "request", "Germany's request"),
    # an "of" phrase after an ownerless proposal names who made it
    ("The council welcomed the call of the African Union.", "call",
     "the call of the African Union"),
])
def test_proposals(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # the charge of an accusation is not the accused
    ("Human rights groups accused the army of torturing detainees.", "army", "the army"),
    ("The minister blamed the rebel group for the bombing.", "group", "the rebel group"),
    # a gerund clause after an object is what is done to it, not who it is
    ("The electoral board barred the former mayor from running for office.", "mayor",
     "the former mayor"),
    # an "of" phrase that is not a charge stays
    ("The army attacked the headquarters of the rebel group.", "headquarters",
     "the headquarters of the rebel group"),
])
def test_charges_and_clauses(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # the place the parser hung on the verb stays the event's place
    ("Police detained hundreds of protesters in Khartoum on Friday.", "hundreds",
     "hundreds of protesters"),
    # a person's whereabouts or a posted diplomat's city stay the event's place
    ("The president met Angela Merkel in Berlin on Monday.", "Merkel", "Angela Merkel"),
    ("Italy summoned the Russian ambassador in Rome over the incident.", "ambassador",
     "the Russian ambassador"),
    # a reason is not a place
    ("Police detained hundreds of protesters in response to the riots.", "hundreds",
     "hundreds of protesters"),
])
def test_places(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # examples after a comma do not say which group it is
    ("The regime expelled foreign journalists, including those from the BBC.", "journalists",
     "foreign journalists"),
    # a coordination opener is not part of the first conjunct
    ("Washington lifted sanctions on both Sudan and Libya.", "Sudan", "Sudan"),
    # the speaker of a report is not an apposition of the argument
    ("Moscow has pulled its troops out of Syria, Defence Minister Ivan Petrov said.", "Syria",
     "Syria"),
])
def test_other_tails(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "arguments"), [
    # a list of names inside the phrase: each name is an argument of its own
    ("The agency sent food to families in Chad, Niger and Mali.", "families",
     ["families in Chad", "Niger", "Mali"]),
    ("The border was opened to thousands of Syrians, Iraqis and Afghans.", "thousands",
     ["thousands of Syrians", "Iraqis", "Afghans"]),
])
def test_named_lists(nlp: Language, text: str, head: str, arguments: list[str]) -> None:
    assert _arguments(nlp, text, head) == arguments


@pytest.mark.parametrize(("text", "head"), [
    # two names are a pair, not a list; words inside one name are not a list
    ("The agency sent food to families in Chad and Niger.", "families"),
    ("The army shelled rebel positions in the city and its outskirts.", "positions"),
    ("Police arrested the head of the Commission for Culture, Science and Education.",
     "head"),
])
def test_not_named_lists(nlp: Language, text: str, head: str) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == head)
    assert list_members(token) == []
