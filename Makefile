# Two commands on a fresh clone with only Python 3.11+: `make demo` and `make test`.
# Each creates .venv and installs what it needs the first time.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
BENCH_STAMP := $(VENV)/.installed-bench
# The floors: every direct dependency at the lowest version pyproject.toml allows (uv resolves
# that; pip cannot), so a floor that is too low fails here, not on a user's machine.
FLOORS_VENV ?= .venv-floors
FLOORS_STAMP := $(FLOORS_VENV)/.installed-floors
UV_STAMP := $(VENV)/.installed-uv

.PHONY: demo test test-floors lint typecheck unit bench format clean help

help:
	@echo "make demo       run the offline demo agent (no token, no network)"
	@echo "make test       lint + strict type check + the test suite (sockets blocked)"
	@echo "make test-floors  the test suite with every dependency at its lowest allowed version"
	@echo "make bench      benchmarks against raw httpx and huggingface_hub"
	@echo "make format     apply ruff's formatting and fixes"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,testing]"
	touch $(STAMP)

$(UV_STAMP): | $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv>=0.5"
	touch $(UV_STAMP)

$(FLOORS_STAMP): pyproject.toml .ci/floors-constraints.txt | $(UV_STAMP)
	rm -rf $(FLOORS_VENV)
	$(BIN)/uv venv --quiet --seed --python $(PYTHON) $(FLOORS_VENV)  # --seed: pip, which a test uses
	$(BIN)/uv pip install --quiet --python $(FLOORS_VENV)/bin/python \
		--resolution lowest-direct --constraint .ci/floors-constraints.txt -e ".[dev,testing]"
	touch $(FLOORS_STAMP)

$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	touch $(BENCH_STAMP)

demo: $(STAMP)
	$(BIN)/hf-inference-tools demo
	@echo "The CLI is $(BIN)/hf-inference-tools (or run 'source $(BIN)/activate' first, then hf-inference-tools --help)."

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

# The suite only: ruff and mypy at their floors would judge the code by older rules, and the
# main run has already checked it with today's.
test-floors: $(FLOORS_STAMP)
	$(FLOORS_VENV)/bin/python -m pytest -q

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) $(FLOORS_VENV) .mypy_cache .ruff_cache
