"""Quality gate: HTML extraction on the shared benchmarks must stay above pinned floors.

Runs `extract_html` through bench/extraction.py and scores with the shared scorer's own
functions. Every scrapinghub page is used; for wcxb a fixed subset (every 4th page in id
order, 178 of 711) keeps the gate near 30 s. The floors sit slightly under what was
measured when they were pinned (scrapinghub P 0.965 R 0.976 F1 0.970; wcxb subset F1 0.934,
title 0.83, author 0.78, date 0.86); the whole-set figures beside trafilatura come from
`.venv/bin/python bench/extraction.py`.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "extraction"
WCXB_EVERY = 4
FLOORS = {
    "scrapinghub": {"f1": 0.965, "precision": 0.958, "recall": 0.97},
    "wcxb": {"f1": 0.928, "title_accuracy": 0.81, "author_accuracy": 0.75, "date_accuracy": 0.84},
}

pytestmark = pytest.mark.gate


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "bench" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    if not DATA.is_dir() or not (ROOT.parent / "shared" / "eval" / "extraction.py").exists():
        pytest.skip("../shared/data/extraction or ../shared/eval/extraction.py is missing: no benchmark to gate on")
    return _bench()


@pytest.mark.parametrize("name, every", [("scrapinghub", 1), ("wcxb", WCXB_EVERY)])
def test_gate_extraction_above_pinned_floors(bench, name, every):
    scorer = bench.load_scorer()
    pages, gold = bench.load_pages(scorer, name, every)
    records, _ = bench.run(bench.ours, pages)
    result = bench.score_subset(scorer, records, gold, name)
    assert result["pages"] == len(pages)
    low = {k: (result[k], floor) for k, floor in FLOORS[name].items() if result[k] < floor}
    assert not low, f"{name}: below floor (measured, floor): {low}"
