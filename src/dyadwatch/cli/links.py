"""Cross-document verbs: link, timeline, dyad, network. Each wraps one `dyadwatch.link.api` function."""
from __future__ import annotations

import json

import importlib

import click

from ..frames import plain_rows, records
from ..link import views
from ..store.db import DEFAULT_DB
from .output import emit, min_confidence_option, output_file, output_options


class _LinkApi:
    """`dyadwatch.link.api`, imported when a command first uses it (pandas, networkx and
    datasketch would otherwise add about a second to every dyadwatch call)."""

    def __getattr__(self, name: str):
        return getattr(importlib.import_module("dyadwatch.link.api"), name)


api = _LinkApi()

# Columns of a timeline table when --columns is not given (--json/--csv/--tsv write all).
TIMELINE_COLUMNS = ("date", "source", "target", "cameo", "goldstein", "reports", "outlets", "evidence")
TIMELINE_NARROW = ("date", "source", "target", "cameo", "goldstein", "reports", "evidence")

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="store file")
since_option = click.option("--since", help="from this date (YYYY-MM-DD)")
until_option = click.option("--until", help="up to this date (YYYY-MM-DD)")
output_option = click.option("-o", "--output", type=click.Path(dir_okay=False), callback=output_file,
                             help="also write the rows to FILE (.csv, .parquet, .jsonl)")


def warn(message: str) -> None:
    click.echo(f"note: {message}", err=True)


def save(frame, output: str | None) -> None:
    if output:
        api.export_frame(frame, output)
        click.echo(f"{len(frame)} rows written to {output}", err=True)


@click.command()
@db_option
@click.option("--full", is_flag=True, help="recompute every link from the whole store (default: link what was added)")
def link(db: str, full: bool) -> None:
    """Bring duplicates, actor identities and linked events of the store up to date.

    \b
    Example:
      dyadwatch link --db demo.duckdb
    """
    run = api.relink(db, full=full)
    click.echo(f"{run.documents} documents in {run.stories} stories; {run.identities} actor identities; "
               f"{run.events} event reports in {run.linked_events} linked events ({run.seconds:.2f} s)", err=True)


@click.command()
@db_option
@click.option("--actor", help="actor id, any name variant, actor code (AZEGOV) or country code (AZE)")
@since_option
@until_option
@click.option("--limit", type=click.IntRange(min=1), help="at most this many rows")
@output_options
@output_option
@min_confidence_option
def timeline(db: str, actor: str | None, since: str | None, until: str | None, limit: int | None,
             fmt: str | None, columns: str | None, output: str | None,
             min_confidence: float | None) -> None:
    """Linked events by date: codes, Goldstein scores, reports, one evidence sentence, and the
    first report's article (outlet, date, URL or file, title).

    \b
    Example:
      dyadwatch timeline --db demo.duckdb --actor AZE --since 2024-12-01 --limit 10
    """
    query = dict(actor=actor, since=since, until=until, stale=warn, min_confidence=min_confidence, limit=limit)
    if output:  # a file is written from a data frame; a table or JSON Lines need no pandas
        frame = views.timeline(db, **query)
        save(frame, output)
        rows = records(frame)
    else:
        rows = plain_rows(views.timeline(db, as_frame=False, **query))
    emit(rows, fmt, columns=columns, default=TIMELINE_COLUMNS, narrow=TIMELINE_NARROW, title="timeline (linked events)")


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@since_option
@until_option
@click.option("--fill", is_flag=True, help="every period from the first event to the last, quiet ones as zeros")
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), callback=output_file,
              help="draw the series to FILE.png or FILE.svg (the span holding the bulk of the events)")
@click.option("--whole", is_flag=True, help="with --plot: chart every event, however far from the rest")
@output_options
@output_option
@min_confidence_option
def dyad(a: str, b: str, db: str, by: str, since: str | None, until: str | None, fill: bool,
         plot_file: str | None, whole: bool, fmt: str | None, columns: str | None, output: str | None,
         min_confidence: float | None) -> None:
    """Both directions between actors A and B (ids, names, actor or country codes) per period.

    The chart (--plot) spans the periods holding the bulk of the events, titled with both
    actors and that span, and says how many events lie outside it (--whole, or dates given
    with --since/--until, chart them all).

    \b
    Example:
      dyadwatch dyad RUS AZE --db demo.duckdb --by month --plot dyad.png
    """
    rows = views.dyad(db, a, b, by=by, since=since, until=until, fill=fill, stale=warn, min_confidence=min_confidence,
                      as_frame=False)
    if output or plot_file:
        frame = views.dyad_frame(rows)
        save(frame, output)
        if plot_file:
            from ..link.plot import plot_dyad

            first, second = sides(rows, a, b)
            plot_dyad(frame, plot_file, title=f"{first} and {second}: linked events by {by}", by=by,
                      whole=whole or bool(since or until))
            click.echo(f"chart written to {plot_file}", err=True)
    emit(plain_rows(rows), fmt, columns=columns, title=f"dyad {a} {b} by {by}")


def sides(rows: list[dict], a: str, b: str) -> tuple[str, str]:
    """The two actors as the series names them (their identities' names), else as given."""
    for row in rows:
        first, arrow, second = str(row.get("direction") or "").partition("->")
        if arrow:
            return first, second
    return a, b


@click.command()
@db_option
@click.option("--actor", help="only events of this actor (id, name or country code)")
@since_option
@until_option
@click.option("--countries", is_flag=True, help="one node per country instead of per actor")
@click.option("--graphml", type=click.Path(dir_okay=False), callback=output_file, help="write the graph as GraphML to FILE")
@click.option("--graph-json", "graph_json", is_flag=True, help="print the graph as node-link JSON")
@output_options
@min_confidence_option
def network(db: str, actor: str | None, since: str | None, until: str | None, countries: bool,
            graphml: str | None, graph_json: bool, fmt: str | None, columns: str | None,
            min_confidence: float | None) -> None:
    """The actor network weighted by linked events: one row per directed edge.

    \b
    Example:
      dyadwatch network --db demo.duckdb --countries --graphml network.graphml
    """
    graph = api.network(db, countries=countries, actor=actor, since=since, until=until, stale=warn,
                        min_confidence=min_confidence)
    if graphml:
        api.write_graph(graph, graphml)
        click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges written to {graphml}", err=True)
    if graph_json:
        click.echo(json.dumps(api.graph_json(graph), ensure_ascii=False))
        return
    _, edges = api.network_frames(graph)
    emit(records(edges), fmt, columns=columns, title="network edges (weight = linked events)")


COMMANDS = [link, timeline, dyad, network]
