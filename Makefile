# One entry point for people and CI. Every target sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup chromium demo digest test lint record bench schemas clean

# The Spanish spaCy pipeline pins spacy<3.2, which pip cannot resolve beside spaCy 3.8: installed apart, hash-checked.
$(STAMP): pyproject.toml requirements/spacy-es.txt
	@command -v chromium >/dev/null || $(MAKE) --no-print-directory chromium
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[local,eval,test,ray]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/spacy-es.txt
	touch $(STAMP)

setup: $(STAMP)

## chromium: Debian's headless browser, for the test that opens the HTML digest
chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

## demo: a brief of the seed article on the embedded model (no API key)
demo: $(STAMP)
	$(BIN)/summarizer brief examples/mali-coup-plot.txt --format pretty

## digest: a digest of the GUM news articles and the seed, embedded model (~7 min; re-runs reuse the briefs)
digest: $(STAMP)
	$(BIN)/summarizer digest tests/data/gum-news examples --out digests

## test: lint, type-check, replay cassettes, and one live run of the embedded model
test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check summarizer tests
	$(BIN)/ruff format --check summarizer tests
	$(BIN)/mypy
	$(BIN)/lint-imports

## record: re-record every cassette from the real embedded model
record: $(STAMP)
	$(BIN)/pytest -q --record-mode=rewrite -m "not live"

## bench: the seed brief (tokens, time), the whole article against the lead alone, digest overhead, throughput
bench: $(STAMP)
	$(BIN)/python -m benchmarks.seed_brief
	$(BIN)/python -m benchmarks.whole_article -n 4
	$(BIN)/python -m benchmarks.digest all

schemas: $(STAMP)
	$(BIN)/python -m summarizer.schemas

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
