"""Places: gazetteer, toponym recognition, resolution, focus and event location."""

from __future__ import annotations

import time
import typing

import pytest

from gestae import nlp as gestae_nlp
from gestae.geo import Geocoder
from gestae.geo.gazetteer import _load, _save, get_gazetteer
from gestae.geo.normalize import key, keys
from gestae.model import Feature, Place


@pytest.fixture(scope="module")
def nlp():
    return gestae_nlp.load()


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


def places_of(nlp, geocoder: Geocoder, text: str) -> tuple[object, list[Place]]:
    doc = nlp(text)
    return doc, geocoder.extract(doc)


def by_text(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text or p.text.startswith(text + " ")]
    assert found, f"{text!r} not among {[p.text for p in places]}"
    return found[0]


def locate(nlp, geocoder: Geocoder, text: str, trigger: str) -> Place | None:
    doc, places = places_of(nlp, geocoder, text)
    focus = geocoder.focus(doc, places)
    start = text.index(trigger)
    return geocoder.event_location(doc, start, start + len(trigger), places, focus)


# --- normalisation and gazetteer -------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("Nasiriya", "Nasiriyah"), ("Diwaniya", "Diwaniyya"), ("Karbala'", "Karbala"),
    ("Dhī Qār", "Dhi Qar"), ("Kerbala", "Kerbalah"),
])
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert key(a) == key(b)


def test_article_and_suffix_are_stripped_for_lookup() -> None:
    assert keys("al-Najaf")[1] == key("Najaf")
    assert keys("Dhi Qar province")[1] == key("Dhi Qar")
    assert keys("Najaf")[1] == ""


def test_gazetteer_is_built_once_and_loads_fast() -> None:
    first = get_gazetteer()
    start = time.perf_counter()
    assert get_gazetteer() is first
    assert time.perf_counter() - start < 0.01


def test_cache_file_round_trip(tmp_path) -> None:
    gaz = get_gazetteer()
    path = tmp_path / "gaz.pkl"
    _save(gaz, path)
    again = _load(path)
    assert again is not None
    assert len(again.entries) == len(gaz.entries)
    assert again.lookup("Nasiriyah")[0][0] == gaz.lookup("Nasiriyah")[0][0]
    assert _load(tmp_path / "missing.pkl") is None


@pytest.mark.parametrize("name,iso3,feature", [
    ("Nasiriyah", "IRQ", "city"), ("Iraq", "IRQ", "country"), ("Dhi Qar", "IRQ", "admin1"),
    ("Texas", "USA", "admin1"), ("U.S.", "USA", "country"), ("Nineveh", "IRQ", "admin1"),
    ("Ivory Coast", "CIV", "country"), ("Kurdistan Region", "IRQ", "region"),
])
def test_gazetteer_has_countries_admin1_cities_and_regions(name: str, iso3: str,
                                                           feature: str) -> None:
    hits = [e for e, _q in get_gazetteer().lookup(name)
            if e.country == iso3 and e.feature == feature]
    assert hits, name
    assert all(e.lat is not None and e.lon is not None for e in hits)


def test_every_country_has_a_plausible_centroid() -> None:
    gaz = get_gazetteer()
    countries = [gaz.entries[i] for i in gaz.countries.values()]
    assert len(countries) > 240
    for entry in countries:
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180
    iraq = gaz.country("IRQ")
    assert iraq is not None and 29 < iraq.lat < 38 and 38 < iraq.lon < 49


def test_continents_and_middle_east_are_known() -> None:
    gaz = get_gazetteer()
    assert any(e.feature == "continent" for e, _q in gaz.lookup("Africa"))
    assert any(e.feature == "region" for e, _q in gaz.lookup("Middle East"))


# --- recognition -----------------------------------------------------------------------------

def test_names_the_model_mislabels_are_found(nlp, geocoder: Geocoder) -> None:
    text = "Protesters were shot in Nasiriya and Diwaniya, and clashes spread to Hilla and Kut."
    _doc, places = places_of(nlp, geocoder, text)
    for name in ("Nasiriya", "Diwaniya", "Hilla", "Kut"):
        place = by_text(places, name)
        assert place.country == "IRQ" and place.feature == "city"
        assert text[place.start:place.end] == name


def test_a_name_found_once_is_a_place_throughout(nlp, geocoder: Geocoder) -> None:
    text = "Police fired on crowds in Kut on Friday. Kut was quiet by the evening."
    _doc, places = places_of(nlp, geocoder, text)
    assert [p.text for p in places].count("Kut") == 2


def test_demonyms_are_not_places(nlp, geocoder: Geocoder) -> None:
    _doc, places = places_of(nlp, geocoder, "Iraqi forces and Iranian militias met Syrian "
                                            "officials.")
    assert places == []


