"""Timelines, dyad series and actor networks over linked events (pandas in, pandas out).

Every count and score here is of linked events: a happening reported by five outlets is
one event with five reports, and adds its Goldstein score once.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import UsageError
from ..output_text import unknown_actor
from .identity import fold_name, name_tokens

if TYPE_CHECKING:
    import networkx as nx

PERIODS = ("day", "week", "month")
QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
COUNTRY_CODE = re.compile(r"^[A-Za-z]{3}$")

TIMELINE_COLUMNS = ["date", "source", "target", "cameo", "plover", "quad_class", "goldstein", "reports", "stories",
                    "outlets", "evidence", "first_outlet", "first_published", "source_id", "target_id",
                    "source_country", "target_country", "precise", "link_id", "first_doc"]


@dataclass(frozen=True, kw_only=True)
class ActorMatch:
    """What an actor given by a user stands for: identities and/or a whole country."""

    label: str
    ids: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()

    def side(self, ids: pd.Series, countries: pd.Series) -> pd.Series:
        return ids.isin(self.ids) | countries.isin(self.countries)


def resolve_actor(identities: pd.DataFrame, text: str) -> ActorMatch:
    """An actor id (per-document or global), a name in any variant, or a country code."""
    text = text.strip()
    if not text:
        raise UsageError("an actor is needed: an actor id, a name, or a country code such as AZE")
    countries = set(identities["country"].dropna()) if len(identities) else set()
    if COUNTRY_CODE.match(text) and (text.isupper() or text.upper() in countries):
        return ActorMatch(label=text.upper(), countries=frozenset({text.upper()}))
    by_id = identities[identities["global_id"].eq(text) | identities["actor_ids"].map(lambda ids: text in list(ids))
                       | identities["code"].eq(text.upper())]
    if by_id.empty:
        wanted = fold_name(text)
        by_id = identities[identities["variants"].map(lambda vs: any(fold_name(v) == wanted for v in vs))]
    if by_id.empty and len(name_tokens(text)) == 1:
        # a surname alone: the people whose last name folds to it
        wanted = fold_name(text)
        by_id = identities[identities["type"].eq("PERSON") & identities["name"].map(
            lambda n: bool(name_tokens(n)) and fold_name(name_tokens(n)[-1]) == wanted)]
    if by_id.empty:
        known = [str(x) for col in ("global_id", "name", "code") for x in identities[col].dropna()]
        raise unknown_actor(text, known)
    states = by_id[by_id["type"].eq("COUNTRY") & by_id["country"].notna()]
    label = str(by_id.iloc[0]["name"]) if len(by_id) == 1 else text
    return ActorMatch(label=label, ids=frozenset(by_id["global_id"]), countries=frozenset(states["country"]))


def names_of(identities: pd.DataFrame) -> dict[str, str]:
    return dict(zip(identities["global_id"], identities["name"])) if len(identities) else {}


def side_label(ids: pd.Series, countries: pd.Series, names: dict[str, str]) -> pd.Series:
    return pd.Series([names.get(i, i) if isinstance(i, str) else (c if isinstance(c, str) else None)
                      for i, c in zip(ids, countries)], index=ids.index, dtype=object)


def in_dates(linked: pd.DataFrame, since: str | None, until: str | None) -> pd.Series:
    keep = pd.Series(True, index=linked.index)
    dates = pd.to_datetime(linked["event_date"])
    if since:
        keep &= dates >= pd.Timestamp(parse_day(since, "--since"))
    if until:
        keep &= dates <= pd.Timestamp(parse_day(until, "--until"))
    return keep


def parse_day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, got {value!r}") from e


def timeline(linked: pd.DataFrame, identities: pd.DataFrame, *, actor: ActorMatch | None = None,
             since: str | None = None, until: str | None = None) -> pd.DataFrame:
    """Linked events by date, with codes, Goldstein scores, sources and one evidence sentence."""
    rows = linked[in_dates(linked, since, until)]
    if actor is not None:
        rows = rows[actor.side(rows["source_id"], rows["source_country"])
                    | actor.side(rows["target_id"], rows["target_country"])]
    names = names_of(identities)
    out = rows.assign(
        date=rows["event_date"],
        source=side_label(rows["source_id"], rows["source_country"], names),
        target=side_label(rows["target_id"], rows["target_country"], names),
        outlets=rows["outlets"].map(lambda xs: list(xs) if xs is not None else []),
    )
    out = out.sort_values(["date", "link_id"], na_position="last", kind="stable")
    return out[TIMELINE_COLUMNS].reset_index(drop=True)


def period_start(dates: pd.Series, by: str) -> pd.Series:
    days = pd.to_datetime(dates)
    if by == "day":
        return days.dt.normalize()
    if by == "week":
        return (days - pd.to_timedelta(days.dt.weekday, unit="D")).dt.normalize()
    return days.dt.to_period("M").dt.start_time


def all_periods(first: pd.Timestamp, last: pd.Timestamp, by: str) -> pd.DatetimeIndex:
    freq = {"day": "D", "week": "W-MON", "month": "MS"}[by]
    return pd.date_range(first, last, freq=freq)


DYAD_COUNTS = ["period", "direction", "events", "reports", "goldstein_sum", "goldstein_mean", *QUAD_NAMES.values()]
FORWARD, BACKWARD = "forward", "backward"


def dyad(linked: pd.DataFrame, a: ActorMatch, b: ActorMatch, *, by: str = "week",
         since: str | None = None, until: str | None = None, fill: bool = False) -> pd.DataFrame:
    """Both directions of a dyad per period: event counts by quad class, Goldstein sums and means.

    Each period with an event has a row per direction (zeros for the quiet one). With
    `fill`, every period from the first to the last event appears, for a regular series.
    """
    return dyad_table(dyad_counts(linked, a, b, by=by, since=since, until=until), a, b, by=by, fill=fill)


def check_period(by: str) -> None:
    if by not in PERIODS:
        raise UsageError(f"--by takes one of {', '.join(PERIODS)}, got {by!r}")


def dyad_counts(linked: pd.DataFrame, a: ActorMatch, b: ActorMatch, *, by: str = "week",
                since: str | None = None, until: str | None = None) -> pd.DataFrame:
    """The dated linked events from A to B (`forward`) and from B to A (`backward`) summed per
    period (its first day) and direction: only the pairs that have an event (the store sums
    the same in SQL, see `store.links.dyad_counts`)."""
    check_period(by)
    rows = linked[in_dates(linked, since, until) & linked["event_date"].notna()]
    src_a = a.side(rows["source_id"], rows["source_country"])
    tgt_a = a.side(rows["target_id"], rows["target_country"])
    src_b = b.side(rows["source_id"], rows["source_country"])
    tgt_b = b.side(rows["target_id"], rows["target_country"])
    direction = pd.Series(None, index=rows.index, dtype=object)
    direction[src_b & tgt_a] = BACKWARD
    direction[src_a & tgt_b] = FORWARD
    rows = rows.assign(direction=direction, period=period_start(rows["event_date"], by)).dropna(subset=["direction"])
    if rows.empty:
        return pd.DataFrame(columns=DYAD_COUNTS)
    quads = pd.get_dummies(rows["quad_class"].map(QUAD_NAMES)).reindex(columns=list(QUAD_NAMES.values()), fill_value=0)
    rows = pd.concat([rows, quads.astype(int)], axis=1)
    table = rows.groupby(["period", "direction"]).agg(
        events=("link_id", "size"), reports=("reports", "sum"), goldstein_sum=("goldstein", "sum"),
        goldstein_mean=("goldstein", "mean"), **{q: (q, "sum") for q in QUAD_NAMES.values()})
    return table.reset_index()[DYAD_COUNTS]


def dyad_table(counts: pd.DataFrame, a: ActorMatch, b: ActorMatch, *, by: str = "week",
               fill: bool = False) -> pd.DataFrame:
    """The dyad series from its sums per period and direction (`dyad_counts`): a row per
    direction, named `A->B` and `B->A`, for each period with an event (every period from the
    first to the last with `fill`)."""
    check_period(by)
    forward, backward = f"{a.label}->{b.label}", f"{b.label}->{a.label}"
    columns = ["period", "direction", "events", *QUAD_NAMES.values(), "goldstein_sum", "goldstein_mean", "reports"]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    counts = counts.assign(period=pd.to_datetime(counts["period"]),
                           direction=counts["direction"].map({FORWARD: forward, BACKWARD: backward}))
    table = counts.set_index(["period", "direction"])
    periods = all_periods(counts["period"].min(), counts["period"].max(), by) if fill else sorted(counts["period"].unique())
    full = pd.MultiIndex.from_product([periods, [forward, backward]], names=["period", "direction"])
    table = table.reindex(full)
    sums = ["events", "reports", "goldstein_sum", *QUAD_NAMES.values()]
    table[sums] = table[sums].fillna(0)
    table = table.reset_index()
    for col in ["events", "reports", *QUAD_NAMES.values()]:
        table[col] = table[col].astype(int)
    table["period"] = table["period"].dt.strftime("%Y-%m" if by == "month" else "%Y-%m-%d")
    table["goldstein_sum"] = table["goldstein_sum"].astype(float).round(2)
    table["goldstein_mean"] = table["goldstein_mean"].astype(float).round(2)
    return table[columns]


def node_of(actor: object, country: object, countries_only: bool) -> str | None:
    if countries_only:
        return country if isinstance(country, str) else None
    if isinstance(actor, str):
        return actor
    return country if isinstance(country, str) else None


PAIR_COLUMNS = ["source_id", "target_id", "source_country", "target_country", "weight", "reports", "goldstein_sum",
                "cooperation", "conflict"]


def pair_totals(linked: pd.DataFrame, *, actor: ActorMatch | None = None, since: str | None = None,
                until: str | None = None) -> pd.DataFrame:
    """Linked events summed per (source, target, their countries): what the network is drawn
    from (the store computes the same table in SQL, see `store.links.pair_totals`)."""
    rows = linked[in_dates(linked, since, until)]
    if actor is not None:
        rows = rows[actor.side(rows["source_id"], rows["source_country"])
                    | actor.side(rows["target_id"], rows["target_country"])]
    if rows.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    quad = rows["quad_class"]
    rows = rows.assign(weight=1, goldstein_sum=rows["goldstein"].fillna(0.0),
                       cooperation=(quad <= 2).fillna(False).astype(int), conflict=(quad > 2).fillna(False).astype(int))
    keys = ["source_id", "target_id", "source_country", "target_country"]
    return (rows.groupby(keys, dropna=False, sort=True)[["weight", "reports", "goldstein_sum", "cooperation", "conflict"]]
            .sum().reset_index()[PAIR_COLUMNS])


def network(pairs: pd.DataFrame, identities: pd.DataFrame, *, countries_only: bool = False) -> nx.DiGraph:
    """Actors as nodes, an edge source -> target weighted by the linked events between them,
    from `pair_totals`."""
    import networkx as nx  # only the network needs it

    info = identities.set_index("global_id") if len(identities) else pd.DataFrame()
    graph = nx.DiGraph()
    for r in pairs.itertuples(index=False):
        s = node_of(r.source_id, r.source_country, countries_only)
        t = node_of(r.target_id, r.target_country, countries_only)
        if s is None or t is None:
            continue
        for node, country in ((s, r.source_country), (t, r.target_country)):
            if node not in graph:
                graph.add_node(node, **node_attributes(node, country, info))
            graph.nodes[node]["events"] += int(r.weight)
        if not graph.has_edge(s, t):
            graph.add_edge(s, t, weight=0, reports=0, goldstein_sum=0.0, cooperation=0, conflict=0)
        edge = graph.edges[s, t]
        edge["weight"] += int(r.weight)
        edge["reports"] += int(r.reports)
        edge["goldstein_sum"] = round(edge["goldstein_sum"] + float(r.goldstein_sum), 2)
        edge["cooperation"] += int(r.cooperation)
        edge["conflict"] += int(r.conflict)
    return graph


def node_attributes(node: str, country: object, info: pd.DataFrame) -> dict[str, object]:
    """Plain string/number attributes only, as GraphML requires."""
    if node in info.index:
        row = info.loc[node]
        return {"name": str(row["name"]), "type": str(row["type"]),
                "country": row["country"] if isinstance(row["country"], str) else "", "events": 0}
    return {"name": node, "type": "COUNTRY" if node == country else "", "country": country if isinstance(country, str) else "",
            "events": 0}


def network_frames(graph: nx.DiGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = pd.DataFrame([{"id": n, **attrs} for n, attrs in graph.nodes(data=True)],
                         columns=["id", "name", "type", "country", "events"])
    edges = pd.DataFrame([{"source": s, "target": t, **attrs} for s, t, attrs in graph.edges(data=True)],
                         columns=["source", "target", "weight", "reports", "goldstein_sum", "cooperation", "conflict"])
    return (nodes.sort_values(["events", "id"], ascending=[False, True]).reset_index(drop=True),
            edges.sort_values(["weight", "source", "target"], ascending=[False, True, True]).reset_index(drop=True))
