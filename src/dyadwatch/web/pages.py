"""What each page shows, as plain data: the JSON twin of every HTML page is exactly this.

Each function takes the Reader and the page's validated parameters and returns a dict of
JSON-ready values (the template renders it; `/api/...` returns it). Counts and series are
of linked events (one happening however many outlets reported it), as in `dyadwatch.link`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd
import pycountry

from ..link import aggregate
from ..link import api as link_api
from ..link.api import plain, records
from ..link.window import Window, chart_window, period_day
from ..store import Filters
from ..store import web as sql
from .reader import Links, Reader

# Rows a list page shows unless asked (`size`), and the most it will show at once.
DEFAULT_SIZE = 50
MAX_SIZE = 500
# The overview's period when none is given: the last this many days of the store's events.
OVERVIEW_DAYS = 90
TOP_DYADS = 10
LATEST_EVENTS = 10
SUGGESTIONS = 20
ACTOR_EVENTS = 20
ACTOR_FACT_ROWS = 500
NETWORK_EDGES = 300
EVENT_COLUMNS = ["link_id", "event_date", "source", "target", "source_id", "target_id", "source_country",
                 "target_country", "cameo", "plover", "goldstein", "quad_class", "confidence", "reports", "outlets",
                 "evidence", "first_doc", "first_n", "first_outlet", "precise"]


@dataclass(frozen=True, kw_only=True)
class Paging:
    page: int = 1
    size: int = DEFAULT_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


def jsonable(value: Any) -> Any:
    """Plain JSON values all the way down (dates as ISO strings)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return plain(value) if not isinstance(value, (str, int, float, bool)) and value is not None else value


def event_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return records(frame[EVENT_COLUMNS])


def node_key(actor_id: object, country: object) -> str | None:
    """How a dyad page names a side: its identity id, or its country code for unnamed sides."""
    if isinstance(actor_id, str):
        return actor_id
    return country if isinstance(country, str) else None


def window(links: Links, since: str | None, until: str | None) -> pd.Series:
    keep = pd.Series(True, index=links.linked.index)
    if since:
        keep &= links.linked["day"] >= pd.Timestamp(aggregate.parse_day(since, "since"))
    if until:
        keep &= links.linked["day"] <= pd.Timestamp(aggregate.parse_day(until, "until"))
    return keep


def of_actor(links: Links, actor: str | None) -> tuple[pd.Series, str | None]:
    if not actor:
        return pd.Series(True, index=links.linked.index), None
    match = aggregate.resolve_actor(links.identities, actor)
    rows = links.linked
    return (match.side(rows["source_id"], rows["source_country"])
            | match.side(rows["target_id"], rows["target_country"])), match.label


def of_confidence(rows: pd.DataFrame, floor: float | None) -> pd.Series:
    """Linked events with a report at least this confident (as `dyadwatch.link.api` counts them)."""
    if floor is None:
        return pd.Series(True, index=rows.index)
    return rows["confidence"].fillna(-1.0) >= floor


def of_type(links: Links, kind: str | None) -> pd.Series:
    rows = links.linked
    if not kind:
        return pd.Series(True, index=rows.index)
    return rows["cameo"].fillna("").str.startswith(kind) | rows["plover"].fillna("").str.upper().eq(kind.upper())


def of_outlet(links: Links, outlet: str | None) -> pd.Series:
    rows = links.linked
    if not outlet:
        return pd.Series(True, index=rows.index)
    wanted = outlet.casefold()
    return rows["outlets"].map(lambda xs: xs is not None and any(wanted in str(x).casefold() for x in xs))


# -- overview ---------------------------------------------------------------------------------
def overview(reader: Reader, *, since: str | None, until: str | None) -> dict[str, Any]:
    links = reader.links()
    # the same for every visitor until the store changes
    return links.memo.get(("overview", since, until), lambda: compute_overview(reader, links, since, until))


def compute_overview(reader: Reader, links: Links, since: str | None, until: str | None) -> dict[str, Any]:
    with reader.store() as store:
        counts = sql.overview_counts(store)
    rows = links.linked
    last = rows["day"].max() if len(rows) else None
    if since is None and until is None and last is not None and not pd.isna(last):
        since = (last - pd.Timedelta(days=OVERVIEW_DAYS)).date().isoformat()
    period = rows[window(links, since, until) & rows["day"].notna()]
    dyads = top_dyads(period, links.names)
    latest = period.sort_values(["day", "link_id"], ascending=[False, True]).head(LATEST_EVENTS)
    counts.update(linked_events=len(rows), identities=len(links.identities))
    return jsonable({"counts": counts, "since": since, "until": until, "period_events": len(period),
                     "dyads": dyads, "latest": event_rows(latest), "stale": links.stale})


