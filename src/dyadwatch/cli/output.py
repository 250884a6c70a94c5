"""Printing rows: a table that fits the terminal, or JSON Lines, CSV or TSV for programs.

Every listing command takes the same output options (`output_options`) and prints through
`emit`: a table shows a command's default columns (or `--columns`) cut to the terminal's
width; `--json`, `--csv` and `--tsv` write every column, whole, one row per line.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from typing import Any, Iterator

import click

from ..errors import UsageError
from ..safe_output import spreadsheet_cell, terminal_text, tsv_cell
from ..store.db import DEFAULT_DB
from . import table

FORMATS = ("table", "json", "csv", "tsv")
# Width of a table when neither the terminal nor $COLUMNS says (output piped to a file).
DEFAULT_WIDTH = 120
# Below this width a command shows its narrow set of default columns.
NARROW = 100


def output_options(func: Callable) -> Callable:
    """--json/--csv/--tsv and --columns, as every listing command takes them."""
    options = [
        click.option("--json", "fmt", flag_value="json", help="JSON Lines: every column, one object a line"),
        click.option("--csv", "fmt", flag_value="csv", help="CSV with a header: every column (or --columns)"),
        click.option("--tsv", "fmt", flag_value="tsv", help="TSV with a header: every column (or --columns)"),
        click.option("--columns", help="comma-separated columns to show, or 'all' (see --json for their names)"),
    ]
    for opt in reversed(options):
        func = opt(func)
    return func


def output_file(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback of every option naming a file to write: a file whose folder does not
    exist (or a folder) is refused in one line before any work is done; `-` is stdout."""
    if value is not None and value != "-":
        from ..api import check_output

        check_output(value, max(param.opts, key=len))
    return value


def choose(available: Sequence[str], wanted: str | None, default: Sequence[str] | None) -> list[str]:
    if wanted is None:
        return [c for c in (default or available) if c in available] or list(available)
    if wanted.strip() == "all":
        return list(available)
    names = [c.strip() for c in wanted.split(",") if c.strip()]
    unknown = [c for c in names if c not in available]
    if unknown or not names:
        raise UsageError(f"--columns: no column {', '.join(map(repr, unknown)) or 'given'}; "
                         f"this command has {', '.join(available)}")
    return names


def emit(rows: list[dict[str, Any]], fmt: str | None = None, *, columns: str | None = None,
         default: Sequence[str] | None = None, narrow: Sequence[str] | None = None, title: str | None = None) -> None:
    """Print `rows` as a table (default columns), JSON Lines, CSV or TSV (every column).

    `fmt` is None or 'table' for a table; True means JSON (the older `as_json` flag).
    `narrow` are the default columns on a terminal under NARROW columns wide."""
    fmt = "json" if fmt is True else ("table" if not fmt else fmt)
    if fmt not in FORMATS:
        raise UsageError(f"output format is one of {', '.join(FORMATS)}, got {fmt!r}")
    width = terminal_width()
    if narrow and width < NARROW:
        default = narrow
    available = list(rows[0]) if rows else list(default or [])
    chosen = choose(available, columns, default if fmt == "table" else None) if available else []
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps({c: row.get(c) for c in chosen}, default=str, ensure_ascii=False))
        return
    if fmt in ("csv", "tsv"):
        write_delimited(rows, chosen, "," if fmt == "csv" else "\t")
        return
    if not rows:
        click.echo("(nothing found)", err=True)
        return
    lines, hidden = table.render(rows, chosen, width, clean=terminal_text)
    if title:
        click.echo(table.cut(terminal_text(f"{title} ({len(rows)} rows)"), width))
    for line in lines:
        click.echo(line)
    if hidden:
        click.echo(f"note: no room for {', '.join(hidden)} at {width} columns; "
                   "widen the terminal, choose fewer with --columns, or use --json/--csv", err=True)


def write_delimited(rows: list[dict[str, Any]], columns: Sequence[str], sep: str) -> None:
    if sep == ",":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([delimited_cell(row.get(c), sep) for c in columns] for row in rows)
        click.echo(buffer.getvalue(), nl=False)
        return
    click.echo("\t".join(columns))
    for row in rows:
        click.echo("\t".join(str(delimited_cell(row.get(c), sep)) for c in columns))


def delimited_cell(value: Any, sep: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    return tsv_cell(value) if sep == "\t" else spreadsheet_cell(value)


def terminal_width() -> int:
    """The terminal's width ($COLUMNS wins), else DEFAULT_WIDTH."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
    """Done/total, rate and time left on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    meter = Meter(label=label, total=total)
    try:
        yield meter.advance
    finally:
        meter.close()


class Meter:
    """A one-line progress meter: `ingesting 12/51  0.8/s  0:48 left` (redrawn in place)."""

    def __init__(self, *, label: str, total: int | None, clock: Callable[[], float] = time.monotonic):
        self.label, self.total, self.clock = label, total, clock
        self.done = 0
        self.started = clock()
        self.shown = False

    def advance(self, n: int = 1) -> None:
        self.done += n
        click.echo("\r" + self.line() + "\x1b[K", nl=False, err=True)
        self.shown = True

    def line(self) -> str:
        return progress_line(self.label, self.done, self.total, self.clock() - self.started)

    def close(self) -> None:
        if self.shown:
            click.echo("\r\x1b[K", nl=False, err=True)


def progress_line(label: str, done: int, total: int | None, seconds: float) -> str:
    """`label done/total  rate/s  m:ss left` (the parts that are known)."""
    rate = done / seconds if seconds > 0 else 0.0
    parts = [f"{label} {done}/{total}" if total else f"{label} {done}"]
    parts.append(f"{rate:.1f}/s" if rate < 10 else f"{rate:.0f}/s")
    if total and rate > 0 and done < total:
        left = int((total - done) / rate)
        parts.append(f"{left // 60}:{left % 60:02d} left")
    return "  ".join(parts)


def common_filters(func: Callable) -> Callable:
    """The filter and output options every listing command takes."""
    options = [
        click.option("--db", default=DEFAULT_DB, show_default=True, help="store file"),
        click.option("--actor", help="actor id, any name variant, actor code (AZEGOV) or country code (AZE)"),
        click.option("--since", help="from this date (YYYY-MM-DD)"),
        click.option("--until", help="up to this date (YYYY-MM-DD)"),
        click.option("--outlet", help="outlet name (substring)"),
        click.option("--type", "type_", help="actor type, quote kind, or CAMEO/PLOVER code"),
        click.option("--limit", type=click.IntRange(min=1), help="at most this many rows"),
    ]
    for opt in reversed(options):
        func = opt(func)
    return output_options(func)


min_confidence_option = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None,
    help="only events whose confidence (0-1, calibrated on the development set) is at least this")


def stage_list(value: str | None) -> list[str] | None:
    return None if value is None else value.split(",")


def lines(rows: Iterable[str]) -> None:
    for r in rows:
        click.echo(r)
