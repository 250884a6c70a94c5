"""Appending many rows at once (benchmarks and synthetic stores): one Arrow table per insert."""
from __future__ import annotations

from typing import Any

import pyarrow as pa

from ..errors import StoreError
from .db import Store

TABLES = ("documents", "actors", "quotes", "times", "events")


def append_rows(store: Store, table: str, rows: list[dict[str, Any]]) -> int:
    """Insert rows given as dicts keyed by column name (missing columns stay NULL)."""
    if table not in TABLES:
        raise StoreError(f"no table {table!r} to append to; tables: {', '.join(TABLES)}")
    if not rows:
        return 0
    store.con.register("bulk_rows", pa.Table.from_pylist(rows))
    try:
        store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM bulk_rows")
    finally:
        store.con.unregister("bulk_rows")
    return len(rows)
