"""Incremental linking: documents added later are linked into the stored links as a full run would."""
from __future__ import annotations

from pathlib import Path

from dyadwatch.link import api as link_api
from dyadwatch.link.synthetic import actor, crash_corpus, document, event
from dyadwatch.store import Store


def groups(store: Store) -> dict[str, object]:
    """Linked events as sets of their reports, stories as sets of documents, identities as
    sets of actor ids: what linking decided, whatever ids it chose."""
    con = store.con
    events = con.execute("SELECT list(doc_id || '#' || n ORDER BY doc_id, n) FROM event_links GROUP BY link_id").fetchall()
    stories = con.execute("SELECT list(doc_id ORDER BY doc_id) FROM stories GROUP BY story_id").fetchall()
    idents = con.execute("SELECT actor_ids, documents FROM identities").fetchall()
    linked = con.execute("SELECT cameo, event_date, reports, documents, stories, block FROM linked_events").fetchall()
    return {"events": sorted(tuple(e[0]) for e in events), "stories": sorted(tuple(s[0]) for s in stories),
            "identities": sorted((tuple(sorted(a)), n) for a, n in idents), "linked": sorted(map(repr, linked))}


def test_incremental_links_equal_a_full_relink(tmp_path: Path):
    docs = crash_corpus()
    by_date = sorted(docs, key=lambda d: d.published)
    db = tmp_path / "inc.duckdb"
    with Store(db) as store:
        store.write(by_date[:3], "test")
        link_api.relink(store, full=True)
        for step in (by_date[3:5], by_date[5:]):
            store.write(step, "test")
            run = link_api.relink(store)
            assert run.documents == len(step)  # only the new documents were read as new
        incremental = groups(store)
        assert link_api.is_current(store)
        link_api.relink(store, full=True)
        assert groups(store) == incremental
    # the phone call reported by three outlets is one event of three reports across the two steps
    assert ("azertac-1#0", "knot-1#0", "tass-1#0") in incremental["events"]


def test_incremental_link_joins_a_later_report_and_a_known_identity(tmp_path: Path):
    russia = actor("russia", "Russia", "COUNTRY", "RUS", ("Moscow",))
    georgia = actor("georgia", "Georgia", "COUNTRY", "GEO", ("Tbilisi",))
    sanctions = "Russia imposed sanctions on Georgian wine producers"
    first = document("a-1", outlet="Outlet A", published="2025-03-03T10:00", text=sanctions, actors=[russia, georgia],
                     events=[event(russia, georgia, "163", "2025-03-03", sanctions, goldstein=-8.0, text=sanctions)])
    later_text = "Moscow imposed sanctions on wine producers from Georgia on Monday"
    spelled = actor("russian-federation", "Russian Federation", "COUNTRY", "RUS", ("Moscow",))
    later = document("b-1", outlet="Outlet B", published="2025-03-04T08:00", text=later_text, actors=[spelled, georgia],
                     events=[event(spelled, georgia, "163", "2025-03-03", "Moscow imposed sanctions on wine producers",
                                   goldstein=-8.0, text=later_text)])
    with Store(tmp_path / "s.duckdb") as store:
        store.write([first], "test")
        link_api.relink(store)  # no links yet: a full run
        store.write([later], "test")
        run = link_api.relink(store)
        assert run.documents == 1
        rows = store.query("SELECT reports, documents, outlets FROM linked_events")
        assert rows == [{"reports": 2, "documents": 2, "outlets": ["Outlet A", "Outlet B"]}]
        ident = store.query("SELECT global_id, actor_ids, documents FROM identities WHERE country = 'RUS'")
        assert ident == [{"global_id": "russia", "actor_ids": ["russia", "russian-federation"], "documents": 2}]


def test_rewritten_document_falls_back_to_a_full_relink(tmp_path: Path):
    docs = crash_corpus()
    with Store(tmp_path / "s.duckdb") as store:
        store.write(docs, "test")
        full = link_api.relink(store)
        store.write(docs[:1], "other-pipeline")  # a linked document written again
        again = link_api.relink(store)
        assert again.documents == full.documents  # the whole store was read


def test_synthetic_store_rows_match_an_ingest_and_links_are_current(tmp_path: Path):
    from dyadwatch.link.synthetic import as_stored, report_document, report_rows, synthetic_reports, synthetic_store
    from dyadwatch.store.db import actor_rows, event_rows

    for r in map(as_stored, synthetic_reports(40, officials=5)):
        doc, actors, row = report_rows(r, None)
        record = report_document(r)
        assert (actor_rows(record), event_rows(record)) == (actors, [row])
    db = tmp_path / "syn.duckdb"
    run = synthetic_store(str(db), 3_000, chunk=1_000)
    with Store(db) as store:
        assert link_api.is_current(store)
        assert store.counts()["events"] == 3_000
        made = groups(store)
        link_api.relink(store, full=True)  # the generator links as a full run does
        assert groups(store)["events"] == made["events"]
    assert run.linked_events == len(made["events"])
