"""Places named inside a containing place, transliteration variants, and a focus that must
not drift to the country of an actor ("US forces") or of a wrongly read namesake."""

from __future__ import annotations

import pytest

from gestae import nlp
from gestae.geo import Geocoder, containment
from gestae.geo.gazetteer import Entry
from gestae.geo.normalize import skeleton
from gestae.geo.toponyms import recognise
from gestae.model import Place


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def places(geo: Geocoder, text: str) -> dict[str, Place]:
    return {p.text: p for p in geo.extract(nlp.load()(text))}


def locate(geo: Geocoder, text: str, trigger: str) -> Place | None:
    doc = nlp.load()(text)
    found = geo.extract(doc)
    start = text.index(trigger)
    return geo.event_location(doc, start, start + len(trigger), found, geo.focus(doc, found))


def entry(name: str, country: str, lat: float, lon: float, feature: str = "city",
          admin1_code: str | None = None) -> Entry:
    return Entry(id=hash((name, lat, lon)) % 10**6, name=name, feature=feature,
                 country=country, admin1=None, admin1_code=admin1_code, lat=lat, lon=lon,
                 geonameid=None, population=1000)


# -- which names are parts of which ---------------------------------------------------------

@pytest.mark.parametrize("text, part, whole", [
    ("Gunmen attacked a hotel in the Lido beach area of Mogadishu.", "Lido beach", "Mogadishu"),
    ("Gunmen stormed a restaurant in Mogadishu's Lido area.", "Lido", "Mogadishu"),
    ("A bomb went off in the Shaab neighbourhood of Baghdad.", "Shaab", "Baghdad"),
    ("Jets struck Dahiyeh, Beirut's southern suburbs, at night.", "Dahiyeh", "Beirut"),
    ("Rebels shelled the village of Qarat Sufan in northern Aleppo.", "Qarat Sufan", "Aleppo"),
    ("Militants burned Ngari village near Maiduguri.", "Ngari", "Maiduguri"),
])
def test_a_part_and_its_container_are_paired(geo: Geocoder, text: str, part: str,
                                             whole: str) -> None:
    doc = nlp.load()(text)
    tops = recognise(doc, geo.gazetteer)
    pairs = {tops[i].text: tops[c.container].text
             for i, c in containment.find(doc, tops).items()}
    assert pairs.get(part) == whole


@pytest.mark.parametrize("text", [
    "Troops moved from Basra to Baghdad on Monday.",
    "Officials in Kabul and Kandahar condemned the attack.",
])
def test_names_merely_side_by_side_are_not_contained(geo: Geocoder, text: str) -> None:
    doc = nlp.load()(text)
    assert containment.find(doc, recognise(doc, geo.gazetteer)) == {}


# -- containment as a constraint ------------------------------------------------------------

def test_inside_a_town_means_close_and_same_country() -> None:
    town = entry("Town", "SOM", 2.04, 45.34)
    assert containment.inside(entry("Quarter", "SOM", 2.10, 45.30), town)
    assert not containment.inside(entry("Far", "SOM", 9.5, 44.0), town)
    assert not containment.inside(entry("Namesake", "USA", 40.6, -73.6), town)
    assert not containment.inside(town, town)


def test_inside_a_region_means_its_admin1() -> None:
    region = entry("Region", "SYR", 36.2, 37.1, "admin1", "SY-02")
    assert containment.inside(entry("Village", "SYR", 36.6, 37.0, admin1_code="SY-02"), region)
    assert not containment.inside(entry("Other", "SYR", 35.0, 36.7, admin1_code="SY-04"),
                                  region)


@pytest.mark.parametrize("text, name", [
    ("Gunmen attacked a hotel in the Lido beach area of Mogadishu on Friday.", "Lido beach"),
    ("Gunmen stormed a restaurant in Mogadishu's Lido area late on Thursday.", "Lido"),
    ("A car bomb exploded in the Shaab neighbourhood of Baghdad, killing 12.", "Shaab"),
])
def test_a_namesake_on_another_continent_is_refused(geo: Geocoder, text: str,
                                                    name: str) -> None:
    found = places(geo, text)
    assert found[name].lat is None  # the gazetteer has no such quarter there
    assert found[name].country in (None, found[next(k for k in found if k != name)].country)


def test_a_part_the_gazetteer_has_inside_the_container_resolves(geo: Geocoder) -> None:
    found = places(geo, "Clashes erupted in the Sadr City district of Baghdad on Monday.")
    assert found["Sadr City"].country == "IRQ" and found["Sadr City"].lat is not None
    # "district" is Sadr City's noun: Baghdad stays the city, not the province
    assert found["Baghdad"].feature == "city"


