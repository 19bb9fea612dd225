"""Trigger typing (round 3): words whose event type depends on what they act on or on the
particle that follows them. Labour strikes against military strikes, strikes called off,
people handed over against goods handed over, peacekeepers and diplomats withdrawn against
troops withdrawn, backing down against backing someone, troops sent to a peacekeeping
mission, and deployments that move no force."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.model import EventCandidate


def code(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    return coder.find(nlp(text))


def types_rules(nlp: Language, coder: EventCoder, text: str) -> list[tuple[str, str]]:
    return [(e.type, e.rule.split(">")[0]) for e in code(nlp, coder, text)]


@pytest.mark.parametrize(("text", "type_", "rule"), [
    # a strike launched by an armed party or a state is an attack
    ("Israel launched air strikes on Hamas positions in Gaza.", "ASSAULT", ""),
    ("The coalition began airstrikes against the militants on Sunday.",
     "ASSAULT", "assault.launch_airstrike"),
    # a strike launched by workers is a protest
    ("Nurses launched a strike over pay.", "PROTEST", "protest.launch_strike"),
    ("The teachers' union launched a strike on Monday.", "PROTEST", "protest.launch_strike"),
    ("A Kansas woman has launched a hunger strike.", "PROTEST", "protest.launch_strike"),
    ("The jailed opposition leader started a hunger strike.", "PROTEST", "protest.call_strike"),
    ("The unions called a general strike for Monday.", "PROTEST", "protest.call_strike"),
    ("Dockers staged a walkout over pay.", "PROTEST", "protest.walk_out"),
    # a strike called off is a concession, not a strike
    ("The truck drivers called off their strike on Friday.",
     "CONCEDE", "concede.call_off_protest"),
    ("The opposition called off the planned protest after talks with the government.",
     "CONCEDE", "concede.call_off_protest"),
    # persons handed over are judicial cooperation
    ("Pakistan handed the suspects over to the United States.",
     "COOPERATE", "cooperate.hand_over_person"),
    ("Turkey extradited the businessman to Germany.", "COOPERATE", "cooperate.extradite"),
    # goods handed over are given; papers and power handed over are no aid
    ("The militia handed over 30 vehicles to the army.", "AID", "aid.hand_over"),
    ("The European Union has deployed election observers in Zimbabwe.",
     "AID", "aid.deploy_observers"),
    # peacekeepers, observers and diplomats withdrawn: SANCTION withdraw; troops: RETREAT
    ("The UN withdrew its peacekeepers from the Golan Heights.",
     "SANCTION", "sanction.withdraw_resources"),
    ("The European Union withdrew its election observers from the country.",
     "SANCTION", "sanction.withdraw_resources"),
    ("Russian troops withdrew from the Kherson region.", "RETREAT", "retreat.withdraw"),
    ("The army withdrew its troops from the northern towns.", "RETREAT", "retreat.withdraw"),
    # backing down is giving in
    ("The government backed down after weeks of protests.", "CONCEDE", "concede.back_down"),
    ("France backed the Egyptian proposal.", "SUPPORT", "support.endorse"),
    # troops for a peacekeeping mission are military assistance
    ("Britain is deploying 300 troops to the UN peacekeeping mission in Mali.",
     "AID", "aid.troops_to_mission"),
    ("Russia deployed troops to the Ukrainian border.", "MOBILIZE", "mobilize.deploy_troops"),
])
def test_first_event_has_the_right_type(nlp: Language, coder: EventCoder, text: str,
                                         type_: str, rule: str) -> None:
    found = types_rules(nlp, coder, text)
    assert found, text
    assert found[0][0] == type_, found
    if rule:
        assert found[0][1] == rule, found


@pytest.mark.parametrize("text", [
    "Israel launched air strikes on Hamas positions in Gaza.",
    "The coalition began airstrikes against the militants on Sunday.",
    "The air force launched strikes on the rebel positions.",
    "The truck drivers called off their strike on Friday.",
    "The ground troops called in air strikes on the militant positions.",
])
def test_no_protest_where_no_one_strikes_work(nlp: Language, coder: EventCoder,
                                              text: str) -> None:
    assert all(t != "PROTEST" for t, _ in types_rules(nlp, coder, text))


def test_goods_handed_over_are_no_extradition(nlp: Language, coder: EventCoder) -> None:
    found = types_rules(nlp, coder, "The militia handed over 30 vehicles to the army.")
    assert all(t != "COOPERATE" for t, _ in found), found


@pytest.mark.parametrize("text", [
    "The company handed over the keys to the new owners.",
    "The protesters handed over a petition to the governor.",
    "The outgoing president handed over power to his successor.",
])
def test_papers_and_power_handed_over_are_no_aid(nlp: Language, coder: EventCoder,
                                                 text: str) -> None:
    found = types_rules(nlp, coder, text)
    assert all(r not in ("aid.hand_over", "cooperate.hand_over_person") for _, r in found), found


@pytest.mark.parametrize("text", [
    "The European Union has deployed election observers in Zimbabwe.",
    "The European Union is mobilising additional funds to support the peace process.",
])
def test_deploying_observers_or_funds_mobilizes_no_force(nlp: Language, coder: EventCoder,
                                                         text: str) -> None:
    assert all(t != "MOBILIZE" for t, _ in types_rules(nlp, coder, text))


def test_peacekeepers_withdrawn_are_not_a_retreat(nlp: Language, coder: EventCoder) -> None:
    text = "Qatar withdrew peacekeepers from the Eritrea-Djibouti border."
    found = types_rules(nlp, coder, text)
    assert ("SANCTION", "sanction.withdraw_resources") in found
    assert all(t != "RETREAT" for t, _ in found)


@pytest.mark.parametrize("text", [
    "The coalition began air strikes on Houthi positions on Monday.",
    "Israel started drone strikes against militants in Gaza.",
    "The army launched missile strikes on rebel bases.",
])
def test_strikes_with_a_weapon_word_are_no_labour_strike(nlp: Language, coder: EventCoder,
                                                         text: str) -> None:
    assert all(t != "PROTEST" for t, _ in types_rules(nlp, coder, text))


@pytest.mark.parametrize("text", [
    "Teachers began a strike over unpaid wages.",
    "The unions called a general strike for Monday.",
    "Dock workers started an indefinite strike on Friday.",
])
def test_labour_strikes_begun_or_called_stay_protests(nlp: Language, coder: EventCoder,
                                                      text: str) -> None:
    assert ("PROTEST", "protest.call_strike") in types_rules(nlp, coder, text)
