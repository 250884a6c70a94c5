"""Cross-document work from Python: link a store, then ask it for timelines, dyads and networks.

    from dyadwatch.link import api
    api.relink("dyadwatch.duckdb")                 # after every ingest
    api.timeline("dyadwatch.duckdb", actor="AZE")  # a pandas DataFrame
    api.dyad("dyadwatch.duckdb", "RUS", "AZE", by="week")
    api.network("dyadwatch.duckdb")                # a networkx DiGraph

Functions take a store path or an open `Store`. Queries read the stored links when they
are current; when documents were added since the last `relink`, they link in memory (and
say so on the `stale` callback) rather than answer from stale links.
"""
from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import UsageError
from ..frames import plain, records  # noqa: F401  (part of this API)
from ..safe_output import spreadsheet_frame, xml_graph
from ..store import DEFAULT_DB, Store
from ..store import answers
from ..store import links as sql
from . import aggregate
from .events import link_events
from .identity import identities_of
from .views import dyad, is_current, note_stale, opened, timeline  # noqa: F401  (part of this API)
from .records import ActorRecord, ArticleText, EventReport, Identity, IdentityLink, LinkedEvent, ReportLink, Story

if TYPE_CHECKING:
    import networkx as nx

EXPORT_FORMATS = (".csv", ".parquet", ".json", ".jsonl")


@dataclass(frozen=True, kw_only=True)
class LinkResult:
    stories: list[Story]
    identity_links: list[IdentityLink]
    identities: list[Identity]
    linked: list[LinkedEvent]
    report_links: list[ReportLink]
    run: sql.LinkRun


@dataclass(frozen=True, kw_only=True)
class LinkFrames:
    """The link tables a query needs, as data frames: the linked events of the actors asked
    about (all of them when none was) within the dates asked for, and every identity."""

    linked: pd.DataFrame
    identities: pd.DataFrame
    stale: bool  # computed in memory because the stored links were out of date
    matches: tuple[aggregate.ActorMatch, ...] = ()
    reports: pd.DataFrame | None = None  # (doc_id, n, link_id) of each report, read when a query needs it


def event_reports(events: list[sql.StoredEvent], identity_links: list[IdentityLink], people: set[str],
                  stories: list[Story]) -> list[EventReport]:
    """Stored events with their actors mapped to global identities (`people`: those that are
    named individuals) and their documents to stories."""
    global_of = {(i.doc_id, i.actor_id): i.global_id for i in identity_links}
    story_of = {s.doc_id: s.story_id for s in stories}
    reports = []
    for e in events:
        source = global_of.get((e.doc_id, e.source_id), e.source_id) if e.source_id else None
        target = global_of.get((e.doc_id, e.target_id), e.target_id) if e.target_id else None
        # only a day-precise date of its own places an event; a week, month or year (whose
        # event_date is the period's first day) or an anchor falls back on the publication day
        own_date = e.event_date is not None and e.date_precision in (None, "day")
        reports.append(EventReport(
            doc_id=e.doc_id, n=e.n, cameo=e.cameo, date=e.event_date if own_date else e.pub_date, precise=own_date,
            source=source, target=target, source_country=e.source_country, target_country=e.target_country,
            source_person=source in people, target_person=target in people, plover=e.plover, goldstein=e.goldstein,
            quad_class=e.quad_class, evidence=e.evidence or "", outlet=e.outlet, published=e.published,
            story=story_of.get(e.doc_id)))
    return reports


def compute_links(store: Store) -> LinkResult:
    """Stories, identities and linked events of everything in the store (nothing is written)."""
    started = time.perf_counter()
    from .dedup import find_stories  # datasketch: only a linking run needs it

    stamp = sql.fingerprint(store)
    articles = [ArticleText(doc_id=d, text=t, published=p) for d, t, p in sql.article_rows(store)]
    stories = find_stories(articles)
    actors = [ActorRecord(doc_id=d, actor_id=a, name=n or a, type=ty or "PERSON", country=c, code=code,
                          aliases=tuple(al or ())) for d, a, n, ty, c, code, al in sql.actor_rows(store)]
    identity_links, identities = identities_of(actors)
    stored = sql.event_rows(store)
    people = {i.global_id for i in identities if i.type == "PERSON"}
    linked, report_links = link_events(event_reports(stored, identity_links, people, stories))
    run = sql.LinkRun(fingerprint=stamp, documents=len(articles), events=len(stored), linked_events=len(linked),
                      identities=len(identities), stories=len({s.story_id for s in stories}),
                      seconds=round(time.perf_counter() - started, 3))
    return LinkResult(stories=stories, identity_links=identity_links, identities=identities, linked=linked,
                      report_links=report_links, run=run)


