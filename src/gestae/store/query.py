"""Event queries: filters as SQL over mentions grouped into events.

Every event is the group of mentions sharing an ``event_id``; its fields come from the
representative mention (asserted first, then the most confident), its ``sources`` from all of
them. Until reports are merged each group holds one mention, and the same SQL serves both.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from gestae.store.errors import StoreError

_REP = "ORDER BY asserted DESC, confidence DESC, mention_id"
_REPRESENTED = (
    "type", "mode", "negated", "modality", "confidence", "date", "date_start", "date_end",
    "date_precision", "place", "country", "admin1", "lat", "lon", "location_precision",
    "cameo_root", "quad_class", "intensity", "acled_event_type", "acled_sub_event_type",
    "evidence", "record",
)
_KINDS = ("killed", "injured", "arrested")


def _summary(kind: str) -> str:
    """Casualties over an event's articles: low = lowest credible (a "zero" claim only when
    nobody reports more), best = most often reported (ties: the higher, as later reports
    tend to be fuller), high = highest. One article: its own figures unchanged."""
    low, best, high = (f"{kind}_{p}" for p in ("low", "best", "high"))
    figure = f"coalesce({best}, {low})"
    return f"""
        CASE WHEN count(*) = 1 THEN first({low}) ELSE coalesce(
            min(coalesce({low}, {best})) FILTER (WHERE coalesce({low}, {best}) > 0),
            min(coalesce({low}, {best}))) END AS {low},
        CASE WHEN count(*) = 1 THEN first({best}) ELSE first({figure}
            ORDER BY ({figure} IS NULL), n_{kind} DESC, {figure} DESC) END AS {best},
        CASE WHEN count(*) = 1 THEN first({high})
             ELSE max(greatest({high}, {best}, {low})) END AS {high}"""


EVENTS_SQL = f"""
WITH m AS (
    SELECT m.*, a.source AS source_name, a.url, a.date AS article_date,
           coalesce(a.near_dup_of, a.hash) AS story,
           (NOT m.negated AND m.modality = 'asserted') AS asserted,
           row_number() OVER (PARTITION BY m.event_id, m.article_hash
               ORDER BY (NOT m.negated AND m.modality = 'asserted') DESC, m.confidence DESC,
                        m.mention_id) AS article_rank
    FROM mentions m JOIN articles a ON a.hash = m.article_hash
    {{prefilter}}
), r AS (  -- each article's own report of each event
    SELECT *,
        {", ".join(f"count(*) OVER (PARTITION BY event_id, coalesce({k}_best, {k}_low)) AS n_{k}"
                   for k in _KINDS)}
    FROM m WHERE article_rank = 1
), ev AS (
    SELECT event_id,
        {", ".join(f"first({c} {_REP}) AS {c}" for c in _REPRESENTED)},
        {", ".join(_summary(k) for k in _KINDS)},
        bool_or(asserted) AS any_asserted,
        list_distinct(flatten(list(actor_names))) AS actor_names,
        list_distinct(flatten(list(actor_ids))) AS actor_ids,
        list_distinct(flatten(list(actor_countries))) AS actor_countries,
        count(DISTINCT story) AS n_articles,
        list({{'article_id': article_id, 'source': source_name, 'url': url,
               'date': strftime(article_date, '%Y-%m-%d'), 'evidence': evidence,
               'mention_id': mention_id, 'type': type, 'event_date': date, 'place': place,
               'killed': [killed_low, killed_best, killed_high],
               'injured': [injured_low, injured_best, injured_high],
               'arrested': [arrested_low, arrested_best, arrested_high],
               'reported': json_extract_string(record, '$.casualties.reported')}}
             ORDER BY article_date NULLS LAST, article_id, mention_id) AS sources
    FROM r GROUP BY event_id
)
SELECT * FROM ev
"""

_EARTH_KM = 6371.0088


@dataclass
class EventFilter:
    """What ``gestae events`` and ``Store.events`` can ask for; None means any."""

    type: str | None = None
    country: str | None = None
    actor: str | None = None
    actor_ids: list[str] = field(default_factory=list)  # knowledge-base ids the name means
    since: dt.date | None = None
    until: dt.date | None = None
    near: tuple[float, float] | None = None
    km: float = 50.0
    min_killed: int | None = None
    asserted_only: bool = False
    event_id: str | None = None
    limit: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.event_id:
            where.append("event_id = ?")
            params.append(self.event_id)
        if self.type:
            where.append("type = ?")
            params.append(self.type.upper())
        if self.country:
            where.append("(country = ? OR list_contains(actor_countries, ?))")
            params += [self.country.upper()] * 2
        if self.actor:
            ids = [self.actor, *self.actor_ids]
            where.append("(array_to_string(actor_names, '|') ILIKE ? "
                         "OR len(list_intersect(actor_ids, ?)) > 0 "
                         "OR len(list_filter(actor_ids, x -> starts_with(x, ?))) > 0)")
            params += [f"%{self.actor}%", ids, f"{self.actor_ids[0]}/" if self.actor_ids
                       else f"{self.actor}/"]
        if self.since:
            where.append("coalesce(date_end, date_start) >= ?")
            params.append(self.since)
        if self.until:
            where.append("date_start <= ?")
            params.append(self.until)
        if self.near:
            where.append(
                f"2 * {_EARTH_KM} * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + "
                "cos(radians(?)) * cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2))) <= ?")
            lat, lon = self.near
            params += [lat, lat, lon, self.km]
        if self.min_killed is not None:
            where.append("coalesce(killed_best, killed_low, 0) >= ?")
            params.append(self.min_killed)
        if self.asserted_only:
            where.append("NOT negated AND modality = 'asserted'")
        return (" WHERE " + " AND ".join(where)) if where else "", params


def events_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """The whole query for a filter, newest events first.

    Every condition on an event's fields also holds for at least one of its reports (an
    event's type, place, dates, figures and actors are some report's), so the same
    conditions first pick the events that have such a report: only those are grouped.
    """
    where, params = flt.sql()
    prefilter = f"WHERE m.event_id IN (SELECT event_id FROM mentions{where})" if where else ""
    sql = (EVENTS_SQL.replace("{prefilter}", prefilter)
           + f"{where} ORDER BY date_start DESC NULLS LAST, event_id"
           + (f" LIMIT {int(flt.limit)}" if flt.limit else ""))
    return sql, params + params if where else params


_SOURCE_KEYS = ("article_id", "source", "url", "date", "evidence")


_SOURCE_KEYS = ("article_id", "source", "url", "date", "evidence")


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A queried row as the contract's Event plus ``sources`` and ``n_articles``.

    The fields are the representative report's; with several articles, casualties are
    the summary over all of them and ``casualties.reported`` keeps every differing figure.
    """
    event = json.loads(row["record"])
    event["event_id"] = row["event_id"]
    reports = [dict(s) for s in row["sources"]]
    if len(reports) > 1:
        event["casualties"] = _merged_casualties(row, reports)
    event["sources"] = [_source_entry(r) for r in reports]
    event["n_articles"] = int(row["n_articles"])
    return event