def test_people_and_common_words_are_not_places(nlp, geocoder: Geocoder) -> None:
    text = ("Paris Hilton met Jordan Henderson on Monday. Mobile phones were cut off, "
            "and President Barack Obama spoke.")
    _doc, places = places_of(nlp, geocoder, text)
    assert places == []


def test_unresolvable_name_keeps_offsets_with_null_coordinates(nlp, geocoder: Geocoder) -> None:
    text = "Rebels attacked a convoy in Zzyzxville, officials said."
    _doc, places = places_of(nlp, geocoder, text)
    unresolved = [p for p in places if p.lat is None]
    assert unresolved
    place = unresolved[0]
    assert text[place.start:place.end] == place.text
    assert place.country is None and place.lon is None and place.geonameid is None


def test_places_follow_the_contract(nlp, geocoder: Geocoder) -> None:
    text = ("BAGHDAD (Reuters) - Clashes in Basra and Dhi Qar province spread to Kuwait and "
            "the Middle East, officials in Washington said.")
    _doc, places = places_of(nlp, geocoder, text)
    features = set(typing.get_args(Feature))
    assert len(places) >= 5
    assert [p.start for p in places] == sorted(p.start for p in places)
    for place in places:
        assert place.precision is None
        assert text[place.start:place.end] == place.text
        if place.name is not None:
            assert place.feature in features
            assert place.lat is not None and place.lon is not None
            assert place.country is None or len(place.country) == 3
            assert 0 < place.confidence <= 1


# --- disambiguation --------------------------------------------------------------------------

def test_transliteration_variants_resolve_to_one_place(nlp, geocoder: Geocoder) -> None:
    text = "Crowds gathered in Nasiriya, and later in al-Nasiriyah and An Nasiriyah."
    _doc, places = places_of(nlp, geocoder, text)
    ids = {p.geonameid for p in places}
    assert len(places) == 3 and len(ids) == 1 and None not in ids


def test_al_prefix_names_resolve(nlp, geocoder: Geocoder) -> None:
    _doc, places = places_of(nlp, geocoder, "Pilgrims travelled from Karbala to al-Najaf.")
    assert by_text(places, "al-Najaf").name == "Najaf"


def test_georgia_with_tbilisi_is_the_country(nlp, geocoder: Geocoder) -> None:
    text = "Thousands rallied in Tbilisi as Georgia's parliament met."
    _doc, places = places_of(nlp, geocoder, text)
    georgia = by_text(places, "Georgia")
    assert georgia.country == "GEO" and georgia.feature == "country"


def test_georgia_with_atlanta_is_the_us_state(nlp, geocoder: Geocoder) -> None:
    text = "Police in Atlanta arrested 20 people as protests spread across Georgia."
    _doc, places = places_of(nlp, geocoder, text)
    georgia = by_text(places, "Georgia")
    assert georgia.country == "USA" and georgia.feature == "admin1"


def test_jordan_alone_is_the_country(nlp, geocoder: Geocoder) -> None:
    _doc, places = places_of(nlp, geocoder, "Refugees crossed into Jordan on Monday.")
    assert by_text(places, "Jordan").country == "JOR"


@pytest.mark.parametrize("text,iso3", [
    ("A man was shot dead in Paris, Texas, on Friday.", "USA"),
    ("A man was shot dead in Paris on Friday, police in Houston and Dallas said.", "USA"),
    ("A man was shot dead in Paris on Friday, French police said.", "FRA"),
    ("Protesters marched through Paris and Lyon on Saturday.", "FRA"),
])
def test_paris_follows_context(nlp, geocoder: Geocoder, text: str, iso3: str) -> None:
    _doc, places = places_of(nlp, geocoder, text)
    assert by_text(places, "Paris").country == iso3


def test_demonym_city_pattern_sets_country(nlp, geocoder: Geocoder) -> None:
    text = "Hundreds protested in the Iranian city of Qom on Friday."
    _doc, places = places_of(nlp, geocoder, text)
    qom = by_text(places, "Qom")
    assert qom.country == "IRN" and qom.feature == "city"


def test_city_beats_its_namesake_province_unless_province_is_said(nlp,
                                                                  geocoder: Geocoder) -> None:
    _doc, places = places_of(nlp, geocoder, "Bombs hit Baghdad and Basra province.")
    assert by_text(places, "Baghdad").feature == "city"
    assert by_text(places, "Basra").feature == "admin1"


# --- focus and event location ----------------------------------------------------------------

