"""The store's tables, as a chain of migrations.

A new store applies every migration in order; an older store applies the ones it lacks. The
chain *is* the schema, so there is one definition of each table and the upgrade path of every
released store is tested by construction.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]


def _v1(con: duckdb.DuckDBPyConnection) -> None:
    """Articles, their coded events (mentions), near-duplicate bands and the ingest log."""
    con.execute("""
        CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
        CREATE TABLE articles (
            hash VARCHAR NOT NULL,          -- content hash of the normalised text
            id VARCHAR NOT NULL,            -- the article's own id (from the input)
            url VARCHAR, url_key VARCHAR,   -- url_key: normalised for duplicate checks
            source VARCHAR, title VARCHAR, date DATE,
            text VARCHAR,
            language VARCHAR, language_prob DOUBLE,
            status VARCHAR NOT NULL,        -- coded | non_english
            n_events INTEGER NOT NULL DEFAULT 0,
            near_dup_of VARCHAR,            -- hash of an earlier article with the same story
            similarity DOUBLE,              -- estimated Jaccard with near_dup_of
            batch BIGINT NOT NULL,
            ingested_at TIMESTAMP NOT NULL,
            gestae_version VARCHAR NOT NULL
        );
        CREATE TABLE article_bands (band VARCHAR NOT NULL, hash VARCHAR NOT NULL);
        CREATE TABLE article_signatures (hash VARCHAR NOT NULL, signature UBIGINT[] NOT NULL);
        CREATE TABLE mentions (
            mention_id VARCHAR NOT NULL,    -- one coded event in one article
            event_id VARCHAR NOT NULL,      -- the real-world event it reports
            article_hash VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
            ord INTEGER NOT NULL,           -- position among the article's events
            type VARCHAR NOT NULL, mode VARCHAR,
            negated BOOLEAN NOT NULL, modality VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
            date VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR,
            date_inferred BOOLEAN NOT NULL,
            place VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
            geonameid BIGINT, location_precision VARCHAR,
            killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
            injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
            arrested_low INTEGER, arrested_best INTEGER, arrested_high INTEGER,
            cameo_root VARCHAR, quad_class INTEGER, intensity DOUBLE,
            acled_event_type VARCHAR, acled_sub_event_type VARCHAR,
            actor_names VARCHAR[], actor_ids VARCHAR[], actor_countries VARCHAR[],
            evidence VARCHAR NOT NULL,
            record JSON NOT NULL            -- the output contract's Event, as extracted
        );
        CREATE TABLE ingest_log (
            batch BIGINT NOT NULL, logged_at TIMESTAMP NOT NULL, command VARCHAR NOT NULL,
            read INTEGER NOT NULL, stored INTEGER NOT NULL, duplicates INTEGER NOT NULL,
            near_duplicates INTEGER NOT NULL, non_english INTEGER NOT NULL,
            errors INTEGER NOT NULL, events INTEGER NOT NULL
        );
        CREATE INDEX articles_hash ON articles (hash);
        CREATE INDEX articles_url ON articles (url_key);
        CREATE INDEX bands_band ON article_bands (band);
        CREATE INDEX mentions_event ON mentions (event_id);
        CREATE INDEX mentions_article ON mentions (article_hash);
    """)


def _v2(con: duckdb.DuckDBPyConnection) -> None:
    """Merging reports: the links that joined mentions, and the analyst's corrections."""
    con.execute("""
        CREATE TABLE mention_links (
            a VARCHAR NOT NULL, b VARCHAR NOT NULL,     -- mention ids, a < b
            score DOUBLE NOT NULL,
            detail JSON NOT NULL                        -- the compared fields and distances
        );
        CREATE TABLE corrections (
            kind VARCHAR NOT NULL,                      -- must (merge) | cannot (split)
            a VARCHAR NOT NULL, b VARCHAR NOT NULL,     -- mention ids, a < b
            made_at TIMESTAMP NOT NULL
        );
        CREATE INDEX links_a ON mention_links (a);
        CREATE INDEX links_b ON mention_links (b);
    """)


MIGRATIONS: list[Migration] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


def version_of(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version of an open database: 0 when empty, None when not a gestae store."""
    tables = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()}
    if not tables:
        return 0
    if "meta" not in tables:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        return None
    return int(row[0])


def migrate(con: duckdb.DuckDBPyConnection, current: int, target: int = SCHEMA_VERSION) -> None:
    """Apply migrations ``current+1 .. target`` in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for migration in MIGRATIONS[current:target]:
            migration(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
