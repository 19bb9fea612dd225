"""Geoparsing reader and scorer on tiny hand-made LGL- and GeoVirus-style files."""

from __future__ import annotations

from pathlib import Path

import pytest

from gestae.evaluate import geoparsing as geo
from gestae.model import DocumentResult, Place

TEXT_A = "Floods hit Springfield and Ohio on Monday."
TEXT_B = "Aid reached Kenya and Africa."

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <dltime>2009-03-20 12:24:52-05</dltime>
    <text><![CDATA[{TEXT_A}]]></text>
    <toponyms>
      <toponym><start>11</start><end>22</end><phrase>Springfield</phrase>
        <gaztag geonameid="100"><name>Springfield</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>39.80</lat><lon>-89.64</lon></gaztag></toponym>
      <toponym><start>27</start><end>31</end><phrase>Ohio</phrase>
        <gaztag geonameid="200"><name>Ohio</name><fclass>A</fclass><fcode>ADM1</fcode>
          <lat>40.25</lat><lon>-83.00</lon></gaztag></toponym>
      <toponym><start>35</start><end>41</end><phrase>Monday</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

# GeoVirus counts offsets from one: Kenya is at 12..17 in Python, written 13..18.
GEOVIRUS = f"""<articles>
  <article>
    <source>https://example.org/x</source>
    <text>{TEXT_B}</text>
    <locations>
      <location><name>Kenya</name><start>13</start><end>18</end>
        <lat>0.5</lat><lon>37.9</lon><page>p</page></location>
      <location><name>Africa</name><start>23</start><end>29</end>
        <lat>2.0</lat><lon>16.0</lon><page>p</page><continent/></location>
    </locations>
  </article>
</articles>
"""


@pytest.fixture
def lgl(tmp_path: Path) -> Path:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    return path


@pytest.fixture
def geovirus(tmp_path: Path) -> Path:
    path = tmp_path / "GeoVirus.xml"
    path.write_text(GEOVIRUS, encoding="utf-8")
    return path


def place(text: str, start: int, name: str | None = None, lat: float | None = None,
          lon: float | None = None, gid: int | None = None, feature: str | None = None
          ) -> Place:
    return Place(text=text, start=start, end=start + len(text), name=name, lat=lat, lon=lon,
                 geonameid=gid, feature=feature)  # type: ignore[arg-type]


def test_read_lgl(lgl: Path) -> None:
    (article,) = geo.read(lgl)
    assert article.id == "a1" and article.date == "2009-03-20"
    assert [t.text for t in article.toponyms] == ["Springfield", "Ohio", "Monday"]
    assert [t.feature for t in article.toponyms] == ["city", "admin1", None]
    assert article.toponyms[0].geonameid == 100
    assert not article.toponyms[2].has_coordinates


def test_read_geovirus_shifts_one_based_offsets(geovirus: Path) -> None:
    (article,) = geo.read(geovirus)
    kenya, africa = article.toponyms
    assert TEXT_B[kenya.start:kenya.end] == "Kenya"
    assert TEXT_B[africa.start:africa.end] == "Africa"
    assert africa.feature == "continent" and kenya.feature is None
    assert article.date is None


def test_haversine() -> None:
    assert geo.haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    assert geo.haversine_km(10, 10, 10, 10) == 0


def test_perfect_predictions(lgl: Path) -> None:
    gold = geo.read(lgl)
    preds = {"a1": [place("Springfield", 11, "Springfield", 39.80, -89.64, 100, "city"),
                    place("Ohio", 27, "Ohio", 40.25, -83.0, 200, "admin1")]}
    m = geo.score(gold, preds).metrics
    assert m["precision"] == 1.0
    assert m["recall"] == pytest.approx(2 / 3)  # Monday is a gold toponym, not predicted
    assert m["accuracy_161km"] == 1.0  # over the 2 gold toponyms with coordinates
    assert m["gold_with_coordinates"] == 2
    assert m["median_error_km"] == 0.0


def test_empty_predictions(lgl: Path) -> None:
    m = geo.score(geo.read(lgl), {}).metrics
    assert m["precision"] == 0.0 and m["recall"] == 0.0 and m["accuracy_161km"] == 0.0
    assert m["median_error_km"] is None


def test_half_right_and_wrong_city(lgl: Path) -> None:
    gold = geo.read(lgl)
    # Springfield resolved to the wrong one (Massachusetts, ~1,500 km away); a spurious place.
    preds = {"a1": [place("Springfield", 11, "Springfield", 42.10, -72.59, 999, "city"),
                    place("Floods", 0, "Floods", 1.0, 1.0, None, "city")]}
    scores = geo.score(gold, preds)
    m = scores.metrics
    assert m["precision"] == 0.5
    assert m["recall"] == pytest.approx(1 / 3)
    assert m["accuracy_161km"] == 0.0  # same name is not enough for a city
    assert m["accuracy_161km_found"] == 0.0
    assert m["median_error_km"] > 1000
    assert scores.misses[("Springfield", "Springfield")] == 1


def test_area_matched_by_name_whatever_centre(lgl: Path) -> None:
    gold = geo.read(lgl)
    # Ohio named alike but placed 300 km off: an admin1 counts as right by name.
    preds = {"a1": [place("Ohio", 27, "Ohio", 42.0, -80.0, None, "admin1")]}
    m = geo.score(gold, preds).metrics
    assert m["accuracy_161km"] == 0.5
    assert m["accuracy_161km_distance_only"] == 0.0


def test_found_without_coordinates_is_wrong(lgl: Path) -> None:
    gold = geo.read(lgl)
    preds = {"a1": [place("Springfield", 11), place("Ohio", 27)]}
    m = geo.score(gold, preds).metrics
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["accuracy_161km"] == 0.0


def test_geovirus_continent_and_country_by_name(geovirus: Path) -> None:
    gold = geo.read(geovirus)
    preds = {"geovirus-0": [place("Kenya", 12, "Kenya", 1.0, 38.0, 192950, "country"),
                            place("Africa", 23, "Africa", 7.0, 21.0, None, "continent")]}
    m = geo.score(gold, preds).metrics
    assert m["precision"] == 1.0 and m["recall"] == 1.0
    assert m["accuracy_161km"] == 1.0


class FakePipeline:
    def __init__(self, places: dict[str, list[Place]]) -> None:
        self.places = places
        self.seen: list[dict] = []

    def extract(self, text=None, *, date=None, id="doc", html=None):
        raise NotImplementedError

    def extract_many(self, articles):
        for item in articles:
            self.seen.append(item)
            yield DocumentResult(id=item["id"], date=item["date"],
                                 places=self.places.get(item["id"], []))


def test_runner_end_to_end(lgl: Path) -> None:
    from gestae.evaluate import REGISTRY

    fake = FakePipeline({"a1": [place("Ohio", 27, "Ohio", 40.25, -83.0, 200, "admin1")]})
    runner, _ = REGISTRY["geoparsing"]
    report = runner(lgl, fake, None)
    assert fake.seen == [{"id": "a1", "text": TEXT_A, "date": "2009-03-20"}]
    assert report.n == 3
    assert report.metrics["accuracy_161km"] == 0.5
    assert report.metrics["errors"] == 0
    assert "accuracy_161km" in report.render()
