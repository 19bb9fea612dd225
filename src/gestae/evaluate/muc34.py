"""MUC-3/4 terrorism messages (JSON Lines: ``id``, ``text``, ``templates``).

A template's ``INCIDENT: TYPE`` of ``*`` marks a message with no relevant incident; such
templates are not gold events. For each relevant template the scorer checks four fields of
the predicted event matched to it: incident type (gestae type/mode -> MUC type through
``data/muc_incident_types.yaml``), country (from the event's location), incident date, and
number of dead (``casualties.killed.best``; none stated = 0).

Casualty figures are also scored on their own: ``injured_*`` as ``dead_*`` for
``casualties.injured`` against the INJURY targets; ``casualty_exact_nonzero`` over templates
that give a number of dead or injured (killed and injured both right where the gold gives
them); ``casualty_precision`` over the non-zero killed/injured figures gestae outputs on the
incidents of a message (each distinct role, value and sentence once): supported when a
template of the message has that total or a single target of that effect with that number.

Templates and predicted incidents of a message are paired one to one, best first: each pair
scores one point per agreeing field; ties go to the earlier event. A template left without
an event gets every field wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gestae.evaluate.base import PipelineLike, Report, gold_file, register, safe_div
from gestae.model import DocumentResult, Event

DATA = Path(__file__).parent / "data"
MONTHS = {m: n for n, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
Interval = tuple[dt.date | None, dt.date]  # (None, hi) = "on or before hi"


@dataclass
class Template:
    types: set[str]
    countries: set[str]  # ISO alpha-3; empty = not stated
    date: Interval | None
    dead: int | None  # None = not determinable (PLURAL, unknown number)
    stage: str | None = None
    injured: int | None = 0  # as dead, for the targets whose effect is INJURY
    figures: dict[str, set[int]] = field(default_factory=dict)  # role -> supported values


@dataclass
class Message:
    id: str
    text: str
    date: str | None  # from the dateline, ISO
    templates: list[Template] = field(default_factory=list)


# -- lookups ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def incident_rules() -> dict[str, Any]:
    with open(DATA / "muc_incident_types.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    with open(DATA / "muc_countries.tsv", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip() or line.startswith("name\t"):
                continue
            name, iso3 = line.rstrip("\n").split("\t")[:2]
            out[name.strip().upper()] = iso3.strip().upper()
    return out


@lru_cache(maxsize=512)
def country_iso3(name: str) -> str | None:
    """A country name or ISO code -> ISO alpha-3 (None if unknown)."""
    key = name.strip().upper()
    if not key:
        return None
    if key in country_names():
        return country_names()[key]
    import pycountry

    try:
        return str(pycountry.countries.lookup(key).alpha_3)
    except LookupError:
        return None


def muc_type(event: Event) -> str | None:
    """The MUC incident type of a gestae event, by trigger word, type+mode, then type."""
    rules = incident_rules()
    trigger = event.evidence.trigger.lower() if event.evidence else ""
    for muc, cues in (rules.get("trigger_words") or {}).items():
        if any(re.search(r"\b" + re.escape(cue), trigger) for cue in cues):
            return str(muc)
    by_mode = (rules.get("modes") or {}).get(event.type) or {}
    if event.mode and event.mode in by_mode:
        return str(by_mode[event.mode])
    by_type = (rules.get("types") or {}).get(event.type)
    return str(by_type) if by_type else None


# -- reading ------------------------------------------------------------------------------


def _alternatives(value: str) -> list[str]:
    """``"? A / (B)"`` -> ["A", "B"]: MUC marks uncertainty and alternatives this way."""
    return [re.sub(r"[?()]", "", part).strip() for part in value.split("/")
            if re.sub(r"[?()]", "", part).strip()]


def _year(text: str) -> int:
    year = int(text)
    return year + 1900 if year < 100 else year


def parse_muc_date(text: str, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """``16 NOV 89`` -> that day; ``NOV 89`` -> the month; ``16 NOV`` takes ``year``."""
    m = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Z]{3})[A-Z]*\.?(?:\s+(\d{2}|\d{4}))?",
                     text.strip().upper())
    if not m or m.group(2) not in MONTHS or (m.group(3) is None and year is None):
        return None
    month = MONTHS[m.group(2)]
    year = _year(m.group(3)) if m.group(3) else year
    assert year is not None
    try:
        if m.group(1):
            day = dt.date(year, month, int(m.group(1)))
            return day, day
        first = dt.date(year, month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(1)
        return first, last
    except ValueError:
        return None


def parse_incident_date(value: str, year: int | None = None) -> Interval | None:
    """``16 NOV 89``, ``13 NOV 89 - 16 NOV 89`` (range) or ``- 30 NOV 89`` (on or before).

    ``year`` (the message's) completes a date written without one (``11 NOV``).
    """
    text = re.sub(r"[?()]", "", value.split("/")[0]).strip()
    if text in ("", "*", "-"):
        return None
    if text.startswith("-"):
        end = parse_muc_date(text[1:], year)
        return (None, end[1]) if end else None
    parts = [p for p in re.split(r"\s+-\s+", text) if p.strip()]
    bounds = [parse_muc_date(p, year) for p in parts]
    if not bounds or any(b is None for b in bounds):
        return None
    lo, hi = bounds[0], bounds[-1]
    assert lo is not None and hi is not None
    return lo[0], hi[1]


def _quoted(text: str) -> set[str]:
    return set(re.findall(r'"([^"]*)"', text))


def gold_dead(effects: Sequence[str], numbers: Sequence[str]) -> int | None:
    """Dead = sum of the numbers of the human targets whose effect is DEATH.

    No DEATH effect at all gives 0; a dead target whose number is not a plain figure
    (PLURAL, missing) makes the count undeterminable (None).
    """
    return gold_effect_total(effects, numbers, "DEATH")


def _target_numbers(effects: Sequence[str], numbers: Sequence[str], effect_name: str
                    ) -> list[int | None]:
    """The number of each human target with the given effect (None: not a plain figure)."""
    targets: list[set[str]] = []
    for effect in effects:
        head, _, rest = effect.partition(":")
        kinds = {k.strip() for k in re.sub(r"[?()]", "", head).split("/")}
        if effect_name in kinds:
            targets.append(_quoted(rest))
    figures: list[tuple[int | None, set[str]]] = []
    for number in numbers:
        head, _, rest = number.partition(":")
        m = re.search(r"\d+", head.split("/")[0])
        figures.append((int(m.group()) if m else None, _quoted(rest)))
    return [next((n for n, descs in figures if descs & names), None) for names in targets]


def gold_effect_total(effects: Sequence[str], numbers: Sequence[str], effect_name: str
                      ) -> int | None:
    """Sum of the numbers of the human targets with an effect (DEATH, INJURY); see gold_dead."""
    found = _target_numbers(effects, numbers, effect_name)
    if any(n is None for n in found):
        return None
    return sum(n for n in found if n is not None)


def gold_injured(effects: Sequence[str], numbers: Sequence[str]) -> int | None:
    """Injured = sum of the numbers of the human targets whose effect is INJURY."""
    return gold_effect_total(effects, numbers, "INJURY")


def supported_figures(effects: Sequence[str], numbers: Sequence[str]) -> dict[str, set[int]]:
    """Casualty values a template supports: each role's total and each target's own number."""
    out: dict[str, set[int]] = {}
    for role, effect_name in (("killed", "DEATH"), ("injured", "INJURY")):
        values = {n for n in _target_numbers(effects, numbers, effect_name) if n}
        total = gold_effect_total(effects, numbers, effect_name)
        if total:
            values.add(total)
        out[role] = values
    return out


def parse_template(raw: dict[str, list[str]], year: int | None = None) -> Template | None:
    """A relevant template, or None for the "no incident" (``*``) template."""
    types = {t for v in raw.get("INCIDENT: TYPE", []) for t in _alternatives(v)}
    types.discard("*")
    types.discard("-")
    if not types:
        return None
    countries: set[str] = set()
    for loc in raw.get("INCIDENT: LOCATION", []):
        for alt in loc.split("/"):
            iso = country_iso3(re.sub(r"[?()]", "", alt.split(":")[0]).strip())
            if iso:
                countries.add(iso)
    dates = raw.get("INCIDENT: DATE", [])
    stage = (raw.get("INCIDENT: STAGE OF EXECUTION") or [None])[0]
    effects, numbers = raw.get("HUM TGT: EFFECT OF INCIDENT", []), raw.get("HUM TGT: NUMBER", [])
    return Template(types=types, countries=countries,
                    date=parse_incident_date(dates[0], year) if dates else None,
                    dead=gold_dead(effects, numbers), stage=stage,
                    injured=gold_injured(effects, numbers),
                    figures=supported_figures(effects, numbers))


def dateline_date(text: str) -> str | None:
    """The message date from its dateline (``SAN SALVADOR, 3 JAN 90 --``), ISO."""
    head = text[:160].split("--")[0]
    patterns = (r"\b(?P<d>\d{1,2})\s+(?P<m>[A-Z]{3})[A-Z]*\.?\s+(?P<y>\d{2}|\d{4})\b",
                r"\b(?P<m>[A-Z]{3})[A-Z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{2}|\d{4})\b")
    for pattern in patterns:
        for m in re.finditer(pattern, head.upper()):
            if m.group("m") in MONTHS:
                try:
                    return dt.date(_year(m.group("y")), MONTHS[m.group("m")],
                                   int(m.group("d"))).isoformat()
                except ValueError:
                    continue
    return None


def read(path: str | Path) -> list[Message]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            date = dateline_date(record["text"])
            year = int(date[:4]) if date else None
            templates = [t for t in (parse_template(raw, year)
                                     for raw in record.get("templates") or []) if t]
            out.append(Message(id=record["id"], text=record["text"], date=date,
                               templates=templates))
    return out


# -- scoring ------------------------------------------------------------------------------


def event_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """An event's ISO date, month, year, week or ``a/b`` range as a day interval."""
    if not value:
        return None
    if "/" in value:
        a, b = (event_interval(v) for v in value.split("/", 1))
        return (a[0], b[1]) if a and b else None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(value + "-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + dt.timedelta(days=6)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def date_right(gold: Interval, predicted: str | None) -> bool:
    """Inside the gold interval; for "on or before" gold, ending on or before its bound."""
    pred = event_interval(predicted)
    if pred is None:
        return False
    lo, hi = gold
    if lo is None:
        return pred[1] <= hi
    return lo <= pred[0] and pred[1] <= hi


def event_country(event: Event) -> str | None:
    place = event.location
    return country_iso3(place.country) if place is not None and place.country else None


def event_dead(event: Event) -> int:
    killed = event.casualties.killed if event.casualties else None
    return killed.best if killed is not None and killed.best is not None else 0


def event_injured(event: Event) -> int:
    injured = event.casualties.injured if event.casualties else None
    return injured.best if injured is not None and injured.best is not None else 0


def output_figures(events: Sequence[Event]) -> set[tuple[str, int, int]]:
    """Distinct non-zero (role, value, sentence start) casualty figures of some events."""
    out: set[tuple[str, int, int]] = set()
    for event in events:
        for role, value in (("killed", event_dead(event)), ("injured", event_injured(event))):
            if value > 0:
                out.add((role, value, event.evidence.start if event.evidence else -1))
    return out


@dataclass
class FieldCheck:
    type: bool
    country: bool | None  # None = the gold does not say
    date: bool | None
    dead: bool | None

    @property
    def points(self) -> int:
        return sum(bool(x) for x in (self.type, self.country, self.date, self.dead))


def check(template: Template, event: Event | None) -> FieldCheck:
    """Which of the four fields the event gets right (None where the gold is silent)."""
    if event is None:
        return FieldCheck(False, False if template.countries else None,
                          False if template.date else None,
                          False if template.dead is not None else None)
    return FieldCheck(
        type=muc_type(event) in template.types,
        country=event_country(event) in template.countries if template.countries else None,
        date=date_right(template.date, event.date) if template.date else None,
        dead=event_dead(event) == template.dead if template.dead is not None else None)


def incidents(events: Sequence[Event]) -> list[Event]:
    """The events that are MUC incidents at all (typed, not negated)."""
    return [e for e in events if not e.negated and muc_type(e) is not None]


def pair(templates: Sequence[Template], events: Sequence[Event]) -> list[Event | None]:
    """One event per template (or None), one to one, best-scoring pairs first."""
    scored = sorted(((check(t, e).points, -j, -i, i, j)
                     for i, t in enumerate(templates) for j, e in enumerate(events)),
                    reverse=True)
    chosen: list[Event | None] = [None] * len(templates)
    used: set[int] = set()
    for *_, i, j in scored:
        if chosen[i] is None and j not in used:
            chosen[i] = events[j]
            used.add(j)
    return chosen


def score(gold: Sequence[Message], predictions: dict[str, list[Event]]
          ) -> tuple[dict[str, float | int | None], Counter[tuple[str, str]]]:
    """Per-field accuracy over gold templates; see the module docstring."""
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for message in gold:
        found = incidents(predictions.get(message.id, []))
        counts["predicted_incidents"] += len(found)
        if not message.templates:
            counts["irrelevant_messages"] += 1
            counts["irrelevant_with_incident"] += bool(found)
            _count_precision(message, found, counts)
            continue
        counts["relevant_messages"] += 1
        for template, event in zip(message.templates, pair(message.templates, found),
                                   strict=True):
            result = check(template, event)
            counts["templates"] += 1
            counts["matched"] += event is not None
            counts["type_right"] += result.type
            confusion[("/".join(sorted(template.types)),
                       (muc_type(event) or "-") if event is not None else "(none)")] += 1
            for name in ("country", "date", "dead"):
                value = getattr(result, name)
                if value is None:
                    continue
                key = name
                if name == "date" and template.date and template.date[0] is None:
                    key = "date_open"
                counts[f"{key}_n"] += 1
                counts[f"{key}_right"] += value
            if template.dead:
                counts["dead_nonzero_n"] += 1
                counts["dead_nonzero_right"] += bool(result.dead)
            injured_ok = (event_injured(event) if event is not None else None
                          ) == template.injured
            if template.injured is not None:
                counts["injured_n"] += 1
                counts["injured_right"] += injured_ok
            if template.injured:
                counts["injured_nonzero_n"] += 1
                counts["injured_nonzero_right"] += injured_ok
            if template.dead or template.injured:
                counts["casualty_nonzero_n"] += 1
                counts["casualty_nonzero_right"] += (
                    (template.dead is None or bool(result.dead))
                    and (template.injured is None or injured_ok))
        _count_precision(message, found, counts)
    n = counts["templates"]
    metrics: dict[str, float | int | None] = {
        "templates": n, "templates_matched": counts["matched"],
        "matched_rate": safe_div(counts["matched"], n),
        "incident_type_accuracy": safe_div(counts["type_right"], n),
        "country_accuracy": safe_div(counts["country_right"], counts["country_n"]),
        "date_accuracy": safe_div(counts["date_right"], counts["date_n"]),
        "date_accuracy_open": safe_div(counts["date_open_right"], counts["date_open_n"]),
        "dead_accuracy": safe_div(counts["dead_right"], counts["dead_n"]),
        "dead_accuracy_nonzero": safe_div(counts["dead_nonzero_right"],
                                          counts["dead_nonzero_n"]),
        "relevant_messages": counts["relevant_messages"],
        "irrelevant_messages": counts["irrelevant_messages"],
        "irrelevant_with_incident": safe_div(counts["irrelevant_with_incident"],
                                             counts["irrelevant_messages"]),
        "injured_accuracy": safe_div(counts["injured_right"], counts["injured_n"]),
        "injured_accuracy_nonzero": safe_div(counts["injured_nonzero_right"],
                                             counts["injured_nonzero_n"]),
        "casualty_exact_nonzero": safe_div(counts["casualty_nonzero_right"],
                                           counts["casualty_nonzero_n"]),
        "casualty_precision": safe_div(counts["figures_supported"], counts["figures_output"]),
        "with_dead_nonzero": counts["dead_nonzero_n"],
        "with_injured_nonzero": counts["injured_nonzero_n"],
        "with_casualty_nonzero": counts["casualty_nonzero_n"],
        "casualty_figures_output": counts["figures_output"],
        "predicted_incidents": counts["predicted_incidents"],
        "with_country": counts["country_n"], "with_date": counts["date_n"],
        "with_open_date": counts["date_open_n"], "with_dead": counts["dead_n"],
    }
    return metrics, confusion


def _count_precision(message: Message, found: Sequence[Event], counts: Counter[str]) -> None:
    """Count the message's output casualty figures and those a template supports."""
    supported: dict[str, set[int]] = {"killed": set(), "injured": set()}
    for template in message.templates:
        for role, values in template.figures.items():
            supported.setdefault(role, set()).update(values)
    for role, value, _ in output_figures(found):
        counts["figures_output"] += 1
        counts["figures_supported"] += value in supported.get(role, set())


# -- running ------------------------------------------------------------------------------


@register("muc34", "MUC-3/4 terrorism templates: incident type, country, date, dead")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    path = gold_file(path, "muc34_dev.jsonl")
    gold = read(path)
    if limit:
        gold = gold[:limit]
    items = [{"id": m.id, "text": m.text, "date": m.date} for m in gold]
    predictions: dict[str, list[Event]] = {}
    errors = 0
    for item, result in zip(items, pipeline.extract_many(items), strict=True):
        if isinstance(result, DocumentResult):
            predictions[item["id"]] = list(result.events)
        else:
            errors += 1
    metrics, confusion = score(gold, predictions)
    metrics["errors"] = errors
    report = Report(dataset="muc34", path=str(path), n=int(metrics["templates"] or 0),
                    metrics=metrics)
    report.add_table("Incident type: gold -> predicted (matched event)",
                     ["gold", "predicted", "count"],
                     [[g, p, c] for (g, p), c in confusion.most_common()])
    report.notes += [
        "templates with INCIDENT: TYPE '*' are not gold; every other template is scored, "
        "a template with no paired event gets every field wrong",
        "incident type via data/muc_incident_types.yaml (trigger word, then type+mode, then "
        "type); country = ISO3 of the event location's country vs the location's first part",
        "date_accuracy: gold single day or closed range, predicted date interval inside it; "
        "date_accuracy_open: gold '- D' (on or before D), predicted interval ends by D",
        "dead: sum of HUM TGT: NUMBER over targets with effect DEATH (0 if none; templates "
        "with PLURAL or unknown numbers skipped) vs casualties.killed.best (null = 0)",
        "injured: the same for INJURY targets vs casualties.injured.best; "
        "casualty_exact_nonzero: templates giving dead or injured > 0, every given figure "
        "right on the paired event",
        "casualty_precision: distinct non-zero killed/injured figures (role, value, sentence) "
        "on a message's incidents that equal a template's total or one target's number",
        f"{sum(m.date is None for m in gold)} of {len(gold)} messages had no dateline date",
    ]
    return report
