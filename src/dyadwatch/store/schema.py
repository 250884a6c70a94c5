"""Store schema as an ordered list of migrations. Append, never edit a released one."""
from __future__ import annotations

# Each entry: (version, what it does, statements). `Store.migrate` applies the ones whose
# version is above the stored `schema_version`, each in its own transaction.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "documents, actors, quotes, times and events of document records",
        [
            """CREATE TABLE documents (
                id VARCHAR PRIMARY KEY, path VARCHAR, url VARCHAR, outlet VARCHAR, title VARCHAR,
                published VARCHAR, pub_date DATE, language VARCHAR, authors VARCHAR[],
                text VARCHAR, pipeline VARCHAR, record JSON, ingested_at TIMESTAMP)""",
            """CREATE TABLE actors (
                doc_id VARCHAR, actor_id VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR,
                sector VARCHAR, code VARCHAR, roles VARCHAR[], aliases VARCHAR[], mentions INTEGER)""",
            """CREATE TABLE quotes (
                doc_id VARCHAR, n INTEGER, kind VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER,
                speaker_id VARCHAR, speaker_name VARCHAR, description VARCHAR, cue VARCHAR, prediction BOOLEAN)""",
            """CREATE TABLE times (
                doc_id VARCHAR, n INTEGER, text VARCHAR, start_char INTEGER, end_char INTEGER,
                value VARCHAR, type VARCHAR)""",
            """CREATE TABLE events (
                doc_id VARCHAR, n INTEGER,
                source_id VARCHAR, source_code VARCHAR, source_country VARCHAR, source_name VARCHAR,
                target_id VARCHAR, target_code VARCHAR, target_country VARCHAR, target_name VARCHAR,
                cameo VARCHAR, plover VARCHAR, plover_mode VARCHAR, goldstein DOUBLE, quad_class INTEGER,
                date VARCHAR, event_date DATE, date_precision VARCHAR,
                location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
                evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR, modality VARCHAR, rule VARCHAR)""",
            "CREATE INDEX actors_doc ON actors(doc_id)",
            "CREATE INDEX quotes_doc ON quotes(doc_id)",
            "CREATE INDEX times_doc ON times(doc_id)",
            "CREATE INDEX events_doc ON events(doc_id)",
        ],
    ),
    (
        2,
        "cross-document links: stories of near-duplicate articles, actor identities, linked events",
        [
            "CREATE TABLE stories (doc_id VARCHAR, story_id VARCHAR, similarity DOUBLE)",
            """CREATE TABLE actor_identities (doc_id VARCHAR, actor_id VARCHAR, global_id VARCHAR, rule VARCHAR)""",
            """CREATE TABLE identities (
                global_id VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR, code VARCHAR,
                variants VARCHAR[], actor_ids VARCHAR[], documents INTEGER)""",
            """CREATE TABLE linked_events (
                link_id VARCHAR, event_date DATE, precise BOOLEAN, cameo VARCHAR, plover VARCHAR,
                goldstein DOUBLE, quad_class INTEGER, source_id VARCHAR, target_id VARCHAR,
                source_country VARCHAR, target_country VARCHAR, evidence VARCHAR,
                first_doc VARCHAR, first_n INTEGER, first_outlet VARCHAR, first_published VARCHAR,
                reports INTEGER, documents INTEGER, stories INTEGER, outlets VARCHAR[])""",
            "CREATE TABLE event_links (doc_id VARCHAR, n INTEGER, link_id VARCHAR, score DOUBLE)",
            """CREATE TABLE link_runs (
                run_at TIMESTAMP, fingerprint VARCHAR, documents INTEGER, events INTEGER,
                linked_events INTEGER, identities INTEGER, stories INTEGER, seconds DOUBLE)""",
            "CREATE INDEX event_links_doc ON event_links(doc_id)",
            "CREATE INDEX actor_identities_doc ON actor_identities(doc_id)",
        ],
    ),
    (
        3,
        "events carry the confidence computed from their evidence",
        ["ALTER TABLE events ADD COLUMN confidence DOUBLE"],
    ),
    (
        4,
        "the sweep block of each linked event, so that new reports are linked against their blocks only",
        [
            "ALTER TABLE linked_events ADD COLUMN block VARCHAR",
        ],
    ),
]

LATEST = max(v for v, _, _ in MIGRATIONS)
