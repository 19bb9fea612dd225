"""End-to-end behaviour of the Pipeline object and the output contract."""

from __future__ import annotations

import json

import jsonschema
import pytest

from gestae.ingest import InputError
from gestae.model import DocumentResult, ErrorResult
from gestae.schema import load_schema

NASIRIYAH = (
    "Iraqi security forces opened fire on protesters in Nasiriyah on Sunday, killing three "
    "demonstrators and wounding 50 others, medical sources said."
)


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(load_schema())


def _valid(validator, result) -> dict:
    data = json.loads(json.dumps(result.to_dict()))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    return data


def test_extract_returns_typed_result_with_contract_fields(pipeline, validator):
    result = pipeline.extract(NASIRIYAH, date="2019-12-02", id="n1")
    assert isinstance(result, DocumentResult)
    data = _valid(validator, result)
    assert data["schema_version"] == "1"
    assert data["id"] == "n1" and data["date"] == "2019-12-02"
    assert "text" not in data  # only HTML input returns its extracted text
    assert result.events, "an event sentence must yield at least one event"


def test_offsets_point_into_the_text(pipeline):
    result = pipeline.extract(NASIRIYAH, date="2019-12-02")
    for record in [*result.places, *result.times, *result.actors]:
        assert NASIRIYAH[record.start:record.end] == record.text
    for event in result.events:
        ev = event.evidence
        assert NASIRIYAH[ev.start:ev.end] == ev.text
        assert NASIRIYAH[ev.trigger_start:ev.trigger_end] == ev.trigger
        for actor in [*event.source, *event.target]:
            assert NASIRIYAH[actor.start:actor.end] == actor.text


def test_assault_on_protesters_is_coded_with_place_date_and_cost(pipeline):
    result = pipeline.extract(NASIRIYAH, date="2019-12-02")
    first = result.events[0]
    assert first.type in {"ASSAULT", "COERCE"}
    assert first.location is not None and first.location.name == "Nasiriyah"
    assert first.date == "2019-12-01"
    assert first.casualties.killed is not None and first.casualties.killed.best == 3
    assert first.casualties.injured is not None and first.casualties.injured.best == 50
    assert first.quad_class == 4


def test_events_are_ordered_asserted_first(pipeline):
    text = ("The rebels did not attack the town. Government troops shelled the town of Idlib "
            "on Monday.")
    result = pipeline.extract(text, date="2020-02-04")
    flags = [e.is_asserted for e in result.events]
    assert flags == sorted(flags, reverse=True)
    if len(result.events) > 1:
        assert any(e.negated for e in result.events)


def test_html_input_returns_extracted_text_and_offsets_into_it(pipeline, examples, validator):
    html = (examples / "drone.html").read_text()
    result = pipeline.extract(html=html, date="2020-01-04", id="html1")
    data = _valid(validator, result)
    assert "text" in data and "<p>" not in data["text"]
    assert "drone strike" in data["text"]
    assert "Copyright" not in data["text"]  # boilerplate dropped
    for event in result.events:
        ev = event.evidence
        assert data["text"][ev.trigger_start:ev.trigger_end] == ev.trigger


def test_all_caps_wire_story_is_truecased_for_parsing_but_offsets_keep_caps(
        pipeline, examples, validator):
    text = (examples / "wire_allcaps.txt").read_text()
    result = pipeline.extract(text, date="1990-01-12")
    _valid(validator, result)
    assert result.events, "the parser must find events in upper-case wire copy"
    for event in result.events:
        assert event.evidence.trigger.isupper()
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_empty_text_and_bad_date_raise_input_error(pipeline):
    with pytest.raises(InputError):
        pipeline.extract("   \n ", date="2020-01-01")
    with pytest.raises(InputError, match="2020-13-45"):
        pipeline.extract("Police arrested two men.", date="2020-13-45")


