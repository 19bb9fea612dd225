"""Words folded into an event are kept in its evidence (``evidence.other_triggers``)."""

from __future__ import annotations

import pytest

from gestae.pipeline import extract


def folded(text: str, trigger: str) -> list[str]:
    events = [e for e in extract(text).events if e.evidence.trigger == trigger]
    assert events, f"no event triggered by {trigger!r}"
    return [w.text for w in events[0].evidence.other_triggers]


@pytest.mark.parametrize(("text", "trigger", "words"), [
    ("A car bomb exploded near the market in Kirkuk, killing four people and wounding nine.",
     "exploded", ["killing", "wounding"]),
    ("Students staged a sit-in outside the ministry in Dhaka.", "sit-in", ["staged"]),
    ("Two clinics came under attack in the east of the city on Sunday.", "attack", ["came"]),
    ("Gunmen opened fire on a minibus in Quetta, killing seven passengers.",
     "opened fire", ["killing"]),
    ("Rebel fighters mounted a wave of raids on army posts in the north.",
     "raids", ["mounted"]),
])
def test_consequences_and_light_verbs_are_kept(text: str, trigger: str, words: list[str]
                                                ) -> None:
    got = folded(text, trigger)
    assert [w for w in got if w in words] == words


def test_offsets_point_at_the_words() -> None:
    text = "A suicide bomber blew himself up at a checkpoint in Mosul, killing three soldiers."
    result = extract(text)
    words = [w for e in result.events for w in e.evidence.other_triggers]
    assert words, "the killing should be folded into the bombing"
    for w in words:
        assert text[w.start:w.end] == w.text


def test_a_separate_event_is_not_folded() -> None:
    """Two attacks by different subjects stay two events, neither folded into the other."""
    text = "Troops shelled the village on Monday and rebels attacked a convoy in the valley."
    result = extract(text)
    triggers = {e.evidence.trigger for e in result.events}
    assert {"shelled", "attacked"} <= triggers
    assert all(not e.evidence.other_triggers for e in result.events)
