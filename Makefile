# One entry point for people and CI. Every target sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint record bench schemas clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[local,eval,test]"
	touch $(STAMP)

setup: $(STAMP)

## demo: a brief of the seed article on the embedded model (no API key)
demo: $(STAMP)
	$(BIN)/summarizer brief examples/mali-coup-plot.txt --format pretty

## test: lint, type-check, replay cassettes, and one live run of the embedded model
test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check summarizer tests
	$(BIN)/ruff format --check summarizer tests
	$(BIN)/mypy

## record: re-record every cassette from the real embedded model
record: $(STAMP)
	$(BIN)/pytest -q --record-mode=rewrite -m "not live"

## bench: tokens, attempts and time on the seed article, embedded model
bench: $(STAMP)
	$(BIN)/python -m benchmarks.seed_brief

schemas: $(STAMP)
	$(BIN)/python -m summarizer.schemas

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