def top_dyads(rows: pd.DataFrame, names: dict[str, str], top: int = TOP_DYADS) -> list[dict[str, Any]]:
    if rows.empty:
        return []
    ends = [(node_key(i, c), node_key(j, d)) for i, c, j, d in
            zip(rows["source_id"], rows["source_country"], rows["target_id"], rows["target_country"])]
    # the dyad is unordered: each pair of ends in one order (built in Python: a row-wise
    # min over string columns costs pandas seconds on 100,000 rows)
    keep = [a is not None and b is not None and a != b for a, b in ends]
    pairs = pd.DataFrame({"a": [min(e) for e, k in zip(ends, keep) if k], "b": [max(e) for e, k in zip(ends, keep) if k],
                          "goldstein": rows["goldstein"].to_numpy()[keep], "day": rows["day"].to_numpy()[keep],
                          "conflict": (rows["quad_class"] >= 3).to_numpy()[keep]})
    if pairs.empty:
        return []
    grouped = pairs.groupby(["a", "b"]).agg(events=("day", "size"), goldstein_mean=("goldstein", "mean"),
                                            conflict=("conflict", "mean"), last=("day", "max")).reset_index()
    grouped = grouped.sort_values(["events", "last", "a"], ascending=[False, False, True]).head(top)
    return [{"a": r.a, "b": r.b, "a_name": names.get(r.a, r.a), "b_name": names.get(r.b, r.b), "events": int(r.events),
             "goldstein_mean": round(float(r.goldstein_mean), 2) if not pd.isna(r.goldstein_mean) else None,
             "conflict_share": round(float(r.conflict), 2), "last": r.last.date().isoformat()}
            for r in grouped.itertuples(index=False)]


# -- dyad -------------------------------------------------------------------------------------
def dyad(reader: Reader, *, a: str, b: str, by: str, since: str | None, until: str | None,
         period: str | None, min_confidence: float | None = None) -> dict[str, Any]:
    links = reader.links()
    match_a = aggregate.resolve_actor(links.identities, a)
    match_b = aggregate.resolve_actor(links.identities, b)
    aggregate.check_period(by)
    series = links.memo.get(("dyad", match_a, match_b, by, since, until, min_confidence),
                            lambda: dyad_series(reader, links, match_a, match_b, by=by, since=since, until=until,
                                                min_confidence=min_confidence))
    out: dict[str, Any] = {"a": a, "b": b, "a_label": display_name(links, match_a), "b_label": display_name(links, match_b),
                           "by": by, "since": since, "until": until, "min_confidence": min_confidence, **series,
                           "period": period, "period_events": None, "stale": links.stale}
    if period is not None:
        out["period_events"] = period_events(links, match_a, match_b, by, period, min_confidence)
    return jsonable(out)


def dyad_series(reader: Reader, links: Links, a: aggregate.ActorMatch, b: aggregate.ActorMatch, *, by: str,
                since: str | None, until: str | None, min_confidence: float | None) -> dict[str, Any]:
    """Both directions over every period from the dyad's first event to its last: summed by the
    store when its links are current, else from the links computed in memory."""
    if links.stale or min_confidence is not None:
        # with a least confidence too: each linked event's is at hand in memory, while the
        # store would join every report to its event to find it (about ten times slower)
        rows = dyad_rows(links.linked[of_confidence(links.linked, min_confidence)], a, b)
        counts = aggregate.dyad_counts(rows, a, b, by=by, since=since, until=until)
    else:
        with reader.store() as store:
            counts = link_api.dyad_counts(store, a, b, by=by, since=since, until=until, min_confidence=min_confidence)
    table = aggregate.dyad_table(counts, a, b, by=by, fill=True)
    forward, backward = f"{a.label}->{b.label}", f"{b.label}->{a.label}"
    columns = {c: table[c].tolist() for c in table.columns}
    # NaN (no score in a period) as None; every other cell is a plain int, float or string
    columns["goldstein_mean"] = [None if x != x else x for x in columns["goldstein_mean"]]
    rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
    series = {}
    for direction in (forward, backward):
        mine = [r for r in rows if r["direction"] == direction]
        series[direction] = {"events": [r["events"] for r in mine],
                             **{q: [r[q] for r in mine] for q in aggregate.QUAD_NAMES.values()},
                             "goldstein_mean": [r["goldstein_mean"] for r in mine]}
    periods = list(dict.fromkeys(columns["period"]))
    return {"directions": [forward, backward], "periods": periods, "series": series,
            "rows": [r for r in rows if r["events"] > 0],
            "window": chart_span([(r["period"], r["events"]) for r in rows], by, whole=bool(since or until))}


