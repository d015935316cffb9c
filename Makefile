# `make run` serves the dashboards; `make test` runs the whole suite. Both create .venv and
# install what they need on first use, and only reinstall when pyproject.toml changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DASHBOARDS := notebooks/dashboards
LINTED := csl_helpers tests benchmarks notebooks

.PHONY: run test lint format benchmark clean

run: $(VENV)/.installed
	$(BIN)/voila $(DASHBOARDS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/pytest
	$(BIN)/pytest --nbval notebooks -p no:cacheprovider

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

benchmark: $(VENV)/.installed
	$(BIN)/python benchmarks/startup.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
