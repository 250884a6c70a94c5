# The two commands a new machine needs: `make demo` and `make test`.
# Both build .venv/ from requirements.lock (exact versions, checked hashes) when it is
# missing or older than the lock, then run.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
BIN := $(VENV)/bin

.PHONY: demo test bench lock quality fuzz clean-venv

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/dyadwatch demo --db demo.duckdb

test: $(STAMP)
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
