"""Gate: the actor rows of the shared seed gold (../shared/eval/score.py) stay above their floors."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.gate

# Floors the issue sets for the seed pages.
FLOORS = {"actors.found": 0.95, "actors.aliases": 0.9, "actors.sector": 1.0}


@pytest.mark.parametrize("row", sorted(FLOORS))
def test_actors_seed_rows_meet_floors(seed_rows, row):
    assert seed_rows.rows[row] >= FLOORS[row], seed_rows.misses_of("actors.")
