# `make run` serves the dashboards; `make test` runs the whole suite. Both create .venv and
# install what they need on first use, and only reinstall when pyproject.toml changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LINTED := csl_helpers tests benchmarks notebooks share

.PHONY: run test lint format benchmark font i18n notebooks clean

# `make run`: one standalone Voila server for every dashboard, started by share/voila/serve.py
# (settings in voila.json, the offline page template in share/jupyter, the hooks in
# share/voila/voila.py). The tests start their servers from the same script's functions, so they
# run against this very configuration. It listens on 127.0.0.1; `make run VOILA_IP=0.0.0.0`
# serves a class on the local network (docs/running-a-class.md).
VOILA_IP ?= 127.0.0.1
VOILA_PORT ?= 8866
# Preheated kernels per dashboard; empty lets the server size its pools from the machine's
# memory and grow the one a class takes from (share/voila/voila.py). A fixed pool of N per
# dashboard: VOILA_POOL=N (docs/running-a-class.md has the measured figures).
VOILA_POOL ?=
# A class on one dashboard: `make run VOILA_POOL=40 VOILA_POOL_FOR=law_explorer.ipynb` keeps 40
# preheated kernels for that dashboard and one for each other (Voila's kernel_pools_config).
VOILA_POOL_FOR ?=

run: $(VENV)/.installed-dashboards
	$(BIN)/python share/voila/serve.py --ip=$(VOILA_IP) --port=$(VOILA_PORT) \
		$(if $(VOILA_POOL),--pool=$(VOILA_POOL)) $(if $(VOILA_POOL_FOR),--pool-for=$(VOILA_POOL_FOR))

# `make lab`: JupyterLab on the course's first notebook, in the student's language: the Chinese
# edition (notebooks/zh) where $LANG is Chinese (zh_CN.UTF-8 …), else the English; choose with
# `make lab COURSE_LANG=zh` or `COURSE_LANG=en`. It serves the whole clone (the editions link each
# other) as Binder does (./start), listening on 127.0.0.1 only.
COURSE_LANG ?= $(if $(filter zh%,$(LANG)),zh,en)
LAB_PORT ?= 8888
LAB_START := notebooks/$(if $(filter zh,$(COURSE_LANG)),zh/,)00_start_here.ipynb
.PHONY: lab course-i18n
lab: $(VENV)/.installed-dashboards
	PATH="$(CURDIR)/$(BIN):$$PATH" ./start $(BIN)/jupyter lab --ip=127.0.0.1 --port=$(LAB_PORT) \
		--ServerApp.root_dir="$(CURDIR)" $(LAB_START)

# `make course-i18n`: the course's prose, paragraph by paragraph, extracted from the English
# notebooks into notebooks/locale/<notebook>.pot, each zh_Hans/LC_MESSAGES/<notebook>.po updated
# from it (translate the new or fuzzy entries there), and the Chinese edition of the translated
# notebooks (share/course/course.py's TRANSLATED) generated into notebooks/zh and executed where
# it changed; `make course-i18n COURSE_RERUN=1` executes them all again (after a change to what
# the package shows, as the English ones are). tests/test_course_translation.py checks all three.
course-i18n: $(VENV)/.installed-test
	$(BIN)/python share/course/course.py $(if $(COURSE_RERUN),--rerun)

# `make notebooks`: every English notebook (chapters and dashboards) executed again in place, in
# order, without the widgets' state (tests/test_environment.py refuses stored state: the outputs
# nbval compares are the ones that teach), after a change to what the package shows. The Chinese
# edition is generated and executed by `make course-i18n COURSE_RERUN=1`.
NOTEBOOKS := $(wildcard notebooks/*.ipynb notebooks/dashboards/*.ipynb)
notebooks: $(VENV)/.installed-test
	$(BIN)/python -c "import sys, nbformat; [(nb.metadata.pop('widgets', None), \
		nbformat.write(nb, p)) for p in sys.argv[1:] for nb in [nbformat.read(p, 4)]]" $(NOTEBOOKS)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.store_widget_state=False $(NOTEBOOKS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/lint-imports
	$(BIN)/pytest
	$(BIN)/pytest --nbval notebooks -p no:cacheprovider

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

# `make font`: rebuild the pages' CJK font (Noto Sans SC cut down to the characters they show and
# each weight cut into content-named unicode-range slices, so a page fetches only the slices of the
# characters it draws; share/jupyter/voila/templates/csl/static/fonts, declared in csl.css) after
# the texts or the translations gain characters; tests/test_cjk_font.py names them. Fetches the
# font's package with npm.
font: $(VENV)/.installed-test
	$(BIN)/python share/fonts/cjk_font.py
# `make i18n`: the interface's words, marked in csl_helpers with _(), _n(), N_() and ngettext(),
# extracted by Babel (babel.cfg) into csl_helpers/locale/csl.pot; each language's csl.po is
# updated from it (translate the new entries there), then compiled to the committed csl.mo.
LOCALES := en zh_Hans
I18N := csl_helpers/locale
i18n: $(VENV)/.installed-test
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output --omit-header -w 100 \
		-k _ -k N_ -k _n:1,2 -k ngettext:1,2 -o $(I18N)/csl.pot csl_helpers
	for loc in $(LOCALES); do \
		$(BIN)/pybabel -q update -D csl -i $(I18N)/csl.pot -d $(I18N) -l $$loc -w 100 \
			--no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date || exit 1; \
	done
	$(BIN)/pybabel -q compile -D csl -d $(I18N) --statistics

benchmark: $(VENV)/.installed
	$(BIN)/python benchmarks/startup.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# An editable install of this layout (data/ installed as csl_helpers/data) goes through
# setuptools' import finder, which ends every install with an "Editable installation" notice
# (nothing to act on); the filter leaves out that notice alone, every other warning and error
# still shows. pyproject.toml declares the package data, so setuptools has nothing to warn of.
EDITABLE := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(EDITABLE) .
	touch $@

# The package alone is what an analyst needs; `make run` adds Voila and JupyterLab (the
# `dashboards` extra), and the `test` extra includes it.
$(VENV)/.installed-dashboards: pyproject.toml $(VENV)/.installed
	$(EDITABLE) '.[dashboards]'
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(EDITABLE) '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
	rm -f share/jupyter/voila/templates/csl/static/page-scripts-*.js
	rm -f share/jupyter/voila/templates/csl/static/plotly-*.min.js
