# The README's commands. `make test` is what CI runs (.ci/run).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup system-deps runtime lint typecheck test unit integration process clean

setup: system-deps $(BIN)/invoiceflow
system-deps:
	scripts/install-system-deps
$(BIN)/invoiceflow: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,prefect,compare]'
	touch $@

runtime:
	PYTHON=$(BIN)/python scripts/dapr-runtime

lint: setup
	$(BIN)/ruff check src tests benchmarks corpus
	$(BIN)/ruff format --check src tests benchmarks corpus

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest tests/unit -q

integration: setup runtime
	$(BIN)/pytest tests/integration -q

test: setup runtime lint typecheck
	$(BIN)/pytest -q

process: setup runtime
	$(BIN)/invoiceflow process $(or $(FILE),samples/invoice-de-3p.pdf)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
