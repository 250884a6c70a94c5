#!/usr/bin/env python3
"""The fuzzing gate for longer (`make fuzz`): the properties of tests/test_hostile_fuzz.py,
with fresh random seeds, until the time is up.

    .venv/bin/python bench/fuzz.py [--minutes 10]

Property: whatever the bytes, only InputError (a counted skip) leaves reading, extraction or
a stage. Prints the inputs tried per property, inputs per second, and every falsifying
example; exits 1 if any exception escaped. The load average is printed, since the machine
may be shared.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "hostile_inputs"))
from fuzzing import CONTENT_TYPES, NAMES, byte_pages, check_extract, check_read, check_stages, sentences, text_pages  # noqa: E402

ROUND = settings(max_examples=100, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
counts: dict[str, int] = {}


def counted(name: str):
    def wrap(func):
        def inner(*args, **kwargs):
            counts[name] = counts.get(name, 0) + 1
            return func(*args, **kwargs)
        return inner
    return wrap


@ROUND
@given(data=byte_pages, name=st.sampled_from(NAMES))
@counted("read")
def fuzz_read(data: bytes, name: str) -> None:
    check_read(data, name)


@ROUND
@given(data=byte_pages, content_type=st.sampled_from(CONTENT_TYPES))
@counted("extract")
def fuzz_extract(data: bytes, content_type: str | None) -> None:
    check_extract(data, content_type)


@ROUND
@given(page=text_pages)
@counted("stages-html")
def fuzz_stages_html(page: str) -> None:
    check_stages(page, html=True)


@ROUND
@given(text=sentences)
@counted("stages-text")
def fuzz_stages_text(text: str) -> None:
    check_stages(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()}", flush=True)
    check_stages("Warm-up: Russia criticised Azerbaijan on Monday.")  # model loading is not fuzzing time
    started = time.monotonic()
    stop = started + args.minutes * 60
    failures = 0
    while time.monotonic() < stop:
        for prop in (fuzz_read, fuzz_extract, fuzz_stages_html, fuzz_stages_text):
            try:
                prop()
            except Exception:  # noqa: BLE001 - report every escaping exception, then go on
                failures += 1
                traceback.print_exc()
            if time.monotonic() >= stop:
                break
    seconds = time.monotonic() - started
    total = sum(counts.values())
    for name, n in sorted(counts.items()):
        print(f"{name:12} {n:8} inputs")
    print(f"total        {total:8} inputs in {seconds:.0f} s: {total / seconds:.1f} inputs/s")
    print(f"escaping exceptions: {failures}")
    print(f"load average after: {os.getloadavg()}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
