"""Where an argument's phrase ends, round 3 (coding/phrases.py): an age or a length joined by
hyphens is part of the noun ("a 24-year-old militant"), a common-noun apposition only
describes a named place or organisation, and a participle saying which group it is by its
ties, name or base stays ("forces based in Vitez"), while other participles are cut."""

from __future__ import annotations

import pytest
from argument_spans import phrase_of
from spacy.language import Language


@pytest.mark.parametrize(("text", "head", "phrase"), [
    ("Police arrested a 24-year-old Hamas militant on Friday.", "militant",
     "a 24-year-old Hamas militant"),
    ("Rebels freed a two-month-old baby and her mother.", "baby", "a two-month-old baby"),
    # a date beside the noun is still when, not who
    ("Police arrested a man Friday in Hebron.", "man", "a man"),
])
def test_ages_stay_whole(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    # any common noun set beside a named place describes it
    ("Rebels shelled Aden, a key port in the south, on Sunday.", "Aden", "Aden"),
    ("The parties agreed to a truce in Hodeidah, a major flashpoint in the war.", "Hodeidah",
     "Hodeidah"),
    # a group noun beside a named organisation describes it
    ("The donors gave money to the Yemen Relief Fund, a pooled fund run by the UN.", "Fund",
     "the Yemen Relief Fund"),
    ("The ministry sent aid to Hamas, the Islamist movement that rules Gaza.", "Hamas",
     "Hamas"),
    # a place named beside a place, and a person's apposition, stay
    ("Soldiers arrived in Venafro, Italy on Monday.", "Venafro", "Venafro, Italy"),
    ("Police arrested Tom Baker, a senior opposition lawmaker, on Monday.", "Baker",
     "Tom Baker, a senior opposition lawmaker"),
])
def test_descriptive_appositions(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase


@pytest.mark.parametrize(("text", "head", "phrase"), [
    ("Serb units threatened to shell British forces based in Vitez.", "forces",
     "British forces based in Vitez"),
    ("The government expelled 20 aid workers employed by the UN refugee agency.", "workers",
     "20 aid workers employed by the UN refugee agency"),
    ("Washington suspended aid to a rescue group known as the White Helmets.", "group",
     "a rescue group known as the White Helmets"),
    # a participle that tells what happened to them is not who they are
    ("Troops killed dozens of civilians fleeing the town.", "civilians", "civilians"),
    ("Police freed the hostages held in a cave for a week.", "hostages", "the hostages"),
    ("Rebels ambushed soldiers sent to the border.", "soldiers", "soldiers"),
])
def test_identity_participles(nlp: Language, text: str, head: str, phrase: str) -> None:
    assert phrase_of(nlp, text, head) == phrase
