"""The geo stage's entry point: toponyms, their resolution, document focus, event location."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from gestae.geo.event_location import locate
from gestae.geo.gazetteer import Gazetteer, get_gazetteer
from gestae.geo.resolver import resolve, to_place
from gestae.geo.toponyms import dateline, dateline_end, demonym_counts, recognise
from gestae.model import Place


class Geocoder:
    """Finds and resolves the places of a parsed document; one instance serves many docs."""

    def __init__(self) -> None:
        self.gazetteer: Gazetteer = get_gazetteer()
        # the dateline is asked for once per event: remember it for the current document
        self._line_for: tuple[Doc, list[Place], Place | None] | None = None

    def extract(self, doc: Doc) -> list[Place]:
        """One Place per toponym mention, in text order; unresolved ones keep text and offsets
        with null coordinates."""
        toponyms = recognise(doc, self.gazetteer)
        if not toponyms:
            return []
        resolved = resolve(toponyms, doc.text, self.gazetteer, demonym_counts(doc))
        return [to_place(r) for r in resolved]

    def _dateline_place(self, doc: Doc, places: list[Place]) -> Place | None:
        cached = self._line_for
        if cached is not None and cached[0] is doc and cached[1] is places:
            return cached[2]
        span = dateline(doc.text, self.gazetteer)
        line = None if span is None else next(
            (p for p in places if p.start == span[0] and p.lat is not None), None)
        self._line_for = (doc, places, line)
        return line

    def dateline_end(self, text: str) -> int:
        """Offset where the story starts after a dateline ("BAGHDAD (Reuters) - "), else 0."""
        return dateline_end(text, self.gazetteer)

    def focus(self, doc: Doc, places: list[Place]) -> Place | None:
        """The dateline place, else the most mentioned country (cities count for their
        country) as a country Place located on the first mention that names it."""
        line = self._dateline_place(doc, places)
        if line is not None:
            return line
        counts: Counter[str] = Counter(p.country for p in places
                                       if p.country and p.lat is not None)
        if not counts:
            return None
        best = max(counts.items(), key=lambda kv: (kv[1], -self._first(places, kv[0])))[0]
        entry = self.gazetteer.country(best)
        if entry is None:
            return None
        first = places[self._first(places, best)]
        own = next((p for p in places if p.country == best and p.feature == "country"), first)
        return Place(text=own.text, start=own.start, end=own.end, name=entry.name,
                     country=entry.country, lat=entry.lat, lon=entry.lon,
                     geonameid=entry.geonameid, feature="country",
                     confidence=round(counts[best] / sum(counts.values()), 2))

    @staticmethod
    def _first(places: list[Place], iso3: str) -> int:
        return next(i for i, p in enumerate(places) if p.country == iso3)

    def event_location(self, doc: Doc, trigger_start: int, trigger_end: int,
                       places: list[Place], focus: Place | None) -> Place | None:
        """The place tied to the event's trigger (a copy with ``precision`` set), else the
        dateline or focus place as ``inferred``; None when nothing fits."""
        line = self._dateline_place(doc, places)
        is_line = line is not None and focus is not None and focus.start == line.start
        return locate(doc, trigger_start, trigger_end, places, focus, is_line)
