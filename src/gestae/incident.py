"""One incident across the sentences of an article: which events belong together, and
the casualty figures its reports give (kept side by side when they disagree).

ACLED's sub-event types and the contract's ``casualties.reported`` both look beyond the
event's own sentence: "Students rallied in Dhaka. Police fired tear gas." is one incident;
"Trump said the strike caused zero casualties. The Pentagon said 34 soldiers suffered
brain injuries." is one incident with two incompatible figures.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc, Span

from gestae import quantities
from gestae.coding.patterns import cues
from gestae.model import Event

INCIDENT_SENTENCES = 2  # an incident's reports stay within this many sentences


def same_incident(a: Event, b: Event, sent_starts: list[int], text: str) -> bool:
    """Same paragraph and at most ``INCIDENT_SENTENCES`` sentences apart."""
    return _near(a.evidence.trigger_start, b.evidence.trigger_start, sent_starts, text)


def speaker(sent: Span) -> str | None:
    """Who a sentence reports ("the Pentagon said ..."): the subject of its speech verb."""
    verbs = cues()["speech_verbs"]
    for token in sent:
        if token.lemma_.lower() in verbs and token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].pos_ != "PRON":
                sub = subjects[0]
                left = min(t.i for t in sub.subtree if t.dep_ not in ("punct", "relcl"))
                return sent.doc[left:sub.i + 1].text
    return None


def report_conflicting_figures(events: list[Event], triggers: list[tuple[int, int]],
                               doc: Doc) -> None:
    """Fill each event's ``casualties.reported`` when the figures of its incident disagree.

    Figures come from the events' own sentences and from nearby sentences that report the
    incident without an event of their own ("Trump said the strike caused zero casualties").
    Every figure is kept with its speaker; none silently overwrites another.
    """
    if not events:
        return
    text = doc.text
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]
    with_event = {bisect.bisect_right(sent_starts, e.evidence.trigger_start) - 1 for e in events}
    mentions: list[tuple[int, list[dict[str, Any]]]] = []  # (trigger offset, reports)
    for event in events:
        ev = event.evidence
        index = bisect.bisect_right(sent_starts, ev.trigger_start) - 1
        rivals = [t for t in triggers if t != (ev.trigger_start, ev.trigger_end)
                  and ev.start <= t[0] < ev.end]
        mentions.append((ev.trigger_start, quantities.casualty_reports(
            text, ev.start, ev.end, ev.trigger_start, ev.trigger_end, rivals,
            source=speaker(sents[index]))))
    for index, sent in enumerate(sents):
        if index in with_event:
            continue
        reports = quantities.casualty_reports(text, sent.start_char, sent.end_char,
                                              sent.start_char, sent.start_char, [],
                                              source=speaker(sent))
        if reports:
            mentions.append((sent.start_char, reports))
    for event in events:
        anchor = event.evidence.trigger_start
        near = [reports for at, reports in mentions if _near(anchor, at, sent_starts, text)]
        ordered = sorted((r for reports in near for r in reports), key=lambda r: r["start"])
        event.casualties.reported = quantities.contradictions(ordered)


def _near(a: int, b: int, sent_starts: list[int], text: str) -> bool:
    first, last = sorted((a, b))
    if "\n\n" in text[first:last]:
        return False
    gap = bisect.bisect_right(sent_starts, last) - bisect.bisect_right(sent_starts, first)
    return gap <= INCIDENT_SENTENCES
