"""Arguments that are wrong by PLOVER semantics are left out - a thing
whose actors only hang from a preposition of topic or direction, a clause read as a noun
phrase, a thing a verb under the trigger makes, the person extradited - while the actor
readings next to them stay."""

from __future__ import annotations

import pytest
from argument_actors import read, span_of
from argument_spans import event_of, targets
from spacy.language import Language

from gestae.actors import ActorResolver
from gestae.coding import EventCoder

# -- things about or towards an actor name no actor ---------------------------------------


@pytest.mark.parametrize(("text", "phrase"), [
    ("The court rejected appeals against the eviction of a family in Hebron.",
     "appeals against the eviction of a family in Hebron"),
    ("The judges dismissed complaints about the conduct of the Kenyan police.",
     "complaints about the conduct of the Kenyan police"),
    ("The senator breached a ban on entry into Russian territory.",
     "entry into Russian territory"),
])
def test_thing_about_an_actor_names_none(resolver: ActorResolver, text: str,
                                         phrase: str) -> None:
    read(resolver, text)
    assert resolver.arguments.names_thing(text, *span_of(text, phrase))


@pytest.mark.parametrize(("text", "phrase"), [
    # an act with its author after "of", "by" or "from" is aimed at the author
    ("The court rejected the appeal of two Reuters journalists.",
     "the appeal of two Reuters journalists"),
    ("The minister rejected a request by the Turkish government.",
     "a request by the Turkish government"),
    # a people word or a known role heads the phrase
    ("The court ordered the son of the former president to pay.",
     "the son of the former president"),
    ("The army attacked fighters from the Islamic State group.",
     "fighters from the Islamic State group"),
    # a facility of an actor, a partitive, a place
    ("The rebels stormed a base of the Syrian army near Homs.",
     "a base of the Syrian army"),
    ("Hackers attacked a number of Iranian government websites.",
     "a number of Iranian government websites"),
])
def test_actor_readings_stay(resolver: ActorResolver, text: str, phrase: str) -> None:
    read(resolver, text)
    assert not resolver.arguments.names_thing(text, *span_of(text, phrase))


def test_thing_about_an_actor_is_no_event_target(resolver: ActorResolver) -> None:
    text = "The court rejected appeals against the eviction of a family in Hebron."
    read(resolver, text)
    start, end = span_of(text, "appeals against the eviction of a family in Hebron")
    assert resolver.arguments.code(start, end, resolver.last_actors, [], text, None) is None


# -- a thing made is no recipient ---------------------------------------------------------


@pytest.mark.parametrize(("text", "made"), [
    ("The government has agreed to set up two field hospitals in the north.",
     "two field hospitals"),
    ("The ministry agreed to establish a new transport company in Berlin.",
     "a new transport company"),
    ("The council agreed to build three schools near the border.", "three schools"),
])
def test_thing_made_under_the_trigger_is_no_target(nlp: Language, coder: EventCoder,
                                                   text: str, made: str) -> None:
    event = event_of(nlp, coder, text, "AGREE")
    assert made not in targets(text, event)


def test_receiver_of_a_promise_stays(nlp: Language, coder: EventCoder) -> None:
    text = "Australia has agreed to lend up to $1 billion to Indonesia."
    event = event_of(nlp, coder, text, "AGREE")
    assert "Indonesia" in targets(text, event)


# -- extradition: the state that receives, not the person sent ----------------------------


@pytest.mark.parametrize(("text", "receiver", "sent"), [
    ("Britain extradited the preacher Abu Hamza to the United States.",
     "the United States", "the preacher Abu Hamza"),
    ("Spain extradited two suspects to France on Monday.", "France", "two suspects"),
])
def test_extradited_person_is_not_the_target(nlp: Language, coder: EventCoder, text: str,
                                             receiver: str, sent: str) -> None:
    event = event_of(nlp, coder, text, "COOPERATE")
    found = targets(text, event)
    assert sent not in found
    assert receiver in found


# -- a team sent into a country: the country receives it ----------------------------------


@pytest.mark.parametrize(("text", "receiver", "sent"), [
    ("The administration has sent teams of CIA operatives into Libya.", "Libya",
     "CIA operatives"),
    ("Germany sent a team of engineers into the flooded province of Sindh.",
     "the flooded province of Sindh", "engineers"),
])
def test_team_sent_into_a_place_aims_at_it(nlp: Language, coder: EventCoder, text: str,
                                           receiver: str, sent: str) -> None:
    event = event_of(nlp, coder, text, "AID")
    found = targets(text, event)
    assert receiver in found
    assert sent not in found
