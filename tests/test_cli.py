"""The command line: formats, streaming JSON Lines, and clean errors on bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gestae import __version__
from gestae.cli import cli

ARTICLE = ("Police arrested 12 protesters in Basra on Sunday. Government troops shelled "
           "rebel positions near Idlib on Monday, killing four fighters.")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    return path


def run(runner: CliRunner, *args: str, input: bytes | str | None = None):
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_version_and_help_teach(runner):
    assert __version__ in run(runner, "--version").output
    main_help = run(runner, "--help").output
    assert "extract" in main_help and "Examples" in main_help
    sub_help = run(runner, "extract", "--help").output
    for flag in ("--format", "--input", "--date", "--actors"):
        assert flag in sub_help
    assert "gestae extract article.txt --date 2020-01-27" in sub_help


def test_table_is_the_default(runner, article):
    result = run(runner, "extract", str(article), "--date", "2020-01-27")
    assert result.exit_code == 0, result.output
    assert "TYPE" in result.stdout and "COERCE" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_formats(runner, article, fmt):
    result = run(runner, "extract", str(article), "--date", "2020-01-27", "--format", fmt)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == "article" and data["schema_version"] == "1"
    assert {e["type"] for e in data["events"]} >= {"COERCE", "ASSAULT"}


def test_csv_has_one_row_per_event(runner, article):
    result = run(runner, "extract", str(article), "--date", "2020-01-27", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    jsonl = json.loads(run(runner, "extract", str(article), "--date", "2020-01-27",
                           "--format", "jsonl").stdout)
    assert len(rows) == len(jsonl["events"]) >= 2
    assert rows[0]["article_id"] == "article"


def test_jsonl_batch_one_line_per_input_in_order_with_errors(runner, tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "Rebels attacked an army post near Kidal.",
                    "date": "2021-03-02"}),
        "{not json",
        json.dumps({"id": "x3", "text": "Protesters rallied in Khartoum.", "date": "2020-13-45"}),
        json.dumps({"id": "x4", "html": "<p>Police detained 30 protesters in Tunis.</p>"}),
        json.dumps(["not", "an", "object"]),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = run(runner, "extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5
    assert out[0]["id"] == "x1" and "events" in out[0]
    assert "error" in out[1] and "line 2" in out[1]["error"]
    assert out[2]["id"] == "x3" and "error" in out[2]
    assert out[3]["id"] == "x4" and "Tunis" in out[3]["text"]
    assert "error" in out[4]


def test_stdin_text(runner):
    result = run(runner, "extract", "-", "--date", "2020-01-27", "--format", "json",
                 input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00\xff" * 50, "binary"),
        (b"Caf\xe9 attack in \xff\xfe Paris", "UTF-8"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(runner, tmp_path, content, needle):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2
    assert needle.lower() in result.stderr.lower()
    assert str(path) in result.stderr
    assert "Traceback" not in result.output


def test_bad_date_format_and_missing_file_exit_2(runner, article):
    for args in (["extract", str(article), "--date", "2020-13-45"],
                 ["extract", str(article), "--format", "xml"],
                 ["extract", "/no/such/file.txt"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_oversize_article_is_refused(runner, tmp_path, monkeypatch):
    import gestae.ingest as ingest

    monkeypatch.setattr(ingest.readers, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Police arrested two men. " * 20)
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2
    assert "MB" in result.stderr or "large" in result.stderr


def test_console_script_runs_as_a_process(tmp_path, article):
    """The installed entry point: stdout has only JSON, messages go to stderr."""
    proc = subprocess.run(
        [sys.executable, "-m", "gestae.cli", "extract", str(article), "--date", "2020-01-27",
         "--format", "jsonl"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "article"
    bad = subprocess.run([sys.executable, "-m", "gestae.cli", "extract", str(tmp_path)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_places_explains_each_resolution(runner, tmp_path):
    text = "Clashes broke out in Paris, Texas, on Monday. Later, protesters marched in Paris."
    result = run(runner, "places", text)
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.startswith("Paris")]
    assert "USA" in lines[0] and "beats" in lines[0]
    data = json.loads(run(runner, "places", text, "--format", "json").stdout)
    assert data[0]["chosen"]["country"] == "USA" and len(data[0]["candidates"]) >= 2
    path = tmp_path / "p.txt"
    path.write_text(text)
    assert run(runner, "places", "--file", str(path)).stdout == result.stdout
    assert runner.invoke(cli, ["places"]).exit_code == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    bad = runner.invoke(cli, ["places", "--file", str(empty)])
    assert bad.exit_code == 2 and "empty" in bad.stderr


def test_actors_lists_and_explains_dated_roles(runner, tmp_path):
    listing = run(runner, "actors", "--kind", "organisation")
    assert listing.exit_code == 0 and "org/quds-force" in listing.stdout
    in_office = run(runner, "actors", "--lookup", "Donald Trump", "--date", "2019-06-01")
    out_of_office = run(runner, "actors", "--lookup", "Donald Trump", "--date", "2022-06-01")
    assert "GOV" in in_office.stdout and "GOV" not in out_of_office.stdout.split("coded")[-1]
    data = json.loads(run(runner, "actors", "--lookup", "Quds Force", "--format", "json").stdout)
    assert data["actor"]["country"] == "IRN"
    assert runner.invoke(cli, ["actors", "--lookup", "the weather"]).exit_code == 1
    assert runner.invoke(cli, ["actors", "--kind", "spaceship"]).exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisations:\n  - id: org/x\n    name: X\n    sector: XYZ\n")
    result = runner.invoke(cli, ["actors", "--actors", str(bad)])
    assert result.exit_code == 2 and "bad.yaml" in result.stderr


def test_eval_rejects_unknown_sets_and_files_without_gold_items(runner, tmp_path):
    empty = tmp_path / "not_gold.tsv"
    empty.write_text("just a line of text\n")
    for args in (["eval", "nosuch", str(tmp_path)], ["eval", "case2021", str(empty)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output
