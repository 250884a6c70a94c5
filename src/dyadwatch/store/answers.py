"""SQL of the questions asked of linked events: timelines and dyad series.

The database does the selecting, ordering, limiting and summing, so a question about one
actor reads that actor's rows of a million linked events, not all of them, and nothing here
needs a data-frame library. Each function reads the stored link tables, or link tables
computed in memory and registered on the connection under other names (`Sources`), so a
store whose links are out of date answers with the same SQL.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from .db import Store
from .links import require_link_tables, selection

TIMELINE_COLUMNS = ("date", "source", "target", "cameo", "plover", "quad_class", "goldstein", "reports", "stories",
                    "outlets", "evidence", "first_outlet", "first_published", "source_id", "target_id",
                    "source_country", "target_country", "precise", "link_id", "first_doc", "url", "title")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
DYAD_COLUMNS = ("period", "direction", "events", *QUADS, "goldstein_sum", "goldstein_mean", "reports")
# How each period of a dyad series starts (DuckDB weeks start on Monday, as ISO weeks do)
# and how it is written.
PERIOD_START = {"day": "event_date", "week": "CAST(date_trunc('week', event_date) AS DATE)",
                "month": "CAST(date_trunc('month', event_date) AS DATE)"}
PERIOD_STEP = {"day": "INTERVAL 1 DAY", "week": "INTERVAL 7 DAY", "month": "INTERVAL 1 MONTH"}
PERIOD_FORMAT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m"}


@dataclass(frozen=True, kw_only=True)
class Sources:
    """Which relations hold the link tables: the stored tables, or registered in-memory ones."""

    linked_events: str = "linked_events"
    identities: str = "identities"
    event_links: str = "event_links"


STORED = Sources()


@dataclass(frozen=True, kw_only=True)
class Side:
    """One side of a question: the identities and countries that stand for an actor."""

    ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@contextmanager
def registered(store: Store, tables: dict[str, Any]) -> Iterator[Sources]:
    """Link tables computed in memory (Arrow tables by link-table name), visible to the
    functions here for the duration of the block."""
    names = {name: f"computed_{name}" for name in tables}
    for name, table in tables.items():
        store.con.register(names[name], table)
    try:
        yield Sources(**names)
    finally:
        for view in names.values():
            store.con.unregister(view)


def identity_rows(store: Store, sources: Sources = STORED) -> list[dict[str, Any]]:
    """Every identity (global_id, name, type, country, code, variants, actor_ids), most documented first."""
    if sources is STORED:
        require_link_tables(store)
    return store.query("SELECT global_id, name, type, country, code, variants, actor_ids "
                       f"FROM {sources.identities} ORDER BY documents DESC, global_id")


def side_sql(side: str, prefix: str) -> str:
    """Whether a linked event's `side` (source or target) is the actor of parameters `prefix`."""
    return f"(list_contains(${prefix}_ids, {side}_id) OR list_contains(${prefix}_countries, {side}_country))"


def named_selection(actor: Side | None, since: dt.date | None, until: dt.date | None,
                    min_confidence: float | None, sources: Sources) -> tuple[str, dict[str, Any]]:
    """`links.selection` with named parameters (the questions here mix it with their own)."""
    where, params = selection(ids=list(actor.ids) if actor else None, countries=list(actor.countries) if actor else None,
                              since=since, until=until, min_confidence=min_confidence, event_links=sources.event_links)
    named: dict[str, Any] = {}
    parts = where.split("?")
    text = parts[0]
    for n, (value, rest) in enumerate(zip(params, parts[1:])):
        named[f"w{n}"] = value
        text += f"$w{n}" + rest
    return text, named


def timeline(store: Store, *, actor: Side | None = None, since: dt.date | None = None, until: dt.date | None = None,
             min_confidence: float | None = None, limit: int | None = None, sources: Sources = STORED,
             frame: bool = False) -> Any:
    """Linked events by date (then link id), with both sides' names and the first report's
    article (url, title): rows (dicts), or a pandas DataFrame with `frame`."""
    if sources is STORED:
        require_link_tables(store)
    where, params = named_selection(actor, since, until, min_confidence, sources)
    label = ("CASE WHEN l.{side}_id IS NULL THEN l.{side}_country WHEN {alias}.global_id IS NULL THEN l.{side}_id "
             "ELSE {alias}.name END AS {side}")
    sql = (f"SELECT l.event_date AS date, {label.format(side='source', alias='si')}, "
           f"{label.format(side='target', alias='ti')}, l.cameo, l.plover, l.quad_class, l.goldstein, l.reports, "
           "l.stories, coalesce(l.outlets, []::VARCHAR[]) AS outlets, l.evidence, l.first_outlet, l.first_published, "
           "l.source_id, l.target_id, l.source_country, l.target_country, l.precise, l.link_id, l.first_doc, "
           "coalesce(d.url, d.path) AS url, d.title "
           f"FROM (SELECT * FROM {sources.linked_events} {where}) l "
           f"LEFT JOIN {sources.identities} si ON si.global_id = l.source_id "
           f"LEFT JOIN {sources.identities} ti ON ti.global_id = l.target_id "
           "LEFT JOIN documents d ON d.id = l.first_doc "
           "ORDER BY l.event_date NULLS LAST, l.link_id" + (f" LIMIT {int(limit)}" if limit else ""))
    if frame:
        result = store.execute(sql, params).df()
        result["outlets"] = result["outlets"].map(list)
        return result
    return store.query(sql, params)


