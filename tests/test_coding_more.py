"""Patterns of data/triggers_more.yaml: each family fires on a plain news sentence and stays
silent on a near miss; the ``@place`` word class of patterns.py."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.coding import EventCoder, ontology
from gestae.coding.patterns import WordSet, compile_pattern, is_place_word, load_patterns
from gestae.model import EventCandidate


def code(nlp: Language, coder: EventCoder, text: str) -> list[EventCandidate]:
    return coder.find(nlp(text))


def rules(events: list[EventCandidate]) -> list[str]:
    return [e.rule for e in events]


# (rule, type, sentence that must be coded by the rule, near miss the rule must not code)
FAMILIES = [
    ("mobilize.enter_named_place", "MOBILIZE",
     "Ethiopian troops entered Somalia on Sunday.",
     "The negotiations entered a decisive phase on Sunday."),
    ("mobilize.enter_named_place", "MOBILIZE",
     "Rebel fighters entered Idlib after a week of shelling.",
     "The firm entered the Chinese market after a week of talks."),
    ("mobilize.cross_into_named_place", "MOBILIZE",
     "Armoured columns crossed into Ukraine at dawn.",
     "The debate crossed into personal insults at dawn."),
    ("assault.human_shield", "ASSAULT",
     "The gunmen used dozens of villagers as human shields.",
     "The minister used the report as a shield against his critics."),
    ("sanction.reduce_aid", "SANCTION",
     "Britain reduced its humanitarian aid to Yemen.",
     "Britain reduced its carbon emissions by a third."),
    ("sanction.scale_back_aid", "SANCTION",
     "Washington scaled back military assistance to Cairo.",
     "Washington scaled back its plans for the summit."),
    ("sanction.aid_suspension_noun", "SANCTION",
     "Brussels announced a suspension of aid to Niger.",
     "The union announced a suspension of its strike."),
    ("coerce.impose_blockade", "COERCE",
     "Saudi Arabia imposed a blockade on Qatar in June.",
     "Saudi Arabia imposed a tax on sugary drinks in June."),
    ("coerce.impose_restrictions", "COERCE",
     "The junta imposed restrictions on opposition parties.",
     "The junta imposed its candidate on the party congress."),
    ("coerce.cyber_noun", "COERCE",
     "Hackers launched a cyber campaign against Georgian government websites.",
     "Activists launched an advertising campaign against smoking."),
    ("protest.stop_work_strike", "PROTEST",
     "Nurses stopped work in a strike over unpaid wages.",
     "Builders stopped work on the bridge over the river."),
    ("protest.down_tools", "PROTEST",
     "Bus drivers downed tools over unpaid wages.",
     "Bus drivers put down the phone and left."),
    ("concede.accept_demands", "CONCEDE",
     "The president accepted the demands of the protesters.",
     "The president accepted the invitation of the protesters."),
    ("agree.accept_settlement", "AGREE",
     "Both parties accepted a compromise on the border.",
     "Both parties accepted the results of the census."),
    ("threaten.give_warning", "THREATEN",
     "Beijing gave Taipei a stern warning over the visit.",
     "The weather service gave a warning about heavy rain."),
    ("retreat.return_captives", "RETREAT",
     "Iran returned the British sailors to London.",
     "The army returned fire at the attackers."),
    ("aid.provide_support", "AID",
     "Japan provided financial support to the flood victims.",
     "Japan provided evidence to the court."),
]


@pytest.mark.parametrize(("rule", "type_", "positive", "negative"), FAMILIES,
                         ids=[f"{f[0]}-{n}" for n, f in enumerate(FAMILIES)])
def test_family_fires_and_near_miss_does_not(nlp: Language, coder: EventCoder, rule: str,
                                            type_: str, positive: str, negative: str) -> None:
    found = code(nlp, coder, positive)
    assert any(e.rule == rule and e.type == type_ for e in found), rules(found)
    assert rule not in rules(code(nlp, coder, negative))


def test_every_more_pattern_has_a_family_test() -> None:
    own = {str(raw["id"]) for raw in ontology.load_data("triggers_more.yaml")["patterns"]}
    assert own <= {r for r, *_ in FAMILIES}, sorted(own - {r for r, *_ in FAMILIES})
    assert own <= {p.id for p in load_patterns()}


def test_statements_dropped_by_plover_stay_uncoded(nlp: Language, coder: EventCoder) -> None:
    """CAMEO 01 comments and denials are no PLOVER events."""
    for text in ("The prime minister expressed condolences to the people of Turkey.",
                 "The ministry expressed deep concern over the violence.",
                 "Pakistan rejected accusations by Kabul that it shelters militants."):
        assert code(nlp, coder, text) == [], text


def test_arguments_of_new_patterns(nlp: Language, coder: EventCoder) -> None:
    text = "The United States reduced military aid to Colombia."
    event = next(e for e in code(nlp, coder, text) if e.type == "SANCTION")
    assert [text[a:b] for a, b in event.source_spans] == ["The United States"]
    assert [text[a:b] for a, b in event.target_spans] == ["Colombia"]
    assert event.mode == "discontinue" and event.cameo_root == "16"
    text = "Israel returned 12 Lebanese prisoners to Lebanon."
    event = next(e for e in code(nlp, coder, text) if e.type == "RETREAT")
    assert event.mode == "release"
    assert [text[a:b] for a, b in event.target_spans] == ["Lebanon"]


# --- the @place word class --------------------------------------------------------------


@pytest.mark.parametrize("word", ["syria", "ukraine", "idlib", "aleppo", "crimea", "kashmir"])
def test_place_words(word: str) -> None:
    assert is_place_word(word)


@pytest.mark.parametrize("word", ["phase", "market", "parliament", "home", "talks", "deal",
                                  "nice", "split", "mobile", "office"])
def test_ordinary_words_are_no_places(word: str) -> None:
    assert not is_place_word(word)


def test_word_set_keeps_plain_words_and_rejects_unknown_classes() -> None:
    pattern = compile_pattern({"id": "x.y", "type": "MOBILIZE", "lemma": "enter",
                               "obj": ["town", "@place"], "example": "."})
    assert isinstance(pattern.obj, WordSet)
    assert "town" in pattern.obj and "syria" in pattern.obj and "phase" not in pattern.obj
    plain = compile_pattern({"id": "x.z", "type": "MOBILIZE", "lemma": "enter",
                             "obj": ["town"], "example": "."})
    assert not isinstance(plain.obj, WordSet) and plain.obj == ("town",)
    with pytest.raises(ValueError, match="word class"):
        compile_pattern({"id": "x.w", "type": "MOBILIZE", "lemma": "enter",
                         "obj": ["@planet"], "example": "."})


@pytest.mark.parametrize("text", [
    "Hundreds of residents protested in Mukalla on Thursday.",
    "Dozens of students demonstrated outside the ministry in Khartoum on Monday.",
])
def test_intransitive_verb_misparsed_as_participle_is_the_main_verb(text: str) -> None:
    from gestae import extract

    events = extract(text, date="2023-03-03").events
    assert events and events[0].type == "PROTEST" and events[0].source
