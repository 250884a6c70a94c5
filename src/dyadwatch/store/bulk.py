"""Appending many rows at once (synthetic stores and benchmarks): one Arrow table per insert."""
from __future__ import annotations

from typing import Any

import pyarrow as pa

from ..errors import StoreError
from .db import Store

TABLES = ("documents", "actors", "quotes", "times", "events", "stories", "actor_identities", "identities",
          "linked_events", "event_links")


def append_table(store: Store, name: str, table: pa.Table, *, by_name: bool = False) -> int:
    """Insert every row of `table` into store table `name`: columns in the store table's order,
    or matched by name with `by_name` (columns it lacks stay NULL)."""
    if name not in TABLES:
        raise StoreError(f"no table {name!r} to append to; tables: {', '.join(TABLES)}")
    if table.num_rows:
        store.con.register("bulk_rows", table)
        try:
            store.con.execute(f"INSERT INTO {name} {'BY NAME ' if by_name else ''}SELECT * FROM bulk_rows")
        finally:
            store.con.unregister("bulk_rows")
    return table.num_rows


def append_rows(store: Store, name: str, rows: list[dict[str, Any]]) -> int:
    """Insert rows given as dicts keyed by column name (missing columns stay NULL)."""
    return append_table(store, name, pa.Table.from_pylist(rows), by_name=True) if rows else 0


def columns(store: Store, name: str) -> list[str]:
    """Column names of a store table, in order."""
    return [r[0] for r in store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [name]).fetchall()]
