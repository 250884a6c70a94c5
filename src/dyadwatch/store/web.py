"""Queries of the web interface (dyadwatch.web) that the listing functions of `Store` do not cover."""
from __future__ import annotations

from typing import Any

from .db import Filters, Store, clause, event_where, limit

PLACE_LIMIT = 2000


def overview_counts(store: Store) -> dict[str, Any]:
    docs, outlets, first, last = store.con.execute(
        "SELECT count(*), count(DISTINCT outlet), min(pub_date), max(pub_date) FROM documents").fetchone()
    quotes = store.con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    reports = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    return {"documents": docs, "outlets": outlets, "quotes": quotes, "event_reports": reports,
            "first_published": first, "last_published": last}


def reports_of(store: Store, pairs: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """Stored events (doc_id, n) with their documents' outlet, date, title and address."""
    if not pairs:
        return []
    docs, ns = [p[0] for p in pairs], [int(p[1]) for p in pairs]
    return store.query(
        "SELECT e.doc_id, e.n, d.outlet, d.published, d.title, coalesce(d.url, d.path) AS address, e.cameo, e.plover, "
        "e.goldstein, e.quad_class, e.date, e.date_precision, e.modality, e.rule, e.source_name, e.source_code, "
        "e.target_name, e.target_code, e.location_name, e.location_country, e.evidence, e.evidence_start, e.evidence_end "
        "FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::INTEGER[]) AS n) p "
        "JOIN events e ON e.doc_id = p.doc_id AND e.n = p.n JOIN documents d ON d.id = e.doc_id "
        "ORDER BY d.published NULLS LAST, e.doc_id, e.n", [docs, ns])


def actor_facts(store: Store, pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Names, codes, roles and mentions of per-document actors (doc_id, actor_id)."""
    if not pairs:
        return []
    return store.query(
        "SELECT a.doc_id, a.actor_id, a.name, a.code, a.roles, a.aliases, a.mentions, d.outlet, d.published, d.title "
        "FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS actor_id) p "
        "JOIN actors a ON a.doc_id = p.doc_id AND a.actor_id = p.actor_id JOIN documents d ON d.id = a.doc_id "
        "ORDER BY d.pub_date DESC NULLS LAST", [[p[0] for p in pairs], [p[1] for p in pairs]])


def quotes_of(store: Store, pairs: list[tuple[str, str]], f: Filters) -> list[dict[str, Any]]:
    """Quotations whose speaker is one of these per-document actors (doc_id, actor_id)."""
    if not pairs:
        return []
    where = ["q.prediction"] if f.predictions else []
    return store.query(
        "SELECT d.published, d.outlet, q.kind, q.speaker_name AS speaker, q.description, q.cue, q.prediction, q.text, "
        "q.doc_id, q.n, q.start_char, q.end_char "
        "FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS actor_id) p "
        "JOIN quotes q ON q.doc_id = p.doc_id AND q.speaker_id = p.actor_id JOIN documents d ON d.id = q.doc_id "
        f"{clause(where)} ORDER BY d.pub_date DESC NULLS LAST, q.doc_id, q.n {limit(f)}",
        [[p[0] for p in pairs], [p[1] for p in pairs]])


def count_quotes_of(store: Store, pairs: list[tuple[str, str]]) -> int:
    if not pairs:
        return 0
    return store.con.execute(
        "SELECT count(*) FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS actor_id) p "
        "JOIN quotes q ON q.doc_id = p.doc_id AND q.speaker_id = p.actor_id",
        [[p[0] for p in pairs], [p[1] for p in pairs]]).fetchone()[0]


def places(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Where stored events happened: one row per place with coordinates, with event counts."""
    where, params = event_where(f)
    where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    return store.query(
        "SELECT e.location_name AS name, any_value(e.location_country) AS country, avg(e.lat) AS lat, avg(e.lon) AS lon, "
        "count(*) AS events, min(coalesce(e.event_date, d.pub_date)) AS first, max(coalesce(e.event_date, d.pub_date)) AS last "
        f"FROM events e JOIN documents d ON d.id = e.doc_id {clause(where)} "
        f"GROUP BY e.location_name ORDER BY events DESC, name LIMIT {PLACE_LIMIT}", params)


def place_countries(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Events per country of their place (for shading the map)."""
    where, params = event_where(f)
    where.append("e.location_country IS NOT NULL")
    return store.query(
        "SELECT e.location_country AS country, count(*) AS events FROM events e JOIN documents d ON d.id = e.doc_id "
        f"{clause(where)} GROUP BY e.location_country ORDER BY events DESC", params)
