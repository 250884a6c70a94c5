"""Parameters written into SQL as literals give the same rows as bound parameters."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.store.inline import inline


@pytest.fixture(scope="module")
def con():
    with duckdb.connect() as c:
        yield c


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))))
def test_store_inline_strings_round_trip_quotes_and_placeholders(con, text: str):
    sql = inline("SELECT ? AS v, '?' AS q", [text])
    assert sql is not None
    assert con.execute(sql).fetchone() == (text, "?")


def test_store_inline_values_match_bound_parameters(con):
    values = [None, True, 7, -2.5, 0.1, float("nan"), "it's", dt.date(2024, 12, 28),
              dt.datetime(2024, 12, 28, 9, 30), ["a", "b'c"], []]
    sql = "SELECT " + ", ".join("?" for _ in values)
    written = con.execute(inline(sql, values)).fetchone()
    bound = con.execute(sql, values).fetchone()
    assert written[5] != written[5] and bound[5] != bound[5]  # NaN both ways
    assert written[:5] + written[6:] == bound[:5] + bound[6:]


def test_store_inline_named_placeholders_and_quoted_dollars(con):
    sql = inline("SELECT $a AS a, '$a' AS literal, \"$a\" FROM (SELECT 1 AS \"$a\")", {"a": "x"})
    assert con.execute(sql).fetchone() == ("x", "$a", 1)


@pytest.mark.parametrize("params", [["a\x00b"], [object()], [1, 2], [{"k": 1}]])
def test_store_inline_leaves_unwritable_or_mismatched_values_to_binding(params):
    assert inline("SELECT ?", params) is None
