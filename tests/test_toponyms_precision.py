"""Names that look like places but are not (people, time zones, groups, name fragments), and
unknown names that what follows them places."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo.filters import not_a_place
from gestae.geo.gazetteer import get_gazetteer
from gestae.geo.toponyms import recognise


def _names(text: str) -> list[str]:
    return [t.text for t in recognise(nlp.load()(text), get_gazetteer())]


@pytest.mark.parametrize("text,name", [
    # an age or a title before the name
    ("The 31-year-old Morales was detained at the border crossing.", "Morales"),
    ("Gen. Taylor ordered the troops to withdraw before dawn.", "Taylor"),
    ("President Mandela opened the new hospital on Monday.", "Mandela"),
    # a clause that only a person takes
    ("Alliance, who had fled the country in 2004, was sentenced in absentia.", "Alliance"),
    ("Police captured Johnson, dressed in a grey coat, outside a cafe.", "Johnson"),
    # the subject of a speech verb
    ("Sassi told reporters that the convoy had been stopped twice.", "Sassi"),
    # a passive capture whose agent is the police
    ("Santacruz was captured by police after a long manhunt.", "Santacruz"),
])
def test_person_named_like_a_place_is_not_a_toponym(text: str, name: str) -> None:
    assert name not in _names(text)


@pytest.mark.parametrize("text,name", [
    ("The raid began at 5 a.m. Moscow time on Tuesday.", "Moscow"),
    ("The shelling stopped at 9:30 (Damascus time) after talks.", "Damascus"),
])
def test_time_zone_is_not_a_toponym(text: str, name: str) -> None:
    assert name not in _names(text)


@pytest.mark.parametrize("text,name", [
    # demonyms and the words of faiths before a noun
    ("An explosion near the Thai border killed two soldiers.", "Thai"),
    ("A mortar hit a Shia neighbourhood late on Friday.", "Shia"),
    # a group's initials in running text, with or without its members
    ("Three SLA militiamen were wounded by a roadside bomb.", "SLA"),
    ("The attack was blamed on ETA by the interior ministry.", "ETA"),
    # a group's name with its initials in brackets
    ("Hundreds of fighters joined Daesh (ISIS) that year.", "Daesh"),
    # a politician's followers
    ("Morsi supporters marched through the centre of the city.", "Morsi"),
])
def test_group_or_people_word_is_not_a_toponym(text: str, name: str) -> None:
    assert name not in _names(text)


def test_split_hyphenated_name_is_taken_whole() -> None:
    names = _names("Gunmen attacked a checkpoint in northern Sar-e Pol Province overnight.")
    assert "Sar" not in names
    assert any(n.startswith("Sar-e Pol") for n in names)


def test_hyphen_joined_city_name_is_whole() -> None:
    names = _names("The fighters advanced on Mazar-i-Sharif from the west.")
    assert "Mazar-i-Sharif" in names


@pytest.mark.parametrize("text,name", [
    # places that read as places in the same frames stay places
    ("The government in Ankara said the border would stay closed.", "Ankara"),
    ("Residents of Aleppo said the bombing went on all night.", "Aleppo"),
    ("Trucks crossed the Syria-Iraq border at dawn.", "Syria"),
    ("Two soldiers died in the Congo, who lost many men that year.", "Congo"),
])
def test_places_in_similar_frames_are_kept(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text,name", [
    # an unknown name after a bare "in/at/near" placed inside or near a known place
    ("A roadside bomb went off in Qarabeit in northern Iraq on Sunday.", "Qarabeit"),
    ("Gunmen opened fire at Kolomboro in Kaduna State, killing four.", "Kolomboro"),
    ("A mine exploded near Tallamiya, 40 kilometres south of Baghdad.", "Tallamiya"),
])
def test_unknown_name_placed_by_a_known_place_is_found(text: str, name: str) -> None:
    assert name in _names(text)


def test_organisation_after_at_is_not_placed() -> None:
    names = _names("She has worked at the Ministry of Health in Nairobi since 2010.")
    assert "Ministry of Health" not in names and "Nairobi" in names


def test_not_a_place_keeps_a_country_with_a_person_clause() -> None:
    doc = nlp.load()("Iraq, whose army had retreated, asked for help.")
    assert not not_a_place(doc[0:1], get_gazetteer())


def test_a_lower_case_description_is_no_toponym() -> None:
    """The parser may label "the west coast" a location; written in lower case it describes
    a part of a place and names none."""
    names = _names("Navy boats will patrol Sri Lanka's west coast to stop arms smuggling.")
    assert "Sri Lanka" in names
    assert "west coast" not in names
