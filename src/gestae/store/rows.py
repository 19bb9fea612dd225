"""Extraction results as flat store rows, and stored rows back as contract events."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from gestae.model import Actor, DocumentResult, Event
from gestae.store.dates import day_range

COUNT_KINDS = ("killed", "injured", "arrested")


def mention_id(article_hash: str, event_id: str) -> str:
    """A store-wide id: the pipeline's event id is only unique within one article id."""
    return hashlib.sha1(f"{article_hash}|{event_id}".encode()).hexdigest()[:16]


def _actors(event: Event) -> list[Actor]:
    return [*event.source, *event.target]


def _counts(event: Event) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for kind in COUNT_KINDS:
        count = getattr(event.casualties, kind)
        for part in ("low", "best", "high"):
            out[f"{kind}_{part}"] = getattr(count, part) if count is not None else None
    return out


def mention_row(event: Event, ord_: int, article_hash: str, article_id: str) -> dict[str, Any]:
    """One coded event of one article, with the columns queries filter on pulled out."""
    record = event.to_dict()
    mid = mention_id(article_hash, event.event_id)
    record["event_id"] = mid
    loc = event.location
    first, last = day_range(event.date)
    actors = _actors(event)
    return {
        "mention_id": mid, "event_id": mid,
        "article_hash": article_hash, "article_id": article_id, "ord": ord_,
        "type": event.type, "mode": event.mode, "negated": event.negated,
        "modality": event.modality, "confidence": float(event.confidence),
        "date": event.date, "date_start": first, "date_end": last,
        "date_precision": event.date_precision, "date_inferred": event.date_inferred,
        "place": loc.name or loc.text if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "location_precision": loc.precision if loc else None,
        **_counts(event),
        "cameo_root": event.cameo_root, "quad_class": event.quad_class,
        "intensity": event.intensity,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "actor_names": sorted({a.name or a.text for a in actors}),
        "actor_ids": sorted({a.id for a in actors if a.id}),
        "actor_countries": sorted({a.country for a in actors if a.country}),
        "evidence": event.evidence.text,
        "record": json.dumps(record, ensure_ascii=False),
    }


def mention_rows(result: DocumentResult, article_hash: str, article_id: str
                 ) -> list[dict[str, Any]]:
    """Every event of one article, in the contract's order."""
    return [mention_row(e, i, article_hash, article_id) for i, e in enumerate(result.events)]
