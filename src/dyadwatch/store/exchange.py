"""Exports of the store: document records as JSON Lines, tables as CSV or Parquet."""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..safe_output import spreadsheet_table
from .db import Store

FORMATS = ("jsonl", "csv", "parquet")
# The tables a csv or parquet export can write (lists joined with "; " so CSV can hold them).
TABLES = {
    "events": "SELECT * FROM events ORDER BY event_date NULLS LAST, doc_id, n",
    "articles": ("SELECT id, path, url, outlet, title, published, language, array_to_string(authors, '; ') AS authors "
                 "FROM documents ORDER BY pub_date NULLS LAST, id"),
    "quotes": "SELECT * FROM quotes ORDER BY doc_id, n",
}


def export_store(store: Store, out: Path, fmt: str, table_name: str = "events", *,
                 min_confidence: float | None = None) -> int:
    """Write every stored document (jsonl) or one table (csv, parquet; events by default);
    returns rows written.

    With `min_confidence`, events below it are left out (of each record, or of the table)."""
    if fmt not in FORMATS:
        raise UsageError(f"--format takes one of {', '.join(FORMATS)}, got {fmt!r}")
    if table_name not in TABLES:
        raise UsageError(f"--table takes one of {', '.join(TABLES)}, got {table_name!r}")
    if fmt == "jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for doc in store.documents():
                if min_confidence is not None:
                    doc.events = [e for e in doc.events if e.confidence is not None and e.confidence >= min_confidence]
                fh.write(doc.to_json() + "\n")
                n += 1
        return n
    sql, params = TABLES[table_name], []
    if table_name == "events" and min_confidence is not None:
        sql, params = "SELECT * FROM events WHERE confidence >= ? ORDER BY event_date NULLS LAST, doc_id, n", [min_confidence]
    table = store.con.execute(sql, params).to_arrow_table()
    if fmt == "csv":
        import pyarrow.csv as pacsv

        # Cells are untrusted text: formula starts neutralised, every cell quoted (OWASP).
        pacsv.write_csv(spreadsheet_table(table), str(out), pacsv.WriteOptions(quoting_style="all_valid"))
    else:
        import pyarrow.parquet as pq

        pq.write_table(table, str(out))
    return table.num_rows
