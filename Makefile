# Guildhall — the README's commands.
#   make run    install, migrate, load the demo if the database is empty, serve on $(HOST):$(PORT)
#   make test   install with test extras and run the whole suite (PYTEST_ARGS="-k x" to narrow)
#   make lint   ruff check + ruff format --check + lint-imports (the app layers, pyproject.toml)
#   make bench  the load benchmark (bench/load.sh); make bench-scale: home and search at scale;
#               make bench-realistic: 200 members reading and writing at once (bench/realistic.sh)
# Installing is done once per pyproject.toml: the stamp file in .venv carries its checksum.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# The first Python 3.11+ on PATH (override: make run PYTHON=/path/to/python3.12).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && { echo $$p; break; }; done)

DEPS_KEY := $(shell cksum < pyproject.toml | cut -d' ' -f1)
RUN_STAMP := $(VENV)/.installed-run-$(DEPS_KEY)
TEST_STAMP := $(VENV)/.installed-test-$(DEPS_KEY)
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: help run test lint format bench bench-scale bench-realistic install install-test clean

help:
	@echo "make run    serve Guildhall on http://$(HOST):$(PORT) with the demo organisation"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff check, ruff format --check and lint-imports"
	@echo "make bench  run the load benchmark"
	@echo "make bench-scale  home and search on a 10,000-member organisation (PostgreSQL)"
	@echo "make bench-realistic  200 signed-in members reading and writing at once"

define make_venv
	@if [ ! -x "$(BIN)/python" ]; then \
		if [ -z "$(PYTHON)" ]; then echo "Guildhall needs Python 3.11 or newer (set PYTHON=...)." >&2; exit 1; fi; \
		echo "Creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv $(VENV) || exit 1; \
	fi
endef

$(RUN_STAMP):
	$(make_venv)
	@echo "Installing Guildhall into $(VENV) ..."
	$(PIP) install -e .
	@rm -f $(VENV)/.installed-run-*
	@touch $@

$(TEST_STAMP):
	$(make_venv)
	@echo "Installing Guildhall with test extras into $(VENV) ..."
	$(PIP) install -e '.[test]'
	@rm -f $(VENV)/.installed-run-* $(VENV)/.installed-test-*
	@touch $(RUN_STAMP) $@

install: $(RUN_STAMP)
install-test: $(TEST_STAMP)

run: $(RUN_STAMP)
	$(BIN)/guildhall migrate --noinput
	$(BIN)/guildhall ensure_demo
	@# Links in emails point where this server listens unless SITE_URL says otherwise.
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(BIN)/guildhall serve --host "$(HOST)" --port "$(PORT)"

# pytest exits 5 when it collected no test: that is reported, not treated as a crash.
test: $(TEST_STAMP)
	@rc=0; $(BIN)/python -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: no tests were collected."; rc=0; fi; \
	exit $$rc

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(TEST_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(RUN_STAMP)
	@test -f bench/load.sh || { echo "bench/load.sh is missing." >&2; exit 1; }
	PATH="$(abspath $(BIN)):$$PATH" bash bench/load.sh

bench-scale: $(RUN_STAMP)
	PATH="$(abspath $(BIN)):$$PATH" bash bench/scale.sh

bench-realistic: $(RUN_STAMP)
	PATH="$(abspath $(BIN)):$$PATH" bash bench/realistic.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
