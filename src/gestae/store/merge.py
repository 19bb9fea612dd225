"""Merging reports: mentions of one real-world event across articles become one event.

Candidate pairs and their scores are one SQL query per batch (new mentions against every
stored mention of a compatible type and date); accepted pairs are kept as links with the
fields they were judged on. An event is a connected group of linked mentions, named by its
smallest mention id, so the same articles in any order give the same events. The analyst's
corrections (``must`` and ``cannot`` links) are applied when the groups are formed: a must
link always joins, a cannot link is never crossed, even by later articles.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

import duckdb
import pyarrow as pa
import yaml

from gestae.store.errors import StoreError
from gestae.store.tables import key_table


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The scoring rules of ``data/merge.yaml``."""
    text = resources.files("gestae.store").joinpath("data/merge.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _families(con: duckdb.DuckDBPyConnection) -> None:
    rows = [{"type": t, "family": fam} for fam, types in rules()["families"].items()
            for t in types]
    families = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB below
    con.execute("CREATE OR REPLACE TEMP TABLE merge_families AS SELECT * FROM families")


def _id_table(con: duckdb.DuckDBPyConnection, name: str, ids: list[str]) -> None:
    key_table(con, name, "mention_id", ids)


def _num(value: Any) -> str:
    return f"{float(value)!r}::DOUBLE"


def _pairs_sql() -> str:
    r = rules()
    d, loc, act, cas = r["date"], r["location"], r["actors"], r["casualties"]
    fine = "IN ('exact', 'near')"
    coarse = "IN ('country', 'inferred')"

    def figure_score(x: str, y: str) -> str:
        return (f"CASE WHEN {x} = {y} THEN {_num(cas['equal'])} "
                f"WHEN least({x}, {y}) = 0 THEN 0.0 "  # "zero casualties" is a claim, not a count
                f"WHEN abs({x} - {y}) <= {_num(cas['close_share'])} "
                f"* greatest({x}, {y}) THEN {_num(cas['close'])} "
                f"WHEN greatest({x}, {y}) >= {_num(cas['far_ratio'])} * least({x}, {y}) "
                f"THEN {_num(cas['far'])} ELSE 0.0 END")

    return f"""
WITH base AS (
    SELECT m.mention_id, m.article_hash, m.type, m.negated, m.modality, m.date_start,
           m.date_end, m.date_precision, m.date_inferred, m.lat, m.lon, m.geonameid,
           m.country, m.admin1, m.location_precision, m.actor_ids, m.actor_countries,
           m.evidence, coalesce(m.killed_best, m.killed_low) AS killed,
           coalesce(m.injured_best, m.injured_low) AS injured,
           coalesce(f.family, m.type) AS family, coalesce(a.near_dup_of, a.hash) AS story
    FROM mentions m JOIN articles a ON a.hash = m.article_hash
    LEFT JOIN merge_families f ON f.type = m.type
    WHERE m.date_start IS NOT NULL
), n AS (SELECT base.* FROM base JOIN merge_new USING (mention_id)),
p AS (
    SELECT least(n.mention_id, o.mention_id) AS a, greatest(n.mention_id, o.mention_id) AS b,
        greatest(date_diff('day', n.date_end, o.date_start),
                 date_diff('day', o.date_end, n.date_start)) AS gap,
        CASE WHEN n.lat IS NOT NULL AND o.lat IS NOT NULL THEN
            2 * 6371.0088 * asin(sqrt(pow(sin(radians(o.lat - n.lat) / 2), 2)
            + cos(radians(n.lat)) * cos(radians(o.lat)) * pow(sin(radians(o.lon - n.lon) / 2), 2)))
        END AS km,
        n.date_precision = 'day' AND o.date_precision = 'day'
            AND NOT n.date_inferred AND NOT o.date_inferred AS both_days,
        n.date_inferred OR o.date_inferred AS inferred,
        n.location_precision AS np, o.location_precision AS op,
        n.geonameid = o.geonameid AS same_place, n.country AS nc, o.country AS oc,
        n.admin1 = o.admin1 AND n.country = o.country AS same_admin1,
        len(list_intersect(n.actor_ids, o.actor_ids)) > 0 AS shared_actor,
        len(list_intersect(n.actor_countries, o.actor_countries)) > 0 AS shared_country,
        n.killed AS nk, o.killed AS ok, n.injured AS ni, o.injured AS oi,
        n.story = o.story AND (contains(n.evidence, o.evidence)
                               OR contains(o.evidence, n.evidence)) AS same_story
    FROM n JOIN base o
      ON n.family = o.family AND n.article_hash <> o.article_hash
     AND n.negated = o.negated AND n.modality = o.modality
     AND o.date_start <= n.date_end + INTERVAL {int(r['max_gap_days'])} DAY
     AND n.date_start <= o.date_end + INTERVAL {int(r['max_gap_days'])} DAY
    WHERE o.mention_id > n.mention_id
       OR o.mention_id NOT IN (SELECT mention_id FROM merge_new)
), s AS (
    SELECT *,
        CASE WHEN both_days THEN
                 CASE WHEN gap <= 0 THEN {_num(d['same_day'])}
                      WHEN gap = 1 THEN {_num(d['next_day'])} END
             WHEN inferred THEN
                 CASE WHEN gap <= {int(d['inferred_within'])} THEN {_num(d['inferred'])} END
             WHEN gap <= 0 THEN {_num(d['overlap'])} END AS date_score,
        CASE WHEN km IS NULL THEN
                 CASE WHEN nc IS NOT NULL AND oc IS NOT NULL AND nc <> oc THEN NULL
                      ELSE {_num(loc['missing'])} END
             WHEN np {fine} AND op {fine} THEN
                 CASE WHEN same_place OR km < 1 THEN {_num(loc['same_place'])}
                      WHEN km <= {_num(loc['close_km'])} THEN {_num(loc['close'])} END
             WHEN np {coarse} OR op {coarse} THEN
                 CASE WHEN nc = oc AND km <= {_num(loc['close_km'])} THEN {_num(loc['close'])}
                      WHEN nc = oc THEN {_num(loc['same_country'])} END
             WHEN km <= {_num(loc['region_km'])} OR same_admin1 THEN {_num(loc['region'])}
        END AS place_score,
        CASE WHEN shared_actor THEN {_num(act['shared'])}
             WHEN shared_country THEN {_num(act['shared_country'])} ELSE 0.0 END AS actor_score,
        CASE WHEN nk IS NOT NULL AND ok IS NOT NULL THEN {figure_score('nk', 'ok')}
             WHEN ni IS NOT NULL AND oi IS NOT NULL THEN {figure_score('ni', 'oi')}
             ELSE 0.0 END AS figure_score,
        CASE WHEN same_story THEN {_num(r['same_story'])} ELSE 0.0 END AS story_score
    FROM p
)
SELECT a, b, date_score + place_score + actor_score + figure_score + story_score AS score,
       gap, km, date_score, place_score, actor_score, figure_score, story_score
FROM s
WHERE date_score IS NOT NULL AND place_score IS NOT NULL
  AND date_score + place_score + actor_score + figure_score + story_score
      >= {_num(r['threshold'])}
"""


def _within_article_sql() -> str:
    """Reports of one event inside one article: two in the same sentence with no place or
    date apart ("gunmen stormed a hotel after a car bomb exploded at its gate"), and a later
    sentence that only refers back ("The strike also destroyed two vehicles": no date or
    place of its own, a definite subject), joined to the nearest earlier report of its
    family. Only the nearest, so a round-up of several attacks is not chained into one."""
    return """
WITH base AS (
    SELECT m.mention_id, m.article_hash, coalesce(f.family, m.type) AS family, m.negated,
           m.modality, m.date_start, m.date_inferred, m.geonameid, m.location_precision,
           json_extract(m.record, '$.evidence.start')::BIGINT AS sent, m.evidence
    FROM mentions m JOIN merge_new USING (mention_id)
    LEFT JOIN merge_families f ON f.type = m.type
), pairs AS (
    SELECT x.mention_id AS first, y.mention_id AS later, x.sent = y.sent AS same_sentence,
           x.sent AS first_sent,
           y.date_inferred AND coalesce(y.location_precision, 'inferred')
               IN ('inferred', 'country')
               AND regexp_matches(y.evidence, $refers) AS refers_back,
           (x.geonameid IS NULL OR y.geonameid IS NULL OR x.geonameid = y.geonameid)
               AND x.date_start IS NOT DISTINCT FROM y.date_start AS agree
    FROM base x JOIN base y
      ON x.article_hash = y.article_hash AND x.mention_id <> y.mention_id
     AND x.family = y.family AND x.negated = y.negated AND x.modality = y.modality
     AND (x.sent < y.sent OR (x.sent = y.sent AND x.mention_id < y.mention_id))
), chosen AS (
    SELECT first, later, 'same sentence' AS why FROM pairs WHERE same_sentence AND agree
    UNION ALL
    SELECT arg_max(first, first_sent), later, 'refers back'
    FROM pairs WHERE NOT same_sentence AND refers_back GROUP BY later
)
SELECT least(first, later) AS a, greatest(first, later) AS b, why FROM chosen
"""


def _within_article_links(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    within = rules()["within_article"]
    found = con.execute(_within_article_sql(), {"refers": str(within["refers_back"])})
    return [{"a": a, "b": b, "score": float(within["score"]),
             "detail": json.dumps({"within_article": why})} for a, b, why in found.fetchall()]


def link_new(con: duckdb.DuckDBPyConnection, new_ids: list[str]) -> int:
    """Score the new mentions against the store, keep the links, regroup what they touch.

    Runs inside the caller's transaction, so a batch's events and its merges commit together.
    """
    if not new_ids:
        return 0
    _families(con)
    _id_table(con, "merge_new", new_ids)
    cursor = con.execute(_pairs_sql())
    names = [c[0] for c in cursor.description]
    links = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        detail = {k: (round(float(v), 2) if isinstance(v, float | Decimal) else v)
                  for k, v in row.items() if k not in ("a", "b", "score")}
        links.append({"a": row["a"], "b": row["b"], "score": float(row["score"]),
                      "detail": json.dumps(detail)})
    links += _within_article_links(con)
    if links:
        link_rows = pa.Table.from_pylist(links)  # noqa: F841 - read by DuckDB below
        con.execute("INSERT INTO mention_links BY NAME SELECT * FROM link_rows")
        if _corrected(con, [(x["a"], x["b"]) for x in links]):
            regroup(con, new_ids)
        else:
            _join_events(con, [(x["a"], x["b"]) for x in links])
    return len(links)


def _events_of(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]
               ) -> dict[str, str]:
    _id_table(con, "merge_ends", [m for pair in pairs for m in pair])
    return dict(con.execute("SELECT m.mention_id, m.event_id FROM mentions m "
                            "JOIN merge_ends USING (mention_id)").fetchall())


def _corrected(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]) -> bool:
    """Whether an analyst's correction involves an event the new links touch."""
    if con.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0:
        return False
    events = sorted(set(_events_of(con, pairs).values()))
    return con.execute("""
        SELECT count(*) FROM corrections c JOIN mentions m
          ON m.mention_id = c.a OR m.mention_id = c.b
        WHERE list_contains(?, m.event_id)""", [events]).fetchone()[0] > 0


