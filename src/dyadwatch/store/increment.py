"""SQL of incremental linking: what the documents added since the last linking run touch.

Every read here is bounded by what was added (the new documents, the stored documents
published near them, the stored linked events of the blocks their reports fall in), never
by the size of the store, except for column scans that DuckDB answers from its zone maps.
`apply_increment` writes the result in one transaction, as `write_links` does for a full run.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyarrow as pa

from ..link.records import Identity, IdentityLink, LinkedEvent, ReportLink, Story
from .db import Store
from .links import LinkRun, StoredEvent, has_link_tables, insert_link_rows, link_table_rows, record_run

EVENT_COLUMNS = (
    "e.doc_id, e.n, e.source_id, e.source_country, e.target_id, e.target_country, e.cameo, e.plover, "
    "e.goldstein, e.quad_class, e.event_date, e.date_precision, d.pub_date, e.evidence, "
    "coalesce(d.outlet, nullif(regexp_extract(d.url, '^[a-z]+://(?:www[.])?([^/:]+)', 1), '')), d.published")


@dataclass(frozen=True, kw_only=True)
class Pending:
    """Documents written since the last linking run."""

    new: list[str]  # never linked
    replaced: int  # linked before and written again (their links must be recomputed in full)


def pending(store: Store) -> Pending | None:
    """What changed since the last run, or None when there is no usable earlier run (no link
    tables, no run yet, or links made before linked events knew their blocks)."""
    if not has_link_tables(store):
        return None
    con = store.con
    last = con.execute("SELECT max(run_at) FROM link_runs").fetchone()[0]
    if last is None or con.execute("SELECT count(*) FROM linked_events WHERE block IS NULL").fetchone()[0]:
        return None
    rows = con.execute(
        "SELECT d.id, s.doc_id IS NOT NULL FROM documents d LEFT JOIN stories s ON s.doc_id = d.id "
        "WHERE d.ingested_at >= ?", [last]).fetchall()
    return Pending(new=sorted(r[0] for r in rows if not r[1]), replaced=sum(1 for r in rows if r[1]))


@contextmanager
def registered(store: Store, name: str, ids: list[str]) -> Iterator[None]:
    """A one-column table `name` (id) of these ids for the queries inside the block."""
    store.con.register(name, pa.table({"id": pa.array(ids, pa.string())}))
    try:
        yield
    finally:
        store.con.unregister(name)


def new_articles(store: Store, ids: list[str]) -> list[tuple[str, str, str | None, dt.date | None]]:
    """(id, text, published, pub_date) of these documents."""
    with registered(store, "new_ids", ids):
        return store.con.execute(
            "SELECT d.id, coalesce(d.text, ''), d.published, d.pub_date FROM documents d "
            "JOIN new_ids n ON n.id = d.id ORDER BY d.id").fetchall()


def articles_near(store: Store, lo: dt.date, hi: dt.date) -> list[tuple[str, str, str | None, str]]:
    """(id, text, published, story_id) of linked documents published from `lo` to `hi`."""
    return store.con.execute(
        "SELECT d.id, coalesce(d.text, ''), d.published, s.story_id FROM documents d "
        "JOIN stories s ON s.doc_id = d.id WHERE d.pub_date BETWEEN ? AND ? ORDER BY d.id", [lo, hi]).fetchall()


def actors_of(store: Store, ids: list[str]) -> list[tuple]:
    """(doc_id, actor_id, name, type, country, code, aliases) of these documents' actors."""
    with registered(store, "new_ids", ids):
        return store.con.execute(
            "SELECT a.doc_id, a.actor_id, a.name, a.type, a.country, a.code, a.aliases FROM actors a "
            "JOIN new_ids n ON n.id = a.doc_id WHERE a.actor_id IS NOT NULL ORDER BY a.doc_id, a.actor_id").fetchall()


def global_ids_of(store: Store, actor_ids: list[str]) -> dict[str, str]:
    """The identity each of these per-document actor ids already belongs to (when it does)."""
    with registered(store, "actor_ids", sorted(set(actor_ids))):
        rows = store.con.execute(
            "SELECT u.actor_id, i.global_id FROM identities i, unnest(i.actor_ids) AS u(actor_id) "
            "JOIN actor_ids x ON x.id = u.actor_id").fetchall()
    return {a: g for a, g in rows}


