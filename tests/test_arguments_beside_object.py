"""Targets the argument reader finds beside the object: who is let free, whom a protest or
a refused request is aimed at, whose office is given up, whom troops sent are to help; and
phrases that are not targets (a purpose beside a receiver, an "on" far from "called")."""

from __future__ import annotations

import pytest
from argument_spans import event_of, sources, targets
from spacy.language import Language

from gestae.coding import EventCoder


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Ethiopia let free some 74 political leaders.", "Ethiopia", "some 74 political leaders"),
    ("Egypt finally let free the jailed blogger Ahmed Farid.", "Egypt",
     "the jailed blogger Ahmed Farid"),
])
def test_let_free(nlp: Language, coder: EventCoder, text: str, source: str,
                  target: str) -> None:
    """"let free X": the parser makes X the subject of "free"; X is freed, the subject of
    "let" frees."""
    event = event_of(nlp, coder, text, "RETREAT")
    assert sources(text, event) == [source]
    assert targets(text, event) == [target]


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Cotton farmers began a hunger strike on Monday in protest against new taxes imposed "
     "by the provincial government.", "PROTEST", "the provincial government"),
    ("Dock workers went on strike in protest at the plans announced by the port authority.",
     "PROTEST", "the port authority"),
])
def test_in_protest_against_a_made_thing(nlp: Language, coder: EventCoder, text: str,
                                         type_: str, target: str) -> None:
    """"in protest against the laws imposed by X": the protest is aimed at the maker."""
    assert targets(text, event_of(nlp, coder, text, type_)) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("The rebels spurned repeated offers of talks by the interim government.",
     "the interim government"),
    ("The opposition rejected an offer for negotiations by the ruling party.",
     "the ruling party"),
])
def test_maker_named_on_what_is_offered(nlp: Language, coder: EventCoder, text: str,
                                        target: str) -> None:
    """The maker's "by" phrase hung on the thing offered still names who offered it."""
    assert targets(text, event_of(nlp, coder, text, "REJECT")) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("A Dutch court rejected an extradition request for the former minister Paul Vermeer.",
     "the former minister Paul Vermeer"),
    ("The judge turned down a request for the detained journalist.", "the detained journalist"),
])
def test_request_for_a_person(nlp: Language, coder: EventCoder, text: str,
                              target: str) -> None:
    """A request "for" a person, with no maker named: the person it is about."""
    assert targets(text, event_of(nlp, coder, text, "REJECT")) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("The High Court rejected an appeal lodged by the Farmers Union against the verdict.",
     "the Farmers Union"),
    ("The tribunal dismissed an appeal filed by the mining company against the fine.",
     "the mining company"),
])
def test_appeal_is_a_thing_not_a_court(nlp: Language, coder: EventCoder, text: str,
                                       target: str) -> None:
    """"an appeal" is what was asked (not a court of appeal): who lodged it is the target,
    not what it was against."""
    assert targets(text, event_of(nlp, coder, text, "REJECT")) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("Suharto resigned as president of Indonesia in May.", "Indonesia"),
    ("The general stepped down as head of the army on Friday.", "the army"),
])
def test_office_given_up(nlp: Language, coder: EventCoder, text: str, target: str) -> None:
    """"resigned as president of X": the state or body whose post is given up."""
    assert targets(text, event_of(nlp, coder, text, "RETREAT")) == [target]


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("The peacekeepers are being deployed to relieve the Malian soldiers.", ("AID", "MOBILIZE"),
     "the Malian soldiers"),
    ("Two thousand soldiers have been deployed to protect the refugees.", ("AID", "MOBILIZE"),
     "the refugees"),
])
def test_passive_sending_aimed_by_its_purpose(nlp: Language, coder: EventCoder, text: str,
                                              type_: tuple[str, ...], target: str) -> None:
    """Troops sent (passive) "to help X": X is the target, not the troops."""
    assert targets(text, event_of(nlp, coder, text, type_)) == [target]


def test_purpose_beside_a_receiver_is_not_a_target(nlp: Language, coder: EventCoder) -> None:
    text = ("The agency handed over new medical equipment to the Ministry of Health, for use in "
            "rural clinics.")
    assert targets(text, event_of(nlp, coder, text, "AID")) == ["the Ministry of Health"]


@pytest.mark.parametrize(("text", "court"), [
    ("The opposition candidate rejected the announcement that President Mario Okoye was the "
     "winner of the vote in the country, saying he would be filing a complaint to the Supreme "
     "Court.", "the Supreme Court"),
    ("The mayor rejected the announcement that Senator Tom Udo was the winner of the primary "
     "in the region, saying she would be sending a letter to the national election board.",
     "the national election board"),
])
def test_receiver_of_a_nested_clause_is_not_the_target(nlp: Language, coder: EventCoder,
                                                       text: str, court: str) -> None:
    """The "to" of a clause inside a participle belongs to that clause's verb."""
    event = event_of(nlp, coder, text, "REJECT")
    assert court not in targets(text, event)


@pytest.mark.parametrize("text", [
    "The militia refuses to lift the ban that it imposed, in 2015, on aid agencies.",
    "The rebels refuse to lift the blockade that they imposed, in March, on relief convoys.",
])
def test_far_on_phrase_is_not_called_on(nlp: Language, coder: EventCoder, text: str) -> None:
    """Only an "on" right after the verb ("called on X to") names who is to act."""
    event = event_of(nlp, coder, text, "CONCEDE")
    assert not any(s in ("aid agencies", "relief convoys") for s in sources(text, event))


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Seoul lifted the ban on imports of American beef.", "CONCEDE", "American beef"),
    ("Japan has agreed to lift its ban on imports of Australian wheat.", "AGREE",
     "Australian wheat"),
    ("The government reduced tariffs on $50 billion of Mexico's exports.", "CONCEDE",
     "Mexico's exports"),
])
def test_measure_on_goods_named_by_owner(nlp: Language, coder: EventCoder, text: str,
                                         type_: str, target: str) -> None:
    """A ban or tariff on a trade "of" goods named by their owner is aimed at the owner:
    the goods' phrase, which the actor resolver codes by the owner."""
    assert targets(text, event_of(nlp, coder, text, type_)) == [target]


@pytest.mark.parametrize(("text", "target"), [
    ("Britain has sent 50 armoured vehicles and a team of paratroopers to Jordan.", "Jordan"),
    ("Britain has sent armoured vehicles and a unit of engineers to Lebanon.", "Lebanon"),
])
def test_receiver_hung_on_the_of_noun(nlp: Language, coder: EventCoder, text: str,
                                      target: str) -> None:
    """"sent a team of paratroopers to X": X receives them, though "to" hangs on the
    paratroopers."""
    event = event_of(nlp, coder, text, ("AID", "MOBILIZE"))
    assert targets(text, event) == [target]


@pytest.mark.parametrize(("text", "type_", "source"), [
    ("USAID deployed seven rescue teams to Nepal.", "MOBILIZE", "USAID"),
    ("In partnership with local groups, USAID provided blankets to 3,000 families.", "AID",
     "USAID"),
    ("USAID had announced a suspension of aid in Somalia.", "SANCTION", "USAID"),
])
def test_acronym_read_as_adverb_is_the_subject(nlp: Language, coder: EventCoder, text: str,
                                               type_: str, source: str) -> None:
    """An upper-case acronym the tagger reads as an adverb before a subjectless verb."""
    assert sources(text, event_of(nlp, coder, text, type_)) == [source]
