# Two commands for a fresh clone: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Development defaults; production sets its own environment (see .env.example).
export DEBUG ?= true

.PHONY: run test setup python-deps frontend migrate demo lint check pytest browser-deps clean

run: setup migrate
	@bash scripts/run-portal.sh

test: setup browser-deps lint check pytest

setup: python-deps frontend

python-deps: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	@rm -rf build lscb_portal.egg-info lscb_portal_*.egg-info
	@touch $@

frontend: static/build/.built
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@
static/build/.built: node_modules/.installed scripts/build-frontend.mjs $(wildcard static/scss/*.scss static/js/*.js)
	npm run --silent build
	@touch $@

migrate: python-deps
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo --if-empty

browser-deps:
	@bash scripts/ensure-chromium.sh

lint: python-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: python-deps
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

pytest: python-deps frontend
	$(VENV)/bin/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules static/build staticfiles var
