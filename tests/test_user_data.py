"""Users extend and override the coding: their own trigger files, and output filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gestae.cli import cli
from gestae.coding import EventCoder
from gestae.coding.patterns import TriggerDataError, load_patterns

TEXT = "The rebels bombarded the village near Kidal. Officials did not arrest the organisers."

NEW_PATTERN = """
patterns:
  - id: user.strafe
    type: ASSAULT
    mode: aerial
    cameo: "195"
    lemma: [strafe]
    example: "Government jets strafed the convoy near Zawiya."
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_user_pattern_adds_a_trigger(nlp, tmp_path):
    sentence = "Government jets strafed the convoy near Zawiya."
    base = [c.rule for c in EventCoder(nlp).find(nlp(sentence))]
    user = EventCoder(nlp, [_write(tmp_path, "t.yaml", NEW_PATTERN)]).find(nlp(sentence))
    assert "user.strafe" not in base
    assert [c.rule for c in user] == ["user.strafe"]
    assert user[0].type == "ASSAULT" and user[0].mode == "aerial"


def test_user_pattern_replaces_and_removes_by_id(tmp_path):
    packaged = load_patterns()
    victim = packaged[0]
    replaced = load_patterns((_write(tmp_path, "r.yaml", f"""
patterns:
  - id: {victim.id}
    type: REJECT
    lemma: [{victim.lemmas[0]}]
    example: "x"
"""),))
    assert next(p for p in replaced if p.id == victim.id).type == "REJECT"
    assert len(replaced) == len(packaged)
    removed = load_patterns((_write(tmp_path, "d.yaml",
                                    f"patterns:\n  - id: {victim.id}\n    remove: true\n"),))
    assert victim.id not in {p.id for p in removed}


@pytest.mark.parametrize(("content", "needle"), [
    ("patterns: [{id: x, type: EXPLODE, lemma: [boom], example: y}]", "unknown type"),
    ("patterns: [{id: x, type: ASSAULT, lemma: [boom]}]", "lacks"),
    ("patterns: [{id: x, type: ASSAULT, mode: knitting, lemma: [boom], example: y}]", "mode"),
    ("patterns: [{id: nonexistent.rule, remove: true}]", "unknown rule"),
    ("just a string", "'patterns' list"),
    ("patterns: [unclosed", "not valid YAML"),
])
def test_bad_user_trigger_files_are_named_in_the_error(tmp_path, content, needle):
    path = _write(tmp_path, "bad.yaml", content)
    with pytest.raises(TriggerDataError, match=needle) as info:
        load_patterns((path,))
    assert path in str(info.value)


def test_cli_rejects_a_bad_trigger_file_with_exit_2(tmp_path):
    article = _write(tmp_path, "a.txt", TEXT)
    bad = _write(tmp_path, "bad.yaml", "patterns: [{id: x, type: NOPE, lemma: [a], example: b}]")
    result = CliRunner().invoke(cli, ["extract", article, "--triggers", bad])
    assert result.exit_code == 2
    assert "unknown type" in result.stderr and "Traceback" not in result.output


def test_asserted_only_and_min_confidence_filter_events(tmp_path):
    article = _write(tmp_path, "a.txt", TEXT)
    runner = CliRunner()

    def events(*flags: str) -> list[dict]:
        out = runner.invoke(cli, ["extract", article, "--format", "json", *flags])
        assert out.exit_code == 0, out.output
        return json.loads(out.stdout)["events"]

    everything = events()
    assert any(e["negated"] for e in everything), "the negated arrest must be reported"
    asserted = events("--asserted-only")
    assert asserted and all(not e["negated"] and e["modality"] == "asserted" for e in asserted)
    assert len(asserted) < len(everything)
    assert events("--min-confidence", "1.0") == [
        e for e in everything if e["confidence"] >= 1.0]


ACLED_RULE = """
rules:
  - when: {type: PROTEST}
    acled: [Protests, Peaceful protest]
"""


def test_user_acled_rule_is_tried_first(tmp_path):
    from gestae import Pipeline

    text = "Hundreds of students rallied in Dhaka. Police fired tear gas to disperse them."
    packaged = Pipeline().extract(text, date="2021-03-10")
    user = Pipeline(acled_files=[_write(tmp_path, "acled.yaml", ACLED_RULE)]).extract(
        text, date="2021-03-10")

    def protest(result) -> str | None:
        return next(e.acled_sub_event_type for e in result.events if e.type == "PROTEST")

    assert protest(packaged) == "Protest with intervention"
    assert protest(user) == "Peaceful protest"


@pytest.mark.parametrize(("content", "needle"), [
    ("rules: [{when: {colour: red}, acled: null}]", "unknown condition"),
    ("rules: [{when: {type: EXPLODE}, acled: null}]", "unknown PLOVER type"),
    ("rules: [{when: {type: PROTEST}, acled: Protests}]", "'acled' is null or"),
    ("rules: [{when: {type: PROTEST}}]", "mapping with 'when' and 'acled'"),
    ("rules: oops", "'rules' list"),
])
def test_bad_acled_rule_files_are_named_in_the_error(tmp_path, content, needle):
    from gestae.coding.ontology import MappingDataError, acled_rules

    path = _write(tmp_path, "bad.yaml", content)
    with pytest.raises(MappingDataError, match=needle) as info:
        acled_rules((path,))
    assert path in str(info.value)
    result = CliRunner().invoke(cli, ["extract", _write(tmp_path, "a.txt", TEXT),
                                      "--acled-rules", path])
    assert result.exit_code == 2 and "Traceback" not in result.output
