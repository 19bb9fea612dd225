"""Merging reports into events: pairwise "same event" scores on a hand-written corpus.

The gold file is JSON Lines, one article a line, with the article's own fields (``id``,
``date``, ``source``, ``url``, ``title``, ``text``) and two labels: ``gold_event`` (which
real-world event its lead reports) and ``gold_type`` (that event's PLOVER type). See
``benchmarks/merge_corpus/README.md``.

The runner stores every article in a fresh temporary store, in several orders, and reads back
which event each article's main mention joined. An article's predicted event is the
``event_id`` of its best asserted mention of the gold type. Scores are over article pairs:
a pair is "same" in the gold when both carry one ``gold_event``, and "same" in the prediction
when both articles' predicted event ids are equal (an article without one is alone).
"""

from __future__ import annotations

import json
import random
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from gestae.evaluate.base import PipelineLike, Report, gold_file, prf, register, safe_div
from gestae.model import Article

SHUFFLE_SEEDS = (1, 2)
BATCH_SIZE = 8
MAX_WRONG_PAIRS = 30
MENTION_SQL = ("SELECT article_id, event_id, type, confidence, negated, modality, ord, "
               "CAST(json_extract(record, '$.evidence.start') AS INTEGER) AS evidence_start "
               "FROM mentions")

Partition = frozenset[frozenset[str]]


@dataclass
class GoldArticle:
    id: str
    text: str
    gold_event: str
    gold_type: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def article(self) -> Article:
        """The article as the store takes it (without the gold labels)."""
        return Article(id=self.id, text=self.text, date=self.date, url=self.url,
                       title=self.title, source=self.source)


# -- reading ------------------------------------------------------------------------------


def read(path: str | Path) -> list[GoldArticle]:
    """The corpus in file order; blank lines are skipped, unknown fields ignored."""
    out: list[GoldArticle] = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            missing = [k for k in ("id", "text", "gold_event", "gold_type") if not record.get(k)]
            if missing:
                raise ValueError(f"line {n}: missing {', '.join(missing)}")
            out.append(GoldArticle(
                id=str(record["id"]), text=record["text"], gold_event=str(record["gold_event"]),
                gold_type=str(record["gold_type"]).upper(), date=record.get("date"),
                source=record.get("source"), url=record.get("url"), title=record.get("title")))
    ids = [a.id for a in out]
    if len(set(ids)) != len(ids):
        raise ValueError("article ids are not unique")
    return out


# -- scoring ------------------------------------------------------------------------------


def article_event(mentions: Iterable[Mapping[str, Any]], gold_type: str) -> str | None:
    """The event an article's main report joined: its best asserted mention of ``gold_type``.

    Best = highest confidence, then earliest in the article (``ord``). When mentions carry
    ``evidence_start`` (their sentence's offset), only the earliest sentence that codes the
    gold type competes: the gold label is the event of the lead, and a background sentence
    ("on Sunday a car bomb killed five") must not speak for the article even when it is
    coded more confidently. Negated, future, hypothetical and historical mentions never
    count: they do not report the event.
    """
    found = [m for m in mentions
             if m["type"] == gold_type and not m["negated"] and m["modality"] == "asserted"]
    starts = [m["evidence_start"] for m in found if m.get("evidence_start") is not None]
    if starts:
        first = min(starts)
        found = [m for m in found if m.get("evidence_start") in (None, first)]
    if not found:
        return None
    best = min(found, key=lambda m: (-float(m["confidence"]), int(m.get("ord") or 0)))
    return str(best["event_id"])


def predictions(rows: Iterable[Mapping[str, Any]], gold_types: Mapping[str, str]
                ) -> dict[str, str | None]:
    """Each gold article's predicted event id (None: its gold type was not coded)."""
    by_article: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_article[str(row["article_id"])].append(row)
    return {aid: article_event(by_article.get(aid, []), gtype)
            for aid, gtype in gold_types.items()}


def _same(pred: Mapping[str, str | None], a: str, b: str) -> bool:
    pa, pb = pred.get(a), pred.get(b)
    return pa is not None and pa == pb


def pairwise_scores(gold: Mapping[str, str], pred: Mapping[str, str | None]
                    ) -> dict[str, float | int]:
    """Precision, recall and F1 of "same event" decisions over every pair of gold articles.

    A pair is gold-positive when both articles carry the same gold event and predicted-
    positive when both have the same non-None predicted event; articles missing from
    ``pred`` count as None.
    """
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold = gold[a] == gold[b]
        same_pred = _same(pred, a, b)
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    n = len(gold)
    precision, recall, f1 = prf(tp, fp, fn)
    return {"precision": precision, "recall": recall, "f1": f1, "pairs": n * (n - 1) // 2,
            "gold_pairs": tp + fn, "predicted_pairs": tp + fp, "tp": tp, "fp": fp, "fn": fn}


