"""The data that flows through gestae, stage to stage (see DESIGN.md, "The output contract").

Every stage takes and returns these plain dataclasses, so a stage can be tested or replaced
alone. Offsets are character offsets into the article text as given. ``to_dict`` gives the
contract's JSON shape: every field present, ``None`` where unknown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

SCHEMA_VERSION = "1"

Modality = Literal["asserted", "hypothetical", "future", "historical"]
TimePrecision = Literal["day", "week", "month", "year", "range"]
Feature = Literal["country", "admin1", "admin2", "city", "place", "region", "continent"]
LocationPrecision = Literal["exact", "near", "region", "country", "inferred"]


class Record:
    """Mixin: contract-shaped dict of a dataclass (nested records included)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class Article:
    """One input document. ``html`` is turned into ``text`` by the ingest stage."""

    id: str
    text: str | None = None
    html: str | None = None
    date: str | None = None  # ISO publication date, YYYY-MM-DD
    url: str | None = None
    title: str | None = None
    source: str | None = None


@dataclass
class Actor(Record):
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    code: str | None = None  # PLOVER/CAMEO code where no country fits (IGO, NGO, UNO, ...)
    sector: str | None = None  # primary PLOVER sector code
    sectors: list[str] = field(default_factory=list)
    kind: str | None = None  # person, organisation, state, group
    id: str | None = None
    inferred: bool = False
    aligned: str | None = None  # ISO3 of a patron state ("Iran's proxy militia": IRN)
    located: str | None = None  # ISO3 of where it is based ("the US embassy in Baghdad": IRQ)


@dataclass
class Place(Record):
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: Feature | None = None
    precision: LocationPrecision | None = None
    confidence: float | None = None


@dataclass
class TimeRef(Record):
    text: str
    start: int
    end: int
    value: str | None = None
    precision: TimePrecision | None = None


@dataclass
class Count(Record):
    """A figure as a range: ``best`` is what the text states, ``low``/``high`` its bounds."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    text: str | None = None
    unknown: bool = False  # "an unknown number of": reported but not counted


@dataclass
class Casualties(Record):
    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    reported: list[dict[str, Any]] = field(default_factory=list)

    def is_empty(self) -> bool:
        return self.killed is None and self.injured is None and self.arrested is None


@dataclass
class Quantity(Record):
    what: str
    value: int
    text: str
    start: int | None = None
    end: int | None = None


@dataclass
class TriggerWord(Record):
    """A further word of the sentence that reports the same event ("killing" in "a bomb
    exploded, killing five"): folded into the event rather than coded as a second one."""

    text: str
    start: int
    end: int


@dataclass
class Evidence(Record):
    text: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    other_triggers: list[TriggerWord] = field(default_factory=list)


@dataclass
class Event(Record):
    event_id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    attribution: list[Actor] = field(default_factory=list)
    date: str | None = None
    date_precision: TimePrecision | None = None
    date_inferred: bool = False
    location: Place | None = None
    casualties: Casualties = field(default_factory=Casualties)
    quantities: list[Quantity] = field(default_factory=list)
    negated: bool = False
    modality: Modality = "asserted"
    cameo_root: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    confidence: float = 0.5

    @property
    def is_asserted(self) -> bool:
        return self.modality == "asserted" and not self.negated


@dataclass
class EventCandidate:
    """What the coding stage hands to resolution: a trigger and its argument spans.

    Offsets point into the (normalised) text the NLP stage parsed; spans are
    ``(start, end)`` character pairs. Actors, places, dates and figures are attached later.
    """

    type: str
    trigger_start: int
    trigger_end: int
    sent_start: int
    sent_end: int
    rule: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo_root: str | None = None
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    attribution_spans: list[tuple[int, int]] = field(default_factory=list)
    other_trigger_spans: list[tuple[int, int]] = field(default_factory=list)
    negated: bool = False
    modality: Modality = "asserted"
    confidence: float = 0.5


@dataclass
class DocumentResult(Record):
    id: str
    date: str | None
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    text: str | None = None  # set when the text was extracted from HTML
    schema_version: str = SCHEMA_VERSION

    def select(self, asserted_only: bool = False, min_confidence: float = 0.0) -> DocumentResult:
        """A copy keeping only the events an analyst asked for (mentions stay complete)."""
        events = [e for e in self.events
                  if (e.is_asserted or not asserted_only) and e.confidence >= min_confidence]
        return replace(self, events=events)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": self.schema_version, "id": self.id,
                               "date": self.date}
        if self.text is not None:
            out["text"] = self.text
        for name in ("events", "places", "times", "actors"):
            out[name] = [item.to_dict() for item in getattr(self, name)]
        return out


@dataclass
class ErrorResult(Record):
    """One article that could not be processed; a batch reports it and goes on."""

    id: str | None
    error: str
