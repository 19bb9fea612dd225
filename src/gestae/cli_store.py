"""``gestae ingest``, ``events``, ``export``, ``stats`` and ``reprocess``: the event store."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from gestae.cli_common import BadInput, check_files, load_pipeline

DB_HELP = "Store file (default: $GESTAE_DB or ./gestae.duckdb)."

INGEST_HELP = """Read articles into the event store, extracting their events.

PATH is a file, a folder (read recursively), a glob or - for standard input. Formats come
from the extension: .txt, .html, .jsonl (one article a line: id, text or html, date, url,
title, source), RSS/Atom feeds (.rss, .atom, .xml) and WARC crawls (.warc, .warc.gz).

Articles already stored (same text, or same URL) are skipped, so running the same input
twice changes nothing; non-English articles are counted and not coded; republished copies
of one story are linked as near-duplicates. Each batch is committed at once: after a crash,
run the same command again.

\b
Examples:
  gestae ingest examples/
  gestae ingest 'news/2020-01-*.jsonl' --db iraq.duckdb
  gestae ingest CC-NEWS-20200101.warc.gz --date 2020-01-01
"""

EVENTS_HELP = """List the events in the store, newest first; show, merge or split one.

Each event joins the reports of one real-world event across articles; `n_articles`
counts independent articles (republished copies of one story count once).

\b
Examples:
  gestae events --type ASSAULT --country IRQ --since 2020-01-01
  gestae events --near Baghdad --km 50 --min-killed 1 --format jsonl
  gestae events --actor "Kata'ib Hezbollah" --format csv > kh.csv
  gestae events show 6e87e5e6f28bbef5          # sources, and why they were merged
  gestae events merge 6e87e5e6f28bbef5 02ca93bc26d92ced
  gestae events split 6e87e5e6f28bbef5 article-17
"""

EXPORT_HELP = """Export events for other tools (same filters as `gestae events`).

\b
Formats:
  plover-jsonl  PLOVER records (actor/recipient, event_loc, quad code)
  acled-csv     ACLED's columns; ACLED-codable events only, conservative fatalities
  gdelt-tsv     GDELT 2.0 event fields that map
  geojson       points for GIS (events with coordinates)
  parquet       one typed row per event, for data science

\b
Examples:
  gestae export --format acled-csv --out events.csv --country IRQ
  gestae export --format geojson --out events.geojson --since 2020-01-01
