"""Quality gate: the `quotes.*` rows of ../shared/eval/score.py on the two seed pages.

Runs the whole default pipeline over the seeds (the session fixture `seed_records`) and the
shared scorer on its output.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.gate

FLOORS = {
    "quotes.direct.found": 1.0,
    "quotes.direct.precision": 0.95,
    "quotes.speaker": 0.95,
    "quotes.indirect.found": 0.8,
}


@pytest.mark.parametrize("row", sorted(FLOORS))
def test_gate_seeds_quote_row_at_floor(seed_rows, row):
    assert row in seed_rows.rows, f"score.py printed no {row} row; rows: {sorted(seed_rows.rows)}"
    assert seed_rows.rows[row] >= FLOORS[row], seed_rows.misses_of("quotes.")


def test_gate_seeds_no_scare_quote_taken(seed_rows):
    assert "quotes.scare_quotes_taken" not in seed_rows.rows, seed_rows.misses_of("quotes.scare")