def partition(pred: Mapping[str, str | None]) -> Partition:
    """The grouping of articles a prediction implies (event ids themselves do not matter)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for aid, event in pred.items():
        groups[event if event is not None else f"\0{aid}"].add(aid)
    return frozenset(frozenset(g) for g in groups.values())


def events_per_gold_event(gold: Mapping[str, str], pred: Mapping[str, str | None]) -> float:
    """Mean number of predicted events a gold event's articles fall into (1.0 is ideal);
    an article without a prediction is an event of its own."""
    found: dict[str, set[str]] = defaultdict(set)
    for aid, event in gold.items():
        p = pred.get(aid)
        found[event].add(p if p is not None else f"\0{aid}")
    return safe_div(sum(len(v) for v in found.values()), len(found))


def wrong_pairs(gold: Mapping[str, str], pred: Mapping[str, str | None],
                limit: int = MAX_WRONG_PAIRS) -> list[list[Any]]:
    """Pairs decided wrongly, first ``limit``: merged though different, or split though same."""
    rows: list[list[Any]] = []
    for a, b in combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], _same(pred, a, b)
        if same_gold == same_pred:
            continue
        rows.append([a, b, gold[a], gold[b], _short(pred.get(a)), _short(pred.get(b)),
                     "merged" if same_pred else "split"])
        if len(rows) >= limit:
            break
    return rows


def _short(event: str | None) -> str:
    return event[:8] if event else "-"


# -- running ------------------------------------------------------------------------------


def orders(items: Sequence[GoldArticle], seeds: Sequence[int] = SHUFFLE_SEEDS
           ) -> list[tuple[str, list[GoldArticle]]]:
    """The ingestion orders tried: file order, reversed, and one shuffle per seed."""
    out = [("file", list(items)), ("reversed", list(reversed(items)))]
    for seed in seeds:
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        out.append((f"shuffle-{seed}", shuffled))
    return out


class CachedExtractor:
    """Extracts each distinct (text, date) once across the orders: only merging differs."""

    def __init__(self, pipeline: PipelineLike) -> None:
        self.pipeline = pipeline
        self.cache: dict[tuple[str | None, str | None], Any] = {}

    def extract_many(self, articles: Iterable[Any]) -> Iterator[Any]:
        batch = list(articles)
        keys = [(a.text, a.date) for a in batch]
        todo = [a for a, k in zip(batch, keys, strict=True) if k not in self.cache]
        for article, result in zip(todo, self.pipeline.extract_many(todo), strict=True):
            self.cache[(article.text, article.date)] = result
        for key in keys:
            yield self.cache[key]


def stored_mentions(items: Sequence[GoldArticle], extractor: Any) -> list[dict[str, Any]]:
    """Ingest ``items`` in their order into a fresh temporary store; its mention rows."""
    from gestae.store import Store

    with tempfile.TemporaryDirectory(prefix="gestae-merge-") as tmp:
        store = Store(str(Path(tmp) / "merge.duckdb"))
        try:
            store.ingest([a.article() for a in items], extractor, batch_size=BATCH_SIZE)
            cursor = store.connection.execute(MENTION_SQL)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            store.close()


@register("merge", "Merging: pairwise same-event P/R/F1 and order invariance on a corpus")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    path = gold_file(path, "articles.jsonl")
    items = read(path)
    if limit:
        items = items[:limit]
    gold = {a.id: a.gold_event for a in items}
    gold_types = {a.id: a.gold_type for a in items}
    extractor = CachedExtractor(pipeline)
    results: list[tuple[str, dict[str, str | None], dict[str, float | int]]] = []
    for name, ordered in orders(items):
        pred = predictions(stored_mentions(ordered, extractor), gold_types)
        results.append((name, pred, pairwise_scores(gold, pred)))
    _, first, scores = results[0]
    invariant = len({partition(pred) for _, pred, _ in results}) == 1
    uncoded = [a for a in items if first[a.id] is None]
    metrics: dict[str, float | int | None] = {
        "precision": scores["precision"], "recall": scores["recall"], "f1": scores["f1"],
        "order_invariant": 1.0 if invariant else 0.0,
        "n_articles": len(items), "n_gold_events": len(set(gold.values())),
        "uncoded": len(uncoded),
        "events_per_gold_event": events_per_gold_event(gold, first),
        "gold_pairs": scores["gold_pairs"], "predicted_pairs": scores["predicted_pairs"],
    }
    report = Report(dataset="merge", path=str(path), n=len(items), metrics=metrics)
    report.add_table("By ingestion order", ["order", "precision", "recall", "f1", "events"],
                     [[name, s["precision"], s["recall"], s["f1"], len(partition(pred))]
                      for name, pred, s in results])
    report.add_table(f"Wrong pairs, file order (first {MAX_WRONG_PAIRS})",
                     ["article", "article", "gold", "gold", "pred", "pred", "error"],
                     wrong_pairs(gold, first))
    if uncoded:
        report.add_table(f"Articles whose gold type was not coded (first {MAX_WRONG_PAIRS})",
                         ["article", "gold_event", "gold_type"],
                         [[a.id, a.gold_event, a.gold_type] for a in uncoded[:MAX_WRONG_PAIRS]])
    report.notes += [
        "an article's predicted event: the event_id of the highest-confidence asserted, "
        "non-negated mention of its gold type in the earliest sentence that codes that type "
        "(the lead, where coded); none when there is no such mention",
        "pairs: every pair of articles; same in the prediction only when both have the same "
        "non-null event id; precision/recall/f1 are for the file order",
        "order_invariant: 1.0 when the file order, the reverse and "
        f"{len(SHUFFLE_SEEDS)} seeded shuffles give the same partition of articles",
        "events_per_gold_event: mean number of predicted events a gold event's articles "
        "fall into (an uncoded article counts as its own event); 1.0 is ideal",
        "extraction runs once per article; each order is ingested into a fresh store "
        f"in batches of {BATCH_SIZE}",
    ]
    return report
