# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT  # SITE_URL follows it when unset (tracker/config/settings.py)

.PHONY: run test serve setup bench backup restore lint clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

## make run: venv, install, migrate, admin login, sample papers, jobs once, serve on 127.0.0.1:$(PORT)
run: setup
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

setup: $(VENV)/.installed
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bootstrap

## make test: the whole suite with pytest (SQLite unless DATABASE_URL says otherwise)
test: $(VENV)/.installed
	$(PY) -m pytest -rs

## make lint: ruff (lint and format) over the project, mypy over the parser, the rules and the domain
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(VENV)/.installed
	$(PY) bench/run.py --scale small

## make backup / make restore FILE=…: pg_dump or a copy of the SQLite file
backup: $(VENV)/.installed
	$(PY) manage.py backup

restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo 'usage: make restore FILE=var/backups/…'; exit 2; }
	$(PY) manage.py restore $(FILE)

clean:
	rm -rf $(VENV) .pytest_cache staticfiles
