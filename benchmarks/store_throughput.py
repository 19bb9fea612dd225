"""What the event store costs on top of extraction: ingest vs `gestae extract` alone.

    python benchmarks/store_throughput.py PATH [--limit N] [--rounds R] [--json FILE]

PATH is a JSON Lines corpus (benchmarks/make_corpus.py writes one). The same pipeline object
extracts the articles (consuming the results, as `gestae extract` does before writing) and
ingests them into a fresh store, alternately for R rounds after a warm-up; the best round of
each is reported, since the machine's other load only ever makes a round slower.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

from gestae.ingest import iter_jsonl
from gestae.model import Article
from gestae.pipeline import Pipeline
from gestae.store import Store


def _articles(path: Path, limit: int | None) -> list[Article]:
    with path.open("rb") as stream:
        items = [a for a in iter_jsonl(stream, str(path)) if isinstance(a, Article)]
    return items[:limit] if limit else items


def _extract(pipeline: Pipeline, articles: list[Article]) -> float:
    start = time.perf_counter()
    for result in pipeline.extract_many(articles):
        result.to_dict()
    return time.perf_counter() - start


def _ingest(pipeline: Pipeline, articles: list[Article], batch_size: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with Store(str(Path(folder) / "bench.duckdb")) as store:
            store.ingest(articles, pipeline, batch_size=batch_size)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    articles = _articles(args.path, args.limit)
    if not articles:
        sys.exit(f"{args.path}: no articles")
    pipeline = Pipeline()
    _extract(pipeline, articles[:8])  # warm-up: model caches, gazetteer, language model
    _ingest(pipeline, articles[:8], args.batch_size)
    extract_times, ingest_times = [], []
    for _ in range(args.rounds):
        extract_times.append(_extract(pipeline, articles))
        ingest_times.append(_ingest(pipeline, articles, args.batch_size))
    n = len(articles)
    best_extract, best_ingest = min(extract_times), min(ingest_times)
    result = {
        "articles": n, "rounds": args.rounds, "batch_size": args.batch_size,
        "extract_docs_per_s": round(n / best_extract, 2),
        "ingest_docs_per_s": round(n / best_ingest, 2),
        "store_overhead": round(best_ingest / best_extract - 1, 3),
        "extract_s": [round(t, 1) for t in extract_times],
        "ingest_s": [round(t, 1) for t in ingest_times],
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
