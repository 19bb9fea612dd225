"""Casualty figures, other counts and number parsing."""

from __future__ import annotations

import time as clock

import pytest

from gestae.model import Casualties, Count
from gestae.quantities import extract_casualties, extract_quantities, parse_number


def casualties(text: str, trigger: str | None = None,
               others: tuple[str, ...] = ()) -> Casualties:
    """Casualties of the event triggered by ``trigger`` (default: the whole sentence)."""
    if trigger is None:
        start = end = 0
    else:
        start = text.index(trigger)
        end = start + len(trigger)
    spans = [(text.index(o), text.index(o) + len(o)) for o in others]
    return extract_casualties(text, 0, len(text), start, end, spans)


def triple(count: Count | None) -> tuple[int | None, int | None, int | None] | None:
    return None if count is None else (count.low, count.best, count.high)


# ---------------------------------------------------------------- parse_number

@pytest.mark.parametrize("text, value", [
    ("12", 12),
    ("1,200", 1200),
    ("1,234,567", 1234567),
    ("one", 1),
    ("zero", 0),
    ("Twenty-five", 25),
    ("twenty five", 25),
    ("two hundred and fifty", 250),
    ("three thousand four hundred", 3400),
    ("a hundred", 100),
    ("a thousand", 1000),
    ("a dozen", 12),
    ("half a dozen", 6),
    ("half a million", 500000),
    ("one million", 1000000),
    ("1.5 million", 1500000),
    ("2 million", 2000000),
    ("dozens", 12),
    ("hundreds", 100),
    ("tens of thousands", 10000),
    ("several", 3),
])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "Highway 1", "2.5", "the", "a", "many people", "one of"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_vague_can_be_disabled() -> None:
    assert parse_number("dozens", allow_vague=False) is None
    assert parse_number("a dozen", allow_vague=False) == 12


# ---------------------------------------------------------------- basic roles

def test_killed_and_injured_in_one_sentence() -> None:
    c = casualties("Three demonstrators were shot dead while 50 others were wounded when "
                   "security forces opened fire in Nasiriyah on Sunday.", "opened fire")
    assert triple(c.killed) == (3, 3, 3)
    assert triple(c.injured) == (50, 50, 50)
    assert c.arrested is None
    assert c.killed is not None and "Three demonstrators" in (c.killed.text or "")


@pytest.mark.parametrize("text, role, expected", [
    ("More than 500 protesters have been killed since October.", "killed", (500, 500, None)),
    ("At least 156 people were killed in the crackdown.", "killed", (156, 156, None)),
    ("Up to 20 people were injured.", "injured", (None, 20, 20)),
    ("As many as 40 students were detained.", "arrested", (None, 40, 40)),
    ("Nearly 100 people died.", "killed", (None, 100, 100)),
    ("About 30 people were hurt.", "injured", (None, 30, None)),
    ("Between 10 and 15 people died in the fire.", "killed", (10, 10, 15)),
    ("10 to 15 people were wounded.", "injured", (10, 10, 15)),
    ("20 or more people were arrested.", "arrested", (20, 20, None)),
    ("Police arrested 1,200 protesters.", "arrested", (1200, 1200, 1200)),
    ("34 soldiers suffered brain injuries.", "injured", (34, 34, 34)),
    ("Twenty-five people died.", "killed", (25, 25, 25)),
    ("The bombing claimed the lives of 17 people.", "killed", (17, 17, 17)),
    ("The death toll rose to 20 on Monday.", "killed", (20, 20, 20)),
    ("12 bodies were found near the river.", "killed", (12, 12, 12)),
    ("The clashes left 12 people dead.", "killed", (12, 12, 12)),
    ("Police made 45 arrests.", "arrested", (45, 45, 45)),
    ("Three of them were arrested.", "arrested", (3, 3, 3)),
    ("Five members of the security forces were killed.", "killed", (5, 5, 5)),
    ("Two Iraqis were wounded.", "injured", (2, 2, 2)),
])
def test_figures_and_qualifiers(text: str, role: str, expected: tuple) -> None:
    assert triple(getattr(casualties(text), role)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tens of protesters were wounded.", 10),
    ("Dozens were wounded.", 12),
    ("Scores of people were wounded.", 20),
    ("Hundreds were wounded.", 100),
    ("Thousands were wounded.", 1000),
    ("Tens of thousands were wounded.", 10000),
    ("Several people were wounded.", 3),
    ("A few people were wounded.", 3),
])
def test_vague_words_are_floors(text: str, expected: int) -> None:
    assert triple(casualties(text).injured) == (expected, expected, None)


