"""SQL of the cross-document tables (migration 2): stories, identities, linked events.

The linking code (dyadwatch.link) reads the stored documents, actors and events through
these functions and writes its results back with `write_links`, which replaces every link
table in one transaction: a failed run leaves the previous links in place.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..link.match import QUAD_NAMES
from ..link.records import Identity, IdentityLink, LinkedEvent, ReportLink, Story
from .db import Store

LINK_TABLES = ("stories", "actor_identities", "identities", "linked_events", "event_links")


@dataclass(frozen=True, kw_only=True)
class StoredEvent:
    """An events-table row with what linking needs of its document."""

    doc_id: str
    n: int
    source_id: str | None
    source_country: str | None
    target_id: str | None
    target_country: str | None
    cameo: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    event_date: dt.date | None
    date_precision: str | None
    pub_date: dt.date | None
    evidence: str | None
    outlet: str | None
    published: str | None


def has_link_tables(store: Store) -> bool:
    return store.version() >= 4  # migration 4 gives linked events their block


def require_link_tables(store: Store) -> None:
    if not has_link_tables(store):
        raise StoreError(f"{store.path} has no link tables (schema version {store.version()}): "
                         f"run `dyadwatch db migrate --db {store.path}`")


def fingerprint(store: Store) -> str:
    """Changes whenever documents are added, replaced or removed."""
    docs, last, events = store.con.execute(
        "SELECT count(*), max(ingested_at), (SELECT count(*) FROM events) FROM documents").fetchone()
    return f"{docs}|{last}|{events}"


def last_fingerprint(store: Store) -> str | None:
    if not has_link_tables(store):
        return None
    row = store.con.execute("SELECT fingerprint FROM link_runs ORDER BY run_at DESC LIMIT 1").fetchone()
    return row[0] if row else None


def article_rows(store: Store) -> list[tuple[str, str, str | None]]:
    """(id, text, published) of every stored document."""
    return store.con.execute("SELECT id, coalesce(text, ''), published FROM documents ORDER BY id").fetchall()


def actor_rows(store: Store) -> list[tuple[str, str, str, str, str | None, str | None, list[str] | None]]:
    """(doc_id, actor_id, name, type, country, code, aliases) of every stored actor."""
    return store.con.execute(
        "SELECT doc_id, actor_id, name, type, country, code, aliases FROM actors "
        "WHERE actor_id IS NOT NULL ORDER BY doc_id, actor_id").fetchall()


def event_rows(store: Store) -> list[StoredEvent]:
    rows = store.con.execute(
        "SELECT e.doc_id, e.n, e.source_id, e.source_country, e.target_id, e.target_country, e.cameo, e.plover, "
        "e.goldstein, e.quad_class, e.event_date, e.date_precision, d.pub_date, e.evidence, "
        # a document without a known outlet is credited to its web site, when it has an address
        "coalesce(d.outlet, nullif(regexp_extract(d.url, '^[a-z]+://(?:www[.])?([^/:]+)', 1), '')), d.published "
        "FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cameo IS NOT NULL ORDER BY e.doc_id, e.n").fetchall()
    return [StoredEvent(doc_id=r[0], n=r[1], source_id=r[2], source_country=r[3], target_id=r[4], target_country=r[5],
                        cameo=r[6], plover=r[7], goldstein=r[8], quad_class=r[9], event_date=r[10],
                        date_precision=r[11], pub_date=r[12], evidence=r[13], outlet=r[14], published=r[15])
            for r in rows]


@functools.cache
def schemas() -> dict[str, Any]:
    """Arrow schemas of the link tables (pyarrow is imported when rows are first written or
    registered, not by the queries that only read)."""
    import pyarrow as pa

    return {
        "stories": pa.schema([("doc_id", pa.string()), ("story_id", pa.string()), ("similarity", pa.float64())]),
        "actor_identities": pa.schema([("doc_id", pa.string()), ("actor_id", pa.string()), ("global_id", pa.string()),
                                       ("rule", pa.string())]),
        "identities": pa.schema([("global_id", pa.string()), ("name", pa.string()), ("type", pa.string()),
                                 ("country", pa.string()), ("code", pa.string()), ("variants", pa.list_(pa.string())),
                                 ("actor_ids", pa.list_(pa.string())), ("documents", pa.int32())]),
        "linked_events": pa.schema([
            ("link_id", pa.string()), ("event_date", pa.date32()), ("precise", pa.bool_()), ("cameo", pa.string()),
            ("plover", pa.string()), ("goldstein", pa.float64()), ("quad_class", pa.int32()), ("source_id", pa.string()),
            ("target_id", pa.string()), ("source_country", pa.string()), ("target_country", pa.string()),
            ("evidence", pa.string()), ("first_doc", pa.string()), ("first_n", pa.int32()), ("first_outlet", pa.string()),
            ("first_published", pa.string()), ("reports", pa.int32()), ("documents", pa.int32()), ("stories", pa.int32()),
            ("outlets", pa.list_(pa.string())), ("block", pa.string())]),
        "event_links": pa.schema([("doc_id", pa.string()), ("n", pa.int32()), ("link_id", pa.string()),
                                  ("score", pa.float64())]),
    }


@dataclass(frozen=True, kw_only=True)
class LinkRun:
    """What one linking run saw and made."""

    fingerprint: str
    documents: int
    events: int
    linked_events: int
    identities: int
    stories: int
    seconds: float


def link_table_rows(stories: list[Story], identity_links: list[IdentityLink], identities: list[Identity],
                    linked: list[LinkedEvent], report_links: list[ReportLink]) -> dict[str, list[dict[str, Any]]]:
    """The link records as rows of the link tables (column names as in migration 2)."""
    return {
        "stories": [{"doc_id": s.doc_id, "story_id": s.story_id, "similarity": s.similarity} for s in stories],
        "actor_identities": [{"doc_id": i.doc_id, "actor_id": i.actor_id, "global_id": i.global_id, "rule": i.rule}
                             for i in identity_links],
        "identities": [{"global_id": i.global_id, "name": i.name, "type": i.type, "country": i.country, "code": i.code,
                        "variants": list(i.variants), "actor_ids": list(i.actor_ids), "documents": i.documents}
                       for i in identities],
        "linked_events": [{
            "link_id": e.link_id, "event_date": e.date, "precise": e.precise, "cameo": e.cameo, "plover": e.plover,
            "goldstein": e.goldstein, "quad_class": e.quad_class, "source_id": e.source, "target_id": e.target,
            "source_country": e.source_country, "target_country": e.target_country, "evidence": e.evidence,
            "first_doc": e.first_doc, "first_n": e.first_n, "first_outlet": e.first_outlet,
            "first_published": e.first_published, "reports": e.reports, "documents": e.documents,
            "stories": e.stories, "outlets": list(e.outlets), "block": e.block} for e in linked],
        "event_links": [{"doc_id": r.doc_id, "n": r.n, "link_id": r.link_id, "score": r.score} for r in report_links],
    }


def write_links(store: Store, *, stories: list[Story], identity_links: list[IdentityLink], identities: list[Identity],
                linked: list[LinkedEvent], report_links: list[ReportLink], run: LinkRun) -> None:
    """Replace every link table with these records (one transaction) and record the run."""
    require_link_tables(store)
    tables = link_table_rows(stories, identity_links, identities, linked, report_links)
    with store.transaction() as con:
        for name in LINK_TABLES:
            con.execute(f"DELETE FROM {name}")
        insert_link_rows(store, tables)
        record_run(store, run)


def insert_link_rows(store: Store, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Append rows (as made by `link_table_rows`) to the link tables."""
    for name in LINK_TABLES:
        rows = tables.get(name)
        if rows:
            store.con.register("link_rows", arrow_rows(rows, name))
            try:
                store.con.execute(f"INSERT INTO {name} SELECT * FROM link_rows")
            finally:
                store.con.unregister("link_rows")


