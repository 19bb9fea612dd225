"""The ``gestae`` command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import click

from gestae import __version__
from gestae.cli_common import BadInput, check_files, load_pipeline
from gestae.cli_store import COMMANDS
from gestae.output import FORMATS

MAIN_HELP = """Turn news articles into political and conflict event data.

gestae reads articles and writes events coded in PLOVER (with CAMEO and ACLED mappings):
who did what to whom, where, when, and with what human cost, each with the sentence
that supports it. Everything runs offline.

\b
Examples:
  gestae extract article.txt --date 2020-01-27
  gestae extract articles.jsonl --format jsonl > events.jsonl
  cat page.html | gestae extract - --input html --format json
"""

EXTRACT_HELP = """Extract events from articles and print them.

PATH is a text, HTML or JSON Lines file, or - for standard input. The input kind is
taken from the extension (.txt, .html/.htm, .jsonl/.ndjson) unless --input says it.

\b
JSON Lines input has one article a line:
  {"id": "a1", "text": "...", "date": "2020-01-27", "url": "...", "source": "..."}
("html" may replace "text"). The output has one line per input line, in order; a line
that cannot be processed becomes {"id": ..., "error": "..."} and the batch goes on.

\b
Examples:
  gestae extract article.txt --date 2020-01-27
  gestae extract article.txt --date 2020-01-27 --format json
  gestae extract news.jsonl --format jsonl > events.jsonl
  gestae extract news.jsonl --format csv > events.csv
"""


@click.group(help=MAIN_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="gestae")
def cli() -> None:
    pass


@cli.command("extract", help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--input", "input_kind", type=click.Choice(["auto", "text", "html", "jsonl"]),
              default="auto", show_default=True, help="Input kind; auto uses the extension.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
              show_default=True, help="Output format: a table for people, or json/jsonl/csv.")
@click.option("--date", help="Publication date (YYYY-MM-DD) for relative dates like "
              "'on Sunday'; for JSON Lines, the default where a line has none.")
@click.option("--id", "doc_id", help="Article id for a text or HTML file (default: file name).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra actor dictionary (YAML); repeatable. Also $GESTAE_ACTORS.")
@click.option("--triggers", "trigger_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra trigger patterns (YAML, like coding/data/triggers.yaml); a pattern "
              "with an existing id replaces it. Repeatable. Also $GESTAE_TRIGGERS.")
@click.option("--acled-rules", "acled_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra ACLED mapping rules (YAML `rules:` like coding/data/acled.yaml), "
              "tried before the packaged ones. Repeatable. Also $GESTAE_ACLED_RULES.")
@click.option("--asserted-only", is_flag=True,
              help="Drop negated, hypothetical, future and historical events.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0,
              help="Drop events below this confidence (0-1).")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024),
              help="Articles parsed together.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
def extract_cmd(paths: tuple[str, ...], input_kind: str, fmt: str, date: str | None,
                doc_id: str | None, actor_files: tuple[str, ...], trigger_files: tuple[str, ...],
                acled_files: tuple[str, ...], asserted_only: bool, min_confidence: float,
                batch_size: int, progress: bool | None) -> None:
    from gestae.ingest import InputError, check_date, detect_format
    from gestae.model import DocumentResult
    from gestae.output import Writer

    try:
        default_date = check_date(date) if date else None
    except InputError as exc:
        raise BadInput(f"--date: {exc}") from None
    check_files(actors=actor_files, triggers=trigger_files, acled_rules=acled_files)

    kinds = []
    for path in paths:
        kind = input_kind
        if kind == "auto":
            kind = "text" if path == "-" else detect_format(path)
        if path != "-" and not os.path.exists(path):
            raise BadInput(f"{path}: no such file")
        if path != "-" and os.path.isdir(path):
            raise BadInput(f"{path}: is a directory; give the files (e.g. {path}/*.txt)")
        kinds.append(kind)
    if doc_id and len(paths) > 1:
        raise BadInput("--id applies to a single input file")

    articles = _articles(paths, kinds, default_date, doc_id)
    first = _first_or_error(articles)
    pipeline = load_pipeline(actor_files, batch_size, trigger_files, acled_files)
    writer = Writer(fmt, sys.stdout)
    show = sys.stderr.isatty() if progress is None else progress
    results = pipeline.extract_many(_chain(first, articles))
    if show:
        from tqdm import tqdm

        results = tqdm(results, desc="articles", unit=" art", file=sys.stderr)
    for result in results:
        if isinstance(result, DocumentResult) and (asserted_only or min_confidence):
            result = result.select(asserted_only, min_confidence)
        writer.write(result)
    writer.close()


PLACES_HELP = """Show how each place name in a text resolves, and why.

