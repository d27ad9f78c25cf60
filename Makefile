# Carnet: `make run` opens your book, `make test` checks everything.
# `make` alone prepares .venv: then .venv/bin/carnet is the `carnet` command.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CATALOG := store/locale/fr/LC_MESSAGES/carnet

# Where `make install` puts Carnet when pipx is missing: $(PREFIX)/bin/carnet.
PREFIX ?= $(HOME)/.local
HOME_VENV := $(PREFIX)/lib/carnet

.PHONY: all run test bench demo clean po install uninstall

all: $(STAMP) $(CATALOG).mo

# The editable install is a plain path entry ("compat"): setuptools' default import hook
# costs every process in .venv ~12 ms at start-up (see pyproject.toml's build-system).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

# The French catalog, compiled for a fast start (Carnet compiles the .po itself when this is missing).
$(CATALOG).mo: $(CATALOG).po $(STAMP)
	$(BIN)/python -c 'import sys; from pathlib import Path; from store.i18n import compile_po; Path(sys.argv[2]).write_bytes(compile_po(Path(sys.argv[1])))' $< $@

# After changing the interface's messages: extract them and merge them into the French catalog.
po: $(STAMP)
	$(BIN)/pybabel --quiet extract -w 100 -F babel.cfg -k N_ --no-location --sort-output -o store/locale/carnet.pot .
	$(BIN)/pybabel --quiet update -w 100 -l fr -D carnet -d store/locale -i store/locale/carnet.pot --no-fuzzy-matching --ignore-obsolete

run: $(STAMP) $(CATALOG).mo
	$(BIN)/python app.py

test: $(STAMP) $(CATALOG).mo
	$(BIN)/python -m pytest -n auto

# The figures beside their budgets, and as JSON in benchmarks/last-run.json to compare runs.
bench: $(STAMP) $(CATALOG).mo
	sh benchmarks/need_taskwarrior.sh
	$(BIN)/python benchmarks/run.py --out benchmarks/last-run.json

demo: $(STAMP) $(CATALOG).mo
	$(BIN)/python app.py demo --data ./demo-book --force
	$(BIN)/python app.py --data ./demo-book

# `carnet` for your user, outside this folder: with pipx when it is there, else in a venv of its
# own ($(HOME_VENV)) linked from $(PREFIX)/bin. Either way the .po catalogs are compiled at build.
install:
	@if command -v pipx >/dev/null 2>&1; then \
		pipx install --force . ; \
	else \
		$(PYTHON) -m venv --clear $(HOME_VENV) && \
		$(HOME_VENV)/bin/python -m pip install --quiet --upgrade pip && \
		$(HOME_VENV)/bin/python -m pip install --quiet . && \
		mkdir -p $(PREFIX)/bin && ln -sf $(HOME_VENV)/bin/carnet $(PREFIX)/bin/carnet && \
		echo "carnet installed as $(PREFIX)/bin/carnet" && \
		case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; \
			*) echo "add $(PREFIX)/bin to your PATH to run it as carnet" ;; esac ; \
	fi

uninstall:
	@if command -v pipx >/dev/null 2>&1 && pipx list --short 2>/dev/null | grep -q '^carnet '; then \
		pipx uninstall carnet ; \
	fi
	@if [ -L $(PREFIX)/bin/carnet ]; then rm -f $(PREFIX)/bin/carnet; fi
	rm -rf $(HOME_VENV)

clean:
	rm -rf $(VENV) build dist *.egg-info
