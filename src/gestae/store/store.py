"""``Store``: the embedded event database a notebook or the CLI works with."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import duckdb
import pyarrow as pa

from gestae import __version__
from gestae.ingest import InputError
from gestae.ingest.jsonl import parse_record
from gestae.model import Article, ErrorResult
from gestae.store.connection import default_path, open_store
from gestae.store.ingest import Extractor, Ingestor, IngestStats
from gestae.store.merge import link_new, regroup
from gestae.store.query import (
    EventFilter,
    event_dict,
    events_sql,
    make_filter,
)
from gestae.store.rows import mention_rows
from gestae.store.tables import insert


class Store:
    """An event store in one DuckDB file; no server.

    >>> store = Store("gestae.duckdb")                          # doctest: +SKIP
    >>> store.ingest(["news/"])                                 # doctest: +SKIP
    >>> store.events(type="ASSAULT", country="IRQ").to_pandas() # doctest: +SKIP

    ``store.connection`` is the raw DuckDB connection for SQL (tables ``articles``,
    ``mentions``; one event is the group of mentions sharing an ``event_id``).
    """

    def __init__(self, path: str | None = None, read_only: bool = False) -> None:
        self.path = path or default_path()
        self.read_only = read_only
        self.connection: duckdb.DuckDBPyConnection = open_store(self.path, read_only)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------

    def ingest(self, articles: Iterable[Article | ErrorResult | dict[str, Any]] | str,
               extractor: Extractor | None = None, batch_size: int = 64,
               on_batch: Callable[[IngestStats], None] | None = None,
               merge: bool = True) -> IngestStats:
        """Store articles (or the articles under a path) and their events; skip known ones.

        With ``merge`` (the default) each new report joins the event it describes, if stored.
        """
        if isinstance(articles, str):
            from gestae.ingest.sources import iter_sources

            articles = iter_sources([articles])
        items = (_article(a, n) for n, a in enumerate(articles, 1))
        ingestor = Ingestor(self.connection, extractor or _default_pipeline(), batch_size,
                            merge=merge)
        return ingestor.run(items, on_batch)

    def reprocess(self, extractor: Extractor | None = None, batch_size: int = 64,
                  on_batch: Callable[[IngestStats], None] | None = None) -> IngestStats:
        """Re-extract every stored English article, replacing its events batch by batch."""
        extractor = extractor or _default_pipeline()
        con = self.connection
        keys = [r[0] for r in con.execute(
            "SELECT hash FROM articles WHERE status = 'coded' ORDER BY batch, hash").fetchall()]
        total = IngestStats()
        for start in range(0, len(keys), batch_size):
            stats = self._reprocess_batch(keys[start:start + batch_size], extractor)
            total.merge(stats)
            if on_batch is not None:
                on_batch(stats)
        return total

    def _reprocess_batch(self, keys: list[str], extractor: Extractor) -> IngestStats:
        con = self.connection
        rows = con.execute(
            "SELECT hash, id, text, strftime(date, '%Y-%m-%d') FROM articles "
            "WHERE list_contains(?, hash) ORDER BY batch, hash", [keys]).fetchall()
        stats = IngestStats(read=len(rows))
        articles = [Article(id=h, text=text, date=day) for h, _, text, day in rows]
        mentions: list[dict[str, Any]] = []
        counts: list[dict[str, Any]] = []
        for (h, ident, _, _), result in zip(rows, extractor.extract_many(articles),
                                            strict=True):
            if isinstance(result, ErrorResult):
                stats.add_error(f"{ident}: {result.error}")
                continue
            found = mention_rows(result, h, ident)
            mentions.extend(found)
            counts.append({"hash": h, "n_events": len(found)})
        stats.stored, stats.events = len(counts), len(mentions)
        done = [c["hash"] for c in counts]
        if not done:
            return stats
        con.execute("BEGIN TRANSACTION")
        try:
            old = [r[0] for r in con.execute(
                "SELECT mention_id FROM mentions WHERE list_contains(?, article_hash)",
                [done]).fetchall()]
            neighbours = [r[0] for r in con.execute("""
                SELECT mention_id FROM mentions WHERE event_id IN (
                    SELECT event_id FROM mentions WHERE list_contains($old, mention_id))
                UNION SELECT CASE WHEN list_contains($old, a) THEN b ELSE a END
                FROM mention_links WHERE list_contains($old, a) OR list_contains($old, b)""",
                {"old": old}).fetchall()]
            con.execute("DELETE FROM mention_links WHERE list_contains($old, a) OR "
                        "list_contains($old, b)", {"old": old})
            con.execute("DELETE FROM mentions WHERE list_contains(?, article_hash)", [done])
            insert(con, "mentions", mentions)
            new = [m["mention_id"] for m in mentions]
            con.execute("UPDATE mentions SET event_id = mention_id "
                        "WHERE list_contains(?, mention_id)", [neighbours])
            link_new(con, new)
            regroup(con, [m for m in neighbours if m not in set(old)] + new)
            counts_table = pa.Table.from_pylist(counts)  # noqa: F841 - read by DuckDB below
            con.execute("UPDATE articles SET n_events = t.n_events, gestae_version = ? "
                        "FROM counts_table AS t WHERE articles.hash = t.hash", [__version__])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return stats

    # -- reading --------------------------------------------------------------------------

    def events(self, flt: EventFilter | None = None, **filters: Any) -> pa.Table:
        """Events matching the filters (``type``, ``country``, ``actor``, ``since``,
        ``until``, ``near`` (a name or "lat,lon") with ``km``, ``min_killed``,
        ``asserted_only``, ``limit``) as an Arrow table of the representative fields,
        ``sources`` and ``n_articles``; ``.to_pandas()`` for pandas."""
        sql, params = events_sql(flt or make_filter(**filters)[0])
        return self.connection.execute(sql, params).to_arrow_table()

    def event_dicts(self, flt: EventFilter | None = None, **filters: Any
                    ) -> Iterator[dict[str, Any]]:
        """Events as the output contract's dicts plus ``sources`` and ``n_articles``."""
        sql, params = events_sql(flt or make_filter(**filters)[0])
        cursor = self.connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while chunk := cursor.fetchmany(1000):
            for values in chunk:
                yield event_dict(dict(zip(names, values, strict=True)))

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with its sources and why its reports were merged (``merge_links``)."""
        from gestae.store.errors import StoreError
        from gestae.store.merge import explain

        found = list(self.event_dicts(EventFilter(event_id=event_id)))
        if not found:
            raise StoreError(f"no event {event_id} in {self.path}")
        event = found[0]
        event["merge_links"] = explain(self.connection, event_id)
        return event

    def merge(self, first: str, second: str) -> str:
        """Join two events for good (later ingests keep them joined); returns the new id."""
        from gestae.store.merge import merge_events

        return merge_events(self.connection, first, second)

    def split(self, event_id: str, article: str) -> list[str]:
        """Take an article's reports out of an event for good; returns the event ids."""
        from gestae.store.merge import split_event

        return split_event(self.connection, event_id, article)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts an analyst wants first: articles, events, types, countries, months, actors."""
        from gestae.store.stats import store_stats

        return store_stats(self.connection, top)


def _article(item: Article | ErrorResult | dict[str, Any], number: int
             ) -> Article | ErrorResult:
    """A dict checked as a JSON Lines record is; a bad one is an error in the stream."""
    if not isinstance(item, dict):
        return item
    try:
        return parse_record(item, number)
    except InputError as exc:
        ident = item.get("id")
        return ErrorResult(id=str(ident) if ident is not None else None, error=str(exc))


def _default_pipeline() -> Extractor:
    from gestae.pipeline import Pipeline

    return Pipeline()
