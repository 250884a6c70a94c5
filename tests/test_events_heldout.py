"""Held-out sentences (tests/events/heldout.tsv), written before the coder was tuned on the
PLOVER gold standard: a check that the rules generalise beyond the sentences they were
written from. The first set (40) measured 0.925 root / 0.800 triple on first run; the second
set (32, for mobilisation, reduced relations, yielding, coercion and aid) 0.594 / 0.562 on first
run. The third set (45, for sides that are hard to read: domestic actors named without their
country, offices in apposition, targets inside phrases and complements, unattributed violence)
measured 0.844 / 0.600 on first run, before the side rules it checks were written. All 117
now measure 0.940 / 0.915. Floors a little under."""
from __future__ import annotations

import pytest

HELDOUT_ROOT_FLOOR = 0.92
HELDOUT_TRIPLE_FLOOR = 0.89


def test_events_heldout_root_and_triple_accuracy():
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english
    from tests.events.heldout import run

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"no English spaCy model: {e}")
    result, misses = run()
    assert result["sentences"] >= 117
    assert result["root_accuracy"] >= HELDOUT_ROOT_FLOOR, misses
    assert result["triple_accuracy"] >= HELDOUT_TRIPLE_FLOOR, misses


def test_events_gazetteer_keeps_capitals_and_large_cities_only():
    from dyadwatch.events.places import CITY_MIN_POPULATION, load_gazetteer

    gaz = load_gazetteer()
    kharkiv = gaz.find("Kharkiv")
    assert kharkiv is not None and kharkiv.country == "UKR"
    places = {p for options in gaz.cities.values() for p in options}
    small = [p for p in places if p.population < CITY_MIN_POPULATION]
    # Only capitals fall under the threshold, and there are far fewer of them than countries.
    assert len(small) < 250, small[:10]
    assert gaz.find("Dili") is not None and gaz.find("Dili").country == "TLS"
