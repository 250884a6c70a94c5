"""Printing rows: a readable table on a terminal, JSON Lines with --json."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from typing import Any, Iterator

import click

from ..safe_output import table_cell
from ..store.db import DEFAULT_DB

COLUMN_WIDTH = 60


def emit(rows: list[dict[str, Any]], as_json: bool, *, title: str | None = None) -> None:
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
        return
    if not rows:
        click.echo("(nothing found)", err=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for name in rows[0]:
        table.add_column(name, overflow="fold", max_width=COLUMN_WIDTH)
    for row in rows:
        table.add_row(*(table_cell(v) for v in row.values()))
    Console(width=None if sys.stdout.isatty() else 200).print(table)


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal; a no-op otherwise."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def common_filters(func: Callable) -> Callable:
    """The filter options every listing command takes."""
    options = [
        click.option("--db", default=DEFAULT_DB, show_default=True, help="store file"),
        click.option("--actor", help="actor id, any name variant, or country code (AZE)"),
        click.option("--since", help="from this date (YYYY-MM-DD)"),
        click.option("--until", help="up to this date (YYYY-MM-DD)"),
        click.option("--outlet", help="outlet name (substring)"),
        click.option("--type", "type_", help="actor type, quote kind, or CAMEO/PLOVER code"),
        click.option("--limit", type=click.IntRange(min=1), help="at most this many rows"),
        click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table"),
    ]
    for opt in reversed(options):
        func = opt(func)
    return func


min_confidence_option = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None,
    help="only events whose confidence (0-1, calibrated on the development set) is at least this")


def stage_list(value: str | None) -> list[str] | None:
    return None if value is None else value.split(",")


def lines(rows: Iterable[str]) -> None:
    for r in rows:
        click.echo(r)
