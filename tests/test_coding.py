"""Event coder: trigger patterns, arguments, voice, coordination, negation, modality."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.coding.patterns import Pattern, load_patterns
from gestae.model import EventCandidate


def code(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    return coder.find(nlp(text))


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def only(events: list[EventCandidate], type_: str) -> EventCandidate:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.rule) for e in events]
    return found[0]


# --- every pattern's own example -----------------------------------------------------------

@pytest.mark.parametrize("pattern", load_patterns(), ids=lambda p: p.id)
def test_pattern_example(nlp: Language, coder: EventCoder, pattern: Pattern) -> None:
    events = code(nlp, coder, pattern.example)
    assert any(e.rule == pattern.id and e.type == pattern.type for e in events), [
        (e.rule, e.type) for e in events]


def test_rule_ids_are_unique_and_examples_exist() -> None:
    ids = [p.id for p in load_patterns()]
    assert len(ids) == len(set(ids))
    assert all(p.example.strip() for p in load_patterns())


# --- candidates are complete and well-formed ------------------------------------------------

def test_candidate_fields(nlp: Language, coder: EventCoder) -> None:
    text = "Some background first. Soldiers opened fire on the protesters in Basra."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert text[event.trigger_start:event.trigger_end] == "opened fire"
    assert text[event.sent_start:event.sent_end].startswith("Soldiers")
    assert event.rule == "assault.open_fire"
    assert event.mode == "firearms"
    assert event.cameo_root == "19"
    assert texts(text, event.source_spans) == ["Soldiers"]
    assert texts(text, event.target_spans) == ["the protesters"]
    assert 0 < event.confidence <= 1
    assert event.modality == "asserted" and not event.negated


def test_cameo_root_comes_from_the_pattern(nlp: Language, coder: EventCoder) -> None:
    appeal = only(code(nlp, coder, "The mayor appealed to the army for help."), "REQUEST")
    demand = only(code(nlp, coder, "The mayor called for an inquiry."), "REQUEST")
    assert appeal.cameo_root == "02" and demand.cameo_root == "10"


# --- voice ---------------------------------------------------------------------------------

def test_active_voice(nlp: Language, coder: EventCoder) -> None:
    text = "Islamist gunmen kidnapped three aid workers on Monday."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert texts(text, event.source_spans) == ["Islamist gunmen"]
    assert texts(text, event.target_spans) == ["three aid workers"]
    assert event.mode == "abduct"


def test_passive_voice_with_agent(nlp: Language, coder: EventCoder) -> None:
    text = "The consulate was attacked by a mob on Friday."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert texts(text, event.source_spans) == ["a mob"]
    assert texts(text, event.target_spans) == ["The consulate"]


def test_passive_voice_without_agent(nlp: Language, coder: EventCoder) -> None:
    text = "Two journalists were arrested in Minsk."
    event = only(code(nlp, coder, text), "COERCE")
    assert event.source_spans == []
    assert texts(text, event.target_spans) == ["Two journalists"]


# --- prepositional targets and nominal triggers --------------------------------------------

@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Insurgents fired mortars at the airport.", "ASSAULT", "the airport"),
    ("Farmers protested against the new tax.", "PROTEST", "the new tax"),
    ("The EU imposed sanctions on Iranian drone makers.", "SANCTION", "Iranian drone makers"),
    ("Canada sent food aid to Haiti.", "AID", "Haiti"),
    ("Workers held a rally against the privatization plan.", "PROTEST",
     "the privatization plan"),
])
def test_prepositional_targets(nlp: Language, coder: EventCoder, text: str, type_: str,
                               target: str) -> None:
    event = only(code(nlp, coder, text), type_)
    assert target in texts(text, event.target_spans)


def test_nominal_triggers(nlp: Language, coder: EventCoder) -> None:
    text = "The assassination of the mayor by unknown gunmen shocked the town."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert event.mode == "targeted"
    assert texts(text, event.target_spans) == ["the mayor"]
    assert texts(text, event.source_spans) == ["unknown gunmen"]


def test_clash_between_puts_both_sides_in_source(nlp: Language, coder: EventCoder) -> None:
    text = "Clashes between Kurdish fighters and Turkish troops erupted near the border."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert texts(text, event.source_spans) == ["Kurdish fighters", "Turkish troops"]
    assert event.target_spans == []


def test_light_verb_gives_nominal_trigger_its_source(nlp: Language, coder: EventCoder) -> None:
    text = "Students staged a sit-down protest outside the ministry."
    event = only(code(nlp, coder, text), "PROTEST")
    assert texts(text, event.source_spans) == ["Students"]


# --- coordination -------------------------------------------------------------------------

def test_coordinated_arguments(nlp: Language, coder: EventCoder) -> None:
    text = "Britain and Canada condemned Iran, Syria and Russia."
    event = only(code(nlp, coder, text), "ACCUSE")
    assert texts(text, event.source_spans) == ["Britain", "Canada"]
    assert texts(text, event.target_spans) == ["Iran", "Syria", "Russia"]


def test_coordinated_verbs_share_subject(nlp: Language, coder: EventCoder) -> None:
    text = "Troops stormed the compound and arrested the commander."
    events = code(nlp, coder, text)
    assert {e.type for e in events} == {"ASSAULT", "COERCE"}
    for event in events:
        assert texts(text, event.source_spans) == ["Troops"]
    assert texts(text, only(events, "COERCE").target_spans) == ["the commander"]


def test_participle_clause_inherits_subject(nlp: Language, coder: EventCoder) -> None:
    text = "Protesters blocked the road, demanding the release of detainees."
    events = code(nlp, coder, text)
    demand = next(e for e in events if e.type == "REQUEST")
    assert texts(text, demand.source_spans) == ["Protesters"]


@pytest.mark.parametrize("text", [
    "Police opened fire on the crowd, killing four people and wounding ten.",
    "Soldiers shelled the village, killing two children.",
    "Gunmen killed three guards and wounded seven others.",
])
def test_killing_and_wounding_are_the_cost_of_one_attack(
        nlp: Language, coder: EventCoder, text: str) -> None:
    events = [e for e in code(nlp, coder, text) if e.type == "ASSAULT"]
    assert len(events) == 1


def test_conjunct_with_its_own_subject_is_a_second_attack(
        nlp: Language, coder: EventCoder) -> None:
    text = "Gunmen killed two guards in Mosul and militants wounded five soldiers in Kirkuk."
    assert len([e for e in code(nlp, coder, text) if e.type == "ASSAULT"]) == 2


# --- negation -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The army did not shell the town.",
    "The militia denied attacking the convoy.",
    "Officials never arrested the suspects.",
    "The guards failed to release the prisoners.",
])
def test_negated(nlp: Language, coder: EventCoder, text: str) -> None:
    events = code(nlp, coder, text)
    assert events and all(e.negated for e in events if e.type != "REJECT")


def test_refusal_is_a_reject_and_negates_its_content(nlp: Language, coder: EventCoder) -> None:
    text = "The rebels refused to release the hostages."
    events = code(nlp, coder, text)
    reject = only(events, "REJECT")
    assert not reject.negated and texts(text, reject.source_spans) == ["The rebels"]
    assert only(events, "RETREAT").negated


def test_negation_does_not_leak_into_next_clause(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Police did not arrest anyone, but soldiers detained two men.")
    assert [e.negated for e in events] == [True, False]


# --- modality --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "modality"), [
    ("The insurgents could attack the base.", "hypothetical"),
    ("If the talks fail, the army may shell the rebel positions.", "hypothetical"),
    ("The union might protest against the cuts.", "hypothetical"),
    ("The rebels plan to attack the capital.", "future"),
    ("The separatists are going to attack the airport.", "future"),
    ("Opposition groups will protest against the election results on Friday.", "future"),
    ("Police arrested the organizers.", "asserted"),
])
def test_modality(nlp: Language, coder: EventCoder, text: str, modality: str) -> None:
    events = [e for e in code(nlp, coder, text) if e.type in ("ASSAULT", "PROTEST", "COERCE")]
    assert events and events[-1].modality == modality


def test_threat_content_is_hypothetical_and_threat_is_asserted(
    nlp: Language, coder: EventCoder
) -> None:
    events = code(nlp, coder, "The militia threatened to attack the embassy.")
    threat = only(events, "THREATEN")
    assert threat.modality == "asserted" and threat.mode == "violence"
    assert all(e.modality == "hypothetical" for e in events if e.type == "ASSAULT")


def test_future_meeting_is_agree(nlp: Language, coder: EventCoder) -> None:
    event = code(nlp, coder, "The foreign ministers will meet in Geneva next week.")[0]
    assert event.type == "AGREE" and event.cameo_root == "03"
    assert event.rule == "consult.meet"


def test_announced_withdrawal_is_concede(nlp: Language, coder: EventCoder) -> None:
    text = "Washington announced it would withdraw its troops from Iraq."
    event = code(nlp, coder, text)[0]
    assert event.type == "CONCEDE"
    assert texts(text, event.source_spans) == ["Washington"]


# --- reported speech and attribution --------------------------------------------------------

def test_according_to_is_attribution(nlp: Language, coder: EventCoder) -> None:
    text = "According to local officials, militants burned three schools."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert texts(text, event.attribution_spans) == ["local officials"]
    assert texts(text, event.source_spans) == ["militants"]


@pytest.mark.parametrize("text", [
    "The ministry said rebels attacked a convoy near Goma.",
    "Rebels attacked a convoy near Goma, the ministry said.",
])
def test_speaker_is_attribution_of_a_reported_attack(nlp: Language, coder: EventCoder,
                                                     text: str) -> None:
    event = only(code(nlp, coder, text), "ASSAULT")
    assert [t.lower() for t in texts(text, event.attribution_spans)] == ["the ministry"]
    assert [t.lower() for t in texts(text, event.source_spans)] == ["rebels"]


def test_speaker_is_source_of_a_threat(nlp: Language, coder: EventCoder) -> None:
    text = "The cleric said foreign troops will be treated as occupiers."
    event = only(code(nlp, coder, text), "THREATEN")
    assert texts(text, event.source_spans) == ["The cleric"]
    assert texts(text, event.target_spans) == ["foreign troops"]
    assert event.attribution_spans == []


# --- precision -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The rockets, which were supplied last year, are stored in a warehouse.",
    "Unemployment has doubled since the 2003 invasion.",
    "The company released its quarterly report on Monday.",
    "The minister struck a conciliatory tone at the dinner.",
    "Her wounded pride kept her at home.",
])
def test_passing_mentions_produce_nothing(nlp: Language, coder: EventCoder, text: str) -> None:
    assert code(nlp, coder, text) == []


def test_one_event_per_trigger_and_several_triggers(nlp: Language, coder: EventCoder) -> None:
    text = "Protesters blocked roads in Beirut and police arrested 12 of them."
    events = code(nlp, coder, text)
    triggers = [(e.trigger_start, e.trigger_end) for e in events]
    assert len(triggers) == len(set(triggers))
    assert {e.type for e in events} == {"PROTEST", "COERCE"}


def test_instrument_sets_assault_mode(nlp: Language, coder: EventCoder) -> None:
    event = only(code(nlp, coder, "Militants attacked the base with mortars."), "ASSAULT")
    assert event.mode == "heavy-weapons"
    merged = code(nlp, coder, "Six soldiers were killed in a drone strike.")
    assert len(merged) == 1 and merged[0].mode == "drone"


def test_confidence_reflects_argument_completeness(nlp: Language, coder: EventCoder) -> None:
    full = only(code(nlp, coder, "Soldiers shot two farmers."), "ASSAULT")
    bare = only(code(nlp, coder, "Two farmers were shot."), "ASSAULT")
    assert 0 <= bare.confidence < full.confidence <= 1


def test_empty_and_multi_sentence_docs(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "") == []
    text = "Troops shelled the town. Later, the mayor condemned the attack."
    events = code(nlp, coder, text)
    assert [e.type for e in events][:2] == ["ASSAULT", "ACCUSE"]
    assert events[1].sent_start == text.index("Later")


# --- negation, modality and arguments (issue 4) ---------------------------------------------

def test_stopped_short_of_threatening_is_no_asserted_threat(
        nlp: Language, coder: EventCoder) -> None:
    text = ("Security forces opened fire on protesters in Nasiriyah on Sunday, killing three. "
            "Al-Sadr stopped short of threatening military action.")
    events = code(nlp, coder, text)
    assert [e.type for e in events if e.modality == "asserted" and not e.negated] == ["ASSAULT"]
    threat = only(events, "THREATEN")
    assert threat.negated and texts(text, threat.source_spans) == ["Al-Sadr"]


def test_condition_makes_both_clauses_hypothetical(nlp: Language, coder: EventCoder) -> None:
    text = "If the government does not withdraw its troops, the rebels will attack the bases."
    events = code(nlp, coder, text)
    assert only(events, "RETREAT").modality == "hypothetical"
    assert only(events, "ASSAULT").modality == "hypothetical"


def test_announced_conditional_attack_is_a_threat_by_the_speaker(
        nlp: Language, coder: EventCoder) -> None:
    text = "The cleric said his fighters will attack the bases if the troops stay."
    threat = only(code(nlp, coder, text), "THREATEN")
    assert threat.modality == "asserted" and threat.mode == "violence"
    assert texts(text, threat.source_spans) == ["The cleric"]
    assert texts(text, threat.target_spans) == ["the bases"]


def test_prediction_by_a_third_party_is_not_a_threat(nlp: Language, coder: EventCoder) -> None:
    text = "Police said the rebels will attack the city."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert event.modality == "future"


def test_refused_future_cooperation_is_reject(nlp: Language, coder: EventCoder) -> None:
    text = "The government will not lift the ban on the party."
    event = only(code(nlp, coder, text), "REJECT")
    assert event.modality == "asserted" and not event.negated and event.mode == "yield"


@pytest.mark.parametrize("text", [
    "The rebels may attack the town.",
    "The army could shell the rebel positions.",
])
def test_modal_auxiliaries_are_hypothetical(nlp: Language, coder: EventCoder,
                                            text: str) -> None:
    assert only(code(nlp, coder, text), "ASSAULT").modality == "hypothetical"


def test_planned_rally_takes_the_planner_as_source(nlp: Language, coder: EventCoder) -> None:
    text = "The opposition plans to hold a rally on Friday."
    event = only(code(nlp, coder, text), "PROTEST")
    assert event.modality == "future" and texts(text, event.source_spans) == ["The opposition"]


def test_hold_is_not_an_accusation(nlp: Language, coder: EventCoder) -> None:
    assert not any(e.type == "ACCUSE" for e in code(nlp, coder, "The union will hold a vote."))


def test_coordinated_subjects_agree(nlp: Language, coder: EventCoder) -> None:
    text = "Hungary and Romania agreed on a new border regime."
    assert texts(text, only(code(nlp, coder, text), "AGREE").source_spans) == [
        "Hungary", "Romania"]


def test_two_sided_verb_puts_both_parties_in_source(nlp: Language, coder: EventCoder) -> None:
    text = "Kurdish fighters clashed with Turkish troops near the border."
    event = only(code(nlp, coder, text), "ASSAULT")
    assert texts(text, event.source_spans) == ["Kurdish fighters", "Turkish troops"]
    assert event.target_spans == []


def test_relative_clause_subject(nlp: Language, coder: EventCoder) -> None:
    text = "The soldiers who attacked the village were arrested."
    attack = next(e for e in code(nlp, coder, text) if e.type == "ASSAULT")
    assert texts(text, attack.source_spans) == ["The soldiers"]


def test_document_stands_for_its_issuer(nlp: Language, coder: EventCoder) -> None:
    text = "The rights group issued a statement calling on the army to free the activists."
    request = only(code(nlp, coder, text), "REQUEST")
    assert texts(text, request.source_spans) == ["The rights group"]
    assert texts(text, request.target_spans) == ["the army"]


def test_claim_of_responsibility_is_attribution(nlp: Language, coder: EventCoder) -> None:
    text = "The group claimed responsibility for the attack that killed nine guards."
    events = code(nlp, coder, text)
    assert len(events) == 1  # the killing is the attack's cost, not a second attack
    assert texts(text, events[0].attribution_spans) == ["The group"]


def test_date_is_not_a_required_preposition_object(nlp: Language, coder: EventCoder) -> None:
    assert not any(e.type == "REQUEST" for e in code(
        nlp, coder, "The president called his counterpart on Tuesday."))


def test_purpose_of_aid_is_not_support(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Norway gave 5 million euros to support the camps.")
    assert [e.type for e in events] == ["AID"]


def test_confidence_orders_evidence(nlp: Language, coder: EventCoder) -> None:
    asserted = only(code(nlp, coder, "Rebels attacked the convoy."), "ASSAULT")
    modal = only(code(nlp, coder, "Rebels might attack the convoy."), "ASSAULT")
    mention = only(code(nlp, coder, "An attack was reported."), "ASSAULT")
    assert modal.confidence < asserted.confidence
    assert mention.confidence < asserted.confidence
