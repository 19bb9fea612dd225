"""Why each toponym resolved as it did: the candidates weighed and the reasons the winner won.

For ``gestae places "..."``: the output is plain data (lists and dicts), ready for JSON or a
table. Candidates are scored exactly as in the pipeline (same recogniser, same passes).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from gestae.geo import containment
from gestae.geo.gazetteer import Entry
from gestae.geo.geocoder import Geocoder
from gestae.geo.lexicon import demonym_counts
from gestae.geo.resolver import Scored, resolve_with_context
from gestae.geo.toponyms import recognise

MAX_CANDIDATES = 5


def _candidate(s: Scored) -> dict[str, Any]:
    e = s.entry
    return {"name": e.name, "feature": e.feature, "country": e.country, "admin1": e.admin1,
            "lat": round(e.lat, 5), "lon": round(e.lon, 5), "geonameid": e.geonameid,
            "population": e.population, "score": round(s.score, 2),
            "parts": {k: round(v, 2) for k, v in s.parts.items()}}


def _reason(ranked: list[Scored]) -> str:
    """The parts that set the winner apart from the runner-up, largest first."""
    if not ranked:
        return "no gazetteer entry has this name"
    if len(ranked) == 1:
        return "only candidate"
    win, run = ranked[0], ranked[1]
    keys = set(win.parts) | set(run.parts)
    diffs = sorted(((win.parts.get(k, 0.0) - run.parts.get(k, 0.0), k) for k in keys),
                   reverse=True)
    said = [f"{k} (+{d:.1f})" for d, k in diffs if d > 0.05][:3]
    margin = win.score - run.score
    where = f"{run.entry.name}, {run.entry.country or '-'}"
    return f"beats {where} ({run.entry.feature}) by {margin:.1f}: " + (
        ", ".join(said) if said else "tie broken by population")


def explain_doc(geocoder: Geocoder, doc: Doc) -> list[dict[str, Any]]:
    """One dict per toponym of a parsed document: span, how it was found (``label``), the
    chosen place (or None), its confidence, the top candidates and the reason."""
    gaz = geocoder.gazetteer
    toponyms = recognise(doc, gaz)
    within = containment.find(doc, toponyms)
    resolved, ranked = resolve_with_context(toponyms, doc.text, gaz, demonym_counts(doc),
                                            within)
    out = []
    for i, (res, cands) in enumerate(zip(resolved, ranked, strict=True)):
        t = res.toponym
        reason = _reason(cands)
        chosen = _candidate(cands[0]) if cands else None
        if res.entry is not None and (not cands or cands[0].entry is not res.entry):
            chosen = _candidate(Scored(res.entry, 0.0, 0.0, {}))
            reason = "the one place with this spelling skeleton in the story's countries"
        if i in within:
            outer = resolved[within[i].container].entry
            reason = f"part of {_where(outer)}; " + (
                reason if cands or res.entry is not None else "no place of this name inside it")
        out.append({
            "text": t.text, "start": t.start, "end": t.end, "label": t.label,
            "chosen": chosen, "confidence": res.confidence, "reason": reason,
            "candidates": [_candidate(s) for s in cands[:MAX_CANDIDATES]],
        })
    return out


def _where(entry: Entry | None) -> str:
    return "an unresolved place" if entry is None else f"{entry.name}, {entry.country or '-'}"


def explain(text: str, date: str | None = None) -> list[dict[str, Any]]:
    """Parse ``text`` with the shared spaCy model and explain every toponym. ``date`` is
    accepted for symmetry with the pipeline; resolution does not depend on it."""
    from gestae import nlp

    del date
    doc = nlp.load()(text)
    return explain_doc(Geocoder(), doc)
