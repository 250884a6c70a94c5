"""Read-only SQL over a store, through stable views.

`dyadwatch query "SQL"` and `api.query` open an in-memory database, attach the store file
read-only as `store`, define the views below over its tables and then lock the connection
away from the file system (no COPY TO, no ATTACH, no reading other files). The views are
the documented surface (README, "Asking the store in SQL"): their names and columns stay
when the internal tables change. The internal tables are reachable as `store.<table>`.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StoreError, UsageError
from .db import Store

# name -> SELECT over the attached store. Append columns; never rename or drop one.
VIEWS: dict[str, str] = {
    "articles": """
        SELECT id, published, pub_date, outlet, title, coalesce(url, path) AS url, path, language, authors,
               len(text) AS chars, text
        FROM store.documents""",
    "actors": """
        SELECT a.doc_id, a.actor_id, i.global_id, a.name, a.type, a.country, a.code, a.sector, a.roles,
               a.aliases, a.mentions
        FROM store.actors a LEFT JOIN store.actor_identities i ON i.doc_id = a.doc_id AND i.actor_id = a.actor_id""",
    "quotes": """
        SELECT q.doc_id, q.n, q.kind, q.speaker_id, q.speaker_name AS speaker, q.description, q.cue, q.prediction,
               q.text, q.start_char, q.end_char, d.published, d.outlet, d.title, coalesce(d.url, d.path) AS url
        FROM store.quotes q JOIN store.documents d ON d.id = q.doc_id""",
    "reports": """
        SELECT e.doc_id, e.n, l.link_id, coalesce(e.event_date, d.pub_date) AS date, e.date AS date_text,
               e.date_precision, e.source_id, e.source_code, e.source_name, e.source_country,
               e.target_id, e.target_code, e.target_name, e.target_country, e.cameo, e.plover, e.plover_mode,
               e.goldstein, e.quad_class, e.modality, e.location_name AS location, e.location_country, e.lat, e.lon,
               e.evidence, e.evidence_start, e.evidence_end, d.outlet, d.title, d.published,
               coalesce(d.url, d.path) AS url
        FROM store.events e JOIN store.documents d ON d.id = e.doc_id
        LEFT JOIN store.event_links l ON l.doc_id = e.doc_id AND l.n = e.n""",
    "events_linked": """
        SELECT l.link_id, l.event_date AS date, l.precise, l.cameo, l.plover, l.goldstein, l.quad_class,
               l.source_id, s.name AS source_name, l.source_country, l.target_id, t.name AS target_name,
               l.target_country, l.reports, l.documents, l.stories, l.outlets, l.evidence,
               l.first_doc, l.first_outlet, l.first_published, coalesce(d.url, d.path) AS url, d.title
        FROM store.linked_events l LEFT JOIN store.documents d ON d.id = l.first_doc
        LEFT JOIN store.identities s ON s.global_id = l.source_id
        LEFT JOIN store.identities t ON t.global_id = l.target_id""",
}


def open_views(db: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the store attached read-only and the views defined."""
    path = str(db)
    with Store(path, read_only=True):  # the same checks and messages as every reader (missing, old schema)
        pass
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{path.replace(chr(39), chr(39) * 2)}' AS store (READ_ONLY)")
    except duckdb.Error as e:
        con.close()
        raise StoreError(f"cannot open the store {path}: {first_line(e)}") from e
    for name, select in VIEWS.items():
        con.execute(f"CREATE VIEW {name} AS {select}")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def run_query(db: str | Path, sql: str):
    """The result of one read-only SELECT on the store, as a pandas DataFrame."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise UsageError(f"the query does not parse: {first_line(e)}") from None
    if len(statements) != 1:
        raise UsageError(f"give one SQL statement, got {len(statements)}")
    if statements[0].type != duckdb.StatementType.SELECT:
        raise UsageError("the store is read-only here: give a SELECT (or WITH ... SELECT) statement; "
                         f"views: {', '.join(VIEWS)}")
    con = open_views(db)
    try:
        return con.execute(sql).df()
    except duckdb.Error as e:
        raise UsageError(f"the query failed: {first_line(e)} (views: {', '.join(VIEWS)}; tables: store.<name>)") from None
    finally:
        con.close()


def first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
