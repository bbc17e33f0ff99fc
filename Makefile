# The two commands a newcomer needs: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP_FLAGS := --disable-pip-version-check -q -c constraints.txt

.PHONY: demo test install clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# pip 23 fails on lxml[html-clean] vs lxml[html_clean] spelled by two dependencies.
	$(BIN)/pip install --disable-pip-version-check -q --upgrade "pip>=24.2"
	$(BIN)/pip install $(PIP_FLAGS) -e ".[dev,embeddings,server,parquet,spark]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsweave demo

# ruff, mypy and pytest: the one command CI runs.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build *.egg-info newsweave-demo.db*
