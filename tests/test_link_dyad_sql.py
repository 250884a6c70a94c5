"""The store sums a dyad per period in SQL exactly as `link.aggregate` sums it in pandas."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd
import pytest

from dyadwatch.errors import StoreError
from dyadwatch.link import aggregate, api
from dyadwatch.store import Store
from dyadwatch.store import answers
from dyadwatch.store import links as sql

IDS = ["rus-leader", "aze-leader", "tur-fm", None]
COUNTRIES = ["RUS", "AZE", "TUR", None]


def random_linked(rng: random.Random, n: int) -> list[dict]:
    """Linked events between a few sides, some without a date, a score or a quad class."""
    rows = []
    for i in range(n):
        src, tgt = rng.randrange(4), rng.randrange(4)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(400)) if rng.random() > 0.05 else None
        rows.append({"link_id": f"L{i:04d}", "event_date": day, "precise": True, "cameo": "040", "plover": None,
                     "goldstein": rng.choice([-5.0, -2.0, 1.0, 3.4, None]), "quad_class": rng.choice([1, 2, 3, 4, None]),
                     "source_id": IDS[src] if rng.random() < 0.6 else None, "target_id": IDS[tgt] if rng.random() < 0.6 else None,
                     "source_country": COUNTRIES[src], "target_country": COUNTRIES[tgt], "evidence": "x",
                     "first_doc": "d", "first_n": 0, "first_outlet": "o", "first_published": None,
                     "reports": rng.randint(1, 5), "documents": 1, "stories": 1, "outlets": ["o"], "block": None})
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("dyad_sql") / "store.duckdb"
    with Store(path) as s:
        s.migrate()
        sql.insert_link_rows(s, {"linked_events": random_linked(random.Random(7), 1500)})
        yield s


MATCHES = {
    "RUS": aggregate.ActorMatch(label="RUS", countries=frozenset({"RUS"})),
    "AZE": aggregate.ActorMatch(label="AZE", countries=frozenset({"AZE"})),
    "putin": aggregate.ActorMatch(label="Putin", ids=frozenset({"rus-leader"})),
    "turkey": aggregate.ActorMatch(label="Turkey", ids=frozenset({"tur-fm"}), countries=frozenset({"TUR"})),
}


def sorted_counts(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.assign(period=pd.to_datetime(frame["period"])).sort_values(["period", "direction"])
    return out.reset_index(drop=True)[aggregate.DYAD_COUNTS]


@pytest.mark.parametrize("by", aggregate.PERIODS)
@pytest.mark.parametrize(("a", "b"), [("RUS", "AZE"), ("putin", "AZE"), ("turkey", "RUS"), ("AZE", "putin")])
def test_link_dyad_counts_sql_equals_pandas(store: Store, by: str, a: str, b: str):
    linked = sql.table_frame(store, "linked_events")
    for since, until in [(None, None), ("2024-03-01", "2024-11-30")]:
        expected = aggregate.dyad_counts(linked, MATCHES[a], MATCHES[b], by=by, since=since, until=until)
        got = api.dyad_counts(store, MATCHES[a], MATCHES[b], by=by, since=since, until=until)
        assert len(expected) > 0
        expected, got = sorted_counts(expected), sorted_counts(got)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False, atol=1e-9)
        # and the series built from either is the same table
        pd.testing.assert_frame_equal(aggregate.dyad_table(got, MATCHES[a], MATCHES[b], by=by, fill=True),
                                      aggregate.dyad_table(expected, MATCHES[a], MATCHES[b], by=by, fill=True),
                                      check_dtype=False)


def test_link_dyad_counts_sql_refuses_an_unknown_period(store: Store):
    with pytest.raises(StoreError, match="periods are"):
        answers.dyad_totals(store, answers.Side(countries=("RUS",)), answers.Side(countries=("AZE",)), by="fortnight")
