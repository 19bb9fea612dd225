"""Throughput of the full gestae pipeline against bare spaCy on the same texts.

    python benchmarks/throughput.py PATH [--limit N] [--batch-size B] [--json FILE]

PATH is a folder of .txt/.html files or a .jsonl file (benchmarks/make_corpus.py writes
one). Both runs are warmed up first, then timed on all texts in the same process; the ratio
says how much gestae costs on top of parsing (the goal is to stay within about 2x).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gestae import nlp as nlp_module
from gestae.ingest import (
    InputError,
    article_from_path,
    detect_format,
    html_to_text,
    iter_jsonl,
)
from gestae.model import Article, ErrorResult

FILE_FORMATS = {"text", "html"}


@dataclass
class Timing:
    name: str
    docs: int
    words: int
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "words": self.words, "seconds": round(self.seconds, 3),
                "docs_per_s": round(self.docs_per_s, 3), "words_per_s": round(self.words_per_s)}


def load_articles(path: Path, limit: int | None) -> list[Article]:
    """Articles from a folder of text/HTML files or a JSON Lines file (bad ones skipped)."""
    articles: list[Article] = []
    if path.is_dir():
        for file in sorted(path.iterdir()):
            if limit is not None and len(articles) >= limit:
                break
            try:
                fmt = detect_format(file)
                if file.is_file() and fmt in FILE_FORMATS:
                    articles.append(article_from_path(file, fmt))
            except InputError as exc:
                print(f"skipped: {exc}", file=sys.stderr)
        return articles
    with path.open("rb") as stream:
        for item in iter_jsonl(stream, str(path)):
            if isinstance(item, ErrorResult):
                print(f"skipped: {item.error}", file=sys.stderr)
                continue
            articles.append(item)
            if limit is not None and len(articles) >= limit:
                break
    return articles


def plain_text(article: Article) -> str:
    """The text the bare spaCy run parses: as given, or extracted from HTML (untimed)."""
    return article.text if article.text is not None else html_to_text(article.html or "")


def time_spacy(texts: list[str], words: int, batch_size: int) -> Timing:
    nlp = nlp_module.load()
    for _ in nlp.pipe(texts[:batch_size], batch_size=batch_size):
        pass  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return Timing("spaCy (all components)", len(texts), words, time.perf_counter() - start)


def time_gestae(articles: list[Article], words: int, batch_size: int) -> tuple[Timing, int, float]:
    from gestae.pipeline import Pipeline

    start = time.perf_counter()
    pipeline = Pipeline(batch_size=batch_size)
    setup = time.perf_counter() - start
    for _ in pipeline.extract_many(articles[:batch_size]):
        pass  # warm-up: lazy indexes, caches
    errors = 0
    start = time.perf_counter()
    for result in pipeline.extract_many(articles):
        errors += isinstance(result, ErrorResult)
    elapsed = time.perf_counter() - start
    return Timing("gestae (full pipeline)", len(articles), words, elapsed), errors, setup


def print_table(rows: list[Timing], ratio: float, errors: int, setup: float) -> None:
    header = f"{'run':<24} {'docs':>6} {'words':>9} {'seconds':>9} {'docs/s':>8} {'words/s':>9}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(f"{row.name:<24} {row.docs:>6} {row.words:>9} {row.seconds:>9.2f} "
              f"{row.docs_per_s:>8.2f} {row.words_per_s:>9.0f}")
    print(f"\ngestae / spaCy time ratio: {ratio:.2f}x   (pipeline setup {setup:.1f} s, "
          f"{errors} error record(s))")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="folder of .txt/.html files, or a .jsonl file")
    parser.add_argument("--limit", type=int, default=None, help="use at most N articles")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args(argv)

    if not args.path.exists():
        print(f"error: {args.path}: no such file or folder", file=sys.stderr)
        return 2
    articles = load_articles(args.path, args.limit)
    if not articles:
        print(f"error: {args.path}: no usable articles", file=sys.stderr)
        return 2
    texts = [plain_text(a) for a in articles]
    words = sum(len(t.split()) for t in texts)

    spacy_run = time_spacy(texts, words, args.batch_size)
    gestae_run, errors, setup = time_gestae(articles, words, args.batch_size)
    ratio = gestae_run.seconds / spacy_run.seconds if spacy_run.seconds else float("inf")
    print_table([spacy_run, gestae_run], ratio, errors, setup)

    if args.json:
        figures = {
            "path": str(args.path), "batch_size": args.batch_size,
            "python": platform.python_version(), "machine": platform.machine(),
            "spacy": spacy_run.as_dict(), "gestae": gestae_run.as_dict(),
            "ratio": round(ratio, 3), "errors": errors, "setup_seconds": round(setup, 2),
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