For every toponym: how it was found (named entity, gazetteer match, dateline...), the
place chosen with its country and coordinates, the confidence, and the reason it beat the
runner-up. --format json adds the top candidates with their score parts.

\b
Examples:
  gestae places "Clashes broke out in Paris, Texas, near the Red River."
  gestae places --file article.txt --format json
"""


@cli.command("places", help=PLACES_HELP)
@click.argument("text", required=False)
@click.option("--file", "path", type=click.Path(dir_okay=False),
              help="Read the text from a file (or - for stdin) instead.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def places_cmd(text: str | None, path: str | None, fmt: str) -> None:
    import json

    if (text is None) == (path is None):
        raise BadInput("give either TEXT or --file PATH")
    if path is not None:
        text = _read_text_arg(path)
    from gestae.geo.explain import explain

    assert text is not None
    rows = explain(text)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from gestae.evaluate.base import render_table

    table = []
    for row in rows:
        chosen = row["chosen"] or {}
        parts = [chosen.get("name"), chosen.get("admin1"), chosen.get("country")]
        where = ", ".join(dict.fromkeys(x for x in parts if x)) or "(unresolved)"
        table.append([row["text"], row["label"], where, chosen.get("feature") or "-",
                      row["confidence"], row["reason"]])
    click.echo(render_table(["toponym", "found as", "resolved to", "feature", "conf",
                             "why"], table) if table else "no place names found")


def _read_text_arg(path: str) -> str:
    from gestae.ingest import InputError, decode_text, read_text_file

    try:
        if path == "-":
            return decode_text(sys.stdin.buffer.read(), "stdin")
        return read_text_file(path)
    except InputError as exc:
        raise BadInput(_with_path(path, exc)) from None


ACTORS_HELP = """List the actor knowledge base, or explain how a name is coded.

Without --lookup: every entry (countries, organisations, people, role words) with its
country, PLOVER sector and aliases; --kind narrows it. With --lookup: how the name
resolves on --date (people hold dated roles: a leader is GOV only during his term), which
alias matched and why. --actors adds your own files, as for `gestae extract`.

\b
Examples:
  gestae actors --kind organisation
  gestae actors --lookup "Quds Force" --date 2020-01-03
  gestae actors --lookup "Donald Trump" --date 2022-06-01 --format json
"""


@cli.command("actors", help=ACTORS_HELP)
@click.option("--kind", help="country, organisation, person, role, region (or state, group).")
@click.option("--lookup", "name", help="A name or phrase to resolve.")
@click.option("--date", help="The date for --lookup (YYYY-MM-DD); default: latest roles.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra actor dictionary (YAML); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def actors_cmd(kind: str | None, name: str | None, date: str | None,
               actor_files: tuple[str, ...], fmt: str) -> None:
    import datetime as dt
    import json

    from gestae.actors.explain import list_entries, lookup
    from gestae.evaluate.base import render_table
    from gestae.ingest import InputError, check_date

    for path in actor_files:
        if not os.path.isfile(path):
            raise BadInput(f"--actors {path}: no such file")
    try:
        day = dt.date.fromisoformat(check_date(date)) if date else None
    except InputError as exc:
        raise BadInput(f"--date: {exc}") from None
    try:
        if name is not None:
            found = lookup(name, day, files=actor_files)
            if fmt == "json":
                click.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))
            else:
                click.echo(found["reason"])
            if not found["found"]:
                sys.exit(1)
            return
        entries = list_entries(kind, files=actor_files)
    except ValueError as exc:  # malformed user files, unknown kinds
        raise BadInput(str(exc)) from None
    if not entries and kind:
        raise BadInput(f"--kind {kind}: no such entries; try country, organisation, person, "
                       "role, region, state or group")
    if fmt == "json":
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2, default=str))
        return
    rows = [[e["id"], e.get("country") or e.get("code") or "-", e.get("sector") or "-",
             ", ".join(p for ps in (e.get("phrases") or {}).values() for p in ps)[:70]]
            for e in entries]
    click.echo(render_table(["id", "country", "sector", "names"], rows))
    click.echo(f"{len(rows)} entries", err=True)


EVAL_HELP = """Score gestae on a public gold data set.

DATASET is case2021, conflibert-quad, conflibert-actors, petrarch-unittests,
geoparsing, event-location, tempeval, muc34 or re3d; or `all` to run every one found
under PATH (the datasets folder, e.g. ../shared/datasets) and print a summary.
Figures go to stdout as tables; --json FILE keeps them for tracking.

