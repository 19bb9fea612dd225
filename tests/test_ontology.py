"""PLOVER ontology tables and the ACLED mapping."""

from __future__ import annotations

import pytest

from gestae.coding import ontology
from gestae.coding.patterns import load_patterns
from gestae.model import Actor, Casualties, Count, Event, Evidence

QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


@pytest.mark.parametrize(("type_", "quad"), sorted(QUADS.items()))
def test_quad_class_follows_the_manual(type_: str, quad: int) -> None:
    assert ontology.quad_class(type_) == quad


def test_sixteen_types() -> None:
    assert set(ontology.EVENT_TYPES) == set(QUADS)


def test_unknown_type_raises() -> None:
    with pytest.raises(KeyError):
        ontology.quad_class("FIGHT")


@pytest.mark.parametrize(("type_", "root"), [
    ("AGREE", "03"), ("CONSULT", "04"), ("SUPPORT", "05"), ("COOPERATE", "06"), ("AID", "07"),
    ("CONCEDE", "08"), ("RETREAT", "08"), ("REQUEST", "10"), ("ACCUSE", "11"),
    ("REJECT", "12"), ("THREATEN", "13"), ("PROTEST", "14"), ("MOBILIZE", "15"),
    ("SANCTION", "16"), ("COERCE", "17"), ("ASSAULT", "18"),
])
def test_default_cameo_root(type_: str, root: str) -> None:
    assert ontology.cameo_root(type_) == root


@pytest.mark.parametrize(("type_", "mode", "score"), [
    ("ASSAULT", "aerial", -9.5), ("ASSAULT", "beat", -7.5), ("ASSAULT", None, -9.0),
    ("ASSAULT", "unconventional", -10.0), ("CONSULT", "visit", 4.0), ("CONSULT", None, 2.5),
    ("RETREAT", "disarm", 10.0), ("AID", None, 10.0), ("PROTEST", "riot", -7.0),
    ("COERCE", "martial-law", -7.5), ("REQUEST", "change", -1.0), ("ACCUSE", None, -3.0),
])
def test_intensity_per_type_and_mode(type_: str, mode: str | None, score: float) -> None:
    assert ontology.intensity(type_, mode) == score


def test_intensity_falls_back_to_type_and_unknown_is_none() -> None:
    assert ontology.intensity("PROTEST", "vandalize") == ontology.intensity("PROTEST", None)
    assert ontology.intensity("ASSAULT", "no-such-mode") == -9.0
    assert ontology.intensity("NOTATYPE", None) is None


def test_scores_are_on_the_plover_scale_and_signed_by_quad() -> None:
    for type_ in ontology.EVENT_TYPES:
        for mode in (None, *ontology.modes(type_)):
            score = ontology.intensity(type_, mode)
            assert score is not None and -10 <= score <= 10
        if ontology.quad_class(type_) == 4:
            assert ontology.intensity(type_, None) < 0
        if ontology.quad_class(type_) in (1, 2):
            assert ontology.intensity(type_, None) > 0


def test_modes_and_contexts() -> None:
    assert "aerial" in ontology.modes("ASSAULT") and "drone" in ontology.modes("ASSAULT")
    assert "targeted" in ontology.modes("ASSAULT")
    assert ontology.modes("AGREE") == ()
    assert set(ontology.modes("REQUEST")) == set(ontology.modes("REJECT"))
    assert "military" in ontology.contexts() and "cbrn" in ontology.contexts()
    assert ontology.mode_contexts("COERCE", "cyber") == ["cyber"]


def test_future_cooperation_becomes_agree() -> None:
    assert ontology.future_as("CONSULT") == "AGREE"
    assert ontology.future_as("RETREAT") == "CONCEDE"
    assert ontology.future_as("ASSAULT") is None


def test_patterns_cover_every_type_with_valid_modes() -> None:
    patterns = load_patterns()
    assert len(patterns) >= 150
    assert {p.type for p in patterns} == set(QUADS)
    for p in patterns:
        assert p.mode is None or p.mode in ontology.modes(p.type)
        assert p.cameo_root and p.cameo_root.isdigit() and len(p.cameo_root) == 2


# --- ACLED ---------------------------------------------------------------------------------

def actor(text: str, sector: str | None) -> Actor:
    return Actor(text=text, start=0, end=len(text), sector=sector)


def event(type_: str, mode: str | None = None, *, source: list[Actor] | None = None,
          target: list[Actor] | None = None, killed: int | None = None, rule: str = "x.rule",
          trigger: str = "", context: list[str] | None = None) -> Event:
    casualties = Casualties(killed=Count(best=killed, low=killed) if killed else None)
    return Event(event_id="e", type=type_, mode=mode, source=source or [],
                 target=target or [], casualties=casualties, context=context or [],
                 evidence=Evidence(text="", start=0, end=0, trigger=trigger, trigger_start=0,
                                   trigger_end=0, rule=rule))


POLICE = actor("police", "COP")
PROTESTERS = actor("protesters", "CVL")
ARMY = actor("the army", "MIL")
REBELS = actor("the rebels", "REB")
GUNMEN = actor("gunmen", "UAF")
VILLAGERS = actor("villagers", "CVL")


