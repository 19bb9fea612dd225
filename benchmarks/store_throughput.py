"""What the event store costs on top of extraction, and what merging costs on top of that.

    python benchmarks/store_throughput.py PATH [--limit N] [--rounds R] [--json FILE]
        [--modes extract,ingest,merge]

PATH is a JSON Lines corpus (benchmarks/make_corpus.py writes one). With one pipeline object,
`extract` consumes the extraction results (as `gestae extract` does before writing),
`ingest` stores them without merging, `merge` stores them merging reports across articles;
each into a fresh store, in turn for R rounds after a warm-up. The best round of each is
reported, since the machine's other load only ever makes a round slower.
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


def _ingest(pipeline: Pipeline, articles: list[Article], batch_size: int,
            merge: bool) -> float:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with Store(str(Path(folder) / "bench.duckdb")) as store:
            store.ingest(articles, pipeline, batch_size=batch_size, merge=merge)
        return time.perf_counter() - start


def _run(mode: str, pipeline: Pipeline, articles: list[Article], batch_size: int) -> float:
    if mode == "extract":
        return _extract(pipeline, articles)
    return _ingest(pipeline, articles, batch_size, merge=mode == "merge")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--modes", default="extract,ingest,merge")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    articles = _articles(args.path, args.limit)
    if not articles:
        sys.exit(f"{args.path}: no articles")
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    pipeline = Pipeline()
    for mode in modes:  # warm-up: model caches, gazetteer, language model, SQL
        _run(mode, pipeline, articles[:8], args.batch_size)
    times: dict[str, list[float]] = {m: [] for m in modes}
    for _ in range(args.rounds):
        for mode in modes:
            times[mode].append(_run(mode, pipeline, articles, args.batch_size))
    n = len(articles)
    best = {m: min(t) for m, t in times.items()}
    result: dict[str, object] = {
        "articles": n, "rounds": args.rounds, "batch_size": args.batch_size,
        **{f"{m}_docs_per_s": round(n / best[m], 2) for m in modes},
        **{f"{m}_s": [round(t, 1) for t in times[m]] for m in modes},
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    if "extract" in best and "ingest" in best:
        result["store_overhead"] = round(best["ingest"] / best["extract"] - 1, 3)
    if "ingest" in best and "merge" in best:
        result["merge_overhead"] = round(best["merge"] / best["ingest"] - 1, 3)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
