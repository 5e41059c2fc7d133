# Two commands do everything on a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# Tests never write into the developer's data folder.
TEST_DATA := $(shell mktemp -d 2>/dev/null || echo /tmp/dueprocess-test)

.PHONY: demo test setup system venv messages check openapi test-sqlite test-postgres test-law test-browser services clean

demo: setup
	DUEPROCESS_DEBUG=$${DUEPROCESS_DEBUG:-1} $(BIN)/dueprocess demo

test: setup services check test-law test-sqlite test-postgres test-browser

setup: system venv messages

# System packages: gettext (compile the catalogues), Pango and the Noto CJK fonts (PDF letters),
# Chromium (browser tests), poppler (a letter's page as an image, docs/letters). Installed only when
# missing, and only where we are root.
SYSTEM_PACKAGES := gettext fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium
system:
	@bash scripts/system-packages.sh $(SYSTEM_PACKAGES)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

venv: $(BIN)/python
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[dev]"

messages:
	@DUEPROCESS_DATA_DIR=$(TEST_DATA) $(BIN)/dueprocess compilemessages -l zh_Hans --ignore=.venv --ignore=node_modules >/dev/null

services:
	@bash scripts/services.sh

check:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	DUEPROCESS_DATA_DIR=$(TEST_DATA) $(BIN)/dueprocess makemigrations --check --dry-run
	DUEPROCESS_DATA_DIR=$(TEST_DATA) $(BIN)/dueprocess check
	DUEPROCESS_DATA_DIR=$(TEST_DATA) $(BIN)/dueprocess export_openapi --check

# The API's schema, committed as docs/api/openapi.json: run after changing the API, and commit it.
openapi:
	DUEPROCESS_DATA_DIR=$(TEST_DATA) $(BIN)/dueprocess export_openapi

# The law engine alone, with its 100% line-coverage floor.
test-law:
	$(BIN)/pytest dueprocess/law -q -p no:cacheprovider --cov=dueprocess.law --cov-report=term-missing:skip-covered --cov-fail-under=100

test-sqlite:
	DUEPROCESS_DATA_DIR=$(TEST_DATA) $(BIN)/pytest -q -p no:cacheprovider --ignore=dueprocess/law -m "not browser"

test-postgres:
	DUEPROCESS_DATA_DIR=$(TEST_DATA) DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -p no:cacheprovider --ignore=dueprocess/law -m "not browser"

# Playwright drives Debian's Chromium (never `playwright install`); screenshots in test-artifacts/.
test-browser:
	DUEPROCESS_DATA_DIR=$(TEST_DATA) $(BIN)/pytest -q -p no:cacheprovider -m browser dueprocess/tests/browser

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .coverage htmlcov
