"""``Pipeline.locate``: gestae's place picking for triggers found elsewhere."""

from __future__ import annotations

from pathlib import Path

from gestae.evaluate import event_location as el
from gestae.ingest.normalize import normalize
from gestae.model import Place
from gestae.pipeline import Pipeline


def span(text: str, word: str) -> tuple[int, int]:
    at = text.index(word)
    return at, at + len(word)


def test_each_span_gets_its_own_place() -> None:
    text = "Rebels shelled Homs on Monday. Police arrested two men in Basra on Tuesday."
    found = Pipeline().locate(text, [span(text, "shelled"), span(text, "arrested")])
    assert [p.text if p else None for p in found] == ["Homs", "Basra"]
    assert all(p is not None and text[p.start:p.end] == p.text for p in found)


def test_offsets_survive_normalisation() -> None:
    """Hard-wrapped text is rejoined before parsing; spans still point into the input."""
    text = "Gunmen  opened fire on a bus\nin Kirkuk on Friday, police said."
    (place,) = Pipeline().locate(text, [span(text, "opened fire")])
    assert place is not None and text[place.start:place.end] == "Kirkuk"


def test_no_place_named_gives_none_or_inferred() -> None:
    text = "The minister said the talks would resume next week."
    (place,) = Pipeline().locate(text, [span(text, "resume")])
    assert place is None or place.precision == "inferred"


def test_to_normalized_inverts_to_original() -> None:
    text = "A  well-known   activist was\nshot in Quetta."
    norm = normalize(text)
    for word in ("activist", "shot", "Quetta"):
        start, end = span(text, word)
        s, e = norm.to_normalized(start, end)
        assert norm.text[s:e] == word
        assert norm.to_original(s, e) == (start, end)


class _Fixed:
    """A stand-in pipeline whose ``locate`` answers from a table."""

    def __init__(self, answers: dict[str, Place | None]) -> None:
        self.answers = answers

    def locate(self, text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
        return [self.answers.get(text[s:e]) for s, e in spans]


def test_given_verb_accuracy(tmp_path: Path) -> None:
    text = "Gunmen attacked a bus in Kirkuk and fled."
    kirkuk = Place(text="Kirkuk", start=25, end=31, precision="exact")
    gold = [el.GoldEvent(id="0", text=text, verb=span(text, "attacked"),
                         locations=[(25, 31)]),
            el.GoldEvent(id="1", text=text, verb=span(text, "fled"), locations=[])]
    assert el.given_verb_accuracy(gold, _Fixed({"attacked": kirkuk})) == 1.0
    inferred = Place(text="Kirkuk", start=25, end=31, precision="inferred")
    assert el.given_verb_accuracy(gold, _Fixed({"attacked": inferred})) == 0.5
    assert el.given_verb_accuracy(gold, _Fixed({"attacked": kirkuk, "fled": kirkuk})) == 0.5
