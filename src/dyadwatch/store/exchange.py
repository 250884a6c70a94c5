"""Exports of the store: document records as JSON Lines, tables as CSV or Parquet."""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from .db import Store

FORMATS = ("jsonl", "csv", "parquet")


def export_store(store: Store, out: Path, fmt: str, *, min_confidence: float | None = None) -> int:
    """Write every stored document (jsonl) or the events table (csv, parquet); returns rows written.

    With `min_confidence`, events below it are left out (of each record, or of the table)."""
    if fmt not in FORMATS:
        raise UsageError(f"--format takes one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for doc in store.documents():
                if min_confidence is not None:
                    doc.events = [e for e in doc.events if e.confidence is not None and e.confidence >= min_confidence]
                fh.write(doc.to_json() + "\n")
                n += 1
        return n
    where = "WHERE confidence >= ?" if min_confidence is not None else ""
    params = [min_confidence] if min_confidence is not None else []
    table = store.con.execute(f"SELECT * FROM events {where} ORDER BY event_date NULLS LAST, doc_id, n", params).to_arrow_table()
    if fmt == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, str(out))
    else:
        import pyarrow.parquet as pq

        pq.write_table(table, str(out))
    return table.num_rows
