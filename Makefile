# The two commands of the README: `make test` and `make demo`. Everything they need is
# installed from here, so that a fresh machine (and CI) needs nothing done by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: test demo lint docs system-packages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages the tests need: a Java runtime for the HermiT reasoner (owlready2).
system-packages:
	@command -v java >/dev/null 2>&1 || { \
	  echo "installing a Java runtime (default-jre-headless) for the OWL reasoner"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP) system-packages lint
	$(BIN)/python -m pytest

HOST ?= 127.0.0.1
PORT ?= 8000

# The demo: the fictional Marburg data in the default store, the ontology documentation,
# and the web app serving it until Ctrl-C (`make demo PORT=8080` for another port).
demo: $(STAMP) docs
	$(BIN)/sozialgraph demo
	@echo "Ontology documentation: build/ontology-docs/index.html (Deutsch), en.html (English)"
	@echo "SPARQL endpoint: http://$(HOST):$(PORT)/sparql — stop with Ctrl-C"
	$(BIN)/sozialgraph serve --host $(HOST) --port $(PORT)

# Human-readable ontology documentation in German and English (offline HTML).
docs: $(STAMP)
	$(BIN)/sozialgraph ontology docs build/ontology-docs

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
