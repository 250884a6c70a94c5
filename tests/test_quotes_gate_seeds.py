"""Quality gate: the `quotes.*` rows of ../shared/eval/score.py on the two seed pages.

Runs the whole default pipeline over the seeds (the session fixture `seed_records`) and the
shared scorer on its output.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import EVAL, GOLD, need_shared

pytestmark = pytest.mark.gate

FLOORS = {
    "quotes.direct.found": 1.0,
    "quotes.direct.precision": 0.95,
    "quotes.speaker": 0.95,
    "quotes.indirect.found": 0.8,
}


@pytest.fixture(scope="module")
def quote_rows(seed_records: Path) -> tuple[dict[str, float], list[str]]:
    need_shared("gold", "seeds.json")
    need_shared("eval", "score.py")
    res = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(GOLD), "--pred", str(seed_records), "--json"],
                         check=True, capture_output=True, text=True)
    data = json.loads(res.stdout)
    rows = {k: v["ratio"] for k, v in data["rows"].items() if k.startswith("quotes.")}
    return rows, [m for m in data["misses"] if m.startswith("quotes.")]


@pytest.mark.parametrize("row", sorted(FLOORS))
def test_gate_seeds_quote_row_at_floor(quote_rows, row):
    rows, misses = quote_rows
    assert row in rows, f"score.py printed no {row} row; rows: {sorted(rows)}"
    assert rows[row] >= FLOORS[row], "\n".join(misses)


def test_gate_seeds_no_scare_quote_taken(quote_rows):
    rows, misses = quote_rows
    assert "quotes.scare_quotes_taken" not in rows, "\n".join(m for m in misses if "scare" in m)
