"""Wires the stages together: Article -> NLP doc -> mentions -> candidates -> coded events.

Data flows one way. Each stage is a plain function or a small object built once per
``Pipeline``; the spaCy model is loaded once and articles are parsed in batches through
``nlp.pipe``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from gestae import incident, quantities, time
from gestae import nlp as nlp_module
from gestae.actors import ActorResolver
from gestae.coding import EventCoder, ontology
from gestae.geo import Geocoder
from gestae.ingest import InputError, NormalizedText, check_date, html_to_text, normalize
from gestae.model import (
    Actor,
    Article,
    Casualties,
    DocumentResult,
    ErrorResult,
    Event,
    EventCandidate,
    Evidence,
    Place,
    TimeRef,
    TriggerWord,
)

Span = tuple[int, int]


@dataclass
class _Prepared:
    """An article after ingest: the text to parse and how to map offsets back."""

    article: Article
    original: str
    norm: NormalizedText
    date: dt.date | None
    from_html: bool


class Pipeline:
    """Turns articles into coded events; build once, call many times.

    >>> nlp = Pipeline()
    >>> result = nlp.extract("Police arrested 12 protesters in Basra on Sunday.",
    ...                      date="2020-01-27")
    >>> result.events[0].type
    'COERCE'
    """

    def __init__(
        self,
        model: str = nlp_module.DEFAULT_MODEL,
        actor_files: Iterable[str | os.PathLike[str]] = (),
        trigger_files: Iterable[str | os.PathLike[str]] = (),
        acled_files: Iterable[str | os.PathLike[str]] = (),
        batch_size: int = 16,
    ) -> None:
        self.nlp = nlp_module.load(model)
        self.batch_size = batch_size
        self.actors = ActorResolver(list(actor_files))
        self.geocoder = Geocoder()
        extra = [*trigger_files, *_env_files("GESTAE_TRIGGERS")]
        self.coder = EventCoder(self.nlp, [os.fspath(f) for f in extra])
        acled = [*acled_files, *_env_files("GESTAE_ACLED_RULES")]
        self.acled_rules = ontology.acled_rules(tuple(os.fspath(f) for f in acled))

    # -- public API -------------------------------------------------------------------

    def extract(
        self,
        text: str | Article | None = None,
        *,
        date: str | None = None,
        id: str = "doc",
        html: str | None = None,
    ) -> DocumentResult:
        """Extract one article. Raises ``InputError`` for bad input (empty text, bad date)."""
        article = text if isinstance(text, Article) else Article(id=id, text=text, html=html,
                                                                 date=date)
        prepared = self._prepare(article)
        doc = self.nlp(prepared.norm.text)
        return self._process(prepared, doc)

    def extract_many(
        self, articles: Iterable[Article | ErrorResult | dict[str, Any]]
    ) -> Iterator[DocumentResult | ErrorResult]:
        """Extract a stream of articles in order, parsing them in batches.

        Bad articles become ``ErrorResult`` records in their place; the stream goes on.
        Memory stays bounded by the batch size, so the input can be any length.
        """
        batch: list[_Prepared | ErrorResult] = []
        for item in articles:
            batch.append(self._prepare_safely(item))
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def locate(self, text: str, spans: Sequence[tuple[int, int]], *,
               date: str | None = None) -> list[Place | None]:
        """Where the events named by ``text[start:end]`` happened, one answer per span.

        For pairing gestae's place resolution with triggers found elsewhere (another
        coder, a human): each span is taken as an event's trigger and placed as
        ``extract`` would place it, with ``precision``; None when nothing places it.

        >>> nlp = Pipeline()
        >>> text = "Protesters marched in Nasiriyah and police fired on them."
        >>> [p.text if p else None for p in nlp.locate(text, [(11, 18)])]
        ['Nasiriyah']
        """
        prepared = self._prepare(Article(id="doc", text=text, date=date))
        doc = self.nlp(prepared.norm.text)
        places = self.geocoder.extract(doc)
        focus = self.geocoder.focus(doc, places)
        remap = _Remapper(prepared)
        out: list[Place | None] = []
        for start, end in spans:
            s, e = prepared.norm.to_normalized(start, end)
            found = self.geocoder.event_location(doc, s, e, places, focus)
            out.append(remap.span(found) if found is not None else None)
        return out

    # -- stages -----------------------------------------------------------------------

    def _prepare_safely(
        self, item: Article | ErrorResult | dict[str, Any]
    ) -> _Prepared | ErrorResult:
        if isinstance(item, ErrorResult):
            return item
        try:
            article = item if isinstance(item, Article) else _article_from_dict(item)
            return self._prepare(article)
        except InputError as exc:
            ident = item.id if isinstance(item, Article) else item.get("id")
            return ErrorResult(id=None if ident is None else str(ident), error=str(exc))

    def _prepare(self, article: Article) -> _Prepared:
        date = time.parse_date(check_date(article.date)) if article.date else None
        from_html = article.text is None and article.html is not None
        original = html_to_text(article.html or "") if from_html else (article.text or "")
        if not original.strip():
            what = "HTML has no extractable text" if from_html else "text is empty"
            raise InputError(f"article {article.id!r}: {what}")
        return _Prepared(article, original, normalize(original), date, from_html)

    def _run_batch(
        self, batch: list[_Prepared | ErrorResult]
    ) -> Iterator[DocumentResult | ErrorResult]:
        ready = [p for p in batch if isinstance(p, _Prepared)]
        docs = iter(self.nlp.pipe((p.norm.text for p in ready), batch_size=self.batch_size))
        for item in batch:
            if isinstance(item, ErrorResult):
                yield item
                continue
            doc = next(docs)
            try:
                yield self._process(item, doc)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
                yield ErrorResult(id=item.article.id, error=f"internal error: {exc!r}")

    def _process(self, prepared: _Prepared, doc: Doc) -> DocumentResult:
        text = prepared.norm.text
        date = prepared.date
        places = self.geocoder.extract(doc)
        header = self.geocoder.dateline_end(text)  # a dateline names a place, not an actor
        found = self.actors.extract(doc, date)
        places = self.geocoder.without(doc, places, _known_names(places, found))
        focus = self.geocoder.focus(doc, places)
        actors = [a for a in _outside_place_names(found, places) if a.start >= header]
        times = time.contract_times(time.extract_times(text, date), date)
        candidates = [_tidy(c, text, header) for c in self.coder.find(doc)]
        triggers = [(c.trigger_start, c.trigger_end) for c in candidates]
        types: dict[Span, set[str]] = {}
        for c in candidates:
            types.setdefault((c.trigger_start, c.trigger_end), set()).add(c.type)
        events = [
            self._resolve(prepared, doc, cand, actors, places, focus, times, triggers, types)
            for cand in candidates
        ]
        sent_starts = [sent.start_char for sent in doc.sents]
        incident.report_conflicting_figures(events, triggers, doc)
        for event in events:
            others = [e for e in events if e is not event
                      and incident.same_incident(e, event, sent_starts, text)]
            event.acled_event_type, event.acled_sub_event_type = ontology.acled_types(
                event, others, self.acled_rules)
        events.sort(key=lambda e: (not e.is_asserted, -e.confidence, e.evidence.trigger_start))
        remap = _Remapper(prepared)
        return DocumentResult(
            id=prepared.article.id,
            date=date.isoformat() if date else None,
            events=[remap.event(e) for e in events],
            places=[remap.span(p) for p in places],
            times=[remap.span(t) for t in times],
            actors=[remap.span(a) for a in actors],
            text=prepared.original if prepared.from_html else None,
        )

    def _resolve(
        self,
        prepared: _Prepared,
        doc: Doc,
        cand: EventCandidate,
        actors: list[Actor],
        places: list[Place],
        focus: Place | None,
        times: list[TimeRef],
        triggers: list[Span],
        types: dict[Span, set[str]],
    ) -> Event:
        text = prepared.norm.text
        date = prepared.date
        others = [t for t in triggers if t != (cand.trigger_start, cand.trigger_end)
                  and cand.sent_start <= t[0] < cand.sent_end]  # rivals for its figures
        location = self.geocoder.event_location(doc, cand.trigger_start, cand.trigger_end,
                                                places, focus,
                                                f"{cand.type}/{cand.mode or ''}",
                                                [t for t in others if types[t] - {cand.type}])
        context_country = (location.country if location else None) or (
            focus.country if focus else None)
        value, precision, inferred = time.event_date(
            cand.trigger_start, cand.trigger_end, cand.sent_start, cand.sent_end, text, times, date,
            doc=doc)
        casualties = quantities.extract_casualties(
            text, cand.sent_start, cand.sent_end, cand.trigger_start, cand.trigger_end, others)
        inferred = inferred and value is not None  # nothing to fall back to without a date
        modality = cand.modality
        if modality == "asserted" and not inferred and time.is_historical(value, date):
            modality = "historical"
        event = Event(
            event_id=_event_id(prepared.article.id, cand),
            type=cand.type,
            mode=cand.mode,
            context=list(cand.context),
            source=self._actors_for(cand.source_spans, actors, places, text, date,
                                    context_country),
            target=self._actors_for(cand.target_spans, actors, places, text, date,
                                    context_country),
            attribution=self._actors_for(cand.attribution_spans, actors, places, text, date,
                                         None),
            date=value,
            date_precision=precision,  # type: ignore[arg-type]
            date_inferred=inferred,
            location=location,
            casualties=casualties if isinstance(casualties, Casualties) else Casualties(),
            quantities=quantities.extract_quantities(text, cand.sent_start, cand.sent_end),
            negated=cand.negated,
            modality=modality,
            cameo_root=cand.cameo_root or ontology.cameo_root(cand.type),
            quad_class=ontology.quad_class(cand.type),
            intensity=ontology.intensity(cand.type, cand.mode),
            evidence=Evidence(
                text=text[cand.sent_start:cand.sent_end],
                start=cand.sent_start,
                end=cand.sent_end,
                trigger=text[cand.trigger_start:cand.trigger_end],
                trigger_start=cand.trigger_start,
                trigger_end=cand.trigger_end,
                rule=cand.rule,
                other_triggers=[TriggerWord(text[s:e], s, e)
                                for s, e in cand.other_trigger_spans],
            ),
            confidence=round(cand.confidence, 3),
        )
        return event

    def _actors_for(
        self,
        spans: list[Span],
        actors: list[Actor],
        places: list[Place],
        text: str,
        date: dt.date | None,
        context_country: str | None,
    ) -> list[Actor]:
        """One actor per argument span, spanning the whole phrase ("A court in Lima"): the
        phrase coded as a whole (role, owner, place: "Lima court", PER JUD), else the actor
        mention inside it; a pronoun is its antecedent in the same sentence. An argument
        that names no known actor may still be one: a collective noun with a word saying
        which ("African countries"), a proper name the NER missed, a place (coded as its
        country). Anything else ("the talks") is dropped."""
        found: list[Actor] = []
        for start, end in spans:
            arguments = self.actors.arguments
            coded = arguments.antecedent(text, start, end) or arguments.code(
                start, end, actors, places, text, date)
            if coded is None or any((a.start, a.end) == (coded.start, coded.end)
                                    for a in found):
                continue
            if coded.country is None and coded.code is None:
                coded = self.actors.infer_context(coded, context_country)
            found.append(coded)
        return found


# -- helpers ----------------------------------------------------------------------------


def _env_files(name: str) -> list[str]:
    """Files listed in an environment variable, separated like PATH."""
    return [f for f in os.environ.get(name, "").split(os.pathsep) if f]


def _tidy(cand: EventCandidate, text: str, header: int) -> EventCandidate:
    """Trim the sentence's trailing blank lines; keep arguments out of the dateline."""
    sentence = text[cand.sent_start:cand.sent_end]
    cand.sent_end = cand.sent_start + len(sentence.rstrip())
    if not header or cand.sent_start >= header:
        return cand

    def clip(spans: list[Span]) -> list[Span]:
        return [(max(s, header), e) for s, e in spans if e > header]

    return replace(cand, sent_start=max(cand.sent_start, header),
                   source_spans=clip(cand.source_spans), target_spans=clip(cand.target_spans),
                   attribution_spans=clip(cand.attribution_spans),
                   other_trigger_spans=clip(cand.other_trigger_spans))


