# ParIndex: `make run` serves the demo on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test proof load install install-test system-deps demo check

run: install
	bash scripts/system-deps.sh
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@# The background worker beside the server, stopped with it.
	$(PY) manage.py run_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver $(HOST)

test: install-test
	bash scripts/system-deps.sh --browser
	$(PY) -m pytest

# The proof of issue 16, beyond `make test` (which runs only the quick parts: the `ci` hypothesis profile):
# the bad-input suite with many examples and its memory measures, the fault suite (SIGKILLed worker and
# server, a private PostgreSQL restarted), then the load scenario. Needs DATABASE_URL on PostgreSQL.
proof: install-test
	$(PY) -m pytest tests/properties -m "proof or not proof" --hypothesis-profile=thorough -q
	$(PY) -m pytest tests/faults -m faults -q
	$(MAKE) load

# 50 simulated users on a 600-ward period, gunicorn + PostgreSQL on 127.0.0.1 (about 6 minutes).
load: install-test
	$(VENV)/bin/pip install --quiet -e '.[load]'
	$(PY) benchmarks/load/run.py --units 600 --users 50 --duration 120

install: $(VENV)/.installed-app

install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-app

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