def test_unknown_number() -> None:
    c = casualties("An unknown number of protesters were arrested.")
    assert c.arrested is not None
    assert c.arrested.unknown is True
    assert c.arrested.best is None


@pytest.mark.parametrize("text, killed, injured", [
    ("There were zero casualties.", 0, 0),
    ("There were no casualties.", 0, 0),
    ("No casualties were reported.", 0, 0),
    ("No one was hurt.", None, 0),
    ("Nobody was injured.", None, 0),
    ("No one was killed.", 0, None),
    ("No one was killed or injured.", 0, 0),
    ("There were no deaths or injuries.", 0, 0),
])
def test_zero(text: str, killed: int | None, injured: int | None) -> None:
    c = casualties(text)
    assert (c.killed.best if c.killed else None) == killed
    assert (c.injured.best if c.injured else None) == injured


def test_no_reports_of_casualties_is_not_zero() -> None:
    assert casualties("There were no immediate reports of casualties.").is_empty()


@pytest.mark.parametrize("text", [
    "A roadside bomb exploded, killing one.",
    "A policeman was killed in the blast.",
    "An officer was shot dead.",
    "A 16-year-old protester was shot dead.",
    "Gunmen opened fire, killing a policeman.",
    "One person died.",
    "At least one person was killed.",
])
def test_single_casualty(text: str) -> None:
    assert triple(casualties(text).killed)[1] == 1  # type: ignore[index]


def test_two_dead_and_five_injured() -> None:
    c = casualties("The explosion left two dead and five injured.")
    assert triple(c.killed) == (2, 2, 2)
    assert triple(c.injured) == (5, 5, 5)


def test_active_verbs_take_their_object() -> None:
    c = casualties("Gunmen killed three soldiers and wounded five others.")
    assert triple(c.killed) == (3, 3, 3)
    assert triple(c.injured) == (5, 5, 5)


def test_subject_of_active_verb_is_not_a_casualty() -> None:
    c = casualties("Twelve gunmen killed two guards.")
    assert triple(c.killed) == (2, 2, 2)
    c = casualties("A soldier killed two guards.")
    assert triple(c.killed) == (2, 2, 2)


def test_several_groups_add_up_but_subsets_do_not() -> None:
    c = casualties("Two soldiers were killed and three civilians were killed.")
    assert triple(c.killed) == (5, 5, 5)
    c = casualties("At least 12 people, including three children, were killed.")
    assert triple(c.killed) == (12, 12, None)


# ---------------------------------------------------------------- negatives

@pytest.mark.parametrize("text", [
    "The 2003 invasion changed the country.",
    "Since the 2003 invasion, the city has been calm.",
    "Traffic on Highway 1 was blocked.",
    "The protest was one of the largest in years.",
    "One of the injured was a journalist.",
    "In 2019 the government fell.",
    "Three rockets hit the base.",
    "About 5,000 American soldiers are stationed there.",
    "The 22-year-old man was released.",
    "Protesters demanded a 20% rise in wages.",
    "Unemployment stood at 12 percent.",
    "He was nearly killed three years ago.",
    "The vote passed 170 to 0.",
    "Resolution 2334 was adopted.",
    "On January 13 protesters marched.",
    "The victims, aged 18 to 25, were students.",
])
def test_not_casualties(text: str) -> None:
    c = casualties(text)
    figures = [x for x in (c.killed, c.injured, c.arrested) if x is not None and x.best]
    assert figures == [], figures


def test_figure_after_highway_number_is_right() -> None:
    c = casualties("A bomb on Highway 1 killed two soldiers.")
    assert triple(c.killed) == (2, 2, 2)


def test_number_after_weekday_still_counts() -> None:
    assert triple(casualties("On Sunday 12 people were killed.").killed) == (12, 12, 12)


def test_reads_only_its_sentence() -> None:
    text = "Police said so. Three protesters were killed. Officials were angry."
    start = text.index("Officials")
    c = extract_casualties(text, start, len(text), start, start + 9, [])
    assert c.is_empty()
    start = text.index("Three")
    c = extract_casualties(text, start, text.index("Officials"), start + 20, start + 31, [])
    assert triple(c.killed) == (3, 3, 3)