def _figure(values: list[int | None]) -> int | None:
    low, best, _ = values
    return best if best is not None else low


def _source_entry(report: dict[str, Any]) -> dict[str, Any]:
    """What one article said: who, where from, the sentence, and its own values."""
    entry = {k: report.get(k) for k in _SOURCE_KEYS}
    entry["reported"] = {"type": report.get("type"), "date": report.get("event_date"),
                         "place": report.get("place"),
                         **{kind: _figure(report[kind]) for kind in _KINDS}}
    return entry


def _merged_casualties(row: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"reported": []}
    for kind in _KINDS:
        low, best, high = (row[f"{kind}_{p}"] for p in ("low", "best", "high"))
        out[kind] = None if best is None and low is None else {
            "low": low, "best": best, "high": high, "text": None, "unknown": False}
        figures = [(r, _figure(r[kind])) for r in reports if _figure(r[kind]) is not None]
        if len({f for _, f in figures}) > 1:
            out["reported"] += [{"role": kind, "value": f, "low": r[kind][0],
                                 "high": r[kind][2], "source": r.get("source"),
                                 "article_id": r.get("article_id"), "date": r.get("date"),
                                 "text": None} for r, f in figures]
    for r in reports:  # figures an article itself attributed to different speakers
        for item in json.loads(r.get("reported") or "[]"):
            out["reported"].append({**item, "article_id": r.get("article_id")})
    return out


_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
_FEATURE_RANK = {"city": 3, "place": 3, "admin2": 2, "admin1": 2, "country": 1}


def make_filter(**filters: Any) -> tuple[EventFilter, str | None]:
    """An EventFilter from plain values, as a user gives them: "since"/"until" as dates or
    text (YYYY-MM-DD, YYYY-MM, YYYY; "until 2020" is its last day), "near" as a place name,
    "lat,lon" or a pair, "actor" as any name the knowledge base knows. Also says which
    point "near" was read as."""
    from gestae.store.dates import parse_day, parse_until

    near = filters.pop("near", None)
    for name, parse in (("since", parse_day), ("until", parse_until)):
        if isinstance(filters.get(name), str):
            filters[name] = parse(filters[name])
    flt = EventFilter(**filters)
    if flt.actor and not flt.actor_ids:
        flt.actor_ids = resolve_actor(flt.actor)
    label = None
    if isinstance(near, str):
        flt.near, label = resolve_point(near)
    elif near is not None:
        flt.near = (float(near[0]), float(near[1]))
    return flt, label


def resolve_actor(name: str) -> list[str]:
    """The knowledge-base id a name stands for ("KH" -> org/kataib-hezbollah), if any."""
    from gestae.actors.explain import lookup

    entry = lookup(name).get("entry") or {}
    return [entry["id"]] if entry.get("id") else []


def resolve_point(name: str) -> tuple[tuple[float, float], str]:
    """Coordinates for ``--near``: "lat,lon" or a place name (the most populous match)."""
    if m := _LATLON.match(name):
        lat, lon = float(m[1]), float(m[2])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise StoreError(f"--near {name}: latitude or longitude out of range")
        return (lat, lon), f"{lat:.4f},{lon:.4f}"
    from gestae.geo.gazetteer import get_gazetteer

    found = get_gazetteer().lookup(name)
    if not found:
        raise StoreError(f"--near {name}: no such place in the gazetteer; "
                         "give a better known name or 'lat,lon'")
    entry, _ = max(found, key=lambda eq: (eq[1], _FEATURE_RANK.get(eq[0].feature, 0),
                                          eq[0].population))
    label = f"{entry.name} ({entry.country or '?'}, {entry.lat:.3f},{entry.lon:.3f})"
    return (entry.lat, entry.lon), label
