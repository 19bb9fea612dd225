"""Toponyms that the small spaCy model mislabels, found through their role in the sentence."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo.entities import person_words
from gestae.geo.gazetteer import get_gazetteer
from gestae.geo.toponyms import Toponym, recognise


def _toponyms(text: str) -> list[Toponym]:
    return recognise(nlp.load()(text), get_gazetteer())


def _names(text: str) -> list[str]:
    return [t.text for t in _toponyms(text)]


@pytest.mark.parametrize("text,name", [
    # a large city in a locative phrase, whatever label NER gives it
    ("Government troops launched an offensive in the western sector of Aleppo tonight.",
     "Aleppo"),
    ("Shelling continued overnight in northern Aleppo, residents said.", "Aleppo"),
    # the object of a territorial verb, also a small town, also in the passive
    ("Rebel fighters captured Mullaittivu after a week of fighting.", "Mullaittivu"),
    ("Armed men patrolled Korangi on Sunday afternoon.", "Korangi"),
    ("Vukovar was captured by the militia after a long siege.", "Vukovar"),
    ("The army began its advance on Manbij at dawn.", "Manbij"),
])
def test_known_place_in_a_place_role_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text,name", [
    # names the gazetteer does not know, kept (unresolved) for their role
    ("Militiamen stormed Umm Marouk before dawn and burned the market.", "Umm Marouk"),
    ("Nkumbi, a village near the border, was burned by the gunmen.", "Nkumbi"),
    ("Guards patrolled the Bukoto railway yard where hundreds had taken shelter.", "Bukoto"),
    ("Jets bombed the Zahrani Military Airport on Friday.", "Zahrani Military Airport"),
    ("Troops recaptured the island of Kerbanu after a short battle.", "Kerbanu"),
    # transliterated names with an ayn or hamza
    ("Artillery hit the village of Ma\u2019arbah at dawn.", "Ma\u2019arbah"),
    ("Two shells landed in the town of Al-\u2018Uqayla overnight.", "Al-\u2018Uqayla"),
])
def test_unknown_name_in_a_place_role_is_found(text: str, name: str) -> None:
    assert name in _names(text)


def test_unknown_name_listed_with_places_is_found() -> None:
    names = _names("Clashes were reported in Homs, Umm Marouk and Hama on Monday.")
    assert {"Homs", "Umm Marouk", "Hama"} <= set(names)


@pytest.mark.parametrize("text,name", [
    # people named like towns, in a person's role
    ("Kakata said the talks had gone well and thanked the voters.", "Kakata"),
    ("Police captured Clark after a short chase. Clark said he was sorry.", "Clark"),
    ("Angela Hill, a spokeswoman for the agency, declined to comment.", "Angela Hill"),
])
def test_person_named_like_a_town_is_not_a_toponym(text: str, name: str) -> None:
    assert name not in _names(text)


@pytest.mark.parametrize("text,word", [
    # capitalised words that are not names of places
    ("This road is closed until Friday because of the flooding.", "This"),
    ("She won the prize after capturing the Best in Show award in Denver.", "Best"),
    ("Investors met in Sochi to discuss the Olympic facilities.", "Olympic"),
    ("We stopped at a Shell gas station on the way to Austin.", "Shell"),
])
def test_capitalised_common_words_are_not_toponyms(text: str, word: str) -> None:
    assert word not in _names(text)


def test_people_listed_with_places_are_not_toponyms() -> None:
    names = _names("The prize went to Jane Doe of Austin and Paul Roe of Dallas.")
    assert "Jane Doe" not in names and "Paul Roe" not in names
    assert {"Austin", "Dallas"} <= set(names)


def test_list_of_people_after_of_is_not_a_list_of_places() -> None:
    names = _names("The trial of Roger Malcom and Dorothy Dorsey opened in Atlanta.")
    assert "Atlanta" in names
    assert not {"Roger Malcom", "Dorothy Dorsey"} & set(names)


def test_person_words_come_from_full_names_and_speech() -> None:
    doc = nlp.load()("Judge Maria Okoro spoke first. Later Tembo said the vote was fair.")
    words = person_words(doc)
    assert "okoro" in words and "tembo" in words


@pytest.mark.parametrize("agent,kept", [("rebel fighters", True), ("police", False)])
def test_capture_by_police_is_of_a_person(agent: str, kept: bool) -> None:
    # a town is captured by fighters; the police capture people
    names = _names(f"Vukovar was captured by {agent} after a long siege.")
    assert ("Vukovar" in names) is kept