def dyad_totals_sql(by: str, where: str, sources: Sources) -> str:
    """Dated linked events from side $a to side $b (direction $forward) and back ($backward),
    summed per period (the DATE it starts) and direction: a row per pair that has an event."""
    if by not in PERIOD_START:
        raise StoreError(f"periods are {', '.join(PERIOD_START)}, got {by!r}")
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {n}) AS {q}" for n, q in enumerate(QUADS, start=1))
    return (
        "SELECT period, direction, count(*) AS events, coalesce(sum(reports), 0) AS reports, "
        f"coalesce(sum(goldstein), 0.0) AS goldstein_sum, avg(goldstein) AS goldstein_mean, {quads} "
        "FROM (SELECT *, CASE "
        f"WHEN {side_sql('source', 'a')} AND {side_sql('target', 'b')} THEN $forward "
        f"WHEN {side_sql('source', 'b')} AND {side_sql('target', 'a')} THEN $backward END AS direction, "
        f"{PERIOD_START[by]} AS period FROM {sources.linked_events} {where or 'WHERE TRUE'} "
        "AND event_date IS NOT NULL) WHERE direction IS NOT NULL GROUP BY period, direction")


def dyad_params(a: Side, b: Side, forward: str, backward: str) -> dict[str, Any]:
    return {"a_ids": list(a.ids), "a_countries": list(a.countries), "b_ids": list(b.ids),
            "b_countries": list(b.countries), "forward": forward, "backward": backward}


def dyad_totals(store: Store, a: Side, b: Side, *, by: str, since: dt.date | None = None,
                until: dt.date | None = None, min_confidence: float | None = None):
    """`dyad_totals_sql` of the stored links as a pandas DataFrame, directions `forward` and
    `backward` (the sums `link.aggregate.dyad_counts` makes of frames in memory)."""
    require_link_tables(store)
    where, params = named_selection(None, since, until, min_confidence, STORED)
    return store.frame(dyad_totals_sql(by, where, STORED) + " ORDER BY period, direction",
                       params | dyad_params(a, b, "forward", "backward"))


def dyad(store: Store, a: Side, b: Side, *, forward: str, backward: str, by: str = "week",
         since: dt.date | None = None, until: dt.date | None = None, fill: bool = False,
         min_confidence: float | None = None, sources: Sources = STORED) -> list[dict[str, Any]]:
    """Both directions between sides `a` and `b` per period (`by`: day, week, month): linked
    events by quad class, Goldstein sum and mean (rounded to 2 places), reports. Each period
    with an event has a row per direction (`forward` is a -> b, `backward` b -> a), zeros for
    the quiet one; with `fill`, every period from the first to the last event."""
    if sources is STORED:
        require_link_tables(store)
    where, params = named_selection(None, since, until, min_confidence, sources)
    periods = (f"SELECT CAST(unnest(generate_series(min(period), max(period), {PERIOD_STEP[by]})) AS DATE) AS period "
               "FROM totals" if fill else "SELECT DISTINCT period FROM totals")
    sql = (
        f"WITH totals AS ({dyad_totals_sql(by, where, sources)}), "
        f"periods AS ({periods}), "
        "directions AS (SELECT * FROM (VALUES (0, $forward), (1, $backward)) AS t(k, direction)) "
        f"SELECT strftime(p.period, '{PERIOD_FORMAT[by]}') AS period, d.direction, coalesce(t.events, 0) AS events, "
        + ", ".join(f"coalesce(t.{q}, 0) AS {q}" for q in QUADS) +
        ", coalesce(t.goldstein_sum, 0.0) AS goldstein_sum, t.goldstein_mean, coalesce(t.reports, 0) AS reports "
        "FROM periods p CROSS JOIN directions d LEFT JOIN totals t ON t.period = p.period AND t.direction = d.direction "
        "ORDER BY p.period, d.k")
    params |= dyad_params(a, b, forward, backward)
    rows = store.query(sql, params)
    for row in rows:
        row["goldstein_sum"] = round(float(row["goldstein_sum"]), 2)
        if row["goldstein_mean"] is not None:
            row["goldstein_mean"] = round(float(row["goldstein_mean"]), 2)
        for col in ("events", "reports", *QUADS):
            row[col] = int(row[col])
    return rows