"""


@contextmanager
def _open(db: str | None, read_only: bool) -> Iterator[Any]:
    """The store, with its errors as one-line messages (the file is never left half-written)."""
    from gestae.store import Store, StoreError

    try:
        store = Store(db, read_only=read_only)
    except StoreError as exc:
        raise BadInput(str(exc)) from None
    try:
        yield store
    except StoreError as exc:
        raise BadInput(str(exc)) from None
    finally:
        store.close()


def _progress(show: bool | None, total: int | None, desc: str) -> Any:
    if not (sys.stderr.isatty() if show is None else show):
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=" art", file=sys.stderr, dynamic_ncols=True)


def _on_batch(bar: Any) -> Callable[[Any], None] | None:
    if bar is None:
        return None
    found = {"events": 0, "skipped": 0}

    def update(stats: Any) -> None:
        found["events"] += stats.events
        found["skipped"] += stats.duplicates + stats.non_english
        bar.set_postfix(events=found["events"], skipped=found["skipped"], refresh=False)
        bar.update(stats.read)

    return update


def _summary(stats: Any, verb: str) -> str:
    parts = [f"{verb} {stats.stored} article{'s' if stats.stored != 1 else ''} "
             f"({stats.events} event{'s' if stats.events != 1 else ''})"]
    if stats.duplicates:
        parts.append(f"{stats.duplicates} already stored")
    if stats.near_duplicates:
        parts.append(f"{stats.near_duplicates} near-duplicates linked")
    if stats.non_english:
        parts.append(f"{stats.non_english} not English (stored, not coded)")
    if stats.failed:
        parts.append(f"{stats.failed} could not be read")
    return "gestae: " + "; ".join(parts)


def _report_errors(stats: Any) -> None:
    for message in stats.errors:
        click.echo(f"gestae: skipped {message}", err=True)
    if stats.failed > len(stats.errors):
        click.echo(f"gestae: ... and {stats.failed - len(stats.errors)} more", err=True)


def _pipeline_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for decorator in reversed([
        click.option("--actors", "actor_files", multiple=True,
                     type=click.Path(dir_okay=False), help="Extra actor dictionary (YAML)."),
        click.option("--triggers", "trigger_files", multiple=True,
                     type=click.Path(dir_okay=False), help="Extra trigger patterns (YAML)."),
        click.option("--acled-rules", "acled_files", multiple=True,
                     type=click.Path(dir_okay=False), help="Extra ACLED mapping rules (YAML)."),
        click.option("--batch-size", default=64, show_default=True,
                     type=click.IntRange(1, 4096), help="Articles per committed batch."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress bar on stderr (default: when stderr is a terminal)."),
    ]):
        f = decorator(f)
    return f


@click.command("ingest", help=INGEST_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", help=DB_HELP)
@click.option("--date", help="Publication date (YYYY-MM-DD) for articles that have none.")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Join reports of the same real-world event across articles.")
@_pipeline_options
def ingest_cmd(paths: tuple[str, ...], db: str | None, date: str | None, merge: bool,
               actor_files: tuple[str, ...], trigger_files: tuple[str, ...],
               acled_files: tuple[str, ...], batch_size: int, progress: bool | None) -> None:
    from gestae.ingest import InputError, check_date
    from gestae.ingest.sources import count_planned, iter_plan, plan_sources

    try:
        day = check_date(date) if date else None
        plan = plan_sources(list(paths))
    except InputError as exc:
        raise BadInput(str(exc)) from None
    check_files(actors=actor_files, triggers=trigger_files, acled_rules=acled_files)
    with _open(db, read_only=False) as store:
        pipeline = load_pipeline(actor_files, min(batch_size, 32), trigger_files, acled_files)
        bar = _progress(progress, count_planned(plan), "ingest")
        try:
            stats = store.ingest(iter_plan(plan, date=day), pipeline, batch_size,
                                 _on_batch(bar), merge=merge)
        except InputError as exc:
            raise BadInput(str(exc)) from None
        finally:
            if bar is not None:
                bar.close()
    _report_errors(stats)
    click.echo(_summary(stats, "stored"), err=True)
    if stats.failed and stats.stored == 0 and stats.duplicates == 0:
        sys.exit(2)


@click.command("reprocess")
@click.option("--db", help=DB_HELP)
@_pipeline_options
def reprocess_cmd(db: str | None, actor_files: tuple[str, ...], trigger_files: tuple[str, ...],
                  acled_files: tuple[str, ...], batch_size: int, progress: bool | None) -> None:
    """Re-extract the events of every stored article (after an upgrade or new data files).

    Each batch of articles has its events replaced in one transaction.
    """
    check_files(actors=actor_files, triggers=trigger_files, acled_rules=acled_files)
    with _open(db, read_only=False) as store:
        total = store.connection.execute(
            "SELECT count(*) FROM articles WHERE status = 'coded'").fetchone()[0]
        pipeline = load_pipeline(actor_files, min(batch_size, 32), trigger_files, acled_files)
        bar = _progress(progress, total, "reprocess")
        try:
            stats = store.reprocess(pipeline, batch_size, _on_batch(bar))
        finally:
            if bar is not None:
                bar.close()
    _report_errors(stats)
    click.echo(_summary(stats, "reprocessed"), err=True)


def _filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for decorator in reversed([
        click.option("--db", help=DB_HELP),
        click.option("--type", "type_", metavar="TYPE", help="PLOVER type, e.g. ASSAULT."),
        click.option("--country", help="ISO 3166-1 alpha-3 of the location or an actor."),
        click.option("--actor", help="An actor: a name or alias the knowledge base knows "
                     "(\"KH\" finds Kata'ib Hezbollah), part of a name, or an id."),
        click.option("--since", help="Events on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)."),
        click.option("--until", help="Events on or before this day."),
        click.option("--near", help="A place name or 'lat,lon'; use with --km."),
        click.option("--km", default=50.0, show_default=True, type=click.FloatRange(0),
                     help="Radius for --near."),
        click.option("--min-killed", type=click.IntRange(0), help="At least this many killed."),
        click.option("--asserted-only", is_flag=True,
                     help="Only events that happened (not negated, threatened or imagined)."),
        click.option("--limit", type=click.IntRange(1), help="At most this many events."),
    ]):
        f = decorator(f)
    return f


def _make_filter(type_: str | None, country: str | None, actor: str | None,
                 since: str | None, until: str | None, near: str | None, km: float,
                 min_killed: int | None, asserted_only: bool, limit: int | None) -> Any:
    from gestae.store import StoreError
    from gestae.store.query import make_filter

    try:
        flt, label = make_filter(type=type_, country=country, actor=actor, since=since,
                                 until=until, near=near, km=km, min_killed=min_killed,
                                 asserted_only=asserted_only, limit=limit)
    except (ValueError, StoreError) as exc:
        raise BadInput(str(exc)) from None
    if label:
        click.echo(f"gestae: near {label}, within {km:g} km", err=True)
    return flt


@click.group("events", help=EVENTS_HELP, invoke_without_command=True)
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]),
              default="table", show_default=True, help="Output format.")
@click.pass_context
def events_cmd(ctx: click.Context, db: str | None, fmt: str, **filters: Any) -> None:
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db": db}
        return
    from gestae.store.render import write_events

    flt = _make_filter(**filters)
    with _open(db, read_only=True) as store:
        count = write_events(store.event_dicts(flt), fmt, sys.stdout)
    if fmt == "table":
        click.echo(f"gestae: {count} event{'s' if count != 1 else ''}", err=True)


@events_cmd.command("show")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_obj
def events_show(obj: dict[str, Any], event_id: str, fmt: str) -> None:
    """One event: its fields, every source, and why its reports were merged."""
    from gestae.store.render import render_event

    with _open(obj["db"], read_only=True) as store:
        event = store.event(event_id)
    click.echo(json.dumps(event, indent=2, ensure_ascii=False) if fmt == "json"
               else render_event(event))


@events_cmd.command("merge")
@click.argument("first")
@click.argument("second")
@click.pass_obj
def events_merge(obj: dict[str, Any], first: str, second: str) -> None:
    """Join two events that are one (kept when more articles arrive)."""
    with _open(obj["db"], read_only=False) as store:
        merged = store.merge(first, second)
    click.echo(f"gestae: merged into event {merged}", err=True)


@events_cmd.command("split")
@click.argument("event_id")
@click.argument("article")
@click.pass_obj
def events_split(obj: dict[str, Any], event_id: str, article: str) -> None:
    """Take ARTICLE's reports (article id) out of an event (kept when more articles arrive)."""
    with _open(obj["db"], read_only=False) as store:
        events = store.split(event_id, article)
    click.echo(f"gestae: now events {', '.join(events)}", err=True)