def _join_events(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]) -> None:
    """Join the events the new links connect, without recomputing them.

    Without corrections an event is a connected component of links whose id is its
    smallest mention id, so joining events along new links and naming each union by its
    smallest event id gives what recomputing from every link would, at the cost of the new
    links only.
    """
    event_of = _events_of(con, pairs)
    groups = _Groups(sorted(set(event_of.values())), {})
    for a, b in pairs:
        groups.join(event_of[a], event_of[b], force=True)
    renames = [{"old": e, "new": groups.find(e)} for e in groups.parent if groups.find(e) != e]
    if renames:
        rename_rows = pa.Table.from_pylist(renames)  # noqa: F841 - read by DuckDB below
        con.execute("UPDATE mentions SET event_id = r.new FROM rename_rows AS r "
                    "WHERE mentions.event_id = r.old")


def _region(con: duckdb.DuckDBPyConnection, seeds: list[str]) -> list[str]:
    """The mentions whose events may change: the seeds, every mention of an event one of
    them is linked to, and (rarely: only across a cannot link or a must link) the events
    linked to those, until nothing is added."""
    _id_table(con, "merge_region", seeds)
    while True:
        added = con.execute("""
            WITH r AS (SELECT mention_id FROM merge_region),
            touched AS (
                SELECT l.b AS m FROM mention_links l JOIN r ON r.mention_id = l.a
                UNION SELECT l.a FROM mention_links l JOIN r ON r.mention_id = l.b
                UNION SELECT c.b FROM corrections c JOIN r ON r.mention_id = c.a
                UNION SELECT c.a FROM corrections c JOIN r ON r.mention_id = c.b
                UNION SELECT mention_id FROM r
            ), events AS (
                SELECT DISTINCT m.event_id FROM mentions m JOIN touched t ON t.m = m.mention_id
            )
            SELECT m.mention_id FROM mentions m JOIN events USING (event_id)
            WHERE m.mention_id NOT IN (SELECT mention_id FROM merge_region)""").fetchall()
        if not added:
            break
        con.execute("INSERT INTO merge_region SELECT * FROM (VALUES " +
                    ", ".join("(?)" for _ in added) + ")", [a[0] for a in added])
    return [r[0] for r in con.execute(
        "SELECT r.mention_id FROM merge_region r JOIN mentions USING (mention_id) "
        "ORDER BY 1").fetchall()]