def _outside_place_names(actors: list[Actor], places: list[Place]) -> list[Actor]:
    """Drop a name found inside a longer place name ("al-Asad" in "Ain al-Asad air base")."""
    return [a for a in actors
            if not any(p.start <= a.start and a.end <= p.end
                       and (p.end - p.start) > (a.end - a.start) for p in places)]


# Knowledge-base entries whose names are names, never places ("inst/" entries such as the
# Kremlin or the Green Zone and "entity/" de facto states are places as well).
_NAMED_KINDS = ("org/", "person/")
_AREAS = frozenset({"country", "admin1", "region", "continent"})


def _known_names(places: list[Place], actors: list[Actor]) -> list[Place]:
    """Places that are only another reading of the name of an organisation or person the
    knowledge base knows: the whole name taken as a town ("Hamas" as Hamm, "Xinhua"), or a
    part of it read as a town of another spelling ("E.U." as Eu, France), or the whole name
    read as a region of another spelling ("SANA" as Sanaa). Countries and regions written as
    the name stay ("Abkhazia"), and so does a town written out inside such a name ("the New
    York Times"), as geoparsing corpora count it."""
    named = [a for a in actors if a.id and a.id.startswith(_NAMED_KINDS)]

    def known(place: Place) -> bool:
        spelled = place.text.casefold() == (place.name or "").casefold()  # "U.N." is not Un
        for actor in named:
            if not (actor.start <= place.start and place.end <= actor.end):
                continue
            start = actor.start + 4 if actor.text[:4].lower() == "the " else actor.start
            same = (start, actor.end) == (place.start, place.end)
            area = place.feature in _AREAS
            if same and not (area and spelled):  # the whole name read as a place
                return True
            if not area and not spelled:  # "E.U." inside a name read as a town
                return True
        return False

    return [p for p in places if known(p)]