def relink(db: str | Path | Store = DEFAULT_DB, *, full: bool = False) -> sql.LinkRun:
    """Bring the store's cross-document links up to date. Call after each ingest.

    By default only the documents added since the last run are linked into the stored links
    (`dyadwatch.link.incremental`); with `full`, or when that cannot apply (no links yet, a
    linked document written again), every link is recomputed from the whole store."""
    with opened(db, write=True) as store:
        if not sql.has_link_tables(store):
            store.migrate()
        if not full:
            from .incremental import link_increment

            run = link_increment(store)
            if run is not None:
                return run
        result = compute_links(store)
        sql.write_links(store, stories=result.stories, identity_links=result.identity_links,
                        identities=result.identities, linked=result.linked, report_links=result.report_links,
                        run=result.run)
        return result.run


def frames(store: Store, stale: Callable[[str], None] | None = None, *, actors: tuple[str, ...] = (),
           since: str | None = None, until: str | None = None, pairs: bool = False,
           min_confidence: float | None = None) -> LinkFrames:
    """Linked events and identities: read from the store when its links are current (only the
    rows of the first actor asked about, the dates asked for and, with `min_confidence`, the
    events with a report at least that confident, which the store selects without reading
    the rest), else computed in memory. With `pairs`, `linked` holds the linked events summed
    per pair of sides (`aggregate.pair_totals`) instead."""
    if is_current(store):
        identities = sql.table_frame(store, "identities")
        matches = tuple(aggregate.resolve_actor(identities, a) for a in actors)
        first = matches[0] if matches else None
        select = dict(ids=sorted(first.ids) if first else None, countries=sorted(first.countries) if first else None,
                      since=aggregate.parse_day(since, "--since") if since else None,
                      until=aggregate.parse_day(until, "--until") if until else None, min_confidence=min_confidence)
        linked = sql.pair_totals(store, **select) if pairs else sql.linked_frame(store, **select)
        return LinkFrames(linked=linked, identities=identities, stale=False, matches=matches)
    found = confident(store, in_memory(store, stale), min_confidence)
    matches = tuple(aggregate.resolve_actor(found.identities, a) for a in actors)
    linked = found.linked
    if pairs:
        linked = aggregate.pair_totals(linked, actor=matches[0] if matches else None, since=since, until=until)
    return LinkFrames(linked=linked, identities=found.identities, stale=True, matches=matches, reports=found.reports)


def in_memory(store: Store, stale: Callable[[str], None] | None) -> LinkFrames:
    """Every link of the store computed in memory (nothing is written)."""
    note_stale(store, stale)
    tables = computed_tables(store, ("linked_events", "identities", "event_links"))
    return LinkFrames(linked=tables["linked_events"], identities=tables["identities"], stale=True,
                      reports=tables["event_links"])


def confident(store: Store, f: LinkFrames, min_confidence: float | None) -> LinkFrames:
    """In-memory link frames keeping, with `min_confidence`, only linked events that have a
    report at least that confident (a happening is as certain as its best-evidenced report)."""
    if min_confidence is None or f.reports is None:
        return f
    conf = sql.event_confidences(store)
    best = f.reports.merge(conf, on=["doc_id", "n"], how="left").groupby("link_id")["confidence"].max()
    keep = set(best[best >= min_confidence].index)
    return LinkFrames(linked=f.linked[f.linked["link_id"].isin(keep)], identities=f.identities, stale=f.stale,
                      reports=f.reports[f.reports["link_id"].isin(keep)])


def dyad_counts(store: Store, a: aggregate.ActorMatch, b: aggregate.ActorMatch, *, by: str, since: str | None,
                until: str | None, min_confidence: float | None = None) -> pd.DataFrame:
    """`aggregate.dyad_counts` of the stored links, summed by the store (its links must be current)."""
    return answers.dyad_totals(store, answers.Side(ids=tuple(sorted(a.ids)), countries=tuple(sorted(a.countries))),
                               answers.Side(ids=tuple(sorted(b.ids)), countries=tuple(sorted(b.countries))), by=by,
                               since=aggregate.parse_day(since, "--since") if since else None,
                               until=aggregate.parse_day(until, "--until") if until else None,
                               min_confidence=min_confidence)


def network(db: str | Path | Store = DEFAULT_DB, *, countries: bool = False, actor: str | None = None,
            since: str | None = None, until: str | None = None,
            stale: Callable[[str], None] | None = None, min_confidence: float | None = None) -> nx.DiGraph:
    """The actor graph weighted by linked events."""
    with opened(db) as store:
        f = frames(store, stale, actors=(actor,) if actor else (), since=since, until=until, pairs=True,
                   min_confidence=min_confidence)
    return aggregate.network(f.linked, f.identities, countries_only=countries)