class _Groups:
    """Union-find that refuses to join groups separated by a cannot link."""

    def __init__(self, items: list[str], cannot: dict[str, set[str]]) -> None:
        self.parent = {m: m for m in items}
        self.members = {m: {m} for m in items}
        self.cannot = cannot

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str, force: bool = False) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        small, large = sorted((self.members[ra], self.members[rb]), key=len)
        if not force and any(self.cannot.get(m, set()) & large for m in small):
            return
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.members[keep] |= self.members.pop(drop)


def regroup(con: duckdb.DuckDBPyConnection, seeds: list[str]) -> None:
    """Recompute the events of every mention connected to ``seeds``."""
    region = _region(con, seeds)
    if not region:
        return
    inside = ("JOIN merge_region ra ON ra.mention_id = x.a "
              "JOIN merge_region rb ON rb.mention_id = x.b")
    must = con.execute(f"SELECT x.a, x.b FROM corrections x {inside} WHERE x.kind = 'must' "
                       "ORDER BY x.a, x.b").fetchall()
    cannot_rows = con.execute(
        f"SELECT x.a, x.b FROM corrections x {inside} WHERE x.kind = 'cannot'").fetchall()
    links = con.execute(f"SELECT x.a, x.b FROM mention_links x {inside} "
                        "ORDER BY x.score DESC, x.a, x.b").fetchall()
    cannot: dict[str, set[str]] = {}
    for a, b in cannot_rows:
        cannot.setdefault(a, set()).add(b)
        cannot.setdefault(b, set()).add(a)
    groups = _Groups(region, cannot)
    for a, b in must:
        groups.join(a, b, force=True)
    for a, b in links:
        groups.join(a, b)
    assignment = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB below
        [{"mention_id": m, "event_id": groups.find(m)} for m in region])
    con.execute("UPDATE mentions SET event_id = t.event_id FROM assignment AS t "
                "WHERE mentions.mention_id = t.mention_id AND mentions.event_id <> t.event_id")


