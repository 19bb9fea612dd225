"""Readiness, mediation and hyphenated compounds in the event coder: "X is ready / willing /
poised to V" (the subject of "is" acts, and the act is only intended: offered cooperation is
AGREE), the parties mediated between (targets, the mediator the source), and a compound the
tokenizer splits at its hyphen ("cease-fire") read as the one word the patterns name."""

from __future__ import annotations

import pytest
from argument_spans import events, words
from spacy.language import Language

from gestae.coding import EventCoder
from gestae.coding.parse import hyphen_parts, lemma
from gestae.model import EventCandidate


def event_of(nlp: Language, coder: EventCoder, text: str,
             rule_part: str) -> EventCandidate:
    found = [e for e in events(nlp, coder, text) if rule_part in e.rule]
    assert found, [(e.type, e.rule) for e in events(nlp, coder, text)]
    return found[0]


# --- readiness: "X is ready to V" ---------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Pakistan is ready to contribute troops to the peacekeeping force.", "Pakistan",
     "the peacekeeping force"),
    ("Japan stands ready to provide aid to the flood victims.", "Japan", "the flood victims"),
    ("Egypt is prepared to provide aid to Gaza.", "Egypt", "Gaza"),
    ("The European Union said it was willing to send humanitarian aid to Yemen.", None,
     "Yemen"),
])
def test_offered_aid_is_agree_with_the_subject_of_be(nlp: Language, coder: EventCoder,
                                                      text: str, source: str | None,
                                                      target: str) -> None:
    event = event_of(nlp, coder, text, "aid.")
    assert event.type == "AGREE"  # the manual: willingness to cooperate is AGREE
    assert event.modality == "asserted" and not event.negated
    assert words(text, event.target_spans) == [target]
    if source is not None:
        assert words(text, event.source_spans) == [source]
    else:
        assert event.source_spans  # the speaker or "it", never nobody


def test_readiness_to_use_force_is_future_with_its_actor(nlp: Language,
                                                         coder: EventCoder) -> None:
    text = "The rebels are ready to attack the capital."
    event = event_of(nlp, coder, text, "assault")
    assert event.modality == "future"
    assert words(text, event.source_spans) == ["The rebels"]


def test_poised_participle_gives_its_passive_subject(nlp: Language, coder: EventCoder) -> None:
    text = "Turkey is poised to send troops to Libya."
    event = event_of(nlp, coder, text, "troops")
    assert words(text, event.source_spans) == ["Turkey"]
    assert event.modality == "future"


def test_refused_readiness_is_a_rejection(nlp: Language, coder: EventCoder) -> None:
    text = "Egypt is not willing to provide aid to Gaza."
    event = event_of(nlp, coder, text, "aid.")
    assert event.type == "REJECT"
    assert words(text, event.source_spans) == ["Egypt"]


def test_an_act_done_stays_an_act(nlp: Language, coder: EventCoder) -> None:
    text = "Japan provided aid to the flood victims."
    event = event_of(nlp, coder, text, "aid.")
    assert event.type == "AID" and event.modality == "asserted"


# --- mediation ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "targets"), [
    ("Norway launched a mediation effort to help the government and the rebels reach a "
     "settlement.", ["Norway"], ["the government", "the rebels"]),
    ("The African Union started mediation between the two factions.", ["The African Union"],
     ["the two factions"]),
    ("The UN mediation mission between Ethiopia and Eritrea ended in failure.", ["UN"],
     ["Ethiopia", "Eritrea"]),
])
def test_mediation_parties_are_targets(nlp: Language, coder: EventCoder, text: str,
                                       source: list[str], targets: list[str]) -> None:
    event = event_of(nlp, coder, text, "mediat")
    assert event.type == "CONSULT" and event.cameo_root == "04"
    assert words(text, event.source_spans) == source
    assert words(text, event.target_spans) == targets


def test_talks_between_two_sides_keep_both_as_sources(nlp: Language,
                                                      coder: EventCoder) -> None:
    text = "Talks between Israel and Hamas resumed in Cairo."
    event = event_of(nlp, coder, text, "consult")
    assert words(text, event.source_spans) == ["Israel", "Hamas"]


def test_a_compound_modifier_is_not_a_trigger_of_its_own(nlp: Language,
                                                         coder: EventCoder) -> None:
    text = "Norway launched a mediation effort in the region."
    found = [e for e in events(nlp, coder, text) if "mediat" in e.rule]
    assert len(found) == 1
    assert "effort" in text[found[0].trigger_start:found[0].trigger_end]


# --- hyphenated compounds -----------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["cease-fire", "cease - fire", "ceasefire"])
def test_ceasefire_spellings_code_alike(nlp: Language, coder: EventCoder,
                                        spelling: str) -> None:
    text = f"The Taliban announced a weeklong {spelling} with the government."
    event = event_of(nlp, coder, text, "ceasefire")
    assert event.type == "CONCEDE"
    assert words(text, event.source_spans) == ["The Taliban"]
    assert words(text, event.target_spans) == ["the government"]
    assert text[event.trigger_start:event.trigger_end].endswith(spelling)


def test_hyphenated_noun_trigger_spans_the_whole_compound(nlp: Language,
                                                          coder: EventCoder) -> None:
    text = "The cease-fire between the two armies collapsed on Monday."
    event = event_of(nlp, coder, text, "ceasefire")
    assert text[event.trigger_start:event.trigger_end] == "cease-fire"


def test_compound_lemma_only_for_pattern_words(nlp: Language) -> None:
    doc = nlp("Pro-government militias fired a cease-fire warning.")
    by_text = {t.text: t for t in doc}
    assert lemma(by_text["fire"]) == "ceasefire"
    assert [t.text for t in hyphen_parts(by_text["fire"])] == ["cease", "-"]
    # "pro-government" is no pattern word: each part keeps its own lemma
    assert lemma(by_text["government"]) == "government"
    assert hyphen_parts(by_text["government"]) == []


def test_compound_without_its_own_pattern_falls_back_to_its_head(nlp: Language,
                                                                 coder: EventCoder) -> None:
    text = "Rebels launched a counter-attack on the town."
    event = event_of(nlp, coder, text, "assault")
    assert event.type == "ASSAULT"
    assert words(text, event.target_spans) == ["the town"]


@pytest.mark.parametrize(("text", "target"), [
    ("The government ended its mediation efforts with the striking truckers.",
     "the striking truckers"),
    ("Kenya suspended the mediation mission between the two rival factions.",
     "the two rival factions"),
])
def test_halted_mediation_is_a_sanction_by_whoever_halts_it(nlp: Language, coder: EventCoder,
                                                           text: str, target: str) -> None:
    event = event_of(nlp, coder, text, "mediat")
    assert (event.type, event.mode, event.cameo_root) == ("SANCTION", "withdraw", "16")
    assert len(event.source_spans) == 1 and words(text, event.target_spans) == [target]