def network_frames(graph: nx.DiGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edges of a network as data frames."""
    return aggregate.network_frames(graph)


def identities(db: str | Path | Store = DEFAULT_DB, stale: Callable[[str], None] | None = None) -> pd.DataFrame:
    """One row per actor across documents, with every name variant and per-document id."""
    with opened(db) as store:
        if is_current(store):
            return sql.table_frame(store, "identities")
        return in_memory(store, stale).identities


def reports(db: str | Path | Store = DEFAULT_DB) -> pd.DataFrame:
    """Every report of every stored linked event (run `relink` first)."""
    with opened(db) as store:
        if not is_current(store):
            raise UsageError(f"links of {store.path} are out of date: run `dyadwatch link --db {store.path}`")
        return sql.reports_frame(store)


def write_graph(graph: nx.DiGraph, path: str | Path) -> Path:
    """GraphML for .graphml, node-link JSON for .json."""
    import networkx as nx

    path = Path(path)
    if path.suffix.lower() == ".graphml":
        nx.write_graphml(xml_graph(graph), path)
    elif path.suffix.lower() == ".json":
        path.write_text(json.dumps(graph_json(graph), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        raise UsageError(f"the network is written as .graphml or .json, got {path.name!r}")
    return path


def graph_json(graph: nx.DiGraph) -> dict:
    import networkx as nx

    return nx.node_link_data(graph, edges="edges")


def export_frame(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a result frame as CSV, Parquet or JSON Lines (chosen by the file name)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise UsageError(f"exports are {', '.join(EXPORT_FORMATS)} files, got {path.name!r}")
    if suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix == ".csv":
        flat = frame.copy()
        for col in flat.columns:
            if flat[col].map(lambda v: isinstance(v, (list, tuple))).any():
                flat[col] = flat[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        # Cells are untrusted text: formula starts neutralised, every cell quoted (OWASP).
        spreadsheet_frame(flat).to_csv(path, index=False, quoting=csv.QUOTE_ALL)
    else:
        path.write_text("".join(json.dumps(r, default=json_default, ensure_ascii=False) + "\n" for r in records(frame)),
                        encoding="utf-8")
    return path


def json_default(value: object) -> str:
    return str(value)


def link_tables(store: Store, names: tuple[str, ...] = ("linked_events", "identities", "event_links", "actor_identities"),
                ) -> tuple[dict[str, pd.DataFrame], bool]:
    """Link tables as data frames (stored when current, else computed in memory) and whether
    they had to be computed; a long-running reader caches them per copy of a store."""
    if is_current(store):
        return {name: sql.table_frame(store, name) for name in names}, False
    return computed_tables(store, names), True


def computed_rows(store: Store, names: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    """Rows of the named link tables of everything in the store, computed in memory."""
    result = compute_links(store)
    rows = sql.link_table_rows(result.stories, result.identity_links, result.identities, result.linked,
                               result.report_links)
    return {name: rows[name] for name in names}


def computed_tables(store: Store, names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """The named link tables of everything in the store, computed in memory, as data frames."""
    return {name: pd.DataFrame(rows, columns=sql.schemas()[name].names)
            for name, rows in computed_rows(store, names).items()}


def gdelt(db: str | Path | Store = DEFAULT_DB, *, min_confidence: float | None = None,
          stale: Callable[[str], None] | None = None) -> pd.DataFrame:
    """Linked events as the GDELT 2.0 event table (columns and types: `dyadwatch.exports.GDELT_COLUMNS`,
    docs/exports.md); SOURCEURL is the first report's URL or file."""
    from .. import exports

    with opened(db) as store:
        f = frames(store, stale, min_confidence=min_confidence)
        reports = sql.report_rows(store)
    return exports.gdelt(f.linked, reports, aggregate.names_of(f.identities))


def plover(db: str | Path | Store = DEFAULT_DB, *, min_confidence: float | None = None,
           stale: Callable[[str], None] | None = None) -> pd.DataFrame:
    """Linked events as POLECAT-style PLOVER records (`dyadwatch.exports.PLOVER_COLUMNS`, docs/exports.md)."""
    from .. import exports

    with opened(db) as store:
        f = frames(store, stale, min_confidence=min_confidence)
        reports = sql.report_rows(store)
    return exports.plover(f.linked, reports, aggregate.names_of(f.identities))