def _mentions_of(con: duckdb.DuckDBPyConnection, event_id: str) -> list[tuple[str, str, str]]:
    rows = con.execute("SELECT mention_id, article_id, article_hash FROM mentions "
                       "WHERE event_id = ? ORDER BY mention_id", [event_id]).fetchall()
    if not rows:
        raise StoreError(f"no event {event_id} in this store")
    return rows


def _correct(con: duckdb.DuckDBPyConnection, kind: str, pairs: list[tuple[str, str]]) -> None:
    """Record corrections; a newer correction of a pair replaces the older one."""
    now = dt.datetime.now()
    for a, b in pairs:
        a, b = min(a, b), max(a, b)
        con.execute("DELETE FROM corrections WHERE a = ? AND b = ?", [a, b])
        con.execute("INSERT INTO corrections VALUES (?, ?, ?, ?)", [kind, a, b, now])


def merge_events(con: duckdb.DuckDBPyConnection, first: str, second: str) -> str:
    """Join two events for good; returns the id of the merged event."""
    a = _mentions_of(con, first)
    b = _mentions_of(con, second)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM corrections WHERE kind = 'cannot' AND "
                    "((list_contains($a, a) AND list_contains($b, b)) OR "
                    "(list_contains($b, a) AND list_contains($a, b)))",
                    {"a": [m for m, _, _ in a], "b": [m for m, _, _ in b]})
        _correct(con, "must", [(a[0][0], b[0][0])])
        regroup(con, [a[0][0], b[0][0]])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT event_id FROM mentions WHERE mention_id = ?",
                       [a[0][0]]).fetchone()[0]