def identities(store: Store, global_ids: list[str] | None = None) -> list[Identity]:
    """Stored identities (all, or these)."""
    sql = "SELECT global_id, name, type, country, code, variants, actor_ids, documents FROM identities"
    if global_ids is None:
        rows = store.con.execute(sql).fetchall()
    else:
        with registered(store, "gids", sorted(set(global_ids))):
            rows = store.con.execute(sql + " WHERE global_id IN (SELECT id FROM gids)").fetchall()
    return [Identity(global_id=r[0], name=r[1], type=r[2], country=r[3], code=r[4], variants=tuple(r[5] or ()),
                     actor_ids=tuple(r[6] or ()), documents=int(r[7] or 0)) for r in rows]


def stored_events(rows: list[tuple]) -> list[StoredEvent]:
    return [StoredEvent(doc_id=r[0], n=r[1], source_id=r[2], source_country=r[3], target_id=r[4], target_country=r[5],
                        cameo=r[6], plover=r[7], goldstein=r[8], quad_class=r[9], event_date=r[10],
                        date_precision=r[11], pub_date=r[12], evidence=r[13], outlet=r[14], published=r[15])
            for r in rows]


def events_of(store: Store, ids: list[str]) -> list[StoredEvent]:
    """Coded events of these documents."""
    with registered(store, "new_ids", ids):
        return stored_events(store.con.execute(
            f"SELECT {EVENT_COLUMNS} FROM events e JOIN new_ids n ON n.id = e.doc_id JOIN documents d ON d.id = e.doc_id "
            "WHERE e.cameo IS NOT NULL ORDER BY e.doc_id, e.n").fetchall())


def linked_in_blocks(store: Store, spans: dict[str, tuple[dt.date, dt.date]]) -> list[str]:
    """Link ids of stored linked events in these blocks dated within each block's span."""
    if not spans:
        return []
    table = pa.table({"block": list(spans), "lo": [v[0] for v in spans.values()], "hi": [v[1] for v in spans.values()]})
    store.con.register("spans", table)
    try:
        rows = store.con.execute(
            "SELECT l.link_id FROM linked_events l JOIN spans s ON s.block = l.block "
            "WHERE l.event_date BETWEEN s.lo AND s.hi ORDER BY l.link_id").fetchall()
    finally:
        store.con.unregister("spans")
    return [r[0] for r in rows]


@dataclass(frozen=True, kw_only=True)
class Members:
    """The stored reports of some linked events, with what is needed to relink them."""

    events: list[StoredEvent]
    identity_links: list[IdentityLink]
    stories: list[Story]
    people: set[str]  # global ids of named individuals among their sides


def members_of(store: Store, link_ids: list[str]) -> Members:
    con = store.con
    with registered(store, "links", link_ids):
        events = stored_events(con.execute(
            f"SELECT {EVENT_COLUMNS} FROM event_links k JOIN links x ON x.id = k.link_id "
            "JOIN events e ON e.doc_id = k.doc_id AND e.n = k.n JOIN documents d ON d.id = e.doc_id "
            "ORDER BY e.doc_id, e.n").fetchall())
    with registered(store, "docs", sorted({e.doc_id for e in events})):
        links = [IdentityLink(doc_id=r[0], actor_id=r[1], global_id=r[2], rule=r[3]) for r in con.execute(
            "SELECT a.doc_id, a.actor_id, a.global_id, a.rule FROM actor_identities a "
            "JOIN docs x ON x.id = a.doc_id").fetchall()]
        stories = [Story(doc_id=r[0], story_id=r[1], similarity=r[2]) for r in con.execute(
            "SELECT s.doc_id, s.story_id, s.similarity FROM stories s JOIN docs x ON x.id = s.doc_id").fetchall()]
    people = {i.global_id for i in identities(store, [x.global_id for x in links]) if i.type == "PERSON"}
    return Members(events=events, identity_links=links, stories=stories, people=people)


def apply_increment(store: Store, *, removed: list[str], linked: list[LinkedEvent], report_links: list[ReportLink],
                    stories: list[Story], identity_links: list[IdentityLink], identities_changed: list[Identity],
                    run: LinkRun) -> None:
    """In one transaction: replace the relinked events, add the new documents' stories and
    actor identities, replace the identities they changed, and record the run."""
    rows = link_table_rows(stories, identity_links, identities_changed, linked, report_links)
    with store.transaction() as con:
        with registered(store, "gone", removed):
            con.execute("DELETE FROM linked_events WHERE link_id IN (SELECT id FROM gone)")
            con.execute("DELETE FROM event_links WHERE link_id IN (SELECT id FROM gone)")
        with registered(store, "gids", [i.global_id for i in identities_changed]):
            con.execute("DELETE FROM identities WHERE global_id IN (SELECT id FROM gids)")
        insert_link_rows(store, rows)
        record_run(store, run)