def test_peaceful_protest() -> None:
    protest = event("PROTEST", "demo", source=[PROTESTERS])
    assert ontology.acled_types(protest, [protest]) == ("Protests", "Peaceful protest")


def test_protest_with_intervention_and_excessive_force() -> None:
    protest = event("PROTEST", "demo", source=[PROTESTERS])
    arrests = event("COERCE", "arrest", source=[POLICE], target=[actor("20 people", "CVL")])
    assert ontology.acled_types(protest, [protest, arrests]) == (
        "Protests", "Protest with intervention")
    shooting = event("ASSAULT", "firearms", source=[POLICE], target=[PROTESTERS], killed=3)
    assert ontology.acled_types(protest, [protest, shooting]) == (
        "Protests", "Excessive force against protesters")
    # the force event itself is coded as part of the protest
    assert ontology.acled_types(shooting, [protest, shooting]) == (
        "Protests", "Excessive force against protesters")


def test_force_against_protesters_without_protest_event() -> None:
    gas = event("ASSAULT", "crowd-control", source=[POLICE], target=[actor("the crowd", None)])
    assert ontology.acled_types(gas, []) == ("Protests", "Protest with intervention")


def test_riot() -> None:
    riot = event("PROTEST", "riot", source=[actor("rioters", "CVL")])
    assert ontology.acled_types(riot, []) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(("mode", "trigger", "expected"), [
    ("aerial", "airstrike", "Air/drone strike"),
    ("drone", "drone strike", "Air/drone strike"),
    ("heavy-weapons", "shelled", "Shelling/artillery/missile attack"),
    ("explosives", "roadside bomb", "Remote explosive/landmine/IED"),
    ("explosives", "threw a grenade", "Grenade"),
    ("suicide-attack", "suicide bombing", "Suicide bomb"),
])
def test_remote_violence(mode: str, trigger: str, expected: str) -> None:
    strike = event("ASSAULT", mode, source=[ARMY], target=[REBELS], trigger=trigger)
    assert ontology.acled_types(strike, []) == ("Explosions/Remote violence", expected)


def test_battles_and_violence_against_civilians() -> None:
    fight = event("ASSAULT", "firearms", source=[ARMY], target=[REBELS])
    assert ontology.acled_types(fight, []) == ("Battles", "Armed clash")
    two_sided = event("ASSAULT", None, source=[ARMY, REBELS])
    assert ontology.acled_types(two_sided, []) == ("Battles", "Armed clash")
    massacre = event("ASSAULT", None, source=[GUNMEN], target=[VILLAGERS], killed=5)
    assert ontology.acled_types(massacre, []) == ("Violence against civilians", "Attack")
    kidnap = event("ASSAULT", "abduct", source=[GUNMEN], target=[actor("engineers", "BUS")])
    assert ontology.acled_types(kidnap, []) == (
        "Violence against civilians", "Abduction/forced disappearance")
    mob = event("ASSAULT", "beat", source=[VILLAGERS], target=[actor("a thief", "CVL")])
    assert ontology.acled_types(mob, []) == ("Riots", "Mob violence")


def test_strategic_developments() -> None:
    arrest = event("COERCE", "arrest", source=[POLICE], target=[actor("activists", "CVL")])
    assert ontology.acled_types(arrest, []) == ("Strategic developments", "Arrests")
    # ordinary crime: ACLED does not code the arrest of a criminal suspect
    thief = event("COERCE", "arrest", source=[POLICE], target=[actor("a drug dealer", "CRM")])
    assert ontology.acled_types(thief, []) == (None, None)
    ceasefire = event("AGREE", None, rule="agree.ceasefire", source=[ARMY, REBELS])
    assert ontology.acled_types(ceasefire, []) == ("Strategic developments", "Agreement")
    capture = event("COERCE", "seize", source=[REBELS], context=["territory"])
    assert ontology.acled_types(capture, []) == (
        "Battles", "Non-state actor overtakes territory")
    looting = event("COERCE", "seize", source=[GUNMEN], rule="coerce.loot")
    assert ontology.acled_types(looting, []) == (
        "Strategic developments", "Looting/property destruction")
    # a seizure that is neither looting nor of weapons or territory: ACLED would not code it
    assert ontology.acled_types(event("COERCE", "seize", source=[POLICE]), []) == (None, None)
    weapons = event("COERCE", "seize", source=[POLICE], rule="coerce.seize_weapons")
    assert ontology.acled_types(weapons, []) == (
        "Strategic developments", "Disrupted weapons use")
    regain = event("COERCE", "seize", source=[ARMY], context=["territory"])
    assert ontology.acled_types(regain, []) == ("Battles", "Government regains territory")
    base = event("MOBILIZE", "troops", source=[ARMY], rule="mobilize.base_set_up")
    assert ontology.acled_types(base, []) == (
        "Strategic developments", "Headquarters or base established")


@pytest.mark.parametrize("type_", ["THREATEN", "ACCUSE", "CONSULT", "REQUEST", "AID"])
def test_verbal_and_cooperative_events_are_not_acled_events(type_: str) -> None:
    assert ontology.acled_types(event(type_, source=[ARMY]), []) == (None, None)


def test_boycott_is_not_an_acled_protest() -> None:
    assert ontology.acled_types(event("PROTEST", "boycott"), []) == (None, None)
