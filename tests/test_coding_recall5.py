"""Diplomatic and cooperative phrasings the coder used to miss (triggers_verbal_recall.yaml),
their other senses left alone, and public statements that PLOVER does not code."""

from __future__ import annotations

import pytest

from gestae.model import Event
from gestae.pipeline import extract


def events(text: str) -> list[Event]:
    return extract(text, date="2021-03-01").events


def first(text: str) -> Event:
    found = events(text)
    assert found, f"no event in {text!r}"
    return found[0]


def rules(text: str) -> set[str]:
    return {e.evidence.rule.split(">")[0] for e in events(text)}


def names(actors: list) -> list[str]:  # type: ignore[type-arg]
    return [a.text for a in actors]


@pytest.mark.parametrize(("text", "type_", "rule", "source", "target"), [
    ("The Turkish president called his Russian counterpart on Friday.", "CONSULT",
     "consult.call_counterpart", "The Turkish president", None),
    ("Qatar suspended its mediation between the government and the rebels.", "SANCTION",
     "sanction.halt_mediation", "Qatar", "the rebels"),
    ("The World Food Programme halted aid deliveries to the besieged province.", "SANCTION",
     "sanction.halt_deliveries", "The World Food Programme", None),
    ("Hundreds of Afghan families sought refuge in Pakistan last month.", "REQUEST",
     "request.seek_refuge", "Hundreds of Afghan families", "Pakistan"),
    ("The farmers submitted a petition to the provincial governor.", "REQUEST",
     "request.submit_petition", "The farmers", "the provincial governor"),
    ("Iran breached an embargo by the United Nations on arms sales.", "REJECT",
     "reject.violate_ban", "Iran", "the United Nations"),
    ("The dock workers ended their strike on Monday.", "CONCEDE",
     "concede.end_protest", "The dock workers", None),
    ("Ghana contributed soldiers to the African Union force.", "AID",
     "aid.contribute_troops", "Ghana", None),
    ("Bangladeshi peacekeepers arrived in Mali on Sunday.", "AID",
     "aid.peacekeepers_arrive", "Bangladeshi peacekeepers", "Mali"),
    ("Germany sent a team of engineers to Ukraine.", "AID",
     "aid.provide_resources", "Germany", None),
    ("Greece closed its border with Turkey on Saturday.", "COERCE",
     "coerce.close_border", "Greece", "Turkey"),
    ("Indian troops remained on alert along the frontier.", "MOBILIZE",
     "mobilize.on_alert", "Indian troops", None),
])
def test_new_phrasings(text: str, type_: str, rule: str, source: str,
                       target: str | None) -> None:
    event = first(text)
    assert (event.type, event.evidence.rule) == (type_, rule)
    assert source in names(event.source)
    if target is not None:
        assert target in names(event.target)


def test_refused_end_of_strike_is_a_rejection() -> None:
    """"will not end the strike": the coder's refusal rule turns the concession into REJECT."""
    event = first("The miners said they will not end the strike until wages are paid.")
    assert event.type == "REJECT"
    assert event.quad_class == 3
    assert not event.negated


def test_joint_war_games_are_cooperation() -> None:
    event = first("The navies of Egypt and Greece held joint war games in the Mediterranean.")
    assert event.type == "COOPERATE"
    assert event.cameo_root == "06"


@pytest.mark.parametrize(("text", "rule"), [
    ("The senator called the minister a liar on live television.", "consult.call_counterpart"),
    ("The drought contributed to the collapse of the harvest.", "aid.contribute_peacekeeping"),
    ("The police stopped the march near the parliament.", "concede.end_protest"),
    ("The tourists arrived in Lisbon on Sunday.", "aid.peacekeepers_arrive"),
    ("The company sought shelter from the tax authorities in court.", "request.seek_refuge"),
    ("The ban was violated by several ships.", "reject.violate_ban"),
    ("The store closed its doors for the holidays.", "coerce.close_border"),
])
def test_other_senses_left_alone(text: str, rule: str) -> None:
    assert rule not in rules(text)


@pytest.mark.parametrize("text", [
    "The foreign minister expressed deep concern about the fate of the journalist.",
    "The prime minister expressed condolences to the people of Turkey.",
    "The agency said it is skeptical about the government's targets.",
    "A spokeswoman for the ministry declined to comment on the dispute.",
])
def test_public_statements_stay_uncoded(text: str) -> None:
    """CAMEO 01 statements are dropped by PLOVER: no event."""
    assert events(text) == []


def test_conflict_event_stays_first() -> None:
    """A verbal or cooperative event does not displace an attack as the sentence's event."""
    text = ("Rebels shelled the town of Kidal on Monday while UN peacekeepers arrived in Gao "
            "and Mali closed its border with Niger.")
    found = events(text)
    assert found[0].type == "ASSAULT"
    assert {"AID", "COERCE"} <= {e.type for e in found[1:]}
    # an attack in an "after" clause is the background of the main clause's act: still
    # coded, but not the sentence's event
    later = events("Mali closed its border with Niger after gunmen killed 12 soldiers in Menaka.")
    assert [e.type for e in later][:1] == ["COERCE"]
    assert "ASSAULT" in {e.type for e in later}