def chart_span(series: list[tuple[str, int]], by: str, *, whole: bool) -> dict[str, Any] | None:
    """The periods the dyad chart shows (`link.window`): where the bulk of the events is, or
    every period with an event when the dates were chosen (`whole`); None without events."""
    window = chart_window(series, by)
    if window is None:
        return None
    if whole:
        busy = [period for period, events in series if events]
        window = Window(by=by, first=min(busy, key=period_day), last=max(busy, key=period_day))
    return {"first": window.first, "last": window.last, "span": window.span(), "before": window.before,
            "after": window.after, "outside": window.outside()}


def display_name(links: Links, match: aggregate.ActorMatch) -> str:
    """A side's name for a heading: a country code given alone reads as its state's name."""
    if not match.ids and len(match.countries) == 1:
        (code,) = match.countries
        states = links.identities[links.identities["type"].eq("COUNTRY") & links.identities["country"].eq(code)]
        if len(states):
            return str(states.iloc[0]["name"])
    return match.label


def dyad_rows(linked: pd.DataFrame, a: aggregate.ActorMatch, b: aggregate.ActorMatch) -> pd.DataFrame:
    """The linked events between A and B in either direction (the series is computed on these
    alone, not on every linked event of the store)."""
    ab = a.side(linked["source_id"], linked["source_country"]) & b.side(linked["target_id"], linked["target_country"])
    ba = b.side(linked["source_id"], linked["source_country"]) & a.side(linked["target_id"], linked["target_country"])
    return linked[ab | ba]


def period_events(links: Links, a: aggregate.ActorMatch, b: aggregate.ActorMatch, by: str, period: str,
                  min_confidence: float | None) -> list[dict[str, Any]]:
    """The dyad's linked events (both directions) in the period starting on `period`."""
    start = parse_period(period, by)
    end = start + {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1)}[by]
    rows = links.events_between(start, end)
    rows = rows[of_confidence(rows, min_confidence)]
    return event_rows(dyad_rows(rows, a, b).sort_values(["day", "link_id"]))


def parse_period(period: str, by: str) -> pd.Timestamp:
    text = period + "-01" if by == "month" and len(period) == 7 else period
    return pd.Timestamp(aggregate.parse_day(text, "period"))


# -- timeline and events ----------------------------------------------------------------------
def timeline(reader: Reader, *, actor: str | None, since: str | None, until: str | None, kind: str | None,
             outlet: str | None, min_confidence: float | None, order: str, paging: Paging) -> dict[str, Any]:
    links = reader.links()
    actor_mask, label = of_actor(links, actor)
    rows = links.linked[window(links, since, until) & actor_mask & of_type(links, kind) & of_outlet(links, outlet)
                        & of_confidence(links.linked, min_confidence)]
    if order == "desc":
        rows = rows.iloc[::-1]
    page = rows.iloc[paging.offset:paging.offset + paging.size]
    return jsonable({"filters": {"actor": actor, "actor_label": label, "since": since, "until": until, "type": kind,
                                 "outlet": outlet, "min_confidence": min_confidence, "order": order},
                     "total": len(rows), "page": paging.page, "size": paging.size, "events": event_rows(page),
                     "stale": links.stale})


