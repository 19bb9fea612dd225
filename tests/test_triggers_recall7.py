"""Recall patterns of data/triggers_recall7.yaml (aid continued, troops withdrawn or leaving,
people forced out, work stopped, publications suspended, meals and meetings, legal action,
withdrawals demanded) and property returned (retreat.return); and the other senses of the
same words that must stay uncoded."""

from __future__ import annotations

import pytest
from argument_spans import words
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.model import EventCandidate


def code(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    return coder.find(nlp(text))


def rules(events: list[EventCandidate]) -> list[tuple[str, str]]:
    return [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(("text", "type_", "rule", "source", "target"), [
    ("The European Union must continue its humanitarian aid to Yemen.",
     "AID", "aid.continue_aid", "European Union", "Yemen"),
    ("Japan increased its assistance to the Philippines after the typhoon.",
     "AID", "aid.continue_aid", "Japan", "Philippines"),
    ("The army forced thousands of villagers out of the valley.",
     "SANCTION", "sanction.force_out", "army", "villagers"),
    ("The authorities suspended the broadcasts of the opposition channel.",
     "COERCE", "coerce.suspend_publication", "authorities", "channel"),
    ("The prime minister had dinner with the Japanese foreign minister.",
     "CONSULT", "consult.meal_with", "prime minister", "foreign minister"),
    ("The ministry launched legal action against the mining company.",
     "ACCUSE", "accuse.legal_action", "ministry", "company"),
    ("Museum officials returned four stolen statues to the government of Greece.",
     "RETREAT", "retreat.return", "officials", "government"),
    ("Veterans demanded the withdrawal of foreign troops from the island.",
     "REQUEST", "request.demand_withdrawal", "Veterans", ""),
])
def test_new_pattern_codes_type_source_and_target(
        nlp: Language, coder: EventCoder, text: str, type_: str, rule: str, source: str,
        target: str) -> None:
    events = [e for e in code(nlp, coder, text) if e.rule == rule]
    assert events and events[0].type == type_, rules(code(nlp, coder, text))
    assert any(source in s for s in words(text, events[0].source_spans))
    if target:
        assert any(target in t for t in words(text, events[0].target_spans))


def test_returned_animal_is_not_the_recipient(nlp: Language, coder: EventCoder) -> None:
    text = "Customs officers returned 40 smuggled tortoises to Madagascar."
    event = next(e for e in code(nlp, coder, text) if e.rule == "retreat.return")
    targets = words(text, event.target_spans)
    assert any("Madagascar" in t for t in targets)
    assert not any("tortoises" in t for t in targets)


def test_troops_leaving_a_country_withdraw(nlp: Language, coder: EventCoder) -> None:
    text = "Foreign troops began leaving Iraq on Monday."
    assert ("RETREAT", "retreat.leave_place") in rules(code(nlp, coder, text))
    text = "The military withdrawal from the province was completed on Friday."
    assert ("RETREAT", "retreat.troop_withdrawal_noun") in rules(code(nlp, coder, text))


def test_demanded_withdrawal_is_a_request_not_a_retreat(nlp: Language,
                                                         coder: EventCoder) -> None:
    text = "Students called for the pullout of foreign forces from the capital."
    found = rules(code(nlp, coder, text))
    assert ("REQUEST", "request.call_for_withdrawal") in found
    assert all(t != "RETREAT" for t, _ in found)


def test_workers_who_stop_work_strike(nlp: Language, coder: EventCoder) -> None:
    text = "Hundreds of dock workers stopped work to protest against the new contracts."
    assert ("PROTEST", "protest.stop_work") in rules(code(nlp, coder, text))


@pytest.mark.parametrize("text", [
    # sports, business and idioms that share the trigger words
    "The striker returned to the squad after his injury.",
    "The goalkeeper returned the ball to the midfield.",
    "The company stopped work on the new bridge because of the rain.",
    "The bank continued its support for the merger.",
    "She left Paris for a holiday in Spain.",
    "The president left Washington on Monday for a tour of Asia.",
    "Customers made a cash withdrawal from the bank.",
    "The coach forced the team to train twice a day.",
    "The board will take action against late payers.",
    "The minister expressed concern about the decision.",
    "The court rejected accusations of bias.",
])
def test_other_senses_stay_uncoded(nlp: Language, coder: EventCoder, text: str) -> None:
    new = {"aid.continue_aid", "sanction.force_out", "coerce.suspend_publication",
           "consult.meal_with", "consult.attend_meeting", "accuse.legal_action",
           "retreat.return", "retreat.leave_place", "retreat.troop_withdrawal_noun",
           "retreat.withdrawal_of_troops", "protest.stop_work", "request.demand_withdrawal",
           "request.call_for_withdrawal"}
    found = [r for _, r in rules(code(nlp, coder, text)) if r.split(">")[0] in new]
    assert not found, found


def test_meal_targets_the_one_dined_with(nlp: Language, coder: EventCoder) -> None:
    """The one dined with is the target; the place of the meal is not."""
    text = "The envoy had lunch with the rebel commanders in Doha."
    event = next(e for e in code(nlp, coder, text) if e.rule == "consult.meal_with")
    targets = words(text, event.target_spans)
    assert any("commanders" in t for t in targets)
    assert "Doha" not in targets
