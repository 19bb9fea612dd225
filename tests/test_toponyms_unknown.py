"""Place names the gazetteer does not know, recognised by their form or their role: a toponym
word of the region opening them, a facility or feature word closing them, an area word after
them, a naming word before them, or an event's preposition governing them."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo.gazetteer import get_gazetteer
from gestae.geo.lexicon import lead_words
from gestae.geo.toponyms import Toponym, recognise


def _toponyms(text: str) -> list[Toponym]:
    return recognise(nlp.load()(text), get_gazetteer())


def _names(text: str) -> list[str]:
    return [t.text for t in _toponyms(text)]


def test_lead_words_are_data() -> None:
    words = lead_words()
    assert words["kafr"] is False and words["jabal"] is False
    assert words["khan"] is True  # a surname too: only before an Arabic article


@pytest.mark.parametrize("text,name", [
    ("The militants pulled back from Kafr Zeituna after two days of shelling.", "Kafr Zeituna"),
    ("Troops took up positions on Jabal al-Ahmar overnight.", "Jabal al-Ahmar"),
    ("Two soldiers died when a mine went off near Tal Rumman.", "Tal Rumman"),
    ("Residents of Deir Mousa said the water had been cut.", "Deir Mousa"),
    ("Gunmen killed four farmers in Birnin Dutse on Monday.", "Birnin Dutse"),
    ("Heavy fighting was reported around Khan al-Rihan.", "Khan al-Rihan"),
])
def test_name_opened_by_a_toponym_word(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "Imran Khan addressed the rally in the evening.",
    "Khan Mohammad told reporters the talks would go on.",
    "Fighters of the Jabal Zawiya Brigade claimed the attack.",
])
def test_toponym_word_inside_a_person_or_group_name_is_no_place(text: str) -> None:
    assert not any(t.label == "LEAD" for t in _toponyms(text))


@pytest.mark.parametrize("text,name", [
    ("Insurgents stormed the Zuhairat Hospital on Wednesday afternoon.", "Zuhairat Hospital"),
    ("The bomb struck the Al-Nour Checkpoint, killing two guards.", "Al-Nour Checkpoint"),
    ("A blast hit a bus stop on the al-Rashid Street at noon.", "al-Rashid Street"),
    ("Soldiers recaptured Bogan Hill after a day of fighting.", "Bogan Hill"),
])
def test_name_closed_by_a_facility_or_feature_word(text: str, name: str) -> None:
    assert name in _names(text)


def test_person_named_like_a_hill_stays_a_person() -> None:
    assert not any("Hill" in n for n in _names("Lauryn Hill sang two songs at the gala."))


@pytest.mark.parametrize("text,name", [
    ("Gunmen killed twelve people in Okpokwu Local Government Area on Sunday.", "Okpokwu"),
    ("Herdsmen attacked three villages in Gbajimba LGA of the state.", "Gbajimba"),
    ("Bandits invaded villages in the Udege local council, killing six.", "Udege"),
])
def test_local_government_areas(text: str, name: str) -> None:
    assert any(name in n for n in _names(text))


@pytest.mark.parametrize("text,names", [
    ("Jets struck the Hamdan and Karm Tarrab districts overnight.", ["Hamdan", "Karm Tarrab"]),
    ("Fighting spread to the Zubdiya, Bustan Qasr and Salhin districts.",
     ["Zubdiya", "Bustan Qasr", "Salhin"]),
])
def test_names_listed_before_a_plural_place_noun(text: str, names: list[str]) -> None:
    found = _names(text)
    assert all(n in found for n in names)


@pytest.mark.parametrize("text,name", [
    ("The attack took place in a village called Warrabi, far from the road.", "Warrabi"),
    ("The rebels seized two areas known as Dabbagha and Qutaifa.", "Dabbagha"),
    ("In villages like Holarua and Maubara the militias burned houses.", "Holarua"),
])
def test_name_after_a_naming_word(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text,name", [
    ("Dozens of fighters were killed in the battle for Zumlaka.", "Zumlaka"),
    ("Government forces withdrew from Maarzaf late on Friday.", "Maarzaf"),
    ("The rebels launched a fresh offensive on Tirmanin at dawn.", "Tirmanin"),
])
def test_unknown_name_in_an_event_place_role(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "Three men were killed in Operation Lightning Strike last year.",
    "The lawmakers withdrew from the Paris Agreement talks.",
    "He said he would fight for Justice and Development.",
])
def test_event_role_does_not_take_operations_or_bodies(text: str) -> None:
    names = _names(text)
    assert not any(n in {"Operation Lightning Strike", "Lightning Strike", "Justice"}
                   for n in names)


def test_ayn_written_as_a_quote_mark_is_part_of_the_name() -> None:
    names = _names("Troops shelled the village of \u2018Aqraba near the river.")
    assert "\u2018Aqraba" in names


def test_town_before_a_weekday_that_ner_joined_to_it() -> None:
    assert "Goma" in _names("Military police patrolled Goma Thursday, witnesses said.")


def test_possessive_with_a_town_noun_is_a_cue() -> None:
    assert "Grozny" in _names("Grozny's streets were heavily patrolled after the blast.")