# ---------------------------------------------------------------- several triggers

def test_figures_go_to_nearest_trigger() -> None:
    text = ("Police shot dead three demonstrators in Basra, while in Baghdad they arrested "
            "40 students.")
    shot = casualties(text, "shot dead", others=("arrested",))
    arrest = casualties(text, "arrested", others=("shot dead",))
    assert triple(shot.killed) == (3, 3, 3) and shot.arrested is None
    assert triple(arrest.arrested) == (40, 40, 40) and arrest.killed is None


def test_clause_break_counts_as_distance() -> None:
    text = "Rockets hit the airport; two guards were wounded near the gate as troops fired."
    hit = casualties(text, "hit", others=("fired",))
    fired = casualties(text, "fired", others=("hit",))
    assert fired.injured is not None and hit.injured is None


# ---------------------------------------------------------------- other quantities

def test_quantities_weapons_troops_votes() -> None:
    text = "Militants fired 109 Katyusha rockets at the base."
    q = extract_quantities(text, 0, len(text))
    assert [(x.what, x.value, x.text) for x in q] == [("rockets", 109, "109 Katyusha rockets")]
    assert text[q[0].start:q[0].end] == q[0].text

    text = "About 5,000 American soldiers remain, and three rockets hit the embassy."
    q = extract_quantities(text, 0, len(text))
    assert [(x.what, x.value) for x in q] == [("soldiers", 5000), ("rockets", 3)]

    text = "The assembly voted 170 to 0 to approve the resolution."
    q = extract_quantities(text, 0, len(text))
    assert [(x.what, x.value) for x in q] == [("votes for", 170), ("votes against", 0)]


def test_quantities_skip_casualties_and_non_counts() -> None:
    text = ("Thousands of protesters marched in 2019 on Highway 1, and 12 protesters were "
            "killed when police fired 20 tear gas canisters.")
    q = extract_quantities(text, 0, len(text))
    assert [(x.what, x.value) for x in q] == [("protesters", 1000), ("tear gas canisters", 20)]


def test_ranges_without_vote_context_are_not_votes() -> None:
    text = "Between 10 and 15 rockets hit the town."
    q = extract_quantities(text, 0, len(text))
    assert [(x.what, x.value) for x in q] == [("rockets", 10)]


def test_speed() -> None:
    text = ("Three demonstrators were shot dead while 50 others were wounded when security "
            "forces fired 20 rockets in Nasiriyah on Sunday, officials said. ") * 200
    begin = clock.perf_counter()
    step = len(text) // 200
    for i in range(200):
        extract_casualties(text, i * step, (i + 1) * step, i * step + 30, i * step + 39, [])
        extract_quantities(text, i * step, (i + 1) * step)
    assert clock.perf_counter() - begin < 2.0


@pytest.mark.parametrize("text, killed", [
    ("Three detained militants and two soldiers were killed in the shootout.", 5),
    ("A security guard and a receptionist of the shop were shot dead.", 2),
    ("Two policemen and a soldier were killed.", 3),
    ("Gunmen killed two soldiers and three civilians at the checkpoint.", 5),
    ("Two soldiers, three policemen and a driver died.", 6),
])
def test_coordinated_groups_share_a_role(text: str, killed: int) -> None:
    assert triple(casualties(text).killed)[1] == killed  # type: ignore[index]


def test_coordination_stops_at_things() -> None:
    c = casualties("Three rockets and two mortars were fired and two soldiers were killed.")
    assert triple(c.killed) == (2, 2, 2)
    c = casualties("Gunmen killed two soldiers and three rockets hit the base.")
    assert triple(c.killed) == (2, 2, 2)


def test_subset_without_commas() -> None:
    c = casualties("At least 12 people including three policemen were injured in the blast.")
    assert triple(c.injured) == (12, 12, None)


def test_comma_is_not_coordination_without_and() -> None:
    c = casualties("A leader of the party, the student wing chief was hacked to death.")
    assert triple(c.killed) == (1, 1, 1)


def test_figure_after_a_complementizer_counts():
    from gestae.quantities import extract_casualties

    text = "The Pentagon said on Friday that 34 soldiers suffered brain injuries in the attack."
    start = text.index("attack")
    injured = extract_casualties(text, 0, len(text), start, start + 6, []).injured
    assert injured is not None and injured.best == 34
