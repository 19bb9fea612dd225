"""``gestae stats``: what is in a store, in the counts an analyst checks first."""

from __future__ import annotations

from typing import Any

import duckdb

from gestae.store.query import EVENTS_SQL


def _pairs(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, int]]:
    return [(k, int(n)) for k, n in con.execute(sql).fetchall()]


def store_stats(con: duckdb.DuckDBPyConnection, top: int = 10) -> dict[str, Any]:
    """Totals, then events by type, country and month, and the most frequent actors."""
    articles = con.execute("""
        SELECT count(*) FILTER (WHERE status = 'coded'),
               count(*) FILTER (WHERE status = 'non_english'),
               count(*) FILTER (WHERE near_dup_of IS NOT NULL)
        FROM articles""").fetchone()
    log = con.execute("SELECT coalesce(sum(duplicates), 0), coalesce(sum(errors), 0) "
                      "FROM ingest_log").fetchone()
    con.execute(f"CREATE OR REPLACE TEMP VIEW _events AS {EVENTS_SQL.replace('{prefilter}', '')}")
    totals = con.execute("SELECT count(*), count(*) FILTER (WHERE any_asserted) "
                         "FROM _events").fetchone()
    return {
        "articles": int(articles[0]),
        "events": int(totals[0]),
        "asserted_events": int(totals[1]),
        "mentions": int(con.execute("SELECT count(*) FROM mentions").fetchone()[0]),
        "near_duplicate_articles": int(articles[2]),
        "skipped_duplicates": int(log[0]),
        "non_english": int(articles[1]),
        "errors": int(log[1]),
        "by_type": _pairs(con, "SELECT type, count(*) n FROM _events GROUP BY 1 "
                               "ORDER BY n DESC, 1"),
        "by_country": _pairs(con, f"SELECT coalesce(country, '(none)'), count(*) n "
                                  f"FROM _events GROUP BY 1 ORDER BY n DESC, 1 LIMIT {top}"),
        "by_month": _pairs(con, "SELECT coalesce(strftime(date_start, '%Y-%m'), '(undated)'),"
                                " count(*) FROM _events GROUP BY 1 ORDER BY 1"),
        "top_actors": _pairs(con, f"""
            SELECT name, count(*) n FROM (SELECT unnest(actor_names) AS name FROM _events)
            GROUP BY 1 ORDER BY n DESC, 1 LIMIT {top}"""),
    }