def split_event(con: duckdb.DuckDBPyConnection, event_id: str, article: str) -> list[str]:
    """Take one article's reports out of an event for good; returns the resulting event ids."""
    rows = _mentions_of(con, event_id)
    out = [m for m, ident, h in rows if article in (ident, h)]
    rest = [m for m, ident, h in rows if article not in (ident, h)]
    if not out:
        raise StoreError(f"event {event_id} has no report from article {article}; "
                         "see `gestae events show ID` for its articles")
    if not rest:
        raise StoreError(f"event {event_id} has no reports besides article {article}")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM corrections WHERE kind = 'must' AND "
                    "((list_contains($o, a) AND list_contains($r, b)) OR "
                    "(list_contains($r, a) AND list_contains($o, b)))", {"o": out, "r": rest})
        _correct(con, "cannot", [(x, y) for x in out for y in rest])
        regroup(con, out + rest)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return sorted({r[0] for r in con.execute(
        "SELECT event_id FROM mentions WHERE list_contains(?, mention_id)",
        [out + rest]).fetchall()})


def explain(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The links inside an event: which reports were joined, on what evidence."""
    rows = con.execute("""
        SELECT l.a, l.b, l.score, l.detail, ma.article_id, mb.article_id
        FROM mention_links l
        JOIN mentions ma ON ma.mention_id = l.a JOIN mentions mb ON mb.mention_id = l.b
        WHERE ma.event_id = $e AND mb.event_id = $e
        ORDER BY l.score DESC, l.a, l.b""", {"e": event_id}).fetchall()
    out = [{"a": a, "b": b, "score": score, "articles": [x, y], **json.loads(detail)}
           for a, b, score, detail, x, y in rows]
    for kind, a, b in con.execute("""
            SELECT c.kind, c.a, c.b FROM corrections c
            JOIN mentions ma ON ma.mention_id = c.a JOIN mentions mb ON mb.mention_id = c.b
            WHERE c.kind = 'must' AND ma.event_id = $e AND mb.event_id = $e""",
                                  {"e": event_id}).fetchall():
        out.append({"a": a, "b": b, "score": None, "correction": kind})
    return out
