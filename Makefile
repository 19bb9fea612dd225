# gestae: `make run` and `make test` set up .venv from the hash-pinned lock file first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATASETS ?= ../shared/datasets

.PHONY: run test lint eval bench lock clean

$(STAMP): requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)  ## ingest the bundled example articles into ./gestae.duckdb and show what it holds
	$(BIN)/gestae ingest examples/
	$(BIN)/gestae stats

test: $(STAMP)  ## run the test suite
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

eval: $(STAMP)  ## score on the development gold data (skipped when absent) and the merge corpus
	@if [ -d "$(DATASETS)" ]; then \
	  mkdir -p eval-results && $(BIN)/gestae eval all "$(DATASETS)" --json eval-results/all.json; \
	else echo "eval: $(DATASETS) not found; set DATASETS=... to the gold data folder. Skipped."; fi
	mkdir -p eval-results && $(BIN)/gestae eval merge benchmarks/merge_corpus/articles.jsonl --json eval-results/merge.json

bench: $(STAMP)  ## throughput of gestae next to bare spaCy
	$(BIN)/python benchmarks/make_corpus.py /tmp/gestae-bench.jsonl -n 200
	$(BIN)/python benchmarks/throughput.py /tmp/gestae-bench.jsonl

lock:  ## regenerate the hash-pinned lock files (needs pip-tools)
	pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements/base.txt requirements/base.in
	pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements/dev.txt requirements/dev.in

clean:
	rm -rf $(VENV) build dist gestae.duckdb gestae.duckdb.wal src/*.egg-info .pytest_cache .ruff_cache
