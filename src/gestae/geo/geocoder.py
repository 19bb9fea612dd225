"""The geo stage's entry point: toponyms, their resolution, document focus, event location."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from gestae.geo import containment
from gestae.geo.datelines import dateline, dateline_end
from gestae.geo.event_location import explicit, locate
from gestae.geo.gazetteer import Gazetteer, get_gazetteer
from gestae.geo.lexicon import demonym_counts
from gestae.geo.resolver import resolve, to_place
from gestae.geo.toponyms import recognise
from gestae.model import Place
from gestae.nlp import text_of

# Weight in the document focus of a country named only as an actor ("US forces", "the US
# said"): it says who acts, not where the story is.
ACTOR_MENTION_WEIGHT = 0.25


@dataclass
class _DocInfo:
    """What :meth:`Geocoder.extract` learnt about the current document beyond its places."""

    doc: Doc
    places: list[Place]
    datelines: list[int] = field(default_factory=list)  # indices of dateline mentions
    containers: dict[int, Place] = field(default_factory=dict)  # part start -> container
    line: Place | None = None
    line_known: bool = False


class Geocoder:
    """Finds and resolves the places of a parsed document; one instance serves many docs."""

    def __init__(self) -> None:
        self.gazetteer: Gazetteer = get_gazetteer()
        # the dateline and containers are asked for once per event: kept for the current doc
        self._info: _DocInfo | None = None

    def extract(self, doc: Doc) -> list[Place]:
        """One Place per toponym mention, in text order; unresolved ones keep text and offsets
        with null coordinates."""
        toponyms = recognise(doc, self.gazetteer)
        if not toponyms:
            self._info = _DocInfo(doc, [])
            return []
        within = containment.find(doc, toponyms)
        resolved = resolve(toponyms, doc.text, self.gazetteer, demonym_counts(doc), within)
        places = [to_place(r) for r in resolved]
        info = _DocInfo(doc, places, [i for i, t in enumerate(toponyms) if t.in_dateline])
        for i, c in within.items():
            info.containers[places[i].start] = places[c.container]
        self._info = info
        return places

    def without(self, doc: Doc, places: list[Place], dropped: Sequence[Place]) -> list[Place]:
        """``places`` less ``dropped`` (names another stage knows are no places), keeping
        what :meth:`extract` learnt about the others (datelines, containers)."""
        gone = {id(p) for p in dropped}
        if not gone:
            return places
        info = self._current(doc, places)
        kept = [p for p in places if id(p) not in gone]
        where = {id(p): i for i, p in enumerate(kept)}
        self._info = _DocInfo(
            doc, kept, [where[id(places[i])] for i in info.datelines if id(places[i]) in where],
            {start: c for start, c in info.containers.items() if id(c) in where})
        return kept

    def _current(self, doc: Doc, places: list[Place]) -> _DocInfo:
        info = self._info
        if info is None or info.doc is not doc or info.places is not places:
            info = _DocInfo(doc, places)  # places not from extract(): no extra knowledge
            self._info = info
        return info

    def _dateline_place(self, doc: Doc, places: list[Place]) -> Place | None:
        """The opening dateline's place, else one after a headline ("Hotel attacked\\n\\n
        MOGADISHU (Reuters) - ...")."""
        info = self._current(doc, places)
        if info.line_known:
            return info.line
        span = dateline(text_of(doc), self.gazetteer)
        line = None if span is None else next(
            (p for p in places if p.start == span[0] and p.lat is not None), None)
        if line is None:
            line = next((places[i] for i in info.datelines if places[i].lat is not None),
                        None)
        info.line, info.line_known = line, True
        return line

    def dateline_end(self, text: str) -> int:
        """Offset where the story starts after a dateline ("BAGHDAD (Reuters) - "), else 0."""
        return dateline_end(text, self.gazetteer)

    def focus(self, doc: Doc, places: list[Place]) -> Place | None:
        """The dateline place, else the country most named as a place (cities count for
        their country; a country named only as an actor, "US forces", counts little) as a
        country Place located on the first mention that names it."""
        line = self._dateline_place(doc, places)
        if line is not None:
            return line
        counts: Counter[str] = Counter()
        for p in places:
            if p.country and p.lat is not None:
                counts[p.country] += 1.0 if explicit(doc, p) else ACTOR_MENTION_WEIGHT
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
                       places: list[Place], focus: Place | None,
                       event_type: str | None = None,
                       rivals: Sequence[tuple[int, int]] = ()) -> Place | None:
        """The place tied to the event's trigger (a copy with ``precision`` set), else the
        dateline or focus place as ``inferred``; None when nothing fits. ``rivals`` are the
        triggers of the sentence's other events."""
        line = self._dateline_place(doc, places)
        is_line = line is not None and focus is not None and focus.start == line.start
        info = self._current(doc, places)
        return locate(doc, trigger_start, trigger_end, places, focus, is_line,
                      info.containers, self.gazetteer, event_type, rivals)
