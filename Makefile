# Carnet: `make run` opens your book, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CATALOG := store/locale/fr/LC_MESSAGES/carnet

.PHONY: run test bench demo clean po

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The French catalog, compiled for a fast start (Carnet compiles the .po itself when this is missing).
$(CATALOG).mo: $(CATALOG).po $(STAMP)
	$(BIN)/pybabel --quiet compile -l fr -i $< -o $@

# After changing the interface's messages: extract them and merge them into the French catalog.
po: $(STAMP)
	$(BIN)/pybabel --quiet extract -F babel.cfg -k N_ --no-location --sort-output -o store/locale/carnet.pot .
	$(BIN)/pybabel --quiet update -l fr -D carnet -d store/locale -i store/locale/carnet.pot --no-fuzzy-matching --ignore-obsolete

run: $(STAMP) $(CATALOG).mo
	$(BIN)/python app.py

test: $(STAMP) $(CATALOG).mo
	$(BIN)/python -m pytest

bench: $(STAMP) $(CATALOG).mo
	$(BIN)/python benchmarks/run.py

demo: $(STAMP) $(CATALOG).mo
	$(BIN)/python app.py demo --data ./demo-book --force
	$(BIN)/python app.py --data ./demo-book

clean:
	rm -rf $(VENV) build *.egg-info