\b
Examples:
  gestae eval case2021 ../shared/datasets/case2021-task2/snippets.tsv
  gestae eval tempeval ../shared/datasets/tempeval3 --json tempeval.json
  gestae eval all ../shared/datasets --limit 50
"""


@cli.command("eval", help=EVAL_HELP)
@click.argument("dataset")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "json_path", type=click.Path(dir_okay=False),
              help="Write the figures as JSON (a list for `all`).")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N items.")
def eval_cmd(dataset: str, path: str, json_path: str | None, limit: int | None) -> None:
    import json
    from pathlib import Path

    from gestae.evaluate import REGISTRY, load_all
    from gestae.evaluate.suite import DEFAULT_PATHS, run_all, run_one, summary

    load_all()
    names = sorted(set(REGISTRY) | set(DEFAULT_PATHS))
    if dataset != "all" and dataset not in names:
        raise BadInput(f"unknown data set {dataset!r}; choose one of: all, {', '.join(names)}")
    pipeline = _Progress(load_pipeline((), 32), show=sys.stderr.isatty())
    if dataset == "all":
        reports = run_all(Path(path), pipeline, limit,
                          echo=lambda m: click.echo(m, err=True))
        for report in reports:
            click.echo(report.render() + "\n")
        click.echo(summary(reports))
        if json_path:
            Path(json_path).write_text(json.dumps([r.to_json() for r in reports], indent=2))
        return
    try:
        report = run_one(dataset, Path(path), pipeline, limit)
    except (OSError, ValueError) as exc:
        raise BadInput(f"{path}: cannot read as {dataset}: {exc}") from None
    if report.n == 0:
        raise BadInput(f"{path}: no {dataset} gold items found; is this the right file?")
    click.echo(report.render())
    if json_path:
        report.write_json(json_path)


class _Progress:
    """Wraps a pipeline so that long evaluations show a progress bar on a terminal."""

    def __init__(self, pipeline: Any, show: bool) -> None:
        self.pipeline = pipeline
        self.show = show

    def extract(self, *args: Any, **kwargs: Any) -> Any:
        return self.pipeline.extract(*args, **kwargs)

    def locate(self, *args: Any, **kwargs: Any) -> Any:
        return self.pipeline.locate(*args, **kwargs)

    def extract_many(self, articles: Any) -> Any:
        results = self.pipeline.extract_many(articles)
        if not self.show:
            return results
        from tqdm import tqdm

        return tqdm(results, desc="scoring", unit=" doc", file=sys.stderr, leave=False)


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    if first is not None:
        yield first
    yield from rest


def _first_or_error(articles: Iterator[Any]) -> Any:
    """Pull the first article so a bad single file fails before the model loads."""
    from gestae.ingest import InputError

    try:
        return next(articles, None)
    except InputError as exc:
        raise BadInput(str(exc)) from None


def _articles(paths: tuple[str, ...], kinds: list[str], date: str | None,
              doc_id: str | None) -> Iterator[Any]:
    """Articles from every input, streamed; JSON Lines errors stay in the stream."""
    from gestae.ingest import InputError, article_from_path, iter_jsonl
    from gestae.model import Article

    for path, kind in zip(paths, kinds, strict=False):
        if kind == "jsonl":
            stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
            try:
                for item in iter_jsonl(stream, "stdin" if path == "-" else path):
                    if isinstance(item, Article) and item.date is None and date:
                        item.date = date
                    yield item
            finally:
                if path != "-":
                    stream.close()
        elif path == "-":
            yield _stdin_article(kind, date, doc_id)
        else:
            try:
                yield article_from_path(path, kind, date=date, id=doc_id)
            except InputError as exc:
                raise BadInput(_with_path(path, exc)) from None


def _with_path(path: str, exc: Exception) -> str:
    message = str(exc)
    return message if message.startswith(path) else f"{path}: {message}"


def _stdin_article(kind: str, date: str | None, doc_id: str | None) -> Any:
    from gestae.ingest import InputError, decode_text
    from gestae.model import Article

    try:
        text = decode_text(sys.stdin.buffer.read(), "stdin")
    except InputError as exc:
        raise BadInput(_with_path("stdin", exc)) from None
    ident = doc_id or "stdin"
    if kind == "html":
        return Article(id=ident, html=text, date=date)
    return Article(id=ident, text=text, date=date)


for _command in COMMANDS:
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: clean exits for broken pipes and Ctrl-C."""
    try:
        cli.main(args=argv, prog_name="gestae", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("gestae: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # stdout closed early (e.g. piped into `head`): not an error worth a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    main()

