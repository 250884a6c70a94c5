"""Held-out sentences (tests/events/heldout.tsv), written before the coder was tuned on the
PLOVER gold standard: a check that the rules generalise beyond the sentences they were
written from. First runs, each before any rule was written with the set in view: set 1 (40)
0.925 root / 0.800 triple; set 2 (32, mobilisation, reduced relations, yielding, coercion, aid)
0.594 / 0.562; set 3 (45, sides that are hard to read) 0.844 / 0.600, after which its misses
were seen while the side rules were written, so its later figure is no clean measure; set 4 (50,
written by someone who had not seen the coder or the gold standard, run once after all the
side rules) 0.800 / 0.580. All 167 measure 0.898 / 0.814. Floors a little under."""
from __future__ import annotations

import pytest

HELDOUT_ROOT_FLOOR = 0.88
HELDOUT_TRIPLE_FLOOR = 0.79


def test_events_heldout_root_and_triple_accuracy():
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english
    from tests.events.heldout import run

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"no English spaCy model: {e}")
    result, misses = run()
    assert result["sentences"] >= 167
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


def test_events_gazetteer_prefers_a_city_by_its_own_name_to_one_that_once_bore_it():
    from dyadwatch.events.places import load_gazetteer

    islamabad = load_gazetteer().find("Islamabad")
    assert islamabad is not None and islamabad.country == "PAK"
