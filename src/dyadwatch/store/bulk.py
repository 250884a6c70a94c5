"""Appending whole Arrow tables to store tables (the synthetic store generator's writer)."""
from __future__ import annotations

import pyarrow as pa

from .db import Store

TABLES = ("documents", "actors", "events", "stories", "actor_identities", "identities", "linked_events", "event_links")


def append_table(store: Store, name: str, table: pa.Table) -> int:
    """Insert every row of `table` (columns in the table's order) into store table `name`."""
    if name not in TABLES:
        raise ValueError(f"no bulk writes to {name!r}")
    if table.num_rows:
        store.con.register("bulk_rows", table)
        try:
            store.con.execute(f"INSERT INTO {name} SELECT * FROM bulk_rows")
        finally:
            store.con.unregister("bulk_rows")
    return table.num_rows


def columns(store: Store, name: str) -> list[str]:
    """Column names of a store table, in order."""
    return [r[0] for r in store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [name]).fetchall()]
