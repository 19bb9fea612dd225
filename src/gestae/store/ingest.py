"""Storing articles and their events, one atomic batch at a time.

Each batch is read, filtered (exact duplicates, non-English), extracted, linked to
near-duplicates and written in one transaction, with bulk inserts. A crash loses at most the
batch in flight, and running the same input again skips what is stored, so the store ends as
one clean run would have left it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

import duckdb

from gestae import __version__
from gestae.ingest import InputError, html_to_text
from gestae.ingest.fingerprint import (
    content_hash,
    jaccard_estimate,
    lsh_bands,
    minhash,
    normalise_url,
)
from gestae.ingest.language import identify
from gestae.model import Article, DocumentResult, ErrorResult
from gestae.store.merge import link_new
from gestae.store.rows import mention_rows
from gestae.store.tables import insert, key_table

NEAR_DUPLICATE = 0.8  # estimated Jaccard of word 5-shingles: the same story, re-published
MAX_ERRORS_KEPT = 20


class Extractor(Protocol):
    def extract_many(self, articles: Iterable[Any]) -> Iterator[DocumentResult | ErrorResult]:
        ...


@dataclass
class IngestStats:
    """What an ingest run did; ``errors`` lists the first few messages."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    non_english: int = 0
    failed: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def add_error(self, message: str) -> None:
        self.failed += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(message)

    def merge(self, other: IngestStats) -> None:
        for name in ("read", "stored", "duplicates", "near_duplicates", "non_english",
                     "events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for message in other.errors:
            self.add_error(message)
        self.failed += other.failed - len(other.errors)


@dataclass
class _Pending:
    """An article that passed the cheap checks and waits for extraction."""

    article: Article
    text: str
    hash: str
    url_key: str | None
    language: str
    language_prob: float
    english: bool
    signature: list[int] = field(default_factory=list)
    bands: list[str] = field(default_factory=list)  # LSH keys of the signature
    near_dup_of: str | None = None
    similarity: float | None = None


def _text_of(article: Article) -> str:
    if article.text is not None:
        return article.text
    if article.html is not None:
        return html_to_text(article.html)
    return ""


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Ingestor:
    """Writes articles and events into an open store connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, extractor: Extractor,
                 batch_size: int = 64, command: str = "ingest", merge: bool = True) -> None:
        self.con = con
        self.extractor = extractor
        self.batch_size = batch_size
        self.command = command
        self.merge = merge

    def run(self, items: Iterable[Article | ErrorResult],
            on_batch: Callable[[IngestStats], None] | None = None) -> IngestStats:
        """Ingest a stream; ``on_batch`` sees each batch's figures (for a progress bar)."""
        total = IngestStats()
        for batch in _batches(items, self.batch_size):
            stats = self._batch(batch)
            total.merge(stats)
            if on_batch is not None:
                on_batch(stats)
        return total

    # -- one batch ----------------------------------------------------------------------

    def _batch(self, items: list[Article | ErrorResult]) -> IngestStats:
        stats = IngestStats(read=len(items))
        pending = self._new_articles(items, stats)
        english = [p for p in pending if p.english]
        stats.non_english = len(pending) - len(english)
        results = self._extract(english, stats)
        coded = [p for p in english if p.hash in results]
        self._link_near_duplicates(coded)
        stats.near_duplicates = sum(1 for p in coded if p.near_dup_of)
        keep = [p for p in pending if not p.english] + coded
        stats.stored = len(keep)
        self._write(keep, results, stats)
        return stats

    def _new_articles(self, items: list[Article | ErrorResult],
                      stats: IngestStats) -> list[_Pending]:
        candidates: list[_Pending] = []
        for item in items:
            if isinstance(item, ErrorResult):
                named = item.id and not item.error.startswith(f"{item.id}:")
                stats.add_error(f"{item.id}: {item.error}" if named else item.error)
                continue
            try:
                text = _text_of(item)
            except InputError as exc:
                stats.add_error(f"{item.id}: {exc}")
                continue
            if not text.strip():
                stats.add_error(f"{item.id}: no article text")
                continue
            language, prob, english = identify(text)
            candidates.append(_Pending(
                article=item, text=text, hash=content_hash(text),
                url_key=normalise_url(item.url) if item.url else None,
                language=language, language_prob=prob, english=english))
        hashes, urls = self._stored_keys(candidates)
        fresh: list[_Pending] = []
        for cand in candidates:
            if cand.hash in hashes or (cand.url_key and cand.url_key in urls):
                stats.duplicates += 1
                continue
            hashes.add(cand.hash)
            if cand.url_key:
                urls.add(cand.url_key)
            fresh.append(cand)
        return fresh

    def _stored_keys(self, cands: list[_Pending]) -> tuple[set[str], set[str]]:
        hashes = [c.hash for c in cands]
        urls = [c.url_key for c in cands if c.url_key]
        key_table(self.con, "ingest_hashes", "hash", hashes)
        key_table(self.con, "ingest_urls", "url_key", urls)
        found_h = self.con.execute(
            "SELECT hash FROM articles JOIN ingest_hashes USING (hash)").fetchall()
        found_u = self.con.execute(
            "SELECT url_key FROM articles JOIN ingest_urls USING (url_key)").fetchall()
        return {r[0] for r in found_h}, {r[0] for r in found_u}

    def _extract(self, pending: list[_Pending], stats: IngestStats) -> dict[str, DocumentResult]:
        articles = [Article(id=p.hash, text=p.text, date=p.article.date) for p in pending]
        out: dict[str, DocumentResult] = {}
        for p, result in zip(pending, self.extractor.extract_many(articles), strict=True):
            if isinstance(result, ErrorResult):
                stats.add_error(f"{p.article.id}: {result.error}")
            else:
                out[p.hash] = result
        return out

    # -- near duplicates ------------------------------------------------------------------

    def _link_near_duplicates(self, coded: list[_Pending]) -> None:
        """Point each article at the earliest stored or earlier-in-batch copy of its story."""
        for p in coded:
            p.signature = minhash(p.text)
            p.bands = lsh_bands(p.signature)
        all_bands = sorted({b for p in coded for b in p.bands})
        key_table(self.con, "ingest_bands", "band", all_bands)
        stored = self.con.execute("""
            SELECT b.band, b.hash, s.signature, a.near_dup_of
            FROM article_bands b
            JOIN article_signatures s USING (hash)
            JOIN articles a USING (hash)
            JOIN ingest_bands q ON q.band = b.band""").fetchall()
        by_band: dict[str, list[tuple[str, list[int], str | None]]] = {}
        for band, h, sig, root in stored:
            by_band.setdefault(band, []).append((h, list(sig), root))
        for p in coded:
            best: tuple[float, str] | None = None  # (similarity, the copy's root story)
            seen: set[str] = set()
            for band in p.bands:
                for h, sig, root in by_band.get(band, []):
                    if h in seen:
                        continue
                    seen.add(h)
                    sim = jaccard_estimate(p.signature, sig)
                    candidate = (sim, root or h)
                    if sim >= NEAR_DUPLICATE and (best is None or candidate > best):
                        best = candidate
            if best is not None:
                p.similarity, p.near_dup_of = best
            for band in p.bands:
                by_band.setdefault(band, []).append((p.hash, p.signature, p.near_dup_of))

    # -- writing ---------------------------------------------------------------------------

    def _write(self, keep: list[_Pending], results: dict[str, DocumentResult],
               stats: IngestStats) -> None:
        now = dt.datetime.now()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            batch = con.execute(
                "SELECT coalesce(max(batch), 0) + 1 FROM ingest_log").fetchone()[0]
            articles, mentions, band_rows, signatures = [], [], [], []
            for p in keep:
                result = results.get(p.hash)
                rows = mention_rows(result, p.hash, p.article.id) if result else []
                mentions.extend(rows)
                articles.append(self._article_row(p, len(rows), batch, now))
                if p.signature:
                    signatures.append({"hash": p.hash, "signature": p.signature})
                    band_rows.extend({"band": b, "hash": p.hash} for b in p.bands)
            stats.events = len(mentions)
            insert(con, "articles", articles)
            insert(con, "mentions", mentions)
            insert(con, "article_bands", band_rows)
            insert(con, "article_signatures", signatures)
            if self.merge:
                link_new(con, [m["mention_id"] for m in mentions])
            con.execute(
                "INSERT INTO ingest_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [batch, now, self.command, stats.read, stats.stored, stats.duplicates,
                 stats.near_duplicates, stats.non_english, stats.failed, stats.events])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    @staticmethod
    def _article_row(p: _Pending, n_events: int, batch: int, now: dt.datetime
                     ) -> dict[str, Any]:
        a = p.article
        return {
            "hash": p.hash, "id": a.id, "url": a.url, "url_key": p.url_key,
            "source": a.source, "title": a.title, "date": a.date, "text": p.text,
            "language": p.language, "language_prob": p.language_prob,
            "status": "coded" if p.english else "non_english", "n_events": n_events,
            "near_dup_of": p.near_dup_of, "similarity": p.similarity,
            "batch": batch, "ingested_at": now, "gestae_version": __version__,
        }
