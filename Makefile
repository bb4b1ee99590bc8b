# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make run    set up .venv and open the reader
#   make test   set up .venv and run the whole test suite (what CI runs)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LINT_PATHS := briefing tests $(wildcard benchmarks/*.py scripts/*.py)

.PHONY: run test lint check bench sample-briefing train train-table clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefing

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/mypy
	$(BIN)/lint-imports

check: lint test

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Rewrite docs/sample-briefing.md from sample_articles/ (the test fails while it is stale).
sample-briefing: $(STAMP)
	$(BIN)/python scripts/sample_briefing.py

# Fit the fact filter's weights (briefing/nlp/data/fact_filter.json) from the committed table.
train: $(STAMP)
	$(BIN)/python scripts/train_fact_filter.py train

# Rebuild that table from the real-news development set, kept outside the repository:
#   make train-table REALNEWS=../realnews   (texts/, gold_full.json, split.json)
train-table: $(STAMP)
	@test -n "$(REALNEWS)" || { echo "make train-table: set REALNEWS=<development set directory>"; exit 2; }
	$(BIN)/python scripts/train_fact_filter.py table "$(REALNEWS)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
