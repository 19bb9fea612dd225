"""Ranking 9: a second mention of one incident in its sentence ("the strikes", "this raid")
completes the first mention's arguments and is no event of its own, unless a word says it is
another event ("the second assault") or both mentions name their own doer. A quantity noun
"worth" lets the counted thing be the object; a ban on trade named by a noun is a sanction."""

from __future__ import annotations

import pytest
from argument_spans import events, words
from spacy.language import Language

from gestae.coding import EventCoder


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Airstrikes hit two hospitals in Idlib on Monday, and the strikes were carried out by "
     "Russian warplanes, monitors said.", "Russian warplanes", "two hospitals"),
    ("Shells struck a school in Donetsk, and the attack was carried out by separatist "
     "forces.", "separatist forces", "a school"),
])
def test_second_mention_completes_first(nlp: Language, coder: EventCoder, text: str,
                                        source: str, target: str) -> None:
    found = [e for e in events(nlp, coder, text) if e.type == "ASSAULT"]
    assert len(found) == 1, [text[e.trigger_start:e.trigger_end] for e in found]
    assert source in words(text, found[0].source_spans)
    assert target in words(text, found[0].target_spans)


def test_mention_marked_as_another_event_stays(nlp: Language, coder: EventCoder) -> None:
    text = "Israeli jets bombed Gaza, and the other strikes hit Rafah."
    found = [e for e in events(nlp, coder, text) if e.type == "ASSAULT"]
    assert len(found) == 2
    assert words(text, found[0].target_spans) == ["Gaza"]


def test_two_doers_are_two_events(nlp: Language, coder: EventCoder) -> None:
    """Both mentions name their own doer: nothing is folded."""
    text = "Police arrested 12 protesters on Monday; the arrests were made by riot police."
    found = [e for e in events(nlp, coder, text) if e.type == "COERCE"]
    assert len(found) == 2
    assert words(text, found[0].source_spans) == ["Police"]


def test_indefinite_mention_is_its_own_event(nlp: Language, coder: EventCoder) -> None:
    text = "Rebels attacked a checkpoint in the north, and soldiers carried out raids on a camp."
    found = [e for e in events(nlp, coder, text) if e.type == "ASSAULT"]
    assert len(found) == 2


@pytest.mark.parametrize(("text", "rule"), [
    ("Israel seized $4 million worth of weapons from Hamas.", "coerce.seize_weapons"),
    ("The US sent $20 million worth of medicines to Yemen.", "aid.send_humanitarian"),
])
def test_worth_counts_its_object(nlp: Language, coder: EventCoder, text: str,
                                 rule: str) -> None:
    assert rule in [e.rule for e in events(nlp, coder, text)]


@pytest.mark.parametrize(("text", "source"), [
    ("The EU imposed a ban on imports of Iranian oil.", "The EU"),
    ("Washington announced a ban on exports of chips to China.", "Washington"),
])
def test_trade_ban_noun(nlp: Language, coder: EventCoder, text: str, source: str) -> None:
    found = [e for e in events(nlp, coder, text) if e.type == "SANCTION"]
    assert found and words(text, found[0].source_spans) == [source]


def test_ban_on_people_is_no_trade_sanction(nlp: Language, coder: EventCoder) -> None:
    text = "The government announced a ban on protests in the capital."
    assert "sanction.trade_ban_noun" not in [e.rule for e in events(nlp, coder, text)]


@pytest.mark.parametrize("text", [
    # another kind of act: the bombings and the murder are two events
    "Insurgents carried out bombings in the capital, and the murder of six priests was "
    "carried out by a death squad.",
    # the later noun tells a kind of act the first does not name
    "Gunmen attacked the convoy near the border, and the bombing was carried out by a "
    "separatist cell.",
])
def test_a_later_noun_of_another_act_is_not_folded(nlp: Language, coder: EventCoder,
                                                   text: str) -> None:
    found = [e for e in events(nlp, coder, text) if e.type == "ASSAULT"]
    assert len(found) == 2, [text[e.trigger_start:e.trigger_end] for e in found]
