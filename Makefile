# `make run` serves the dashboards; `make test` runs the whole suite. Both create .venv and
# install what they need on first use, and only reinstall when pyproject.toml changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DASHBOARDS := notebooks/dashboards
LINTED := csl_helpers tests benchmarks notebooks share

.PHONY: run test lint format benchmark clean

# `make run`: one standalone Voila server for every dashboard, settings in voila.json. The page
# template (offline, shuts kernels down on tab close) is found through JUPYTER_PATH, the landing
# page's hook in share/voila/voila.py. It listens on 127.0.0.1; `make run VOILA_IP=0.0.0.0`
# serves a class on the local network (docs/running-a-class.md). tests/conftest.py starts the
# server from this recipe (make -n), so the tests run against this very configuration.
VOILA_IP ?= 127.0.0.1
VOILA_PORT ?= 8866
# Preheated kernels per dashboard; empty keeps voila.json's. A class of N on one dashboard:
# VOILA_POOL=N (docs/running-a-class.md has the measured figures).
VOILA_POOL ?=
# A class on one dashboard: `make run VOILA_POOL=40 VOILA_POOL_FOR=law_explorer.ipynb` keeps 40
# preheated kernels for that dashboard and one for each other (Voila's kernel_pools_config).
VOILA_POOL_FOR ?=
VOILA_TEMPLATES := $(CURDIR)/share/jupyter
VOILA_CONFIG := ['$(CURDIR)', '$(CURDIR)/share/voila']

run: $(VENV)/.installed
	JUPYTER_PATH="$(VOILA_TEMPLATES)" $(BIN)/voila $(DASHBOARDS) --template=csl \
		--Voila.config_file_paths="$(VOILA_CONFIG)" --Voila.ip=$(VOILA_IP) --port=$(VOILA_PORT) \
		$(if $(VOILA_POOL_FOR),--VoilaKernelManager.kernel_pools_config="{'$(VOILA_POOL_FOR)': \
		{'pool_size': $(or $(VOILA_POOL),2)}}",$(if $(VOILA_POOL),--VoilaConfiguration.default_pool_size=$(VOILA_POOL)))

test: $(VENV)/.installed-test
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/lint-imports
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