def event(reader: Reader, link_id: str) -> dict[str, Any] | None:
    links = reader.links()
    rows = links.linked_event(link_id)
    if rows.empty:
        return None
    reports = links.reports_of(link_id)
    pairs = [(str(d), int(n)) for d, n in zip(reports["doc_id"], reports["n"])]
    with reader.store() as store:
        stored = sql.reports_of(store, pairs)
        first = rows.iloc[0]
        doc = store.document(str(first["first_doc"]))
    coding = None
    if doc is not None and 0 <= int(first["first_n"]) < len(doc.events):
        coding = doc.events[int(first["first_n"])].model_dump(mode="json", exclude_none=True)
    return jsonable({"event": event_rows(rows)[0], "reports": stored, "coding": coding, "stale": links.stale})


def explain(reader: Reader, link_id: str) -> dict[str, Any] | None:
    """The coder re-run on the first report's sentence: parse, actors, patterns (loads the NLP model)."""
    from ..events.explain import explain_document, render

    links = reader.links()
    rows = links.linked_event(link_id)
    if rows.empty:
        return None
    first = rows.iloc[0]
    with reader.store() as store:
        doc = store.document(str(first["first_doc"]))
    if doc is None:
        return None
    x = explain_document(doc, int(first["first_n"]))
    return jsonable({"link_id": link_id, "doc_id": doc.id, "n": int(first["first_n"]), "text": render(x),
                     "explanation": asdict(x)})


def listing(reader: Reader, kind: str, *, filters: Filters, paging: Paging) -> dict[str, Any]:
    """One page of a store listing (`events`, `articles` or `quotes`, as the CLI lists them);
    one row more than the page is read to know whether another page follows."""
    f = Filters(**{**asdict(filters), "limit": paging.size + 1, "offset": paging.offset})
    with reader.store() as store:
        rows = getattr(store, kind)(f)
    return jsonable({"filters": asdict(filters), "page": paging.page, "size": paging.size,
                     "more": len(rows) > paging.size, kind: rows[:paging.size]})