def arrow_rows(rows: list[dict[str, Any]], name: str) -> Any:
    """Rows of a link table (as `link_table_rows` makes them) as an Arrow table of its schema."""
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=schemas()[name])


def record_run(store: Store, run: LinkRun) -> None:
    """Note a linking run: queries answer from stored links while its fingerprint is current."""
    store.con.execute("INSERT INTO link_runs VALUES (?,?,?,?,?,?,?,?)",
                      [dt.datetime.now(dt.UTC).replace(tzinfo=None), run.fingerprint, run.documents, run.events,
                       run.linked_events, run.identities, run.stories, run.seconds])


def table_frame(store: Store, name: str):
    """A whole link table as a pandas DataFrame."""
    if name not in LINK_TABLES:
        raise StoreError(f"no link table {name!r}; link tables: {', '.join(LINK_TABLES)}")
    require_link_tables(store)
    order = {"linked_events": "event_date NULLS LAST, link_id", "event_links": "link_id, doc_id, n",
             "identities": "documents DESC, global_id", "stories": "story_id, doc_id",
             "actor_identities": "global_id, doc_id"}[name]
    return store.frame(f"SELECT * FROM {name} ORDER BY {order}")


def selection(*, ids: list[str] | None, countries: list[str] | None, since: dt.date | None,
              until: dt.date | None, min_confidence: float | None = None,
              event_links: str = "event_links") -> tuple[str, list[Any]]:
    """WHERE clause over linked_events: a side among `ids` or `countries`, dated in the range,
    with a report (in the relation `event_links`) at least `min_confidence` confident."""
    where: list[str] = []
    params: list[Any] = []
    if ids is not None or countries is not None:
        where.append("(list_contains(?, source_id) OR list_contains(?, target_id) "
                     "OR list_contains(?, source_country) OR list_contains(?, target_country))")
        params += [ids or [], ids or [], countries or [], countries or []]
    if since is not None:
        where.append("event_date >= ?")
        params.append(since)
    if until is not None:
        where.append("event_date <= ?")
        params.append(until)
    if min_confidence is not None:
        where.append(f"link_id IN (SELECT k.link_id FROM {event_links} k JOIN events e ON e.doc_id = k.doc_id AND e.n = k.n "
                     "GROUP BY k.link_id HAVING max(e.confidence) >= ?)")
        params.append(min_confidence)
    return ("WHERE " + " AND ".join(where)) if where else "", params


