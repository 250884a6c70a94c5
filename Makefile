# The two commands a new machine needs: `make demo` and `make test`.
# Both build .venv/ from requirements.lock (exact versions, checked hashes) when it is
# missing or older than the lock, and node_modules/ (the web interface's charts, map and
# API docs page) from package-lock.json (exact versions, checked integrity), then run.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
BIN := $(VENV)/bin
NODE_STAMP := node_modules/.package-lock.json

.PHONY: demo test bench lock quality fuzz clean-venv

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# `npm ci` installs exactly the lock's versions and checks each integrity hash; the web
# application serves these files itself, so no page ever asks another host for them.
$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed for the web interface's scripts: apt-get install -y npm" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

demo: $(STAMP) $(NODE_STAMP)
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/dyadwatch demo --db demo.duckdb

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python bench/run.py

quality: $(STAMP)
	$(BIN)/python bench/quality.py

# The fuzzing gate for longer than CI's brief fixed-seed run (FUZZ_MINUTES=10 by default).
FUZZ_MINUTES ?= 10
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py --minutes $(FUZZ_MINUTES)

# Developers only: re-resolve requirements.in into requirements.lock (needs uv).
lock:
	uv pip compile --python-version 3.11 --python-platform x86_64-manylinux_2_28 --generate-hashes requirements.in -o requirements.lock

clean-venv:
	rm -rf $(VENV)