def test_focus_is_the_dateline(nlp, geocoder: Geocoder) -> None:
    text = "KABUL, Jan 27 (Reuters) - Officials in Iran and Iran's allies said little."
    doc, places = places_of(nlp, geocoder, text)
    focus = geocoder.focus(doc, places)
    assert focus is not None and focus.name == "Kabul" and focus.start == 0


def test_focus_is_the_most_mentioned_country(nlp, geocoder: Geocoder) -> None:
    text = "Iran warned the US. Protests continued in Nasiriyah, Basra and Baghdad."
    doc, places = places_of(nlp, geocoder, text)
    focus = geocoder.focus(doc, places)
    assert focus is not None and focus.country == "IRQ" and focus.feature == "country"
    assert focus.lat is not None


def test_event_in_a_city_is_exact(nlp, geocoder: Geocoder) -> None:
    loc = locate(nlp, geocoder, "Security forces opened fire in Nasiriyah on Sunday.", "opened")
    assert loc is not None and loc.name == "Nasiriyah" and loc.precision == "exact"


def test_event_near_a_city_is_near(nlp, geocoder: Geocoder) -> None:
    loc = locate(nlp, geocoder, "A roadside bomb exploded near Baghdad on Monday.", "exploded")
    assert loc is not None and loc.name == "Baghdad" and loc.precision == "near"
    loc = locate(nlp, geocoder, "A bomb exploded on the outskirts of Kirkuk.", "exploded")
    assert loc is not None and loc.name == "Kirkuk" and loc.precision == "near"


def test_embassy_in_city_locates_in_the_city(nlp, geocoder: Geocoder) -> None:
    loc = locate(nlp, geocoder, "Protesters stormed the US embassy in Baghdad.", "stormed")
    assert loc is not None and loc.name == "Baghdad"


def test_headquarters_in_demonym_city(nlp, geocoder: Geocoder) -> None:
    text = "Sadr supporters rallied at his headquarters in the Iraqi city of al-Najaf."
    loc = locate(nlp, geocoder, text, "rallied")
    assert loc is not None and loc.name == "Najaf" and loc.precision == "exact"


def test_province_is_region_and_country_is_country(nlp, geocoder: Geocoder) -> None:
    loc = locate(nlp, geocoder, "Protesters marched in Dhi Qar province.", "marched")
    assert loc is not None and loc.feature == "admin1" and loc.precision == "region"
    loc = locate(nlp, geocoder, "Turkish jets bombed positions in northern Iraq.", "bombed")
    assert loc is not None and loc.country == "IRQ" and loc.precision == "country"


def test_city_preferred_over_its_province_in_one_phrase(nlp, geocoder: Geocoder) -> None:
    text = "Clashes erupted in Nasiriyah, Dhi Qar province, late on Sunday."
    loc = locate(nlp, geocoder, text, "erupted")
    assert loc is not None and loc.name == "Nasiriyah"


def test_origin_is_not_a_location(nlp, geocoder: Geocoder) -> None:
    assert locate(nlp, geocoder, "A cab driver from Abidjan was shot dead.", "shot") is None
    text = "The bomber, who came from Mosul, blew himself up in Tikrit."
    loc = locate(nlp, geocoder, text, "blew")
    assert loc is not None and loc.name == "Tikrit"


def test_dateline_gives_an_inferred_location(nlp, geocoder: Geocoder) -> None:
    text = "BAGHDAD (Reuters) - A suicide bomber killed four people, police said."
    loc = locate(nlp, geocoder, text, "killed")
    assert loc is not None and loc.name == "Baghdad" and loc.precision == "inferred"


def test_without_a_place_in_the_sentence_the_focus_is_inferred(nlp, geocoder: Geocoder) -> None:
    text = "Protests spread across Iraq. Later, two men were arrested."
    loc = locate(nlp, geocoder, text, "arrested")
    assert loc is not None and loc.country == "IRQ" and loc.precision == "inferred"


def test_event_location_is_a_copy(nlp, geocoder: Geocoder) -> None:
    text = "Security forces opened fire in Nasiriyah on Sunday."
    doc, places = places_of(nlp, geocoder, text)
    start = text.index("opened")
    loc = geocoder.event_location(doc, start, start + 6, places, geocoder.focus(doc, places))
    assert loc is not None and loc.precision == "exact"
    assert all(p.precision is None for p in places)


def test_preferred_reading_yields_to_context(nlp, geocoder: Geocoder) -> None:
    _doc, places = places_of(nlp, geocoder, "Officials in Washington denied the report.")
    assert by_text(places, "Washington").feature == "city"
    _doc, places = places_of(nlp, geocoder, "Police in Seattle, Washington, arrested 20.")
    assert by_text(places, "Washington").feature == "admin1"
