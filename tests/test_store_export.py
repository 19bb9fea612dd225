"""Exports of stored events: PLOVER JSONL, ACLED CSV, GDELT TSV, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from gestae.model import Actor, Casualties, Count, Event, Evidence, Place
from gestae.store import export as ex


def _evidence(text: str, trigger: str, rule: str, start: int = 0) -> Evidence:
    i = text.index(trigger)
    return Evidence(text=text, start=start, end=start + len(text), trigger=trigger,
                    trigger_start=start + i, trigger_end=start + i + len(trigger), rule=rule)


def _stored(event: Event, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """An event as the store returns it: the contract dict plus sources and n_articles."""
    out = event.to_dict()
    out["sources"] = sources
    out["n_articles"] = len(sources)
    return out


def _source(aid: str, name: str, date: str, evidence: str) -> dict[str, Any]:
    return {"article_id": aid, "source": name, "url": f"https://news.example/{aid}",
            "date": date, "evidence": evidence}


PROTEST_TEXT = ("Police opened fire on demonstrators in Nasiriyah on Sunday, killing three and "
                "wounding 50.")
STRIKE_TEXT = "Turkish warplanes bombed villagers in the mountains last month."
MEETING_TEXT = "The French foreign minister met his Iranian counterpart in Paris on Monday."
CLASH_TEXT = "Hezbollah fighters\tclashed with Israeli troops near the border this week."


def protest_iraq() -> dict[str, Any]:
    """State force against protesters in Iraq, two sources that disagree on the dead."""
    event = Event(
        event_id="a1b2c3d4e5f60718", type="ASSAULT",
        evidence=_evidence(PROTEST_TEXT, "opened fire", "assault.open_fire"),
        mode="firearms",
        source=[Actor("Police", 0, 6, name="Iraq police", country="IRQ", sector="COP",
                      kind="group", id="role/police/IRQ")],
        target=[Actor("Iraq", 0, 0, name="Iraq", country="IRQ", sector="GOV", kind="state",
                      id="country/IRQ"),
                Actor("demonstrators", 24, 37, name="demonstrators", country="IRQ",
                      sector="CVL", kind="group", id="role/protesters/IRQ", inferred=True)],
        date="2020-01-26", date_precision="day",
        location=Place("Nasiriyah", 41, 50, name="Nasiriyah", country="IRQ",
                       admin1="Dhī Qār", lat=31.058, lon=46.257, geonameid=98854,
                       feature="city", precision="exact", confidence=0.9),
        casualties=Casualties(
            killed=Count(low=3, best=3, high=3, text="killing three"),
            injured=Count(low=50, best=50, high=50, text="wounding 50"),
            reported=[{"role": "killed", "value": 3, "low": None, "high": None,
                       "text": "three", "source": None, "start": 0, "end": 5},
                      {"role": "killed", "value": 2, "low": None, "high": None,
                       "text": "two", "source": "the ministry", "start": 9, "end": 12}]),
        cameo_root="19", quad_class=4, intensity=-9.0,
        acled_event_type="Protests", acled_sub_event_type="Excessive force against protesters",
        confidence=0.9)
    return _stored(event, [
        _source("art-1", "Reuters", "2020-01-27", PROTEST_TEXT),
        _source("art-2", "AP", "2020-01-27", "Two protesters were killed, the ministry said."),
    ])


def air_strike_no_location() -> dict[str, Any]:
    """A foreign air strike on civilians, dated only to the month, with no place."""
    event = Event(
        event_id="0f0e0d0c0b0a0908", type="ASSAULT",
        evidence=_evidence(STRIKE_TEXT, "bombed", "assault.strike", start=400),
        mode="aerial",
        source=[Actor("Turkish warplanes", 0, 17, name="Turkey warplanes", country="TUR",
                      sector="MIL", kind="group", id="role/military/TUR")],
        target=[Actor("villagers", 25, 34, name="villagers", country="IRQ", sector="CVL",
                      kind="group", inferred=True)],
        date="2020-01", date_precision="month",
        casualties=Casualties(killed=Count(text="an unknown number", unknown=True)),
        cameo_root="19", quad_class=4, intensity=-10.0,
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        confidence=0.7)
    return _stored(event, [_source("art-3", "Rudaw", "2020-02-10", STRIKE_TEXT)])


def meeting_paris() -> dict[str, Any]:
    """A diplomatic meeting: no ACLED type."""
    event = Event(
        event_id="93d59ea3c287b1a2", type="CONSULT",
        evidence=_evidence(MEETING_TEXT, "met", "consult.meet"),
        source=[Actor("The French foreign minister", 0, 27, name="France foreign minister",
                      country="FRA", sector="GOV", kind="person", id="role/official/FRA")],
        target=[Actor("his Iranian counterpart", 32, 55, name="Iran counterpart",
                      country="IRN")],
        date="2020-01-27", date_precision="day",
        location=Place("Paris", 59, 64, name="Paris", country="FRA", admin1="Île-de-France",
                       lat=48.853, lon=2.349, geonameid=2988507, feature="city",
                       precision="exact"),
        cameo_root="04", quad_class=1, intensity=2.5, confidence=0.8)
    return _stored(event, [_source("art-4", "AFP", "2020-01-27", MEETING_TEXT)])


def border_clash() -> dict[str, Any]:
    """Two-sided fighting between actors of two countries, dated to a week."""
    event = Event(
        event_id="not-a-hex-id", type="ASSAULT",
        evidence=_evidence(CLASH_TEXT, "clashed", "assault.clash"),
        source=[Actor("Hezbollah fighters", 0, 18, name="Hezbollah", country="LBN",
                      sector="REB", kind="organisation", id="org/hezbollah"),
                Actor("Israeli troops", 32, 46, name="Israel\ttroops", country="ISR",
                      sector="MIL", kind="group", id="role/military/ISR")],
        date="2020-W04", date_precision="week",
        location=Place("the border", 52, 62, name="Nabatieh", country="LBN",
                       admin1="Nabatîyé", lat=33.37, lon=35.48, feature="admin1",
                       precision="region"),
        casualties=Casualties(killed=Count(low=2, best=4, high=None, text="two to four")),
        cameo_root="19", quad_class=4, intensity=-9.0,
        acled_event_type="Battles", acled_sub_event_type="Armed clash", confidence=0.6)
    return _stored(event, [_source("art-5", "Al Jazeera", "2020-01-25", CLASH_TEXT)])


def all_events() -> list[dict[str, Any]]:
    return [protest_iraq(), air_strike_no_location(), meeting_paris(), border_clash()]


# --------------------------------------------------------------------------- tables


def test_country_tables_agree() -> None:
    table = ex.countries()
    iraq = table["IRQ"]
    assert (iraq.iso2, iraq.numeric, iraq.fips, iraq.region) == ("IQ", 368, "IZ", "Middle East")
    assert table["COD"].name == "Democratic Republic of Congo"
    regions = ex._yaml("acled_countries.yaml")["regions"]
    listed = [c for codes in regions.values() for c in codes]
    assert len(listed) == len(set(listed)), "a country in two ACLED regions"
    assert set(listed) <= set(table)


def test_gdelt_columns_are_the_61_gdelt_fields() -> None:
    cols = ex.gdelt_columns()
    assert len(cols) == 61
    assert cols[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert cols[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                           "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                           "NumArticles", "AvgTone")
    assert cols[-2:] == ("DATEADDED", "SOURCEURL")


def test_conservative_fatalities_takes_the_lowest_credible_figure() -> None:
    assert ex.conservative_fatalities(protest_iraq()) == 2
    assert ex.conservative_fatalities(border_clash()) == 2
    assert ex.conservative_fatalities(air_strike_no_location()) == 0
    assert ex.conservative_fatalities(meeting_paris()) == 0
    vague = {"casualties": {"killed": {"low": None, "best": 12, "high": None}}}
    assert ex.conservative_fatalities(vague) == 12


# --------------------------------------------------------------------------- PLOVER


def test_plover_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert ex.export(iter(all_events()), "plover-jsonl", out) == 4
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [e["event_id"] for e in all_events()]
    protest = records[0]
    assert protest["event"] == ["ASSAULT"] and protest["mode"] == ["firearms"]
    assert protest["date"] == "2020-01-26" and "enddate" not in protest
    police = protest["actor"][0]
    assert (police["code"], police["sector"], police["country_name"]) == ("IRQ", "COP", "Iraq")
    assert police["entity_text"] == "Police" and police["identifier_id"] == "role/police/IRQ"
    assert [r["sector"] for r in protest["recipient"]] == ["GOV", "CVL"]
    loc = protest["event_loc"]
    assert (loc["resolved_place"], loc["country_code"], loc["country"]) == (
        "Nasiriyah", "IRQ", "Iraq")
    assert (loc["geonameid"], loc["feature_class"], loc["resolution"]) == (98854, "P", 4)
    assert (protest["quad_code"], protest["event_scale"]) == (4, -9.0)
    assert (protest["dead"], protest["injured"]) == (3, 50) and "arrested" not in protest
    assert protest["source_urls"] == ["https://news.example/art-1",
                                      "https://news.example/art-2"]
    assert len(protest["event_text"]) == 2 and protest["n_articles"] == 2
    assert protest["cite_info"]["publication"] == "Reuters"
    assert protest["evidence"]["rule"] == "assault.open_fire"
    strike = records[1]
    assert strike["event_loc"] is None
    assert (strike["date"], strike["enddate"]) == ("2020-01-01", "2020-01-31")
    clash = records[3]
    assert (clash["date"], clash["enddate"]) == ("2020-01-20", "2020-01-26")
    assert [a["code"] for a in clash["actor"]] == ["LBN", "ISR"] and clash["recipient"] == []


# --------------------------------------------------------------------------- ACLED


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_acled_csv(tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    assert ex.export(all_events(), "acled-csv", out) == 3  # the meeting is not ACLED's
    header, rows = _read_csv(out)
    assert header == list(ex.ACLED_COLUMNS)
    protest, strike, clash = rows

    assert protest["event_id_cnty"] == "IRQa1b2c3d4e5f60718"
    assert (protest["event_date"], protest["year"], protest["time_precision"]) == (
        "2020-01-26", "2020", "1")
    assert protest["disorder_type"] == "Political violence; Demonstrations"
    assert (protest["actor1"], protest["inter1"]) == ("Police Forces of Iraq", "1")
    # whole states are named last: the protesters are actor2, the state (in political
    # violence, its military) an associated actor
    assert (protest["actor2"], protest["inter2"]) == ("Protesters (Iraq)", "6")
    assert protest["assoc_actor_2"] == "Military Forces of Iraq"
    assert protest["interaction"] == "16" and protest["civilian_targeting"] == ""
    assert (protest["iso"], protest["region"], protest["country"]) == (
        "368", "Middle East", "Iraq")
    assert (protest["admin1"], protest["location"]) == ("Dhī Qār", "Nasiriyah")
    assert float(protest["latitude"]) == pytest.approx(31.058)
    assert protest["geo_precision"] == "1"
    assert protest["source"] == "Reuters; AP"
    assert PROTEST_TEXT in protest["notes"] and "ministry" in protest["notes"]
    assert protest["fatalities"] == "2"

    assert strike["event_id_cnty"].startswith("IRQ")  # country from the actors
    assert (strike["event_date"], strike["time_precision"]) == ("2020-01-16", "3")
    assert strike["disorder_type"] == "Political violence"
    assert (strike["actor1"], strike["inter1"]) == ("Military Forces of Turkey", "8")
    assert (strike["actor2"], strike["inter2"]) == ("Civilians (Iraq)", "7")
    assert strike["interaction"] == "78"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == ("", "", "3")
    assert strike["fatalities"] == "0"

    assert (clash["actor1"], clash["inter1"]) == ("Hezbollah", "2")
    assert (clash["actor2"], clash["inter2"]) == ("Military Forces of Israel", "8")
    assert clash["interaction"] == "28" and clash["time_precision"] == "2"
    assert (clash["country"], clash["geo_precision"]) == ("Lebanon", "2")


def test_acled_skips_what_acled_would_not_code() -> None:
    negated = {**protest_iraq(), "negated": True}
    future = {**protest_iraq(), "modality": "future"}
    historical = {**protest_iraq(), "modality": "historical"}
    assert ex.acled_row(negated) is None and ex.acled_row(future) is None
    assert ex.acled_row(meeting_paris()) is None
    assert ex.acled_row(historical) is not None


def test_acled_stand_in_actors_for_a_protest_with_no_crowd_named() -> None:
    event = {**protest_iraq(), "source": [], "target": [],
             "acled_event_type": "Protests", "acled_sub_event_type": "Peaceful protest"}
    row = ex.acled_row(event)
    assert row is not None
    assert (row["actor1"], row["inter1"], row["actor2"]) == ("Protesters (Iraq)", 6, "")
    assert row["interaction"] == "60" and row["disorder_type"] == "Demonstrations"


def test_acled_protesters_lead_a_protest_with_intervention() -> None:
    people = {"text": "people", "name": "people", "sector": "CVL", "country": "IRQ"}
    event = {**protest_iraq(), "target": [people], "acled_event_type": "Protests",
             "acled_sub_event_type": "Protest with intervention"}
    row = ex.acled_row(event)
    assert row is not None
    assert (row["actor1"], row["actor2"], row["interaction"]) == (
        "Protesters (Iraq)", "Police Forces of Iraq", "16")
    mourners = {**people, "text": "mourners", "name": "mourners"}
    march = {**event, "source": [mourners], "target": [],
             "acled_sub_event_type": "Peaceful protest"}
    row = ex.acled_row(march)
    assert row is not None and (row["actor1"], row["inter1"]) == ("Protesters (Iraq)", 6)
    riot = {**march, "acled_event_type": "Riots",
            "acled_sub_event_type": "Violent demonstration"}
    row = ex.acled_row(riot)
    assert row is not None and (row["actor1"], row["interaction"]) == ("Rioters (Iraq)", "50")


def test_a_whole_state_acts_through_its_military_in_violence() -> None:
    iran = {"text": "Iran", "name": "Iran", "country": "IRN", "kind": "state", "sector": None}
    assert ex.acled_actor(iran, "IRQ", violent=True) == ex.AcledActor(
        "Military Forces of Iran", 8)
    assert ex.acled_actor(iran, "IRQ").name == "Government of Iran"
    usa = {**iran, "text": "US", "name": "United States", "country": "USA"}
    assert ex.acled_actor(usa, "IRQ", violent=True).name == "Military Forces of the United States"


def test_acled_actor_naming() -> None:
    unnamed = {"text": "gunmen", "name": "gunmen", "sector": "UAF", "country": None}
    assert ex.acled_actor(unnamed, "NGA").name == "Unidentified Armed Group (Nigeria)"
    assert ex.acled_actor(unnamed, None).name == "Unidentified Armed Group"
    journalist = {"text": "a reporter", "name": "reporter", "sector": "JRN", "country": "MEX"}
    coded = ex.acled_actor(journalist, "MEX")
    assert (coded.name, coded.inter, coded.assoc) == (
        "Civilians (Mexico)", 7, ("Journalists (Mexico)",))
    un = {"text": "UN peacekeepers", "name": "United Nations", "code": "UNO", "sector": "MIL"}
    assert (ex.acled_actor(un, "MLI").name, ex.acled_actor(un, "MLI").inter) == (
        "United Nations", 8)


# --------------------------------------------------------------------------- GDELT


def test_gdelt_tsv(tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert ex.export(all_events(), "gdelt-tsv", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == list(ex.gdelt_columns())
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    protest, strike, meeting, clash = rows

    assert meeting["GlobalEventID"] == str(int("93d59ea3c287b1a", 16))
    assert (meeting["Day"], meeting["MonthYear"], meeting["Year"]) == (
        "20200127", "202001", "2020")
    assert meeting["FractionDate"] == "2020.0712"
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor1Type1Code"]) == (
        "FRAGOV", "FRA", "GOV")
    assert (meeting["Actor2Code"], meeting["Actor2Type1Code"]) == ("IRN", "")
    assert (meeting["EventCode"], meeting["EventBaseCode"], meeting["EventRootCode"]) == (
        "040", "040", "04")
    assert (meeting["QuadClass"], meeting["GoldsteinScale"]) == ("1", "2.5")
    assert (meeting["ActionGeo_Type"], meeting["ActionGeo_CountryCode"]) == ("4", "FR")
    assert meeting["ActionGeo_FullName"] == "Paris, Île-de-France, France"
    assert meeting["ActionGeo_FeatureID"] == "2988507"
    assert (meeting["DATEADDED"], meeting["SOURCEURL"]) == (
        "20200127000000", "https://news.example/art-4")
    assert meeting["AvgTone"] == "" and meeting["IsRootEvent"] == "1"

    assert (protest["NumMentions"], protest["NumSources"], protest["NumArticles"]) == (
        "2", "2", "2")
    assert protest["ActionGeo_ADM1Code"] == "IZ09"  # FIPS country + GeoNames admin1
    assert protest["Actor2Type1Code"] == "GOV"  # first target as given
    assert strike["ActionGeo_Lat"] == "" and strike["IsRootEvent"] == "0"
    assert strike["Actor1Code"] == "TURMIL"
    # two-sided fighting: the second party is Actor2; a tab in a name does not add a column
    assert (clash["Actor1Name"], clash["Actor2Name"]) == ("Hezbollah", "Israel troops")
    assert clash["Actor2CountryCode"] == "ISR"
    assert clash["GlobalEventID"].isdigit() and int(clash["GlobalEventID"]) < 2**63


def test_gdelt_types_for_journalists_and_health_workers() -> None:
    event = meeting_paris()
    event["source"] = [{"name": "reporters", "country": "SYR", "sector": "JRN",
                        "sectors": ["MED"]}]
    row = ex.gdelt_row(event)
    assert (row["Actor1Code"], row["Actor1Type1Code"], row["Actor1Type2Code"]) == (
        "SYRMED", "MED", "HLH")


# --------------------------------------------------------------------------- GeoJSON


def test_geojson(tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    assert ex.export(all_events(), "geojson", out) == 3  # the air strike has no place
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    ids = [f["properties"]["event_id"] for f in doc["features"]]
    assert ids == ["a1b2c3d4e5f60718", "93d59ea3c287b1a2", "not-a-hex-id"]
    protest = doc["features"][0]
    assert protest["geometry"] == {"type": "Point", "coordinates": [46.257, 31.058]}
    props = protest["properties"]
    assert (props["killed"], props["injured"], props["fatalities"]) == (3, 50, 2)
    assert (props["country"], props["country_name"], props["precision"]) == (
        "IRQ", "Iraq", "exact")
    assert props["acled_sub_event_type"] == "Excessive force against protesters"
    assert props["n_articles"] == 2 and PROTEST_TEXT in props["evidence"]
    assert all(not isinstance(v, (dict, list)) for v in props.values())


# --------------------------------------------------------------------------- Parquet


def test_parquet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ex, "PARQUET_BATCH", 3)
    out = tmp_path / "events.parquet"
    assert ex.export(iter(all_events()), "parquet", out) == 4
    parquet = pq.ParquetFile(out)
    assert parquet.metadata.num_row_groups == 2
    table = parquet.read()
    assert table.schema == ex.parquet_schema()
    rows = table.to_pylist()
    protest, strike = rows[0], rows[1]
    assert (protest["killed_low"], protest["killed_best"], protest["injured_best"]) == (3, 3, 50)
    assert protest["arrested_best"] is None and protest["fatalities"] == 2
    assert protest["date_start"] == dt.date(2020, 1, 26) and protest["quad_class"] == 4
    assert json.loads(protest["source_json"])[0]["sector"] == "COP"
    assert [s["source"] for s in json.loads(protest["sources_json"])] == ["Reuters", "AP"]
    assert len(json.loads(protest["casualties_reported_json"])) == 2
    assert strike["lat"] is None and strike["date_end"] == dt.date(2020, 1, 31)


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("fmt", ex.FORMATS)
def test_empty_input_writes_a_valid_empty_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    assert ex.export([], fmt, out) == 0
    if fmt == "parquet":
        table = pq.read_table(out)
        assert table.num_rows == 0 and table.schema == ex.parquet_schema()
    elif fmt == "geojson":
        assert json.loads(out.read_text()) == {"type": "FeatureCollection", "features": []}
    elif fmt == "acled-csv":
        assert _read_csv(out) == (list(ex.ACLED_COLUMNS), [])
    elif fmt == "gdelt-tsv":
        assert out.read_text().splitlines() == ["\t".join(ex.gdelt_columns())]
    else:
        assert out.read_text() == ""


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "events.csv"
    with pytest.raises(ValueError, match="does not exist"):
        ex.export(all_events(), "acled-csv", out)
    assert not (tmp_path / "no").exists()


def test_unknown_format_names_the_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="plover-jsonl"):
        ex.export(all_events(), "shapefile", tmp_path / "x.shp")


@pytest.mark.parametrize("fmt", ex.FORMATS)
def test_failed_export_leaves_the_old_file_and_no_part_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "events.out"
    out.write_text("previous export")

    def broken() -> Any:
        yield protest_iraq()
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        ex.export(broken(), fmt, out)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["events.out"]