def _event_id(article_id: str, cand: EventCandidate) -> str:
    key = f"{article_id}|{cand.trigger_start}|{cand.trigger_end}|{cand.type}|{cand.rule}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _article_from_dict(data: dict[str, Any]) -> Article:
    fields = {k: data.get(k) for k in ("id", "text", "html", "date", "url", "title", "source")}
    fields["id"] = str(fields["id"]) if fields["id"] is not None else "doc"
    return Article(**fields)


class _Remapper:
    """Maps offsets from the parsed (normalised) text back to the article text."""

    def __init__(self, prepared: _Prepared) -> None:
        self.original = prepared.original
        self.norm = prepared.norm

    def _map(self, start: int, end: int) -> Span:
        return self.norm.to_original(start, end)

    def span(self, record: Any) -> Any:
        start, end = self._map(record.start, record.end)
        return replace(record, start=start, end=end, text=self.original[start:end])

    def event(self, event: Event) -> Event:
        ev = event.evidence
        start, end = self._map(ev.start, ev.end)
        t_start, t_end = self._map(ev.trigger_start, ev.trigger_end)
        evidence = replace(ev, start=start, end=end, text=self.original[start:end],
                           trigger_start=t_start, trigger_end=t_end,
                           trigger=self.original[t_start:t_end],
                           other_triggers=[self.span(w) for w in ev.other_triggers])
        return replace(
            event,
            evidence=evidence,
            source=[self.span(a) for a in event.source],
            target=[self.span(a) for a in event.target],
            attribution=[self.span(a) for a in event.attribution],
            location=self.span(event.location) if event.location else None,
            quantities=[self._quantity(q) for q in event.quantities],
            casualties=replace(event.casualties, reported=[
                self._report(r) for r in event.casualties.reported]),
        )

    def _report(self, report: dict[str, Any]) -> dict[str, Any]:
        start, end = self._map(report["start"], report["end"])
        return {**report, "start": start, "end": end}

    def _quantity(self, q: Any) -> Any:
        if q.start is None or q.end is None:
            return q
        start, end = self._map(q.start, q.end)
        return replace(q, start=start, end=end, text=self.original[start:end])


_DEFAULT: Pipeline | None = None


def extract(text: str, *, date: str | None = None, id: str = "doc") -> DocumentResult:
    """One-shot shortcut: ``gestae.extract(text, date=...)`` with a shared default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(text, date=date, id=id)