@pytest.mark.parametrize("text, trigger, part, whole", [
    ("Al Shabaab attacked a hotel in the Lido beach area of Mogadishu.", "attacked",
     "Lido beach", "Mogadishu"),
    ("A car bomb exploded in the Shaab neighbourhood of Baghdad.", "exploded", "Shaab",
     "Baghdad"),
    ("An air strike hit Dahiyeh, Beirut's southern suburbs, on Tuesday.", "hit", "Dahiyeh",
     "Beirut"),
    ("Jets bombed the village of Qarat Sufan in northern Aleppo.", "bombed", "Qarat Sufan",
     "Aleppo"),
    ("Boko Haram fighters killed nine farmers in Ngari village near Maiduguri.", "killed",
     "Ngari", "Maiduguri"),
])
def test_an_event_at_an_unknown_part_is_near_its_container(geo: Geocoder, text: str,
                                                           trigger: str, part: str,
                                                           whole: str) -> None:
    loc = locate(geo, text, trigger)
    assert loc is not None and loc.precision == "near"
    assert loc.text == part and loc.name == whole and loc.lat is not None


# -- transliteration variants ---------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Tell Abiad", "Tall Abyad"),
    ("Maarat al-Numan", "Ma`arrat an Nu`man"),
    ("Beled Weyne", "Beledweyne"),
    ("Dahiyeh", "Dahiya"),
])
def test_skeleton_joins_spellings(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b", [("Homs", "Hama"), ("Kabul", "Kobani"), ("Idlib", "Irbil")])
def test_skeleton_keeps_different_towns_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize("text, name, country", [
    ("Turkish troops entered the town of Tell Abiad in Syria.", "Tell Abiad", "SYR"),
    ("Clashes were reported in the town of Beled Weyne, Somalia.", "Beled Weyne", "SOM"),
    ("A bomb exploded in Baghdad. Turkish troops entered the town of Tell Abiad in Syria.",
     "Tell Abiad", "SYR"),
])
def test_a_variant_resolves_to_the_one_town_in_the_story_country(geo: Geocoder, text: str,
                                                                 name: str,
                                                                 country: str) -> None:
    found = places(geo, text)
    assert found[name].country == country and found[name].lat is not None


def test_a_variant_with_no_town_in_the_story_country_stays_unresolved(geo: Geocoder) -> None:
    # "Ras al-Ain" has skeleton twins in Korea, Argentina and Germany, none in Syria
    found = places(geo, "Kurdish fighters left Ras al-Ain in Syria after the truce.")
    assert "Ras al-Ain" not in found or found["Ras al-Ain"].country in (None, "SYR")


def test_another_spelling_of_a_town_found_is_a_toponym(geo: Geocoder) -> None:
    found = places(geo, "Rebels attacked a checkpoint in Azaz on Sunday. Jets later bombed "
                        "Izaz.")
    assert found["Izaz"].name == found["Azaz"].name


# -- the article's focus --------------------------------------------------------------------

def test_a_country_named_as_an_actor_does_not_make_the_focus(geo: Geocoder) -> None:
    text = ("The U.S. military said U.S. drones had struck the group before. Officials "
            "said the attack in Somalia killed six.")
    doc = nlp.load()(text)
    found = geo.extract(doc)
    focus = geo.focus(doc, found)
    assert focus is not None and focus.country == "SOM"


def test_a_dateline_after_a_headline_is_the_focus(geo: Geocoder) -> None:
    text = ("Gunmen storm hotel\n\nMOGADISHU (Reuters) - Gunmen stormed a hotel on Friday. "
            "Six people were killed before police regained control of the building.")
    loc = locate(geo, text, "killed")
    assert loc is not None and loc.precision == "inferred" and loc.country == "SOM"


def test_an_inferred_place_follows_the_paragraph(geo: Geocoder) -> None:
    text = ("WASHINGTON (Reuters) - A drone strike killed a militant commander in Somalia, "
            "officials said. The strike also wounded two fighters.")
    loc = locate(geo, text, "wounded")
    assert loc is not None and loc.precision == "inferred" and loc.country == "SOM"


def test_the_paragraph_does_not_override_a_focus_it_names(geo: Geocoder) -> None:
    text = ("Police in Kenya arrested two men. Gunmen later killed a guard in Nairobi.\n"
            "Three suspects were detained on Sunday, officials said.")
    loc = locate(geo, text, "detained")
    assert loc is not None and loc.country == "KEN"