def test_extract_many_keeps_order_and_reports_bad_articles(pipeline, validator):
    articles = [
        {"id": "a", "text": "Protesters rallied in Basra on Friday.", "date": "2020-01-27"},
        {"id": "b", "text": "", "date": "2020-01-27"},
        {"id": "c", "text": "Police arrested four men in Mosul.", "date": "2020-99-01"},
        {"id": "d", "text": "Turkey and Russia agreed to hold talks.", "date": "2020-01-27"},
    ]
    results = list(pipeline.extract_many(articles))
    assert [r.id for r in results] == ["a", "b", "c", "d"]
    assert isinstance(results[1], ErrorResult) and "empty" in results[1].error
    assert isinstance(results[2], ErrorResult) and "date" in results[2].error
    for r in (results[0], results[3]):
        assert isinstance(r, DocumentResult)
        _valid(validator, r)
    _valid(validator, results[1])


def test_extract_many_is_lazy(pipeline):
    def endless():
        n = 0
        while True:
            n += 1
            yield {"id": str(n), "text": "Soldiers clashed with rebels near Aleppo."}

    stream = pipeline.extract_many(endless())
    first = [next(stream) for _ in range(3)]
    assert [r.id for r in first] == ["1", "2", "3"]


def test_one_shot_shortcut():
    import gestae

    result = gestae.extract("Police arrested 12 protesters in Basra on Sunday.",
                            date="2020-01-27")
    assert any(e.type == "COERCE" for e in result.events)


def test_acled_incident_spans_nearby_sentences_of_one_paragraph(pipeline):
    together = ("Hundreds of students rallied in Dhaka on Monday. Police fired tear gas to "
                "disperse them.")
    apart = ("Hundreds of students rallied in Dhaka on Monday.\n\nIn a separate incident, police "
             "fired tear gas at a crowd in Chittagong on Tuesday.")

    def protest(text: str) -> str | None:
        result = pipeline.extract(text, date="2021-03-10")
        return next(e.acled_sub_event_type for e in result.events if e.type == "PROTEST")

    assert protest(together) == "Protest with intervention"
    assert protest(apart) == "Peaceful protest"


def test_times_in_the_output_are_plain_iso(pipeline):
    text = ("Fighting resumed last summer, the worst since the 1990s, and the army says it "
            "controls the valley now.")
    result = pipeline.extract(text, date="2020-01-27")
    values = {t.text: t.value for t in result.times}
    assert values.get("last summer") == "2019-06/2019-08"
    assert values.get("1990s") == "1990/1999"
    for ref in result.times:
        assert ref.value is None or ref.value[0].isdigit(), ref


def test_conflicting_casualty_figures_are_all_kept_with_their_speakers(pipeline, validator):
    text = ("Iran fired missiles at the Ain al-Asad base on January 8. President Trump said "
            "the strike caused zero casualties. The Pentagon said on Friday that 34 soldiers "
            "suffered brain injuries in the attack.")
    result = pipeline.extract(text, date="2020-01-24")
    _valid(validator, result)
    attack = next(e for e in result.events if e.casualties.reported)
    reported = {(r["role"], r["value"], r["source"]) for r in attack.casualties.reported}
    assert ("injured", 0, "President Trump") in reported
    assert ("injured", 34, "The Pentagon") in reported
    for r in attack.casualties.reported:
        assert text[r["start"]:r["end"]] == r["text"]


def test_agreeing_figures_are_not_reported_as_a_conflict(pipeline):
    text = ("Gunmen attacked a checkpoint near Kirkuk on Monday, killing at least 10 soldiers. "
            "The army said 12 soldiers were killed in the attack.")
    result = pipeline.extract(text, date="2020-01-24")
    assert all(not e.casualties.reported for e in result.events)


def test_a_verb_absorbed_by_a_nominal_trigger_anchors_the_event(pipeline):
    text = "A roadside bomb killed five soldiers near Kandahar on Tuesday."
    event = pipeline.extract(text, date="2021-06-10").events[0]
    assert event.type == "ASSAULT" and event.mode == "explosives"
    assert event.evidence.trigger == "killed"
    assert event.location is not None and event.location.name == "Kandahar"
    assert event.casualties.killed is not None and event.casualties.killed.best == 5
