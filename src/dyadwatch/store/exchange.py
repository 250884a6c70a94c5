"""Exports of the store: document records as JSON Lines, tables as CSV or Parquet."""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from .db import Store

FORMATS = ("jsonl", "csv", "parquet")


def export_store(store: Store, out: Path, fmt: str) -> int:
    """Write every stored document (jsonl) or the events table (csv, parquet); returns rows written."""
    if fmt not in FORMATS:
        raise UsageError(f"--format takes one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for doc in store.documents():
                fh.write(doc.to_json() + "\n")
                n += 1
        return n
    table = store.con.execute("SELECT * FROM events ORDER BY event_date NULLS LAST, doc_id, n").to_arrow_table()
    if fmt == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, str(out))
    else:
        import pyarrow.parquet as pq

        pq.write_table(table, str(out))
    return table.num_rows
