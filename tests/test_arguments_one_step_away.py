"""Arguments the reader finds one step away from where it used to look: the subject a
two-sided verb shares with a coordinated verb, the one a measure's gerund deals with, the
"with" partner of a refusal's or pledge's purpose, purposes under a participle of design
or an infinitival relative, the state people are sent away from, the owner of a measure
lifted in the passive, coordinated prepositions sharing one object, a misparsed second
object, and whoever launched the thing a purpose hangs on."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources, targets
from spacy.language import Language

from gestae.coding import EventCoder


@pytest.mark.parametrize(("text", "subject", "partner"), [
    ("The EU would step up its peace efforts and would hold talks with the Palestinian "
     "president next month.", "The EU", "the Palestinian president"),
    ("Japan will review its aid policy and will hold talks with South Korea next week.",
     "Japan", "South Korea"),
])
def test_partner_does_not_stand_in_for_the_shared_subject(
        nlp: Language, coder: EventCoder, text: str, subject: str, partner: str) -> None:
    """"X would do A and would hold talks with Y": X is a party, inherited from the first
    verb, although the "with" partner was found first."""
    event = event_of(nlp, coder, text, ("CONSULT", "AGREE"), rule="consult.hold_talks")
    assert sources(text, event) == [subject, partner]


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Washington will not lift the ban on doing business with Huawei.", "REJECT", "Huawei"),
    ("Brazil lifted its ban on doing business with the Venezuelan government.", "CONCEDE",
     "the Venezuelan government"),
])
def test_measure_on_a_gerund_aims_at_whom_it_deals_with(
        nlp: Language, coder: EventCoder, text: str, type_: str, target: str) -> None:
    """"a ban on doing business with X": the ban is aimed at X, not at the dealing."""
    assert targets(text, event_of(nlp, coder, text, type_)) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("The rebels refused to cooperate with the United Nations.", "the United Nations"),
    ("The union declined to negotiate with the government.", "the government"),
])
def test_refusal_aims_at_the_partner_of_its_purpose(nlp: Language, coder: EventCoder,
                                                     text: str, target: str) -> None:
    """"refused to cooperate with X": the refusal is aimed at X."""
    assert targets(text, event_of(nlp, coder, text, "REJECT")) == [target]


@pytest.mark.parametrize(("text", "expected"), [
    ("The African Union launched a mediation effort designed to help the government and "
     "the rebels reach a settlement.", ["the government", "the rebels"]),
    ("Norway began a mediation initiative aimed to help Colombia and the FARC end the war.",
     ["Colombia", "the FARC"]),
])
def test_purpose_under_a_participle_of_design(nlp: Language, coder: EventCoder, text: str,
                                              expected: list[str]) -> None:
    """"an effort designed to help X and Y reach a deal": the participle carries the
    purpose the noun would carry itself."""
    assert targets(text, event_of(nlp, coder, text, "CONSULT")) == expected


@pytest.mark.parametrize(("text", "state"), [
    ("Three journalists were deported from Iran last week.", "Iran"),
    ("Two aid workers were expelled from Sudan.", "Sudan"),
])
def test_people_sent_away_from_a_state(nlp: Language, coder: EventCoder, text: str,
                                       state: str) -> None:
    """A passive coercion without an agent, "expelled from X": the state X did it."""
    assert sources(text, event_of(nlp, coder, text, "COERCE")) == [state]


def test_goods_sent_away_keep_no_source(nlp: Language, coder: EventCoder) -> None:
    """Only people are expelled by a state: "goods were banned from India" names no one
    who banned them."""
    text = "Chinese goods were banned from India."
    assert sources(text, event_of(nlp, coder, text, "COERCE")) == []


@pytest.mark.parametrize(("text", "owner", "target"), [
    ("UN sanctions against Iraq were lifted in 2003.", "UN", "Iraq"),
    ("EU sanctions against Belarus were lifted on Monday.", "EU", "Belarus"),
])
def test_owner_of_a_measure_lifted_in_the_passive(nlp: Language, coder: EventCoder,
                                                   text: str, owner: str, target: str) -> None:
    """"UN sanctions were lifted": without an agent, the measure's owner lifts it."""
    event = event_of(nlp, coder, text, "CONCEDE")
    assert sources(text, event) == [owner]
    assert targets(text, event) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("Kuwait lifted travel curbs to and from Iraq.", "Iraq"),
    ("Qatar suspended flights to and from Egypt.", "Egypt"),
])
def test_coordinated_prepositions_share_their_object(nlp: Language, coder: EventCoder,
                                                     text: str, target: str) -> None:
    """"to and from X": the parser gives X to "from" only; "to" shares it."""
    assert targets(text, event_of(nlp, coder, text, ("CONCEDE", "SANCTION"))) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("The Army mobilized troops for a possible order to move against the Taliban.",
     "the Taliban"),
    ("Turkey mobilized troops for an operation to move against the Kurdish militants.",
     "the Kurdish militants"),
])
def test_troops_mobilized_for_a_purpose_against_someone(nlp: Language, coder: EventCoder,
                                                        text: str, target: str) -> None:
    """The troops are the means; the purpose their order or operation carries names whom
    they move against."""
    assert targets(text, event_of(nlp, coder, text, "MOBILIZE")) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("The Security Council has imposed sanctions on Mali due to widespread insecurity and "
     "lack of law and order, as well as human rights abuses by armed groups.", "Mali"),
    ("The Security Council has imposed sanctions on South Sudan due to widespread insecurity "
     "and lack of law and order, as well as human rights abuses by armed groups.",
     "South Sudan"),
])
def test_second_object_after_the_triggers_own_is_no_target(nlp: Language, coder: EventCoder,
                                                          text: str, target: str) -> None:
    """"imposed sanctions on X due to ..., as well as abuses by Y": the parser makes the
    reason a second object of the verb; the target stays X."""
    assert targets(text, event_of(nlp, coder, text, "SANCTION")) == [target]


@pytest.mark.parametrize(("text", "source"), [
    ("The UN launched an appeal to provide food for refugees.", "The UN"),
    ("The government launched a program to provide shelter for the displaced families.",
     "The government"),
])
def test_who_launched_a_thing_does_its_purpose(nlp: Language, coder: EventCoder, text: str,
                                               source: str) -> None:
    """"launched an appeal to provide food": whoever launched it provides, not the appeal."""
    assert sources(text, event_of(nlp, coder, text, "AID")) == [source]
