"""Place names the gazetteer does not know, round 2: names after a compass word in a place's
phrase, names taken from someone, one-word names spaCy mislabels in an event's place role;
and the people, peoples and groups that such roles must not make places."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo.gazetteer import get_gazetteer
from gestae.geo.toponyms import Toponym, recognise


def _toponyms(text: str) -> list[Toponym]:
    return recognise(nlp.load()(text), get_gazetteer())


def _names(text: str) -> list[str]:
    return [t.text for t in _toponyms(text)]


@pytest.mark.parametrize("text,name", [
    ("Shelling went on for a week in eastern Zoubaya, local sources said.", "Zoubaya"),
    ("A car bomb went off at a checkpoint in western Khattab.", "Khattab"),
    ("Rockets fell on a market in central Marouka in the afternoon.", "Marouka"),
])
def test_name_after_a_compass_word_in_a_place_phrase(text: str, name: str) -> None:
    assert name in _names(text)


def test_compass_word_after_an_article_is_a_description() -> None:
    assert "Baptist" not in _names("He spoke to the southern Baptist convention in May.")


@pytest.mark.parametrize("text,name", [
    ("The army and its allies tried to capture Bayyanoun from the rebels.", "Bayyanoun"),
    ("Government troops seized Hazrouna from the militants after a long siege.", "Hazrouna"),
])
def test_name_taken_from_someone(text: str, name: str) -> None:
    assert name in _names(text)


def test_person_taken_from_a_home_stays_a_person() -> None:
    assert "Hamdi" not in _names("Police captured Hamdi from his home before dawn.")


@pytest.mark.parametrize("text,name", [
    ("Soldiers shot dead eleven people at Kibeho, where a camp was closed.", "Kibeho"),
    ("Police officers were patrolling Korangi Saturday afternoon.", "Korangi"),
])
def test_mislabelled_one_word_name_in_a_place_role(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text,name", [
    ("A gunman shot at Mengistu, missing him, and was wounded by the guards.", "Mengistu"),
    ("The attack on Gayoom happened soon after he arrived at the meeting.", "Gayoom"),
    ("We were shooting at Croats and Muslims on a front line not far away.", "Muslims"),
    ("Car bombs hit several mostly Shi'i neighbourhoods, killing 18 people.", "Shi'i"),
    ("Gunmen began seizing people in the town, including Fadi al-Qesh, a commander.",
     "Fadi al-Qesh"),
])
def test_person_or_people_in_an_event_role_is_no_place(text: str, name: str) -> None:
    assert name not in _names(text)


def test_list_member_does_not_take_a_date_role() -> None:
    text = "Two men were held in November 2001 and Habib, a citizen of Australia, later."
    assert "Habib" not in _names(text)


def test_people_word_before_a_local_name_is_left_out() -> None:
    text = "Rockets hit the strategic district near the mostly Kurdish Sheikh Faris Quarter."
    names = _names(text)
    assert "Sheikh Faris Quarter" in names
    assert not any(n.startswith("Kurdish") for n in names)


def test_ayn_before_a_toponym_word_opens_the_name() -> None:
    text = "The army is now attacking the last positions in \u2018Ayn Al-Zarqa, officials said."
    assert "\u2018Ayn Al-Zarqa" in _names(text)


def test_large_town_named_like_a_word_where_an_event_happens() -> None:
    assert "Nice" in _names("Hundreds of farmers demonstrated in Nice Saturday.")


@pytest.mark.parametrize("text,word", [
    ("Thousands rallied in the fight for Independence from the crown.", "Independence"),
    ("He was killed in March in an ambush near the border.", "March"),
    ("It was a nice day when the protesters marched.", "nice"),
])
def test_word_named_like_a_town_stays_a_word(text: str, word: str) -> None:
    assert word not in _names(text)


@pytest.mark.parametrize("text,name", [
    ("The jihadists attacked the town today, targeting the strategic Al-Farouk Hospital.",
     "Al-Farouk Hospital"),
    ("Two bombs exploded at a crowded bus stop at the Sharon Junction, killing 19 people.",
     "Sharon Junction"),
])
def test_building_where_an_event_happened(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "The wounded were taken to Mercy Memorial Hospital after the attack.",
    "A doctor at Mercy Hospital said the attack killed four.",
])
def test_building_only_mentioned_is_no_place(text: str) -> None:
    assert not any("Hospital" in n for n in _names(text))


def test_place_noun_in_apposition() -> None:
    assert "Malir" in _names("Gunmen opened fire on worshippers in Malir, a poor area of the city.")


def test_capitalised_place_noun_ends_a_name_not_an_apposition() -> None:
    text = "A bomb went off in the Shibbis District, privately-owned Radio Risala reported."
    assert "Radio Risala" not in _names(text)