@click.command("export", help=EXPORT_HELP)
@_filter_options
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover-jsonl", "acled-csv", "gdelt-tsv", "geojson", "parquet"]),
              help="Export format.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Output file.")
def export_cmd(db: str | None, fmt: str, out: str, **filters: Any) -> None:
    from gestae.store.export import export

    flt = _make_filter(**filters)
    with _open(db, read_only=True) as store:
        try:
            written = export(store.event_dicts(flt), fmt, out)
        except (OSError, ValueError) as exc:
            raise BadInput(f"--out {out}: {exc}") from None
    click.echo(f"gestae: wrote {written} events to {out}", err=True)


@click.command("stats")
@click.option("--db", help=DB_HELP)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1),
              help="Rows in the country and actor lists.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def stats_cmd(db: str | None, top: int, fmt: str) -> None:
    """Counts by type, country and month, top actors, duplicates and non-English articles."""
    from gestae.store.connection import default_path
    from gestae.store.render import render_stats

    exists = Path(db or default_path()).exists()
    with _open(db, read_only=not exists) as store:  # writable: an old store is upgraded here
        stats = store.stats(top)
    if fmt == "json":
        click.echo(json.dumps(stats, indent=2, default=str))
    else:
        click.echo(render_stats(stats, store.path))


COMMANDS = [ingest_cmd, events_cmd, export_cmd, stats_cmd, reprocess_cmd]