def linked_frame(store: Store, *, ids: list[str] | None = None, countries: list[str] | None = None,
                 since: dt.date | None = None, until: dt.date | None = None, min_confidence: float | None = None):
    """Linked events of these actors and dates as a pandas DataFrame (all of them without filters)."""
    require_link_tables(store)
    where, params = selection(ids=ids, countries=countries, since=since, until=until, min_confidence=min_confidence)
    return store.frame(f"SELECT * FROM linked_events {where} ORDER BY event_date NULLS LAST, link_id", params)


def pair_totals(store: Store, *, ids: list[str] | None = None, countries: list[str] | None = None,
                since: dt.date | None = None, until: dt.date | None = None, min_confidence: float | None = None):
    """Linked events summed per (source, target, their countries), as `link.aggregate.pair_totals`."""
    require_link_tables(store)
    where, params = selection(ids=ids, countries=countries, since=since, until=until, min_confidence=min_confidence)
    return store.frame(
        "SELECT source_id, target_id, source_country, target_country, count(*) AS weight, "
        "sum(reports) AS reports, coalesce(sum(goldstein), 0.0) AS goldstein_sum, "
        "count(*) FILTER (WHERE quad_class <= 2) AS cooperation, count(*) FILTER (WHERE quad_class > 2) AS conflict "
        f"FROM linked_events {where} GROUP BY ALL ORDER BY ALL", params)


# The first day of an event's period, as `link.aggregate.period_start` counts it (weeks start on Monday).
def reports_frame(store: Store):
    """Every report of every linked event, with its document's outlet, date and story."""
    require_link_tables(store)
    return store.frame(
        "SELECT l.link_id, l.doc_id, l.n, l.score, d.outlet, d.published, d.title, s.story_id, "
        "e.cameo, e.date AS event_date, e.evidence FROM event_links l "
        "JOIN events e ON e.doc_id = l.doc_id AND e.n = l.n JOIN documents d ON d.id = l.doc_id "
        "LEFT JOIN stories s ON s.doc_id = l.doc_id ORDER BY l.link_id, d.published NULLS LAST, l.doc_id, l.n")


def document_sources(store: Store, ids: list[str] | None = None):
    """Where each stored document (or each of `ids`) came from: id, url (its address, else the
    file it was read from), title, outlet and publication date, as a pandas DataFrame."""
    sql = "SELECT id AS doc_id, coalesce(url, path) AS url, title, outlet, published FROM documents"
    if ids is None:
        return store.frame(sql)
    return store.frame(sql + " WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])


def event_confidences(store: Store):
    """(doc_id, n, confidence) of every stored event report."""
    return store.frame("SELECT doc_id, n, confidence FROM events")


def last_run(store: Store) -> dict[str, Any] | None:
    if not has_link_tables(store):
        return None
    rows = store.query("SELECT * FROM link_runs ORDER BY run_at DESC LIMIT 1")
    return rows[0] if rows else None


def report_rows(store: Store):
    """Every stored event report with what exports need of it and of its article: codes, names
    and sectors of both sides, place, evidence offset, mode, confidence, and the article's
    url (address or file), title, publication date, language and when it was stored."""
    sectors = "(SELECT doc_id, actor_id, any_value(sector) AS sector FROM actors GROUP BY doc_id, actor_id)"
    return store.frame(
        "SELECT e.doc_id, e.n, e.source_code, e.target_code, e.source_name, e.target_name, "
        "sa.sector AS source_sector, ta.sector AS target_sector, e.location_name, e.location_country, e.lat, e.lon, "
        "e.evidence_start, e.plover_mode, e.confidence, coalesce(d.url, d.path) AS url, d.title, d.published, "
        f"d.language, d.ingested_at FROM events e JOIN documents d ON d.id = e.doc_id "
        f"LEFT JOIN {sectors} sa ON sa.doc_id = e.doc_id AND sa.actor_id = e.source_id "
        f"LEFT JOIN {sectors} ta ON ta.doc_id = e.doc_id AND ta.actor_id = e.target_id")