# -- articles ---------------------------------------------------------------------------------
def article(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    links = reader.links()
    with reader.store() as store:
        doc = store.document(doc_id)
    if doc is None:
        return None
    reports = links.event_links[links.event_links["doc_id"] == doc.id]
    link_of = {int(n): str(lid) for n, lid in zip(reports["n"], reports["link_id"])}
    ids = links.actor_identities[links.actor_identities["doc_id"] == doc.id]
    global_of = dict(zip(ids["actor_id"], ids["global_id"]))
    record = doc.model_dump(mode="json", by_alias=True, exclude={"actors", "quotes", "times", "events"})
    return jsonable({
        "article": record,
        "actors": [{"id": a.id, "global_id": global_of.get(a.id), "name": a.name, "type": a.type,
                    "country": a.country, "code": a.code, "roles": a.roles,
                    "mentions": [m.model_dump(mode="json", exclude_none=True) for m in a.mentions]} for a in doc.actors],
        "quotes": [q.model_dump(mode="json", exclude_none=True) for q in doc.quotes],
        "times": [t.model_dump(mode="json", exclude_none=True) for t in doc.times],
        "events": [{"n": n, "link_id": link_of.get(n), **e.model_dump(mode="json", exclude_none=True)}
                   for n, e in enumerate(doc.events)],
    })


# -- actors -----------------------------------------------------------------------------------
def actors(reader: Reader, *, q: str | None, kind: str | None, paging: Paging) -> dict[str, Any]:
    links = reader.links()
    rows = links.identities
    if kind:
        rows = rows[rows["type"].eq(kind.upper())]
    if q:
        wanted = q.strip().casefold()
        rows = rows[rows["variants"].map(lambda vs: any(wanted in v.casefold() for v in vs))
                    | rows["global_id"].str.contains(q.lower(), regex=False) | rows["code"].fillna("").eq(q.upper())]
    page = rows.iloc[paging.offset:paging.offset + paging.size]
    return jsonable({"filters": {"q": q, "type": kind}, "total": len(rows), "page": paging.page, "size": paging.size,
                     "actors": records(page[["global_id", "name", "type", "country", "code", "variants", "documents"]])})


def suggest(reader: Reader, q: str) -> list[dict[str, Any]]:
    """Actors whose name, any spelling, id or code starts a word with `q` (most documents first)."""
    links = reader.links()
    wanted = q.strip().casefold()
    if not wanted:
        return []
    rows = links.identities
    hit = rows["variants"].map(lambda vs: any(starts_a_word(v.casefold(), wanted) for v in vs))
    hit |= rows["code"].fillna("").str.upper().eq(q.strip().upper()) | rows["global_id"].str.startswith(q.strip().lower())
    out = rows[hit].head(SUGGESTIONS)
    return jsonable([{"id": r.global_id, "name": r.name, "type": r.type, "country": r.country}
                     for r in out.itertuples(index=False)])


def starts_a_word(name: str, wanted: str) -> bool:
    return name.startswith(wanted) or f" {wanted}" in name or f"-{wanted}" in name


def actor(reader: Reader, actor_id: str) -> dict[str, Any] | None:
    links = reader.links()
    found = links.identities[links.identities["global_id"] == actor_id]
    if found.empty:
        return None
    identity = records(found)[0]
    ids = links.actor_identities[links.actor_identities["global_id"] == actor_id]
    pairs = [(str(d), str(a)) for d, a in zip(ids["doc_id"], ids["actor_id"])]
    with reader.store() as store:
        facts = sql.actor_facts(store, pairs[:ACTOR_FACT_ROWS])
        quote_count = sql.count_quotes_of(store, pairs)
        said = sql.quotes_of(store, pairs, Filters(limit=DEFAULT_SIZE))
    match = aggregate.ActorMatch(label=str(identity["name"]), ids=frozenset({actor_id}),
                                 countries=frozenset({identity["country"]} if identity["type"] == "COUNTRY" and identity["country"] else ()))
    rows = links.linked
    as_source = rows[match.side(rows["source_id"], rows["source_country"])]
    as_target = rows[match.side(rows["target_id"], rows["target_country"])]
    roles = sorted({r for f in facts for r in (f["roles"] or [])})
    codes = sorted({f["code"] for f in facts if f["code"]})
    return jsonable({
        "actor": identity, "roles": roles, "codes": codes, "documents": len({p[0] for p in pairs}),
        "mentions": [{"doc_id": f["doc_id"], "name": f["name"], "aliases": f["aliases"], "mentions": f["mentions"],
                      "outlet": f["outlet"], "published": f["published"], "title": f["title"]} for f in facts[:DEFAULT_SIZE]],
        "quotes_total": quote_count, "quotes": said,
        "as_source_total": len(as_source), "as_target_total": len(as_target),
        "as_source": event_rows(as_source.sort_values("day", ascending=False).head(ACTOR_EVENTS)),
        "as_target": event_rows(as_target.sort_values("day", ascending=False).head(ACTOR_EVENTS)),
        "dyads": counterparts(as_source, as_target, links.names),
    })


def counterparts(as_source: pd.DataFrame, as_target: pd.DataFrame, names: dict[str, str]) -> list[dict[str, Any]]:
    other = [node_key(i, c) for i, c in zip(as_source["target_id"], as_source["target_country"])]
    other += [node_key(i, c) for i, c in zip(as_target["source_id"], as_target["source_country"])]
    counts = pd.Series([o for o in other if o is not None], dtype=object).value_counts().head(TOP_DYADS)
    return [{"id": k, "name": names.get(k, k), "events": int(v)} for k, v in counts.items()]


# -- map and network --------------------------------------------------------------------------
def iso_numeric(alpha3: str | None) -> str | None:
    """The ISO 3166 numeric code the shipped boundary data names countries by."""
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.numeric if country else None


def places(reader: Reader, *, filters: Filters) -> dict[str, Any]:
    with reader.store() as store:
        spots = sql.places(store, filters)
        countries = sql.place_countries(store, filters)
    for c in countries:
        c["numeric"] = iso_numeric(c["country"])
    return jsonable({"filters": asdict(filters), "places": spots, "countries": countries,
                     "events": sum(p["events"] for p in spots)})


def network(reader: Reader, *, actor: str | None, since: str | None, until: str | None,
            countries: bool) -> dict[str, Any]:
    links = reader.links()
    match = aggregate.resolve_actor(links.identities, actor) if actor else None
    pairs = aggregate.pair_totals(links.linked, actor=match, since=since, until=until)
    graph = aggregate.network(pairs, links.identities, countries_only=countries)
    nodes, edges = aggregate.network_frames(graph)
    return jsonable({"filters": {"actor": actor, "since": since, "until": until, "countries": countries},
                     "nodes": records(nodes), "edges": records(edges.head(NETWORK_EDGES)),
                     "edges_total": len(edges)})

